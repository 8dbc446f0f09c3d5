package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.signing.IndependentCheck;
import vn.hoctap.signing.PdfPictures;
import vn.hoctap.signing.PdfaValidation;
import vn.hoctap.signing.SignerKeys;
import vn.hoctap.support.HoctapTest;

/**
 * The decision of a "Công dân học tập" round, signed by the school's head when they recognise the round: the NĐ 30
 * layout with the count of each population and the căn cứ of QĐ 324/QĐ-KHVN, the signature validated independently,
 * PDF/A-2b, the page rendered.
 */
@HoctapTest
class RoundDecisionSignedTest {

  @Autowired RoundFixtures rf;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignerKeys keys;

  @Test
  void theRoundDecisionIsSignedWhenTheHeadRecognisesIt() throws Exception {
    RoundFixtures.Body school = rf.newSchool("HN-TT");
    Round r = rf.decided(school, 2026, Subject.OFFICIAL, 3, 0, 0);

    Map<String, Object> doc = jdbc.queryForMap("select id, status, signer_user from issued_document where"
        + " subject_kind = 'ROUND' and subject_id = ?", r.id());
    assertThat(doc).containsEntry("status", "SIGNED").containsEntry("signer_user", school.decider());
    byte[] pdf = jdbc.queryForObject("select pdf from issued_document where id = ?", byte[].class, doc.get("id"));
    try (PDDocument d = Loader.loadPDF(pdf)) {
      String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
      assertThat(t).contains("QUYẾT ĐỊNH", "Về việc công nhận danh hiệu “Công dân học tập” năm 2026",
          "Căn cứ Quyết định số 324/QĐ-KHVN ngày 25 tháng 10 năm 2023",
          "Công nhận 3 trường hợp", "Cán bộ, công chức, viên chức, doanh nhân: 3.", "Số: 0");
    }
    IndependentCheck c = IndependentCheck.of(pdf, keys.demo().orElseThrow().root());
    assertThat(c.intact()).isTrue();
    assertThat(c.chainsToRoot()).isTrue();
    assertThat(PdfaValidation.failures(pdf)).isEmpty();
    PdfPictures.render(pdf, "quyet-dinh-cong-dan-hoc-tap");
  }
}
