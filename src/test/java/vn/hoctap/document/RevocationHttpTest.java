package vn.hoctap.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.report.Chains;
import vn.hoctap.signing.IndependentCheck;
import vn.hoctap.signing.PdfPictures;
import vn.hoctap.signing.PdfaValidation;
import vn.hoctap.signing.SignerKeys;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;

/**
 * Revocation by an administrator: only an administrator reaches the page; no reason, no revocation; with a reason
 * a revoking decision is numbered, signed by the original signer's key and stored, the public check says
 * "ĐÃ BỊ THU HỒI" with the reason, the original decision uploaded is still genuine but revoked, and a second
 * revocation is refused.
 */
@HoctapTest
class RevocationHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignerKeys keys;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  byte[] pdf(String path) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + port + path)).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("phonggd:"
        + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  @Test
  void anAdministratorRevokesWithAReasonAndTheCheckSaysSo() throws Exception {
    Chains.setClock(Chains.DAY);
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.recognised(u, 2026);
    long id = Long.parseLong(pi.getBusinessKey());
    String code = jdbc.queryForObject("select c.verification_code from certificate c join recognition r on"
        + " r.id = c.recognition_id where r.dossier_id = ?", String.class, id);
    byte[] decision = pdf("/tai-lieu/" + id + "/quyet-dinh.pdf");

    PageSession reviewer = new PageSession(port);
    reviewer.login("phonggd", DemoData.PASSWORD);
    assertThat(reviewer.get("/quan-tri/thu-hoi?ma=" + code).status()).isEqualTo(404);

    PageSession admin = new PageSession(port);
    admin.login("admin", DemoData.PASSWORD);
    String page = admin.get("/quan-tri/thu-hoi?ma=" + code).body();
    assertThat(page).contains("Thu hồi quyết định công nhận", "Đơn vị thử " + u.code(), "id=\"lyDo\"");
    Http.Response refused = admin.submit("/quan-tri/thu-hoi?ma=" + code, "/quan-tri/thu-hoi",
        Map.of("ma", code, "lyDo", "ngắn"));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("Cần ghi lý do thu hồi", "ngắn");
    assertThat(jdbc.queryForObject("select count(*) from document_revocation", Integer.class)).isZero();

    Chains.setClock(Chains.DAY.plusDays(30));
    String reason = "Hồ sơ kê khai sai số liệu tỷ lệ thành viên đạt danh hiệu Công dân học tập";
    Http.Response done = admin.submit("/quan-tri/thu-hoi?ma=" + code, "/quan-tri/thu-hoi",
        Map.of("ma", code, "lyDo", reason));
    assertThat(done.status()).isEqualTo(302);
    assertThat(admin.get("/quan-tri/thu-hoi?ma=" + code).body()).contains("Đã thu hồi theo Quyết định số", reason,
        "quyet-dinh-thu-hoi.pdf");
    assertThat(jdbc.queryForObject("select count(*) from dossier_event where dossier_id = ? and action ="
        + " 'RECOGNITION_REVOKED'", Integer.class, id)).isEqualTo(1);
    // the dossier's page says so and links the three signed documents
    String dossierPage = new Http(port).get("phonggd", "/ho-so/" + id).body();
    assertThat(dossierPage).contains("id=\"da-thu-hoi\"", "Đã bị thu hồi theo Quyết định số", reason,
        "đã thu hồi quyết định công nhận",
        "/tai-lieu/" + id + "/quyet-dinh.pdf", "/tai-lieu/" + id + "/giay-chung-nhan.pdf",
        "/tai-lieu/" + id + "/quyet-dinh-thu-hoi.pdf");

    Http.Response check = new Http(port).get(null, "/kiem-tra/" + code);
    assertThat(check.body()).contains("data-verdict=\"REVOKED\"", "ĐÃ BỊ THU HỒI", reason)
        .doesNotContain("CÒN HIỆU LỰC");

    byte[] revocation = pdf("/tai-lieu/" + id + "/quyet-dinh-thu-hoi.pdf");
    try (PDDocument d = Loader.loadPDF(revocation)) {
      String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
      assertThat(t).contains("QUYẾT ĐỊNH", "Về việc thu hồi Quyết định công nhận danh hiệu “Đơn vị học tập” của"
          + " Đơn vị thử " + u.code(), "Thanh Trì, ngày 02 tháng 12 năm 2026", "Lý do thu hồi: " + reason,
          "ngày 02 tháng 11 năm 2026", "Phạm Văn Dũng");
      // the revoked decision by its number as NĐ 30 prints it (a zero before 1–9, whatever ran before)
      assertThat(t).containsPattern("Căn cứ Quyết định số (0[1-9]|[1-9]\\d+)/QĐ-");
    }
    IndependentCheck c = IndependentCheck.of(revocation, keys.demo().orElseThrow().root());
    assertThat(c.intact()).isTrue();
    assertThat(c.chainsToRoot()).isTrue();
    assertThat(PdfaValidation.failures(revocation)).isEmpty();
    PdfPictures.render(revocation, "quyet-dinh-thu-hoi");

    // the original decision is still what hoctap issued, but no longer in force
    assertThat(PdfPictures.uploadCheck(port, "quyet-dinh.pdf", decision).body()).contains(
        "data-outcome=\"GENUINE\"", "data-verdict=\"REVOKED\"", "Đã bị thu hồi. Lý do: " + reason);
    // once only
    Http.Response twice = admin.post("/quan-tri/thu-hoi", Map.of("ma", code, "lyDo", reason + " lần hai",
        "_csrf", PageSession.csrf(admin.get("/quan-tri/thu-hoi").body())));
    assertThat(twice.body()).doesNotContain("lần hai\" ");
    assertThat(jdbc.queryForObject("select count(*) from document_revocation", Integer.class)).isEqualTo(1);
  }

  @Test
  void aSignersRefusalIsASignedNoticeWithTheReasons() throws Exception {
    Chains.setClock(Chains.DAY);
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.submitted(u, 2026);
    fx.complete("phonggd", pi, RecognitionProcess.TASK_CHECK_COMPLETENESS,
        Map.of(RecognitionProcess.FIELD_COMPLETENESS, "COMPLETE"));
    fx.complete("phonggd", pi, RecognitionProcess.TASK_APPRAISE, Fixtures.with(Fixtures.districtLevel1Met(),
        RecognitionProcess.VAR_APPRAISAL_RECOMMENDATION, "RECOGNISE"));
    fx.complete("chutichhuyen", pi, RecognitionProcess.TASK_DECIDE, Map.of(RecognitionProcess.VAR_SIGNER_DECISION,
        RecognitionProcess.REFUSE, RecognitionProcess.FIELD_SIGNER_COMMENT,
        "Minh chứng hoạt động học tập suốt đời chưa thuyết phục"));
    long id = Long.parseLong(pi.getBusinessKey());
    byte[] notice = pdf("/tai-lieu/" + id + "/thong-bao-khong-cong-nhan.pdf");
    try (PDDocument d = Loader.loadPDF(notice)) {
      String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
      assertThat(t).contains("THÔNG BÁO", "Về việc không công nhận danh hiệu “Đơn vị học tập” năm 2026",
          "/TB-UBND", "Thanh Trì, ngày 02 tháng 11 năm 2026", "Đơn vị thử " + u.code()
          + " chưa được công nhận", "Minh chứng hoạt động học tập suốt đời chưa thuyết phục", "TM. ỦY BAN NHÂN DÂN",
          "CHỦ TỊCH", "Phạm Văn Dũng");
    }
    IndependentCheck c = IndependentCheck.of(notice, keys.demo().orElseThrow().root());
    assertThat(c.intact()).isTrue();
    assertThat(c.chainsToRoot()).isTrue();
    assertThat(PdfaValidation.failures(notice)).isEmpty();
    PdfPictures.render(notice, "thong-bao-khong-cong-nhan");
    assertThat(new Http(port).get("phonggd", "/ho-so/" + id).body()).contains("id=\"tai-thong-bao\"",
        "/tai-lieu/" + id + "/thong-bao-khong-cong-nhan.pdf").doesNotContain("id=\"tai-quyet-dinh\"");
    // a dossier the signer recognised has no such notice
    assertThat(new Http(port).get("phonggd", "/tai-lieu/" + chains.recognised(fx.newUnit("HN-TT",
        UnitKind.PRIMARY, true), 2026).getBusinessKey() + "/thong-bao-khong-cong-nhan.pdf").status()).isEqualTo(404);
  }
}
