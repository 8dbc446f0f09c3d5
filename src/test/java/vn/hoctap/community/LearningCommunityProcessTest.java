package vn.hoctap.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hoctap.process.LearningCommunityProcess.*;
import static vn.hoctap.support.Fixtures.with;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.Throwables;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * processes/learning-community-recognition.bpmn at each tier: the People's Committee self-assesses, a meeting
 * agrees, the next tier up appraises and the configured signer decides — through the same shared procedure as
 * the learning-unit chain.
 */
@HoctapTest
class LearningCommunityProcessTest {

  static final int YEAR = 2026;
  static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes();

  /** Each tier with the people the demo configuration routes it to. */
  enum Tier {
    COMMUNE("phonggd", "reviewer-HN-TT", "truongphong", "QĐ-PGDĐT", "Trưởng phòng GDĐT",
        LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31)),
    DISTRICT("sogd", "reviewer-HN", "giamdocso", "QĐ-SGDĐT", "Giám đốc Sở GDĐT",
        LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31)),
    PROVINCE("bogd", "reviewer-BGDDT", "botruong", "QĐ-BGDĐT", "Bộ trưởng Bộ GDĐT",
        LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31)),
    TWO_TIER_COMMUNE("sogd.nb", "reviewer-NB", "pheduyet.nb", "QĐ-SGDĐT", "Giám đốc Sở GDĐT",
        LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));

    final String reviewer;
    final String reviewerGroup;
    final String signer;
    final String decisionCode;
    final String signerTitle;
    final LocalDate submissionDeadline;
    final LocalDate decisionDeadline;

    Tier(String reviewer, String reviewerGroup, String signer, String decisionCode, String signerTitle,
        LocalDate submissionDeadline, LocalDate decisionDeadline) {
      this.reviewer = reviewer;
      this.reviewerGroup = reviewerGroup;
      this.signer = signer;
      this.decisionCode = decisionCode;
      this.signerTitle = signerTitle;
      this.submissionDeadline = submissionDeadline;
      this.decisionDeadline = decisionDeadline;
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired EvidenceService evidence;
  @Autowired RecognitionService recognitions;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    setClock(LocalDate.of(2026, 12, 1));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void setClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  TestUnit applicant(Tier tier) {
    return switch (tier) {
      case COMMUNE -> fx.newLocality("HN-TT", OrgKind.COMMUNE);
      case DISTRICT -> fx.newLocality("HN", OrgKind.DISTRICT);
      case PROVINCE -> fx.newProvince();
      case TWO_TIER_COMMUNE -> fx.newLocality("NB", OrgKind.COMMUNE);
    };
  }

  /** Every indicator of the tier's level-1 set met (TT25 Điều 6, 11, 16). */
  static Map<String, Object> met(Tier tier) {
    return tier == Tier.PROVINCE ? Fixtures.provinceCommunityMet() : Fixtures.communityMet();
  }

  Long id(ProcessInstance pi) {
    return Long.valueOf(pi.getBusinessKey());
  }

  List<String> actions(ProcessInstance pi) {
    return dossiers.history(id(pi)).stream().map(DossierEvent::getAction).toList();
  }

  void uploadMinutes(TestUnit a, ProcessInstance pi) throws Exception {
    evidence.upload(id(pi), null, "bien-ban-hop.pdf", new ByteArrayInputStream(PDF), PDF.length,
        "Biên bản họp thống nhất kết quả tự đánh giá",
        new CurrentUser(a.team(), List.of(Groups.committee(a.code()))));
  }

  Map<String, Object> meeting(String outcome, String comment) {
    Map<String, Object> m = new HashMap<>();
    m.put(FIELD_MEETING_DATE, "2026-11-30");
    m.put(FIELD_ATTENDEES, "Chủ tịch UBND, đại diện Hội Khuyến học, Hội Phụ nữ, các trưởng thôn");
    m.put(FIELD_MINUTES_FILE, "bien-ban-hop.pdf");
    m.put(VAR_MEETING_OUTCOME, outcome);
    if (comment != null) {
      m.put(FIELD_MEETING_COMMENT, comment);
    }
    return m;
  }

  /** Self-assessed and agreed by the meeting: the dossier waits at the next tier's completeness check. */
  ProcessInstance submitted(Tier tier, TestUnit a) throws Exception {
    ProcessInstance pi = fx.open(KEY, a.team(), a.code(), 1, YEAR);
    fx.complete(a.team(), pi, TASK_SELF_ASSESSMENT, met(tier));
    uploadMinutes(a, pi);
    fx.complete(a.head(), pi, TASK_MEETING, meeting(AGREE, null));
    return pi;
  }

  static DomainException refusal(ThrowingCallable action) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(action);
    DomainException e = Throwables.find(t, DomainException.class);
    if (e == null) {
      throw new AssertionError("expected a refusal, got " + t, t);
    }
    return e;
  }

  @ParameterizedTest
  @EnumSource(Tier.class)
  void approvalAtEachTier(Tier tier) throws Exception {
    TestUnit a = applicant(tier);
    ProcessInstance pi = submitted(tier, a);
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat(fx.task(tier.reviewer, pi, TASK_CHECK_COMPLETENESS)).as("the next tier up receives it").isNotNull();
    fx.complete(tier.reviewer, pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete(tier.reviewer, pi, TASK_APPRAISE, with(met(tier), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    fx.complete(tier.signer, pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));

    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
    Recognition r = recognitions.forDossier(id(pi)).orElseThrow();
    assertThat(r.getDecisionNo()).endsWith("/" + tier.decisionCode);
    assertThat(r.getSignerTitle()).isEqualTo(tier.signerTitle);
    assertThat(r.getSignedBy()).isEqualTo(tier.signer);
    assertThat(r.getValidUntil()).isEqualTo(LocalDate.of(YEAR + 3, 12, 31));
    assertThat(actions(pi)).containsSubsequence("CREATED", "SELF_ASSESSMENT_SAVED", "MEETING_AGREED", "SUBMITTED",
        "ACCEPTED_COMPLETE", "PROPOSED", "SIGNED", "DECISION_RECORDED");
  }

  @ParameterizedTest
  @EnumSource(Tier.class)
  void returnForSupplementAndResubmission(Tier tier) throws Exception {
    TestUnit a = applicant(tier);
    ProcessInstance pi = submitted(tier, a);
    fx.complete(tier.reviewer, pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, INCOMPLETE,
        FIELD_COMPLETENESS_COMMENT, "Thiếu bản tổng hợp kết quả các chỉ tiêu"));
    assertThat(dossiers.get(id(pi)).getStatus()).isEqualTo(DossierStatus.RETURNED);
    assertThat(fx.task(a.head(), pi, TASK_SUPPLEMENT)).isNotNull();
    fx.complete(a.team(), pi, TASK_SUPPLEMENT, with(met(tier), FIELD_ASSESSMENT_COMMENT, "Đã bổ sung bản tổng hợp"));
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_CHECK_COMPLETENESS);
    fx.complete(tier.reviewer, pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    assertThat(actions(pi)).containsSubsequence("RETURNED_FOR_SUPPLEMENT", "RESUBMITTED", "ACCEPTED_COMPLETE");
  }

  @ParameterizedTest
  @EnumSource(Tier.class)
  void refusalAtEachTier(Tier tier) throws Exception {
    TestUnit a = applicant(tier);
    ProcessInstance pi = submitted(tier, a);
    fx.complete(tier.reviewer, pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete(tier.reviewer, pi, TASK_APPRAISE, with(met(tier), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    fx.complete(tier.signer, pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, REFUSE, FIELD_SIGNER_COMMENT,
        "Kết quả phổ cập giáo dục chưa được kiểm tra thực tế"));
    assertThat(pi).isEnded().hasPassed(END_REFUSED);
    assertThat(recognitions.forDossier(id(pi))).isEmpty();
    assertThat(dossiers.get(id(pi)).getStatus()).isEqualTo(DossierStatus.REFUSED);
  }

  @ParameterizedTest
  @EnumSource(Tier.class)
  void aMeetingThatDoesNotAgreeSendsTheDossierBackAndSubmitsNothing(Tier tier) throws Exception {
    TestUnit a = applicant(tier);
    ProcessInstance pi = fx.open(KEY, a.team(), a.code(), 1, YEAR);
    fx.complete(a.team(), pi, TASK_SELF_ASSESSMENT, met(tier));
    uploadMinutes(a, pi);
    assertThat(refusal(() -> fx.complete(a.head(), pi, TASK_MEETING, meeting(DISAGREE, null))).fullMessage())
        .contains("lý do");
    fx.complete(a.head(), pi, TASK_MEETING, meeting(DISAGREE, "Số liệu phổ cập giáo dục chưa khớp"));
    assertThat(pi).isWaitingAt(TASK_SELF_ASSESSMENT);
    assertThat(fx.appraisal(pi)).isNull();
    assertThat(dossiers.get(id(pi)).getStatus()).isEqualTo(DossierStatus.PREPARING);
    assertThat(actions(pi)).contains("MEETING_DISAGREED", "SENT_BACK").doesNotContain("SUBMITTED");
    assertThat(tasks.getVariable(fx.task(a.team(), pi, TASK_SELF_ASSESSMENT).getId(), SHOW_RETURN_REASONS)
        .toString()).contains("phổ cập giáo dục chưa khớp");
  }

  @Test
  void theMeetingNeedsItsMinutesAndAMetSelfAssessment() throws Exception {
    TestUnit a = applicant(Tier.COMMUNE);
    ProcessInstance pi = fx.open(KEY, a.team(), a.code(), 1, YEAR);
    fx.complete(a.team(), pi, TASK_SELF_ASSESSMENT, with(met(Tier.COMMUNE), "tc1_ct3", "false"));
    assertThat(refusal(() -> fx.complete(a.head(), pi, TASK_MEETING, meeting(AGREE, null))).fullMessage())
        .contains("Chưa thấy tệp biên bản \"bien-ban-hop.pdf\"");
    uploadMinutes(a, pi);
    assertThat(refusal(() -> fx.complete(a.head(), pi, TASK_MEETING, meeting(AGREE, null))).fullMessage())
        .contains("chưa đạt Cộng đồng học tập mức độ 1").contains("TC1.CT3");
    assertThat(pi).isWaitingAt(TASK_MEETING);
    assertThat(actions(pi)).doesNotContain("MEETING_AGREED", "SUBMITTED");
  }

  @ParameterizedTest
  @EnumSource(Tier.class)
  void deadlinesEscalateAtEachTier(Tier tier) throws Exception {
    TestUnit a = applicant(tier);
    ProcessInstance pi = fx.open(KEY, a.team(), a.code(), 1, YEAR);
    Job overdue = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_SUBMISSION_OVERDUE).timers().singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(tier.submissionDeadline.plusDays(1)
        .atStartOfDay(EngineClock.ZONE).toInstant()));
    setClock(tier.submissionDeadline.plusDays(1));
    management.executeJob(overdue.getId());
    String taskId = fx.task(a.team(), pi, TASK_SELF_ASSESSMENT).getId();
    assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId)
        .as("the receiving office now sees the applicant's overdue task").contains(tier.reviewerGroup);
    assertThat(actions(pi)).contains("ESCALATED");

    // a late submission is refused at the meeting, like the learning-unit head's Tờ trình
    fx.complete(a.team(), pi, TASK_SELF_ASSESSMENT, met(tier));
    uploadMinutes(a, pi);
    assertThat(refusal(() -> fx.complete(a.head(), pi, TASK_MEETING, meeting(AGREE, null))).fullMessage())
        .contains("Đã quá hạn nộp hồ sơ");
  }

  @Test
  void decisionDeadlineEscalatesAboveTheReceivingOffice() throws Exception {
    TestUnit a = applicant(Tier.COMMUNE);
    ProcessInstance pi = submitted(Tier.COMMUNE, a);
    Job overdue = management.createJobQuery().processInstanceId(fx.appraisal(pi).getId())
        .activityId(TIMER_DECISION_OVERDUE).timers().singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(2027, 4, 1, 0, 0, 0, 0, EngineClock.ZONE)
        .toInstant()));
    setClock(LocalDate.of(2027, 4, 1));
    management.executeJob(overdue.getId());
    assertThat(fx.task("sogd", pi, TASK_CHECK_COMPLETENESS)).as("the Sở GDĐT sees the overdue task").isNotNull();
  }

  @ParameterizedTest
  @EnumSource(Tier.class)
  void level2OnlyTwelveMonthsAfterLevel1(Tier tier) throws Exception {
    TestUnit a = applicant(tier);
    assertThat(refusal(() -> fx.open(KEY, a.team(), a.code(), 2, YEAR)).fullMessage())
        .contains("chưa có quyết định công nhận Cộng đồng học tập mức độ 1");
    setClock(LocalDate.of(2025, 12, 1));
    ProcessInstance first = fx.open(KEY, a.team(), a.code(), 1, 2025);
    fx.complete(a.team(), first, TASK_SELF_ASSESSMENT, met(tier));
    uploadMinutes(a, first);
    fx.complete(a.head(), first, TASK_MEETING, with(meeting(AGREE, null), FIELD_MEETING_DATE, "2025-11-30"));
    fx.complete(tier.reviewer, first, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete(tier.reviewer, first, TASK_APPRAISE, with(met(tier), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    LocalDate decided = tier.decisionDeadline.minusYears(1).minusDays(5);
    setClock(decided);
    fx.complete(tier.signer, first, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    setClock(LocalDate.of(2026, 12, 1));
    // level 2 for 2026 is due before the first anniversary of the level-1 decision: refused with the date
    String possible = vn.hoctap.common.Dates.vn(decided.plusMonths(12));
    assertThat(refusal(() -> fx.open(KEY, a.team(), a.code(), 2, YEAR)).fullMessage())
        .contains("tức từ ngày " + possible).contains(vn.hoctap.common.Dates.vn(tier.submissionDeadline));
  }

  @Test
  void onlyPeoplesCommitteesApplyForTheirOwnLocality() {
    TestUnit a = applicant(Tier.COMMUNE);
    TestUnit other = applicant(Tier.COMMUNE);
    assertThat(refusal(() -> fx.open(KEY, other.team(), a.code(), 1, YEAR)).kind())
        .isEqualTo(DomainException.Kind.FORBIDDEN);
    assertThat(refusal(() -> fx.open(KEY, "admin", "HN-TT-TH01", 1, YEAR)).fullMessage())
        .contains("Chỉ UBND xã / phường, huyện hoặc tỉnh");
    Dossier d = dossiers.get(id(fx.open(KEY, a.team(), a.code(), 1, YEAR)));
    assertThat(d.getReceivingOrg().getCode()).isEqualTo("HN-TT");
  }
}
