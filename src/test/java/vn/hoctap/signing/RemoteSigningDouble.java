package vn.hoctap.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Plays, over real HTTP on 127.0.0.1, a remote-signing service (SmartCA-like: POST /sign with the hash, answers the
 * CMS at once or 202 "the signer confirms later") and an RFC 3161 timestamp service (POST /tsa). It has its own CA
 * ("remote CA"), which hoctap is told to trust through hoctap.signing.trust-anchors, and one signer certificate
 * from it; RSA keys, as Vietnamese CAs issue.
 */
public final class RemoteSigningDouble implements AutoCloseable {

  final HttpServer server;
  final X509Certificate root;
  final PrivateKey signerKey;
  final X509Certificate signerCert;
  final Path rootPem;
  /** When set, /sign answers 202 (the signer has not confirmed yet). */
  final AtomicBoolean later = new AtomicBoolean();
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger timestamps = new AtomicInteger();
  private final ObjectMapper json = new ObjectMapper();

  public RemoteSigningDouble() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair rootKp = g.generateKeyPair();
    root = cert("CN=CA ký số từ xa (thử),O=Dịch vụ thử,C=VN", rootKp, rootKp.getPrivate(), null, true, null);
    KeyPair signerKp = g.generateKeyPair();
    signerKey = signerKp.getPrivate();
    signerCert = cert("CN=Phạm Văn Dũng,O=Ủy ban nhân dân huyện Thanh Trì,C=VN", signerKp, rootKp.getPrivate(),
        root, false, null);
    KeyPair tsaKp = g.generateKeyPair();
    X509Certificate tsaCert = cert("CN=Dịch vụ dấu thời gian (thử),C=VN", tsaKp, rootKp.getPrivate(), root, false,
        KeyPurposeId.id_kp_timeStamping);
    rootPem = Files.createTempFile("remote-ca-", ".pem");
    try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(rootPem))) {
      w.writeObject(root);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/sign", this::sign);
    TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
        .build("SHA256withRSA", tsaKp.getPrivate(), tsaCert), new JcaDigestCalculatorProviderBuilder().build()
        .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers
            .idSHA1)), new ASN1ObjectIdentifier("1.2.3.4.1"));
    tokens.addCertificates(new JcaCertStore(List.of(tsaCert, root)));
    TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    server.createContext("/tsa", ex -> {
      try {
        TimeStampRequest req = new TimeStampRequest(ex.getRequestBody().readAllBytes());
        byte[] resp = responses.generate(req, BigInteger.valueOf(timestamps.incrementAndGet()), new Date())
            .getEncoded();
        ex.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        reply(ex, 200, resp);
      } catch (Exception e) {
        reply(ex, 500, e.toString().getBytes(StandardCharsets.UTF_8));
      }
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The CMS the signer's device makes over a hash: what the service returns, and what a signer's tool posts. */
  public byte[] cms(byte[] sha256) {
    return Cades.sign(sha256, signerKey, List.of(signerCert, root));
  }

  private void sign(HttpExchange ex) throws IOException {
    JsonNode body = json.readTree(ex.getRequestBody());
    requests.add(body);
    if (!"Bearer the-token".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      reply(ex, 401, new byte[0]);
      return;
    }
    if (later.get()) {
      reply(ex, 202, "{}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] hash = Base64.getDecoder().decode(body.get("hash").asText());
    ex.getResponseHeaders().add("Content-Type", "application/json");
    reply(ex, 200, json.writeValueAsBytes(java.util.Map.of("cms", Base64.getEncoder().encodeToString(cms(hash)))));
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static X509Certificate cert(String dn, KeyPair kp, PrivateKey issuerKey, X509Certificate issuer,
      boolean ca, KeyPurposeId purpose) throws Exception {
    X500Name subject = new X500Name(dn);
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer == null ? subject
        : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), BigInteger.valueOf(System.nanoTime()),
        Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z")),
        Date.from(java.time.Instant.parse("2045-01-01T00:00:00Z")), subject, kp.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    if (purpose != null) {
      b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
    }
    return new JcaX509CertificateConverter().getCertificate(b.build(
        new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
