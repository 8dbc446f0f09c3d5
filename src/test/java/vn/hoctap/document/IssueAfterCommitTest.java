package vn.hoctap.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.TASK_HEAD_REVIEW;
import static vn.hoctap.process.RecognitionProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.signing.IndependentCheck;
import vn.hoctap.signing.SignatureImages;
import vn.hoctap.signing.SignerKeys;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;

/**
 * Documents are laid out and signed after the decision commits, not inside its transaction: a request left waiting
 * (the node stopped between the commit and the after-commit step) and a failed after-commit step (a signature
 * image that does not read) leave the decision recorded and the document "đang ký số, ban hành" on the pages, until
 * the sweep lays it out and signs it once; the signed file then validates. The text to lay out round-trips through
 * its stored JSON unchanged.
 */
@HoctapTest
class IssueAfterCommitTest {

  static final int YEAR = 2026;

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired IssuedDocuments issued;
  @Autowired UnfinishedDocuments sweeper;
  @Autowired SignerKeys keys;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE)
        .toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static OfficialText text(String code) {
    return new OfficialText(OfficialText.Form.ADMINISTRATIVE, "ỦY BAN NHÂN DÂN HUYỆN THỬ", "PHÒNG THỬ",
        "7/QĐ-UBND", "Thanh Trì, ngày 01 tháng 12 năm 2026", "QUYẾT ĐỊNH", "Về việc thử ký số sau giao dịch",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THỬ", List.of("Căn cứ Luật Thử;", "Căn cứ Nghị định Thử."), "QUYẾT ĐỊNH:",
        List.of(new OfficialText.Article("Điều 1.", "Công nhận đơn vị thử.", List.of("Đơn vị A", "Đơn vị B")),
            OfficialText.Article.of("Điều 2.", "Quyết định có hiệu lực kể từ ngày ký.")),
        List.of(new OfficialText.Line("Dòng giữa", 13.5f, true, false)), List.of("Như Điều 2;", "Lưu: VT."),
        new OfficialText.SignerBlock(List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Người Ký Thử"),
        "http://localhost/kiem-tra/" + code, code, "Quyết định thử " + code);
  }

  @Test
  void theTextToLayOutRoundTripsThroughItsStoredJson() throws Exception {
    OfficialText t = text("JSON" + System.nanoTime());
    assertThat(IssuedDocuments.LAYOUT_JSON.readValue(IssuedDocuments.LAYOUT_JSON.writeValueAsString(t),
        OfficialText.class)).isEqualTo(t);
    OfficialText certificate = new OfficialText(OfficialText.Form.CERTIFICATE, null, "PHÒNG THỬ", null, "ngày",
        "GIẤY CHỨNG NHẬN", null, null, null, null, null, List.of(new OfficialText.Line("Tên", 20f, false, true)),
        null, new OfficialText.SignerBlock(List.of(), "Ai Đó"), "http://x", "C", "Giấy");
    assertThat(IssuedDocuments.LAYOUT_JSON.readValue(IssuedDocuments.LAYOUT_JSON.writeValueAsString(certificate),
        OfficialText.class)).isEqualTo(certificate);
  }

  @Test
  void aRequestLeftWaitingByAStoppedNodeIsLaidOutAndSignedOnceByTheSweep() throws Exception {
    String code = "SAU" + System.nanoTime();
    String signer = "ky.sau." + System.nanoTime();
    // the decision's transaction recorded the request; the node stopped before its after-commit step
    long id = issued.record(new IssuedDocuments.Issue("QUYET_DINH", "TEST_AFTER_COMMIT", 1, code, text(code), signer,
        "Người Ký Thử", "Chủ tịch", null, null, null, "Thanh Trì", "7/QĐ-UBND"));
    // another node is working on it (so the scheduled sweep leaves it too): this one leaves it alone
    jdbc.update("update issued_document set claimed_at = ? where id = ?", Timestamp.from(Instant.now()), id);
    IssuedDocuments.Stored waiting = issued.get(id);
    assertThat(waiting.status()).isEqualTo(IssuedDocuments.AWAITING);
    assertThat(waiting.prepared()).isFalse();
    assertThat(waiting.issuing()).isTrue();
    assertThat(http.get(null, "/kiem-tra/" + code).body()).contains("Đang ký số, ban hành");
    assertThat(issued.finish(id)).isFalse();
    assertThat(issued.get(id).signed()).isFalse();
    jdbc.update("update issued_document set claimed_at = ? where id = ?", Timestamp.from(Instant.now()
        .minus(IssuedDocuments.CLAIM_LEASE).minus(Duration.ofMinutes(1))), id);

    // a claim older than the lease is of a node that stopped: the sweep takes it over
    sweptUntilSigned(List.of(id));
    IssuedDocuments.Stored done = issued.get(id);
    assertThat(done.signed()).isTrue();
    assertThat(done.signingTime()).isEqualTo(waiting.signingTime());
    byte[] pdf = issued.signedPdf(done);
    assertValid(pdf, done, "Về việc thử ký số sau giao dịch", "Người Ký Thử", code);

    // once: a second sweep or a late after-commit step changes nothing
    assertThat(issued.finish(id)).isFalse();
    sweeper.sweep();
    assertThat(issued.signedPdf(issued.get(id))).isEqualTo(pdf);
    assertThat(jdbc.queryForObject("select claimed_at from issued_document where id = ?", Timestamp.class, id))
        .isNull();
  }

  @Test
  void aFailedAfterCommitStepLeavesTheDecisionRecordedAndTheDocumentsIssuingUntilTheSweepSignsThem()
      throws Exception {
    TestBody province = fx.newProvinceForUnits(true);
    TestBody district = fx.newBody(province.code(), OrgKind.DISTRICT);
    TestUnit u = fx.newUnit(district.code(), UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    fx.complete(district.reviewer(), pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete(district.reviewer(), pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION,
        RECOGNISE));
    fx.councilPasses(pi);
    String task = fx.task(district.signer(), pi, TASK_DECIDE).getId();

    // the signer's signature image on file does not read: laying out the documents fails after the commit
    jdbc.update("insert into signing_image (owner_kind, owner_ref, image_kind, png, demo, uploaded_by, uploaded_at)"
        + " values (?, ?, ?, ?, false, 'test', ?)", SignatureImages.USER, district.signer(), SignatureImages.SIGNATURE,
        "không phải ảnh PNG".getBytes(), Timestamp.from(Instant.now()));
    long dossierId = Long.parseLong(pi.getBusinessKey());
    long recognitionId;
    String code;
    try {
      Http.Response decided = http.submitForm(district.signer(), task, Map.of(VAR_SIGNER_DECISION, APPROVE,
          FIELD_SIGNER_COMMENT, "Đồng ý"));
      assertThat(decided.status()).as(decided.body()).isEqualTo(204);

      // the decision stands, numbered; its documents wait, and the pages say so
      var d = http.get("admin", "/api/dossiers/" + dossierId).json();
      assertThat(d.get("dossier").get("status").asText()).isEqualTo("RECOGNISED");
      assertThat(d.get("recognition").get("decisionNo").asText()).endsWith("/QĐ-UBND");
      Map<String, Object> rec = jdbc.queryForMap("select r.id, c.verification_code from recognition r join"
          + " certificate c on c.recognition_id = r.id where r.dossier_id = ?", dossierId);
      recognitionId = ((Number) rec.get("id")).longValue();
      code = (String) rec.get("verification_code");
      List<IssuedDocuments.Stored> docs = issued.ofSubject(RecognitionDocuments.SUBJECT, recognitionId);
      assertThat(docs).extracting(IssuedDocuments.Stored::kind).containsExactlyInAnyOrder(
          RecognitionDocuments.DECISION, RecognitionDocuments.CERTIFICATE);
      assertThat(docs).allSatisfy(s -> {
        assertThat(s.status()).isEqualTo(IssuedDocuments.AWAITING);
        assertThat(s.issuing()).isTrue();
      });
      assertThat(jdbc.queryForObject("select count(*) from issued_document where subject_kind = ? and subject_id = ?"
          + " and claimed_at is not null", Integer.class, RecognitionDocuments.SUBJECT, recognitionId)).isZero();
      Http.Response notYet = http.get("admin", "/tai-lieu/" + dossierId + "/quyet-dinh.pdf");
      assertThat(notYet.status()).isEqualTo(409);
      assertThat(notYet.body()).contains("đang ký số, ban hành");
      assertThat(http.get(null, "/kiem-tra/" + code).body()).contains("data-verdict=\"VALID\"",
          "Đang ký số, ban hành");
      assertThat(http.get("admin", "/ho-so/" + dossierId).body()).contains("id=\"dang-ky-so\"",
          "đang ký số, ban hành").doesNotContain("id=\"tai-quyet-dinh\"");
    } finally {
      // the image is replaced (here: removed, so the demo image is drawn) before the sweep
      jdbc.update("delete from signing_image where owner_kind = ? and owner_ref = ? and image_kind = ?",
          SignatureImages.USER, district.signer(), SignatureImages.SIGNATURE);
    }

    sweptUntilSigned(issued.ofSubject(RecognitionDocuments.SUBJECT, recognitionId).stream()
        .map(IssuedDocuments.Stored::id).toList());
    for (IssuedDocuments.Stored s : issued.ofSubject(RecognitionDocuments.SUBJECT, recognitionId)) {
      assertThat(s.signed()).as(s.kind()).isTrue();
      assertValid(issued.signedPdf(s), s, code);
    }
    assertThat(http.get("admin", "/ho-so/" + dossierId).body()).contains("id=\"tai-quyet-dinh\"")
        .doesNotContain("id=\"dang-ky-so\"");
    assertThat(http.get(null, "/kiem-tra/" + code).body()).doesNotContain("Đang ký số, ban hành");
  }

  /** Sweeps until the documents are signed (the scheduled sweep may have claimed one a moment before). */
  void sweptUntilSigned(List<Long> ids) throws InterruptedException {
    for (int i = 0; i < 60 && !ids.stream().allMatch(id -> issued.get(id).signed()); i++) {
      if (i > 0) {
        Thread.sleep(500);
      }
      sweeper.sweep();
    }
    assertThat(ids).allMatch(id -> issued.get(id).signed(), "signed");
  }

  void assertValid(byte[] pdf, IssuedDocuments.Stored s, String... contains) throws Exception {
    X509Certificate root = keys.demo().orElseThrow().root();
    IndependentCheck c = IndependentCheck.of(pdf, root);
    assertThat(c.signatures()).isEqualTo(1);
    assertThat(c.intact()).isTrue();
    assertThat(c.coversWholeFile()).isTrue();
    assertThat(c.chainsToRoot()).isTrue();
    assertThat(c.signingTime().toInstant()).isEqualTo(s.signingTime());
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(RecognitionDocumentsHttpTest.text(doc)).contains(contains);
    }
  }
}
