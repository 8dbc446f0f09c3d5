package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
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
 * Quyết định khen thưởng signed when the unit head signs the award: the NĐ 30 layout with the awardee, the
 * signature validated independently against the demo CA, PDF/A-2b, the page rendered, and the public check of its
 * code.
 */
@vn.hoctap.support.HoctapTest
class AwardDecisionSignedTest {

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
  void theAwardDecisionIsSignedWhenTheHeadSigns() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 1, 20).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    AwardFixtures.Passed passed = af.giayKhenPassed(school, "Nguyễn Thị Hoa");
    Long proposal = passed.proposal();
    Long c = passed.candidate();
    af.sign(c, school.head(), AwardProcess.APPROVE, null);

    Map<String, Object> doc = jdbc.queryForMap("select d.id, d.check_code, d.status, d.method from issued_document d"
        + " join award_decision a on a.id = d.subject_id where d.subject_kind = 'AWARD_DECISION' and"
        + " a.proposal_id = ?", proposal);
    assertThat(doc).containsEntry("status", "SIGNED").containsEntry("method", "SERVER_KEY");
    byte[] pdf = jdbc.queryForObject("select pdf from issued_document where id = ?", byte[].class, doc.get("id"));
    try (PDDocument d = Loader.loadPDF(pdf)) {
      String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
      assertThat(t).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH", "Về việc tặng Giấy khen",
          "Số: 01/QĐ-" + school.code(), "ngày 20 tháng 01 năm 2026", "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
          "Điều 1.", "1. Nguyễn Thị Hoa", "Nơi nhận:");
    }
    IndependentCheck check = IndependentCheck.of(pdf, keys.demo().orElseThrow().root());
    assertThat(check.intact()).isTrue();
    assertThat(check.chainsToRoot()).isTrue();
    assertThat(PdfaValidation.failures(pdf)).isEmpty();
    PdfPictures.render(pdf, "quyet-dinh-khen-thuong");

    Http.Response page = new Http(port).get(null, "/kiem-tra/" + doc.get("check_code"));
    assertThat(page.body()).contains("data-verdict=\"ISSUED\"", "Văn bản là THẬT", "tặng Giấy khen");
    assertThat(PdfPictures.uploadCheck(port, "qd-khen-thuong.pdf", pdf).body())
        .contains("data-outcome=\"GENUINE\"");
    assertThat(List.of(doc.get("check_code"))).isNotEmpty();
  }
}
