package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.signing.IndependentCheck;
import vn.hoctap.signing.PdfPictures;
import vn.hoctap.signing.PdfaValidation;
import vn.hoctap.signing.SignerKeys;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.Http;

/**
 * Thu hồi of an award decision by an administrator (issue 20): found by the code under its QR code, revoked with a
 * reason by a new decision numbered in the signer's register and signed with the signer's key (validated
 * independently against the demo CA, PDF/A-2b, its căn cứ the revoked decision by its number and NĐ 30 date); the
 * public check then says "ĐÃ BỊ THU HỒI" with the reason and the revoking decision's number, the original file is
 * still genuine but revoked, one byte changed is "ĐÃ BỊ SỬA ĐỔI", and a second revocation is refused.
 */
@vn.hoctap.support.HoctapTest
class AwardDecisionRevokedHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired AwardFixtures af;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignerKeys keys;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static void day(LocalDate d) {
    ClockUtil.setCurrentTime(Date.from(d.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  /** A school's Giấy khen for one teacher, decided and signed; the code of its decision. */
  String signedAward(TestUnit school) {
    AwardFixtures.Passed passed = af.giayKhenPassed(school, "Trần Văn Bình");
    Long proposal = passed.proposal();
    Long c = passed.candidate();
    af.sign(c, school.head(), AwardProcess.APPROVE, null);
    return jdbc.queryForObject("select d.check_code from issued_document d join award_decision a on a.id ="
        + " d.subject_id where d.subject_kind = 'AWARD_DECISION' and a.proposal_id = ?", String.class, proposal);
  }

  @Test
  void anAdministratorRevokesAnAwardDecisionAndTheCheckSaysSo() throws Exception {
    day(LocalDate.of(2026, 1, 20));
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    String code = signedAward(school);
    byte[] decision = jdbc.queryForObject("select pdf from issued_document where check_code = ? and kind ="
        + " 'QUYET_DINH_KHEN_THUONG'", byte[].class, code);
    String number = jdbc.queryForObject("select decision_no from issued_document where check_code = ?",
        String.class, code);

    PageSession head = new PageSession(port);
    head.login(school.head(), DemoData.PASSWORD);
    assertThat(head.get("/quan-tri/thu-hoi?ma=" + code).status()).isEqualTo(404);

    PageSession admin = new PageSession(port);
    admin.login("admin", DemoData.PASSWORD);
    String page = admin.get("/quan-tri/thu-hoi?ma=" + code).body();
    assertThat(page).contains("Quyết định khen thưởng", "tặng Giấy khen", "id=\"lyDo\"")
        .doesNotContain("id=\"khong-thay\"");
    Http.Response refused = admin.submit("/quan-tri/thu-hoi?ma=" + code, "/quan-tri/thu-hoi",
        Map.of("ma", code, "lyDo", "sai"));
    assertThat(refused.body()).contains("Cần ghi lý do thu hồi");
    assertThat(jdbc.queryForObject("select count(*) from document_revocation where subject_kind ="
        + " 'AWARD_DECISION'", Integer.class)).isZero();

    day(LocalDate.of(2026, 2, 19));
    String reason = "Thành tích kê khai trong báo cáo không đúng sự thật";
    Http.Response done = admin.submit("/quan-tri/thu-hoi?ma=" + code, "/quan-tri/thu-hoi",
        Map.of("ma", code, "lyDo", reason));
    assertThat(done.status()).isEqualTo(302);
    Map<String, Object> rev = jdbc.queryForMap("select d.id, d.decision_no, d.signer_user, d.status from"
        + " document_revocation v join issued_document d on d.id = v.document_id where v.subject_kind ="
        + " 'AWARD_DECISION'");
    assertThat(rev).containsEntry("status", "SIGNED").containsEntry("signer_user", school.head());
    String revNo = (String) rev.get("decision_no");
    assertThat(revNo).endsWith("/QĐ-" + school.code()).isNotEqualTo(number);
    assertThat(admin.get("/quan-tri/thu-hoi?ma=" + code).body()).contains("Đã thu hồi theo Quyết định số",
        reason, "/quan-tri/thu-hoi/" + rev.get("id") + "/quyet-dinh-thu-hoi.pdf");

    // the public check
    Http.Response check = new Http(port).get(null, "/kiem-tra/" + code);
    assertThat(check.body()).contains("data-verdict=\"REVOKED\"", "Văn bản là thật nhưng ĐÃ BỊ THU HỒI",
        vn.hoctap.document.Nd30.number(revNo), reason).doesNotContain("data-verdict=\"ISSUED\"");

    // the award decision's own page says so
    long decisionId = jdbc.queryForObject("select subject_id from issued_document where check_code = ? and kind ="
        + " 'QUYET_DINH_KHEN_THUONG'", Long.class, code);
    assertThat(head.get("/khen-thuong/quyet-dinh/" + decisionId).body()).contains("id=\"da-thu-hoi\"",
        "đã bị thu hồi theo Quyết định số " + vn.hoctap.document.Nd30.number(revNo), reason);

    // the revoking decision: NĐ 30 layout, căn cứ the revoked decision, signed by the head's key
    byte[] revocation = PdfPictures.download(port, "admin", DemoData.PASSWORD, "/quan-tri/thu-hoi/" + rev.get("id")
        + "/quyet-dinh-thu-hoi.pdf");
    assertThat(PdfPictures.text(revocation)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH",
        "Về việc thu hồi Quyết định tặng Giấy khen", "ngày 19 tháng 02 năm 2026",
        "Căn cứ Quyết định số 01/QĐ-" + school.code() + " ngày 20 tháng 01 năm 2026 về việc tặng Giấy khen;",
        "Lý do thu hồi: " + reason + ".", "Số: 02/QĐ-" + school.code(), "Nơi nhận:");
    IndependentCheck c = IndependentCheck.of(revocation, keys.demo().orElseThrow().root());
    assertThat(c.intact()).isTrue();
    assertThat(c.coversWholeFile()).isTrue();
    assertThat(c.chainsToRoot()).isTrue();
    assertThat(c.signingTime().toInstant().atZone(EngineClock.ZONE).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 2, 19));
    assertThat(PdfaValidation.failures(revocation)).isEmpty();
    PdfPictures.render(revocation, "quyet-dinh-thu-hoi-khen-thuong");
    assertThat(PdfPictures.uploadCheck(port, "qd-thu-hoi.pdf", revocation).body())
        .contains("data-outcome=\"GENUINE\"");

    // the award decision as issued: still genuine, no longer in force; one byte changed: altered
    assertThat(PdfPictures.uploadCheck(port, "qd-khen-thuong.pdf", decision).body()).contains(
        "data-outcome=\"GENUINE\"", "data-verdict=\"REVOKED\"", "Đã bị thu hồi. Lý do: " + reason);
    assertThat(PdfPictures.uploadCheck(port, "qd-khen-thuong.pdf", PdfPictures.oneByteChanged(revocation)).body())
        .contains("data-outcome=\"ALTERED\"", "ĐÃ BỊ SỬA ĐỔI");

    // once only
    Http.Response twice = admin.post("/quan-tri/thu-hoi", Map.of("ma", code, "lyDo", reason + " lần hai",
        "_csrf", PageSession.csrf(admin.get("/quan-tri/thu-hoi").body())));
    assertThat(twice.body()).contains("đã bị thu hồi theo Quyết định số");
    assertThat(jdbc.queryForObject("select count(*) from document_revocation where subject_kind ="
        + " 'AWARD_DECISION'", Integer.class)).isEqualTo(1);
  }
}
