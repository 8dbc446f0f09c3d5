package vn.hoctap.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo's own certification authority, "KHÔNG DÙNG THẬT": a root made at first start and one certificate per
 * signer, kept as PKCS#12 files under hoctap.signing.dir/demo (the password next to them: a test CA has no secret
 * to keep). Its signatures are real PAdES signatures that chain to this root only, which no one else trusts.
 */
public final class DemoCa {

  public static final String NOT_FOR_REAL = "KHÔNG DÙNG THẬT";
  static final String ROOT_NAME = "hoctap CA thử nghiệm - " + NOT_FOR_REAL;
  private static final String ROOT_FILE = "ca.p12";

  private final Path dir;
  private final char[] password;
  private final PrivateKey rootKey;
  private final X509Certificate root;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ServerKey> issued = new ConcurrentHashMap<>();

  /** A private key and its chain (signer first, root last). */
  public record ServerKey(PrivateKey key, List<X509Certificate> chain, boolean demo) {
    public X509Certificate certificate() {
      return chain.get(0);
    }
  }

  DemoCa(Path dir) {
    this.dir = dir.resolve("demo");
    try {
      Files.createDirectories(this.dir);
      Path pw = this.dir.resolve("password.txt");
      if (!Files.exists(pw)) {
        byte[] b = new byte[18];
        random.nextBytes(b);
        Files.writeString(pw, HexFormat.of().formatHex(b), StandardCharsets.US_ASCII);
      }
      this.password = Files.readString(pw, StandardCharsets.US_ASCII).strip().toCharArray();
      Path rootFile = this.dir.resolve(ROOT_FILE);
      if (!Files.exists(rootFile)) {
        KeyPair kp = keyPair();
        X509Certificate cert = certificate(name(ROOT_NAME, "hoctap (thử nghiệm)", null), kp, kp.getPrivate(), null,
            Duration.ofDays(365L * 40), true);
        store(rootFile, "ca", kp.getPrivate(), List.of(cert));
      }
      ServerKey r = load(rootFile, null);
      this.rootKey = r.key();
      this.root = r.certificate();
    } catch (IOException e) {
      throw new UncheckedIOException("Không tạo được CA thử nghiệm tại " + this.dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Không tạo được CA thử nghiệm", e);
    }
  }

  public X509Certificate root() {
    return root;
  }

  /** The signer's demo key, issued by the demo CA the first time it is asked for. */
  public ServerKey keyFor(String userId, String personName, String orgName) {
    return issued.computeIfAbsent(userId, id -> {
      Path file = dir.resolve(fileName(id) + ".p12");
      try {
        synchronized (this) {
          if (!Files.exists(file)) {
            KeyPair kp = keyPair();
            X509Certificate cert = certificate(name(personName, orgName + " (" + NOT_FOR_REAL + ")", id), kp,
                rootKey, root, Duration.ofDays(365L * 30), false);
            store(file, "signer", kp.getPrivate(), List.of(cert, root));
          }
        }
        return load(file, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static String fileName(String userId) {
    return userId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private ServerKey load(Path file, String alias) throws IOException, GeneralSecurityException {
    return Keystores.load(file, password, alias, true);
  }

  private void store(Path file, String alias, PrivateKey key, List<X509Certificate> chain)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(alias, key, password, chain.toArray(new X509Certificate[0]));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      ks.store(out, password);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X500Name name(String cn, String org, String uid) {
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, org)
        .addRDN(BCStyle.OU, "Chứng thư thử nghiệm - " + NOT_FOR_REAL).addRDN(BCStyle.CN, cn);
    if (uid != null) {
      b.addRDN(BCStyle.UID, uid);
    }
    return b.build();
  }

  private X509Certificate certificate(X500Name subject, KeyPair kp, PrivateKey issuerKey, X509Certificate issuer,
      Duration validity, boolean ca) throws GeneralSecurityException {
    try {
      // a test CA: valid from 2020 on, so that the engine clock of demos and tests (moved to past dates) falls
      // inside every certificate's validity
      Instant from = Instant.parse("2020-01-01T00:00:00Z");
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
          issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
          new BigInteger(96, random).abs().add(BigInteger.ONE), Date.from(from), Date.from(from.plus(validity)),
          subject, kp.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      b.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
          : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
      if (issuer != null) {
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
      }
      return new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
      throw new GeneralSecurityException(e);
    }
  }

}
