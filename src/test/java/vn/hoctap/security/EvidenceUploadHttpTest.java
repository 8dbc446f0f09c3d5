package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.RecognitionProcess.FIELD_COMPLETENESS;
import static vn.hoctap.process.RecognitionProcess.FIELD_COMPLETENESS_COMMENT;
import static vn.hoctap.process.RecognitionProcess.INCOMPLETE;
import static vn.hoctap.support.Fixtures.districtLevel1Met;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.OrgKind;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * Evidence (minh chứng) is added by the applicant only, while the dossier is at the applicant's step: a reviewer
 * who can read a school's dossier cannot add files to what they are about to review, and the school cannot add
 * any once it has submitted, until the dossier is returned for supplement. A refusal stores nothing.
 */
@HoctapTest
class EvidenceUploadHttpTest {

  /** Demo school HN-TT-TH01 for 2025, a year no other test opens it for (its clock is set to late 2025). */
  static final int YEAR = 2025;

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Response upload(String user, long id, String name) {
    return http.upload(user, "/api/dossiers/" + id + "/evidence", name,
        ("%PDF-1.4\n% " + name + " " + user + "\n%%EOF\n").getBytes(), Map.of("note", "Tệp " + name));
  }

  List<String> evidence(long id) {
    List<String> names = new ArrayList<>();
    http.get("admin", "/api/dossiers/" + id).json().get("evidence").forEach(e -> names.add(e.get("fileName")
        .asText()));
    return names;
  }

  long uploadsRecorded(long id) {
    JsonNode history = http.get("admin", "/api/dossiers/" + id).json().get("history");
    long n = 0;
    for (JsonNode e : history) {
      n += e.get("action").asText().equals("EVIDENCE_UPLOADED") ? 1 : 0;
    }
    return n;
  }

  String task(String user, long id) {
    JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + id).json();
    assertThat(tasks.size()).as(user + " sees one task of dossier " + id).isEqualTo(1);
    return tasks.get(0).get("id").asText();
  }

  void submit(String user, long id, Map<String, Object> form) {
    Response r = http.submitForm(user, task(user, id), form);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  static void refused(Response r, int status, String... phrases) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("message").asText()).contains(phrases);
  }

  @Test
  void onlyTheSchoolAddsEvidenceAndOnlyWhileTheDossierIsAtItsStep() {
    Response opened = http.post("todanhgia", "/api/dossiers", Map.of("unitCode", "HN-TT-TH01", "level", 1,
        "assessmentYear", YEAR));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long id = opened.json().get("dossier").get("id").asLong();

    // being prepared: the reviewers above the school read the dossier but may not add to it; others cannot read it
    refused(upload("phonggd", id, "phong.pdf"), 403, "Tổ đánh giá", "Thủ trưởng", "Trường Tiểu học Tam Hiệp");
    refused(upload("sogd", id, "so.pdf"), 403, "Tổ đánh giá");
    refused(upload("admin", id, "admin.pdf"), 403, "Tổ đánh giá");
    assertThat(upload("sogd.nb", id, "nb.pdf").status()).isEqualTo(404);
    assertThat(upload("todanhgia.thpt", id, "thpt.pdf").status()).isEqualTo(404);
    assertThat(evidence(id)).isEmpty();
    assertThat(uploadsRecorded(id)).isZero();

    // the school's team and head add theirs
    assertThat(upload("todanhgia", id, "ke-hoach.pdf").status()).isEqualTo(201);
    assertThat(upload("hieutruong", id, "bien-ban.pdf").status()).isEqualTo(201);

    // submitted to the district office: nobody adds anything, the school included
    // (TC3.CT1 as the team counts it; hoctap fills in the demo school's last decided round, which other tests
    // change: the reason goes into the note)
    submit("todanhgia", id, vn.hoctap.support.Fixtures.with(districtLevel1Met(), "tc3_ct1_note",
        "Số liệu rà soát theo danh sách thành viên hiện có"));
    submit("hieutruong", id, Map.of("headDecision", "SUBMIT"));
    assertThat(http.get("admin", "/api/dossiers/" + id).json().get("dossier").get("status").asText())
        .isEqualTo("SUBMITTED");
    refused(upload("todanhgia", id, "muon.pdf"), 409, "Đã nộp, chờ kiểm tra", "trả lại");
    refused(upload("hieutruong", id, "muon-2.pdf"), 409, "Đã nộp, chờ kiểm tra");
    refused(upload("phonggd", id, "phong.pdf"), 403, "Tổ đánh giá");
    refused(upload("sogd", id, "so.pdf"), 403, "Tổ đánh giá");
    assertThat(evidence(id)).containsExactly("ke-hoach.pdf", "bien-ban.pdf");
    assertThat(uploadsRecorded(id)).isEqualTo(2);

    // returned for supplement: the school's step again
    submit("phonggd", id, Map.of(FIELD_COMPLETENESS, INCOMPLETE, FIELD_COMPLETENESS_COMMENT,
        "Thiếu kế hoạch của Tổ đánh giá"));
    refused(upload("phonggd", id, "phong.pdf"), 403, "Tổ đánh giá");
    assertThat(upload("todanhgia", id, "bo-sung.pdf").status()).isEqualTo(201);
    assertThat(evidence(id)).containsExactly("ke-hoach.pdf", "bien-ban.pdf", "bo-sung.pdf");
  }

  @Test
  void aCommunityDossierTakesEvidenceFromItsCommitteeAndChairOnly() {
    TestUnit commune = fx.newLocality("HN-TT", OrgKind.COMMUNE);
    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, commune.team(), commune.code(), 1, YEAR);
    long id = Long.parseLong(pi.getBusinessKey());
    refused(upload("phonggd", id, "phong.pdf"), 403, "cán bộ UBND", "Chủ tịch UBND");
    refused(upload("ubndhuyen", id, "huyen.pdf"), 403, "cán bộ UBND");
    assertThat(upload("ubndxa", id, "xa-khac.pdf").status()).isEqualTo(404);
    assertThat(evidence(id)).isEmpty();
    assertThat(upload(commune.team(), id, "bien-ban-hop.pdf").status()).isEqualTo(201);
    assertThat(upload(commune.head(), id, "bao-cao.pdf").status()).isEqualTo(201);
    assertThat(evidence(id)).containsExactly("bien-ban-hop.pdf", "bao-cao.pdf");
  }
}
