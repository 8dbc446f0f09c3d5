package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.document.Nd30;
import vn.hoctap.signing.IndependentCheck;
import vn.hoctap.signing.PdfPictures;
import vn.hoctap.signing.PdfaValidation;
import vn.hoctap.signing.SignerKeys;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;

/**
 * Thu hồi of the decision of a "Công dân học tập" round (issue 20): an administrator revokes it by the code under its
 * QR code; the revoking decision is signed with the key of the head who decided the round (validated independently,
 * PDF/A-2b, its căn cứ the revoked decision with its NĐ 30 date); the public check says "ĐÃ BỊ THU HỒI" with the
 * reason and the number; one byte changed is "ĐÃ BỊ SỬA ĐỔI"; and the round no longer feeds the share of "Công dân
 * học tập" a dossier of the unit is given (QĐ 324/QĐ-KHVN counts recognised citizens only).
 */
@HoctapTest
class RoundDecisionRevokedTest {

  @LocalServerPort int port;
  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignerKeys keys;

  @Test
  void qd324_aRevokedRoundDecisionIsShownRevokedAndNoLongerCounts() throws Exception {
    RoundFixtures.Body school = rf.newSchool("HN-TT");
    Round r = rf.decided(school, 2026, Subject.OFFICIAL, 2, 0, 0);
    Round decided = rounds.get(r.id());
    long unitId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, school.code());
    assertThat(rounds.latestRatio(unitId, 2026, false)).isPresent();
    String code = jdbc.queryForObject("select check_code from issued_document where subject_kind = 'ROUND' and"
        + " subject_id = ?", String.class, r.id());

    PageSession admin = new PageSession(port);
    admin.login("admin", DemoData.PASSWORD);
    assertThat(admin.get("/quan-tri/thu-hoi?ma=" + code).body()).contains(
        "Quyết định công nhận kết quả đợt đánh giá", Nd30.number(decided.decisionNo()));
    String reason = "Danh sách có người không thuộc đơn vị, phải đánh giá lại";
    assertThat(admin.submit("/quan-tri/thu-hoi?ma=" + code, "/quan-tri/thu-hoi", Map.of("ma", code, "lyDo",
        reason)).status()).isEqualTo(302);

    Map<String, Object> rev = jdbc.queryForMap("select d.id, d.decision_no, d.signer_user from document_revocation v"
        + " join issued_document d on d.id = v.document_id where v.subject_kind = 'ROUND' and v.subject_id = ?",
        r.id());
    assertThat(rev).containsEntry("signer_user", school.decider());
    String revNo = Nd30.number((String) rev.get("decision_no"));
    assertThat(new Http(port).get(null, "/kiem-tra/" + code).body()).contains("data-verdict=\"REVOKED\"",
        "ĐÃ BỊ THU HỒI", revNo, reason);
    assertThat(rounds.latestRatio(unitId, 2026, false)).isEmpty();

    byte[] revocation = jdbc.queryForObject("select pdf from issued_document where id = ?", byte[].class,
        rev.get("id"));
    assertThat(PdfPictures.text(revocation)).contains("QUYẾT ĐỊNH", "Về việc thu hồi Quyết định công nhận danh"
        + " hiệu “Công dân học tập” năm 2026", "Căn cứ Quyết định số " + Nd30.number(decided.decisionNo()) + " "
        + Nd30.date(decided.decisionDate()) + " về việc công nhận danh hiệu “Công dân học tập” năm 2026",
        "Lý do thu hồi: " + reason + ".", "Số: " + revNo);
    IndependentCheck c = IndependentCheck.of(revocation, keys.demo().orElseThrow().root());
    assertThat(c.intact()).isTrue();
    assertThat(c.chainsToRoot()).isTrue();
    assertThat(PdfaValidation.failures(revocation)).isEmpty();
    PdfPictures.render(revocation, "quyet-dinh-thu-hoi-cong-dan-hoc-tap");
    assertThat(PdfPictures.uploadCheck(port, "thu-hoi.pdf", PdfPictures.oneByteChanged(revocation)).body())
        .contains("data-outcome=\"ALTERED\"", "ĐÃ BỊ SỬA ĐỔI");
  }
}
