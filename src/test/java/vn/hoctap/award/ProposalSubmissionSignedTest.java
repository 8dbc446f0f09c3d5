package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
import vn.hoctap.signing.IndependentCheck;
import vn.hoctap.signing.PdfPictures;
import vn.hoctap.signing.PdfaValidation;
import vn.hoctap.signing.SignerKeys;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.Http;

/**
 * Tờ trình đề nghị khen thưởng in the layout of NĐ 30 (issue 20): until the head of the proposing body signs it,
 * the file is an unsigned draft (dự thảo) of the list as it stands, PDF/A-2b; the head signs it on the proposal's
 * page: it is numbered in the body's register ("…/TTr-…"), dated in NĐ 30 form, signed with the head's key
 * (validated independently against the demo CA), stored once; nobody else signs it, nor signs it twice; the
 * public check knows it and one byte changed is "ĐÃ BỊ SỬA ĐỔI".
 */
@vn.hoctap.support.HoctapTest
class ProposalSubmissionSignedTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired AwardFixtures af;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignerKeys keys;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void theHeadOfTheProposingBodySignsTheSubmission() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 1, 20).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    AwardFixtures.Passed passed = af.giayKhenPassed(school, "Lê Thị Mai");
    AwardFixtures.Council council = passed.council();
    Long proposal = passed.proposal();
    String pdfPath = "/khen-thuong/" + proposal + "/to-trinh.pdf";

    // the draft: the same layout, nothing signed
    byte[] draft = PdfPictures.download(port, school.head(), DemoData.PASSWORD, pdfPath);
    try (PDDocument d = Loader.loadPDF(draft)) {
      assertThat(d.getSignatureDictionaries()).isEmpty();
    }
    assertThat(PdfPictures.text(draft)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ TRÌNH",
        "Về việc đề nghị tặng Giấy khen", "Kính gửi:", "1. Lê Thị Mai", "thông qua 3/3 phiếu",
        "ngày 20 tháng 01 năm 2026", "Số: /TTr-" + school.code());
    assertThat(PdfaValidation.failures(draft)).isEmpty();

    String page = "/khen-thuong/" + proposal;
    PageSession member = new PageSession(port);
    member.login(council.members().get(0), DemoData.PASSWORD);
    assertThat(member.get(page).body()).doesNotContain("id=\"ky-to-trinh\"");
    assertThat(member.post(page + "/ky-to-trinh", Map.of("_csrf", PageSession.csrf(member.get(page).body())))
        .status()).isEqualTo(403);

    PageSession head = new PageSession(port);
    head.login(school.head(), DemoData.PASSWORD);
    assertThat(head.get(page).body()).contains("id=\"ky-to-trinh\"", "Dự thảo tờ trình");
    Http.Response signed = head.submit(page, page + "/ky-to-trinh", Map.of());
    assertThat(signed.status()).isEqualTo(302);
    assertThat(head.get(page).body()).contains("id=\"to-trinh-da-ky\"", "ký số lúc 20/01/2026")
        .doesNotContain("id=\"ky-to-trinh\"");
    Map<String, Object> doc = jdbc.queryForMap("select check_code, decision_no, signer_user, status from"
        + " issued_document where subject_kind = 'AWARD_PROPOSAL' and subject_id = ?", proposal);
    assertThat(doc).containsEntry("status", "SIGNED").containsEntry("signer_user", school.head());
    assertThat((String) doc.get("decision_no")).endsWith("/TTr-" + school.code());

    byte[] pdf = PdfPictures.download(port, school.head(), DemoData.PASSWORD, pdfPath);
    assertThat(PdfPictures.download(port, school.head(), DemoData.PASSWORD, pdfPath)).isEqualTo(pdf);
    assertThat(PdfPictures.text(pdf)).contains("TỜ TRÌNH", "Về việc đề nghị tặng Giấy khen",
        "Số: " + vn.hoctap.document.Nd30.number((String) doc.get("decision_no")), "ngày 20 tháng 01 năm 2026",
        "Kính đề nghị", "THỦ TRƯỞNG");
    IndependentCheck check = IndependentCheck.of(pdf, keys.demo().orElseThrow().root());
    assertThat(check.intact()).isTrue();
    assertThat(check.coversWholeFile()).isTrue();
    assertThat(check.chainsToRoot()).isTrue();
    assertThat(PdfaValidation.failures(pdf)).isEmpty();
    PdfPictures.render(pdf, "to-trinh-khen-thuong");
    assertThat(new Http(port).get(null, "/kiem-tra/" + doc.get("check_code")).body())
        .contains("data-verdict=\"ISSUED\"", "Tờ trình");
    assertThat(PdfPictures.uploadCheck(port, "to-trinh.pdf", pdf).body()).contains("data-outcome=\"GENUINE\"");
    assertThat(PdfPictures.uploadCheck(port, "to-trinh.pdf", PdfPictures.oneByteChanged(pdf)).body())
        .contains("data-outcome=\"ALTERED\"", "ĐÃ BỊ SỬA ĐỔI");

    // once
    Http.Response again = head.post(page + "/ky-to-trinh", Map.of("_csrf", PageSession.csrf(head.get(page)
        .body())));
    assertThat(again.body()).contains("đã được", "không ký lại");
    assertThat(jdbc.queryForObject("select count(*) from issued_document where subject_kind = 'AWARD_PROPOSAL' and"
        + " subject_id = ?", Integer.class, proposal)).isEqualTo(1);
  }
}
