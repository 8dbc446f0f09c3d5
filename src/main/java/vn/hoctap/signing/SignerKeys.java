package vn.hoctap.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who signs how (README "Chữ ký số"): a server-side key configured for the signer (user) or, failing that, for the
 * signer's organisation; else the remote-signing service if the signer is listed for it; else the demo CA when it
 * is on; else the signer's own tool (USB token) through /api/signing. Every configured keystore is opened at start,
 * so a wrong path or password stops hoctap with its name instead of failing at the first decision.
 */
@Component
@EnableConfigurationProperties(SigningSettings.class)
public class SignerKeys {

  public enum Method { SERVER_KEY, REMOTE, SIGNER_TOOL }

  /** How one signer signs; the key for SERVER_KEY. */
  public record Resolution(Method method, DemoCa.ServerKey key) {}

  private final SigningSettings settings;
  private final Map<String, DemoCa.ServerKey> byUser = new LinkedHashMap<>();
  private final Map<String, DemoCa.ServerKey> byOrg = new LinkedHashMap<>();
  private final DemoCa demo;
  private final List<X509Certificate> anchors = new ArrayList<>();

  SignerKeys(SigningSettings settings) {
    this.settings = settings;
    for (SigningSettings.Key k : settings.keys()) {
      if ((k.user() == null || k.user().isBlank()) == (k.org() == null || k.org().isBlank())) {
        throw new IllegalStateException("hoctap.signing.keys: mỗi khóa ghi đúng một trong user (người ký) hoặc org"
            + " (mã cơ quan), keystore " + k.keystore());
      }
      DemoCa.ServerKey key;
      try {
        key = Keystores.load(k.keystore(), k.password() == null ? new char[0] : k.password().toCharArray(),
            k.alias(), false);
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("Không mở được kho khóa " + k.keystore() + " (hoctap.signing.keys): "
            + e.getMessage(), e);
      }
      if (k.user() != null && !k.user().isBlank()) {
        byUser.put(k.user().strip(), key);
      } else {
        byOrg.put(k.org().strip(), key);
      }
      anchors.add(key.chain().get(key.chain().size() - 1));
    }
    for (Path pem : settings.trustAnchors()) {
      try (InputStream in = Files.newInputStream(pem)) {
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          anchors.add((X509Certificate) c);
        }
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("Không đọc được chứng thư gốc " + pem + " (hoctap.signing.trust-anchors)", e);
      }
    }
    this.demo = settings.demoCa() ? new DemoCa(settings.dir()) : null;
    if (demo != null) {
      anchors.add(demo.root());
    }
  }

  public Resolution resolve(String userId, String orgCode, String personName, String orgName) {
    DemoCa.ServerKey key = byUser.get(userId);
    if (key == null && orgCode != null) {
      key = byOrg.get(orgCode);
    }
    if (key != null) {
      return new Resolution(Method.SERVER_KEY, key);
    }
    SigningSettings.Remote remote = settings.remote();
    if (remote.configured() && (remote.signers().contains(userId) || remote.signers().contains(orgCode)
        || remote.signers().contains("*"))) {
      return new Resolution(Method.REMOTE, null);
    }
    if (demo != null) {
      return new Resolution(Method.SERVER_KEY, demo.keyFor(userId, personName, orgName));
    }
    return new Resolution(Method.SIGNER_TOOL, null);
  }

  /**
   * How the signer signs, as {@link #resolve} decides, without issuing a demo key: cheap enough for the decision's
   * transaction, which only records that a document is to be signed.
   */
  public Method method(String userId, String orgCode) {
    if (byUser.containsKey(userId) || orgCode != null && byOrg.containsKey(orgCode)) {
      return Method.SERVER_KEY;
    }
    SigningSettings.Remote remote = settings.remote();
    if (remote.configured() && (remote.signers().contains(userId) || remote.signers().contains(orgCode)
        || remote.signers().contains("*"))) {
      return Method.REMOTE;
    }
    return demo != null ? Method.SERVER_KEY : Method.SIGNER_TOOL;
  }

  /** The roots hoctap trusts for its signers' certificates: configured ones, keystores' roots, the demo CA. */
  public List<X509Certificate> trustAnchors() {
    return List.copyOf(anchors);
  }

  public Optional<DemoCa> demo() {
    return Optional.ofNullable(demo);
  }

  public Optional<TimestampClient> timestamps() {
    return settings.timestamps() ? Optional.of(new TimestampClient(settings.tsaUrl())) : Optional.empty();
  }

  public SigningSettings settings() {
    return settings;
  }

  /** A configured (not demo) key's certificate, for the administration page. */
  public Optional<X509Certificate> configured(String userId, String orgCode) {
    DemoCa.ServerKey k = byUser.get(userId);
    if (k == null && orgCode != null) {
      k = byOrg.get(orgCode);
    }
    return Optional.ofNullable(k).map(DemoCa.ServerKey::certificate);
  }
}
