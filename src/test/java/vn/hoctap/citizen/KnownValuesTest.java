package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.*;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.Throwables;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.dossier.DossierRevision.Stage;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Values hoctap already holds are filled in, not retyped (issue 19 item 2): the "Công dân học tập" ratios of a unit's
 * members and learners and the number of a commune's citizens from their decided rounds, the share of a district's
 * communes holding "Cộng đồng học tập" from hoctap's own decisions, last year's figure from last year's dossier.
 * Each comes with its source; changing one needs a reason; a kept round ratio stands on the round's decision as
 * evidence (TT24 Điều 9 khoản 3).
 */
@HoctapTest
class KnownValuesTest {

  static final int YEAR = 2026;
  static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes();

  @Autowired Fixtures fx;
  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired DossierService dossiers;
  @Autowired EvidenceService evidence;
  @Autowired vn.hoctap.document.RecognitionDocuments documents;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void complete(String user, ProcessInstance pi, String key, Map<String, Object> form) {
    Task t = fx.task(user, pi, key);
    fx.as(user, () -> tasks.complete(t.getId(), form));
  }

  static DomainException refusal(ThrowingCallable action) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(action);
    DomainException e = Throwables.find(t, DomainException.class);
    if (e == null) {
      throw new AssertionError("expected a refusal, got " + t, t);
    }
    return e;
  }

  /** A decided "Công dân học tập" round of the body: {@code passed} entries recognised, {@code failed} not. */
  Round decidedRound(Body body, Subject subject, int passed, int failed, int learners) {
    return rf.decided(body, YEAR, subject, passed, failed, learners);
  }

  @Test
  @DisplayName("TT24 Điều 6 khoản 3 điểm a: members' and learners' ratios come from the unit's round, and its decision"
      + " is their evidence")
  void membersAndLearnersFromTheUnitsRound() {
    Body centre = rf.newUnit("HN-TT", UnitKind.DISTRICT_VOCATIONAL_CONTINUING_CENTRE);
    // no decided round yet: nothing is filled in
    ProcessInstance before = fx.openWithoutEvidence(centre.preparer(), centre.code(), 1, YEAR - 1);
    assertThat(runtime.getVariables(before.getId())).doesNotContainKeys("tc3_ct1_met", "tc3_ct1_hs_met");

    Round r = decidedRound(centre, Subject.OFFICIAL, 9, 1, 19);
    ProcessInstance pi = fx.openWithoutEvidence(centre.preparer(), centre.code(), 1, YEAR);
    Long id = Long.valueOf(pi.getBusinessKey());
    Map<String, Object> shown = runtime.getVariables(pi.getId());
    assertThat(shown.get("tc3_ct1_met")).isEqualTo(9L);
    assertThat(shown.get("tc3_ct1_total")).isEqualTo(10L);
    assertThat(shown.get("tc3_ct1_hs_met")).isEqualTo(19L);
    assertThat(shown.get("tc3_ct1_hs_total")).isEqualTo(19L);
    assertThat((String) shown.get("tc3_ct1_note")).contains("Số liệu hoctap đã có", "năm " + YEAR,
        "quyết định số " + r.decisionNo(), "9/10 thành viên").doesNotContain("/api/");
    assertThat((String) shown.get("tc3_ct1_hs_note")).contains("19/19 người học");

    // every other indicator gets its file; TC3.CT1 and TC3.CT1.HS stand on the round's decision
    uploadEvidenceExcept(centre, id, List.of("TC3.CT1", "TC3.CT1.HS"));
    Map<String, Object> form = new HashMap<>(Fixtures.districtLevel1Met());
    for (String k : List.of("tc3_ct1_met", "tc3_ct1_total", "tc3_ct1_note", "tc3_ct1_hs_met", "tc3_ct1_hs_total",
        "tc3_ct1_hs_note")) {
      form.put(k, shown.get(k));
    }
    complete(centre.preparer(), pi, TASK_SELF_ASSESSMENT, form);
    IndicatorInput saved = dossiers.latestValues(id, Stage.SELF).get("TC3.CT1");
    assertThat(saved.met()).isEqualTo(9);
    assertThat(saved.total()).isEqualTo(10);
    IndicatorResult ct1 = dossiers.latestEvaluation(id).indicator("TC3.CT1");
    assertThat(ct1.outcome()).isEqualTo(IndicatorResult.Outcome.MET);
    assertThat(ct1.evidenceMissing()).isFalse();
    assertThat(ct1.evidence()).contains("Quyết định công nhận “Công dân học tập”", r.decisionNo());
    assertThat(dossiers.latestEvaluation(id).summary()).doesNotContain("chưa có minh chứng");
  }

  @Test
  @DisplayName("A value hoctap supplied and the team changed needs the reason in the indicator's note")
  void changingAKnownValueNeedsAReason() {
    Body school = rf.newSchool("HN-TT");
    decidedRound(school, Subject.OFFICIAL, 19, 1, 0);
    ProcessInstance pi = fx.openWithoutEvidence(school.preparer(), school.code(), 1, YEAR);
    Long id = Long.valueOf(pi.getBusinessKey());
    Map<String, Object> changed = Fixtures.with(Fixtures.districtLevel1Met(), "tc3_ct1_met", 46L, "tc3_ct1_total",
        50L);
    changed.remove("tc3_ct1_note");
    DomainException e = refusal(() -> complete(school.preparer(), pi, TASK_SELF_ASSESSMENT, changed));
    assertThat(e.fieldProblems()).anySatisfy(p -> {
      assertThat(p.field()).isEqualTo("tc3_ct1_note");
      assertThat(p.message()).contains("TC3.CT1", "khác với số liệu hoctap đã có", "19/20 thành viên",
          "ghi lý do điều chỉnh");
    });
    assertThat(dossiers.revisions(id)).isEmpty();

    complete(school.preparer(), pi, TASK_SELF_ASSESSMENT, Fixtures.with(changed, "tc3_ct1_note",
        "Đợt đánh giá bổ sung tháng 11 theo danh sách kèm theo: 46/50 thành viên"));
    assertThat(dossiers.latestValues(id, Stage.SELF).get("TC3.CT1").met()).isEqualTo(46);
  }

  @Test
  @DisplayName("TT25 Điều 6 khoản 5 điểm a: the commune's citizens holding “Công dân học tập” come from its round; the"
      + " population is the commune's to enter")
  void communeCitizensFromTheCommunesRound() {
    Body commune = rf.newCommune("HN-TT");
    decidedRound(commune, Subject.RESIDENT, 6, 2, 0);
    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, commune.preparer(), commune.code(), 1, YEAR);
    Map<String, Object> shown = runtime.getVariables(pi.getId());
    assertThat(shown.get("tc5_ct1_met")).isEqualTo(6L);
    assertThat(shown).doesNotContainKey("tc5_ct1_total");
    assertThat((String) shown.get("tc5_ct1_note")).contains("6 công dân được công nhận",
        "xã nhập theo số liệu dân số");
  }

  @Test
  @DisplayName("TT25 Điều 11 khoản 4 điểm a, b: the share of recognised communes from hoctap's decisions; last year's"
      + " income per head from last year's dossier")
  void recognisedCommunesAndLastYearsFigures() throws Exception {
    TestBody district = fx.newBody("HN", OrgKind.DISTRICT);
    TestUnit districtCommittee = fx.committeeOf(district.code());
    TestBody recognised = fx.newBody(district.code(), OrgKind.COMMUNE);
    fx.newBody(district.code(), OrgKind.COMMUNE);
    recogniseCommune(district, fx.committeeOf(recognised.code()));

    ProcessInstance last = fx.open(LearningCommunityProcess.KEY, districtCommittee.team(), district.code(), 1,
        YEAR - 1);
    Map<String, Object> shownLast = runtime.getVariables(last.getId());
    // the commune's decision is for 2026: it did not hold the title at the end of 2025
    assertThat(shownLast.get("tc4_ct1_met")).isEqualTo(0L);
    assertThat(shownLast.get("tc4_ct1_total")).isEqualTo(2L);
    complete(districtCommittee.team(), last, TASK_SELF_ASSESSMENT, Fixtures.with(Fixtures.communityMet(),
        "tc4_ct2_current", "68,4"));

    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, districtCommittee.team(), district.code(), 1, YEAR);
    Map<String, Object> shown = runtime.getVariables(pi.getId());
    assertThat(shown.get("tc4_ct1_met")).isEqualTo(1L);
    assertThat(shown.get("tc4_ct1_total")).isEqualTo(2L);
    assertThat((String) shown.get("tc4_ct1_note")).contains("1/2 xã", "mức độ 1 trở lên", "31/12/" + YEAR,
        "Địa bàn thử " + recognised.code());
    assertThat(shown.get("tc4_ct2_previous")).isEqualTo("68,4");
    assertThat(shown).doesNotContainKey("tc4_ct2_current");
    assertThat((String) shown.get("tc4_ct2_note")).contains("năm " + (YEAR - 1) + " là 68,4 triệu đồng/người/năm",
        "hồ sơ số " + last.getBusinessKey());

    // keeping the figures hoctap gave needs no reason; a different previous year's figure does
    Map<String, Object> kept = Fixtures.with(Fixtures.communityMet(), "tc4_ct1_met", 1L, "tc4_ct1_total", 2L,
        "tc4_ct1_note", shown.get("tc4_ct1_note"), "tc4_ct2_previous", "68,4", "tc4_ct2_note",
        shown.get("tc4_ct2_note"), "tc4_ct2_current", "70");
    Map<String, Object> changedPrevious = Fixtures.with(kept, "tc4_ct2_previous", "60");
    assertThat(refusal(() -> complete(districtCommittee.team(), pi, TASK_SELF_ASSESSMENT, changedPrevious))
        .fullMessage()).contains("TC4.CT2", "khác với số liệu hoctap đã có");
    complete(districtCommittee.team(), pi, TASK_SELF_ASSESSMENT, kept);
    IndicatorResult share = dossiers.latestEvaluation(Long.valueOf(pi.getBusinessKey())).indicator("TC4.CT1");
    // 1 of 2 communes is 50 %: TT25 Điều 11 khoản 4 điểm a asks for 90 %
    assertThat(share.outcome()).isEqualTo(IndicatorResult.Outcome.NOT_MET);
    assertThat(share.measured()).isEqualTo("1/2 xã = 50,00 %");
  }

  @Test
  @DisplayName("TT25 Điều 11 khoản 4 điểm a: a commune whose decision was revoked (thu hồi) is not a recognised"
      + " commune")
  void tt25Dieu11K4a_aRevokedCommuneDecisionDoesNotCount() throws Exception {
    TestBody district = fx.newBody("HN", OrgKind.DISTRICT);
    TestUnit districtCommittee = fx.committeeOf(district.code());
    TestBody commune = fx.newBody(district.code(), OrgKind.COMMUNE);
    fx.newBody(district.code(), OrgKind.COMMUNE);
    recogniseCommune(district, fx.committeeOf(commune.code()));
    String code = jdbc.queryForObject("select c.verification_code from certificate c join recognition r on r.id ="
        + " c.recognition_id join org_unit u on u.id = r.unit_id where u.code = ?", String.class, commune.code());
    documents.revoke(code, "Quyết định công nhận ban hành khi hồ sơ chưa đủ điều kiện", "admin");

    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, districtCommittee.team(), district.code(), 1, YEAR);
    Map<String, Object> shown = runtime.getVariables(pi.getId());
    assertThat(shown.get("tc4_ct1_met")).isEqualTo(0L);
    assertThat(shown.get("tc4_ct1_total")).isEqualTo(2L);
    assertThat((String) shown.get("tc4_ct1_note")).contains("0/2 xã").doesNotContain("Địa bàn thử " + commune.code());
  }

  private void recogniseCommune(TestBody district, TestUnit commune) {
    ProcessInstance pi = fx.recogniseCommune(district, commune, YEAR);
    assertThat(dossiers.get(Long.valueOf(pi.getBusinessKey())).getStatus()).isEqualTo(DossierStatus.RECOGNISED);
  }

  private void uploadEvidenceExcept(Body unit, Long dossierId, List<String> codes) {
    var d = dossiers.get(dossierId);
    CurrentUser who = new CurrentUser(unit.preparer(), List.of(Groups.team(unit.code())));
    for (var i : dossiers.criteriaSet(d).indicators()) {
      if (!i.appliesTo(d.getUnit().profile()) || codes.contains(i.code())) {
        continue;
      }
      byte[] pdf = ("%PDF-1.4\n% " + dossierId + " " + i.code() + "\n").getBytes();
      try {
        evidence.upload(dossierId, i.code(), i.formKey() + ".pdf", new ByteArrayInputStream(pdf), pdf.length, null,
            who);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
