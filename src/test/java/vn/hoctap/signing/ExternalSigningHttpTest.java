package vn.hoctap.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;

/**
 * External signing end to end, against a remote-signing service and a timestamp service played over real HTTP by
 * {@link RemoteSigningDouble} (its own CA, trusted through hoctap.signing.trust-anchors; no demo CA here): the
 * chairman's decision is signed by the service at once (PAdES-B-T: the double's timestamp added); then the service
 * answers "later" (202), the documents wait ("chờ ký số"), and the signer's tool fetches the hash from
 * /api/signing, signs it with the signer's device and posts the CMS; a CMS of another hash or of an untrusted
 * certificate is refused and changes nothing.
 */
@HoctapTest
class ExternalSigningHttpTest {

  static final RemoteSigningDouble REMOTE;

  static {
    try {
      REMOTE = new RemoteSigningDouble();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void remote(DynamicPropertyRegistry r) {
    r.add("camunda.bpm.process-engine-name", () -> "externalsigning");
    r.add("hoctap.signing.demo-ca", () -> "false");
    r.add("hoctap.signing.remote.url", () -> REMOTE.url("/sign"));
    r.add("hoctap.signing.remote.token", () -> "the-token");
    r.add("hoctap.signing.remote.signers[0]", () -> "chutichhuyen");
    r.add("hoctap.signing.trust-anchors[0]", () -> REMOTE.rootPem.toString());
    r.add("hoctap.signing.tsa-url", () -> REMOTE.url("/tsa"));
  }

  @AfterAll
  static void stop() {
    REMOTE.close();
  }

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    Chains.setClock(Chains.DAY);
    REMOTE.later.set(false);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  byte[] download(String user, String path, int status) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + port + path)).header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
        + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    return r.body();
  }

  @Test
  void theRemoteServiceSignsAtOnceWithATimestamp() throws Exception {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    int before = REMOTE.requests.size();
    ProcessInstance pi = chains.recognised(u, 2026);
    long id = Long.parseLong(pi.getBusinessKey());
    // two documents, two requests to the service, each with the hash hoctap stored and the bearer token
    assertThat(REMOTE.requests.size() - before).isEqualTo(2);
    JsonNode req = REMOTE.requests.get(before);
    assertThat(req.get("signer").asText()).isEqualTo("chutichhuyen");
    assertThat(req.get("hashAlgorithm").asText()).isEqualTo("SHA-256");
    List<Map<String, Object>> docs = jdbc.queryForList("select d.status, d.method, d.timestamped, d.prepared_digest,"
        + " d.certificate_subject from issued_document d join recognition r on r.id = d.subject_id where"
        + " d.subject_kind = 'RECOGNITION' and r.dossier_id = ? order by d.id", id);
    assertThat(docs).hasSize(2).allSatisfy(d -> assertThat(d).containsEntry("status", "SIGNED")
        .containsEntry("method", "REMOTE").containsEntry("timestamped", true));
    assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(req.get("hash").asText())))
        .isEqualTo(docs.get(0).get("prepared_digest"));
    assertThat((String) docs.get(0).get("certificate_subject")).contains("CN=Phạm Văn Dũng");

    byte[] pdf = download("phonggd", "/tai-lieu/" + id + "/quyet-dinh.pdf", 200);
    IndependentCheck c = IndependentCheck.of(pdf, REMOTE.root);
    assertThat(c.intact()).isTrue();
    assertThat(c.coversWholeFile()).isTrue();
    assertThat(c.chainsToRoot()).isTrue();
    assertThat(c.timestamped()).isTrue();
    assertThat(PdfaValidation.failures(pdf)).isEmpty();
    assertThat(PdfPictures.uploadCheck(port, "qd.pdf", pdf).body()).contains("data-outcome=\"GENUINE\"",
        "Hợp lệ: khớp với nội dung");
  }

  @Test
  void whenTheSignerConfirmsLaterTheirToolSignsThroughTheApi() throws Exception {
    REMOTE.later.set(true);
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.recognised(u, 2026);
    long id = Long.parseLong(pi.getBusinessKey());
    // recognised, but the documents wait for the signature
    Http.Response waiting = http.get("phonggd", "/tai-lieu/" + id + "/quyet-dinh.pdf");
    assertThat(waiting.status()).isEqualTo(409);
    assertThat(waiting.body()).contains("đang chờ Phạm Văn Dũng ký số");

    JsonNode pending = http.get("chutichhuyen", "/api/signing/pending").json();
    List<JsonNode> mine = new java.util.ArrayList<>();
    pending.forEach(mine::add);
    // the decision and the certificate (this context's only documents left waiting)
    assertThat(mine).extracting(p -> p.get("title").asText().split(" ")[0]).containsExactlyInAnyOrder("Quyết",
        "Giấy");
    // nobody else sees or signs them
    long docId = mine.get(0).get("id").asLong();
    assertThat(http.get("pheduyettinh", "/api/signing/documents/" + docId).status()).isEqualTo(404);

    JsonNode doc = http.get("chutichhuyen", "/api/signing/documents/" + docId).json();
    byte[] hash = Base64.getDecoder().decode(doc.get("hash").asText());
    byte[] prepared = download("chutichhuyen", doc.get("preparedPdf").asText(), 200);
    assertThat(vn.hoctap.signing.PadesSigner.digest(prepared)).isEqualTo(hash);

    // a CMS over another hash, and one from a certificate no trusted CA issued: refused, nothing stored
    byte[] other = hash.clone();
    other[0] ^= 1;
    Http.Response wrongHash = http.post("chutichhuyen", "/api/signing/documents/" + docId + "/signature",
        Map.of("cms", Base64.getEncoder().encodeToString(REMOTE.cms(other))));
    assertThat(wrongHash.status()).isEqualTo(400);
    assertThat(wrongHash.body()).contains("không khớp với nội dung văn bản");
    DemoCa selfMade = new DemoCa(java.nio.file.Files.createTempDirectory("la"));
    DemoCa.ServerKey strangerKey = selfMade.keyFor("x", "Người lạ", "Không rõ");
    Http.Response untrusted = http.post("chutichhuyen", "/api/signing/documents/" + docId + "/signature",
        Map.of("cms", Base64.getEncoder().encodeToString(Cades.sign(hash, strangerKey.key(), strangerKey.chain()))));
    assertThat(untrusted.status()).isEqualTo(400);
    assertThat(untrusted.body()).contains("không do tổ chức cung cấp dịch vụ chứng thực được hoctap tin cậy");
    assertThat(jdbc.queryForObject("select status from issued_document where id = ?", String.class, docId))
        .isEqualTo("AWAITING_SIGNATURE");
    // another user cannot post the signer's signature
    assertThat(http.post("pheduyettinh", "/api/signing/documents/" + docId + "/signature",
        Map.of("cms", Base64.getEncoder().encodeToString(REMOTE.cms(hash)))).status()).isEqualTo(404);

    // the signer's tool signs each waiting document
    for (JsonNode p : mine) {
      byte[] h = Base64.getDecoder().decode(p.get("hash").asText());
      Http.Response ok = http.post("chutichhuyen", p.get("signature").asText(),
          Map.of("cms", Base64.getEncoder().encodeToString(REMOTE.cms(h))));
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      assertThat(ok.json().get("status").asText()).isEqualTo("SIGNED");
    }
    Http.Response again = http.post("chutichhuyen", "/api/signing/documents/" + docId + "/signature",
        Map.of("cms", Base64.getEncoder().encodeToString(REMOTE.cms(hash))));
    assertThat(again.status()).isIn(404, 409);

    byte[] pdf = download("phonggd", "/tai-lieu/" + id + "/quyet-dinh.pdf", 200);
    IndependentCheck c = IndependentCheck.of(pdf, REMOTE.root);
    assertThat(c.intact()).isTrue();
    assertThat(c.chainsToRoot()).isTrue();
    assertThat(c.coversWholeFile()).isTrue();
    assertThat(c.timestamped()).isTrue();
    assertThat(c.signerSubject()).contains("CN=Phạm Văn Dũng");
    assertThat(PdfaValidation.failures(pdf)).isEmpty();
    assertThat(jdbc.queryForObject("select method from issued_document where id = ?", String.class, docId))
        .isEqualTo("REMOTE");
  }
}
