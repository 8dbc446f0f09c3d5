package vn.hoctap.signing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ký số (hoctap.signing.*, README "Chữ ký số"): where signers' keys are, the timestamp service, the remote-signing
 * service, and the demo CA.
 *
 * @param demoCa       generate a test CA and one certificate per signer ("KHÔNG DÙNG THẬT"); demo profile only
 * @param dir          where the demo CA and its keystores are kept
 * @param tsaUrl       an RFC 3161 timestamp service: signatures become PAdES-B-T (blank: PAdES-B-B)
 * @param trustAnchors PEM files of the CA certificates whose signers' certificates hoctap accepts (from signers'
 *                     own tools and remote services) and recognises on uploaded files
 * @param keys         server-side keys: a PKCS#12 keystore per signer (user) or per organisation (org code)
 * @param remote       a remote-signing service and the signers (users or org codes) who sign through it
 */
@ConfigurationProperties("hoctap.signing")
public record SigningSettings(boolean demoCa, Path dir, String tsaUrl, List<Path> trustAnchors, List<Key> keys,
    Remote remote) {

  /** One PKCS#12 keystore: for the user, or for every signer of the organisation with that code. */
  public record Key(String user, String org, Path keystore, String password, String alias) {}

  /**
   * A remote-signing service (SmartCA-like): hoctap posts the document's hash to url (JSON, bearer token) and the
   * service answers the CMS signature, at once or later through /api/signing/documents/{id}/signature.
   */
  public record Remote(String url, String token, Duration timeout, List<String> signers) {
    public Remote {
      timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
      signers = signers == null ? List.of() : List.copyOf(signers);
    }

    public boolean configured() {
      return url != null && !url.isBlank();
    }
  }

  public SigningSettings {
    dir = dir == null ? Path.of("data", "signing") : dir;
    trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    keys = keys == null ? List.of() : List.copyOf(keys);
    remote = remote == null ? new Remote(null, null, null, null) : remote;
  }

  public boolean timestamps() {
    return tsaUrl != null && !tsaUrl.isBlank();
  }
}
