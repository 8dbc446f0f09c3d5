package vn.hoctap.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hoctap.process.LearningUnitProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
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
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierRevision;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.UnitKind;
import vn.hoctap.procedure.DossierWorkflow;
import vn.hoctap.recognition.Notification;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Every path of processes/learning-unit-recognition.bpmn on the real engine and database, acting as the users
 * of each role with the engine's authorization checks on.
 */
@HoctapTest
class LearningUnitProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired DossierWorkflow workflow;
  @Autowired RecognitionService recognitions;
  @Autowired NotificationService notifications;

  static final int YEAR = 2026;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    // 01/12/2026: the unit is preparing its dossier for 2026, due 15/01/2027
    setClock(LocalDate.of(2026, 12, 1));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void setClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  Long dossierId(ProcessInstance pi) {
    return Long.valueOf(pi.getBusinessKey());
  }

  /** Self-assessment met and submitted: the dossier waits at the district office's completeness check. */
  ProcessInstance submitted(TestUnit u) {
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT, FIELD_HEAD_COMMENT,
        "Tờ trình số 7/TTr"));
    return pi;
  }

  void approveAtDistrict(ProcessInstance pi) {
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    fx.complete("chutichhuyen", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
  }

  List<String> actions(ProcessInstance pi) {
    return dossiers.history(dossierId(pi)).stream().map(DossierEvent::getAction).toList();
  }

  @Test
  void level1ApprovalRecordsTheDecisionCertificateAndNotification() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = submitted(u);
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat(pi).hasVariables(VAR_DOSSIER_ID);
    // the reviewers are derived from the dossier's route when the task is created, not from a variable
    assertThat(tasks.getIdentityLinksForTask(fx.task("phonggd", pi, TASK_CHECK_COMPLETENESS).getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("reviewer-HN-TT");
    approveAtDistrict(pi);

    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
    Dossier d = dossiers.get(dossierId(pi));
    assertThat(d.getStatus()).isEqualTo(DossierStatus.RECOGNISED);
    Recognition r = recognitions.forDossier(d.getId()).orElseThrow();
    assertThat(r.getLevel()).isEqualTo(1);
    assertThat(r.getAssessmentYear()).isEqualTo(YEAR);
    assertThat(r.getDecisionNo()).endsWith("/QĐ-UBND");
    assertThat(r.getDecisionDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(r.getSignerTitle()).isEqualTo("Chủ tịch UBND huyện");
    assertThat(r.getSignedBy()).isEqualTo("chutichhuyen");
    assertThat(r.getValidUntil()).isEqualTo(LocalDate.of(2029, 12, 31));
    assertThat(recognitions.certificate(r.getId())).isPresent();
    // the decision is visible in the dossier history, with who signed it
    DossierEvent decision = dossiers.history(d.getId()).stream()
        .filter(e -> e.getAction().equals("DECISION_RECORDED")).findFirst().orElseThrow();
    assertThat(decision.getActor()).isEqualTo("chutichhuyen");
    assertThat(decision.getDetails()).contains(r.getDecisionNo()).contains("31/12/2029");
    assertThat(actions(pi)).containsSubsequence("CREATED", "SELF_ASSESSMENT_SAVED", "EVALUATED", "SUBMITTED",
        "ACCEPTED_COMPLETE", "PROPOSED", "EVALUATED", "SIGNED", "DECISION_RECORDED");
    assertThat(notifications.forDossier(d.getId())).extracting(Notification::getRecipientGroup)
        .contains("team-" + u.code(), "head-" + u.code(), "reviewer-HN-TT");
    // nothing but routing data is left in the engine
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo(String.valueOf(d.getId()));
  }

  @Test
  void decisionNumbersCountUpPerSignerAndYear() {
    TestUnit a = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    TestUnit b = fx.newUnit("HN-TT", UnitKind.LOWER_SECONDARY, true);
    ProcessInstance pa = submitted(a);
    ProcessInstance pb = submitted(b);
    approveAtDistrict(pa);
    approveAtDistrict(pb);
    int na = number(recognitions.forDossier(dossierId(pa)).orElseThrow());
    int nb = number(recognitions.forDossier(dossierId(pb)).orElseThrow());
    assertThat(nb).isEqualTo(na + 1);
  }

  static int number(Recognition r) {
    return Integer.parseInt(r.getDecisionNo().substring(0, r.getDecisionNo().indexOf('/')));
  }

  @Test
  void level2TooEarlyIsRefusedWithTheDateItBecomesPossible() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = submitted(u);
    approveAtDistrict(pi); // level-1 decision on 01/12/2026
    assertThat(refusal(() -> fx.open(u.team(), u.code(), 2, YEAR)).fullMessage())
        .contains("tức từ ngày 01/12/2027").contains("15/01/2027");
    // no level-1 decision at all: level 2 is refused and says why
    TestUnit fresh = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    assertThat(refusal(() -> fx.open(fresh.team(), fresh.code(), 2, YEAR)).fullMessage())
        .contains("chưa có quyết định công nhận Đơn vị học tập mức độ 1");
  }

  @Test
  void level2IsPossibleTwelveMonthsAfterLevel1() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    setClock(LocalDate.of(2025, 12, 1));
    ProcessInstance first = fx.open(u.team(), u.code(), 1, 2025);
    fx.complete(u.team(), first, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), first, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    approveAtDistrict(first); // decision 01/12/2025
    setClock(LocalDate.of(2026, 12, 1));
    ProcessInstance second = fx.open(u.team(), u.code(), 2, YEAR);
    assertThat(second).isWaitingAt(TASK_SELF_ASSESSMENT);
    assertThat(dossiers.get(dossierId(second)).getLevel()).isEqualTo(2);
  }

  @Test
  void returnForSupplementAndResubmission() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = submitted(u);
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, INCOMPLETE,
        FIELD_COMPLETENESS_COMMENT, "Thiếu biên bản họp Tổ đánh giá"));
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_SUPPLEMENT);
    assertThat(dossiers.get(dossierId(pi)).getStatus()).isEqualTo(DossierStatus.RETURNED);
    // the unit sees the reasons in its form
    assertThat(tasks.getVariable(fx.task(u.team(), pi, TASK_SUPPLEMENT).getId(), SHOW_RETURN_REASONS).toString())
        .contains("Thiếu biên bản họp Tổ đánh giá");
    assertThat(fx.task(u.head(), pi, TASK_SUPPLEMENT)).as("the head may resubmit too").isNotNull();
    fx.complete(u.team(), pi, TASK_SUPPLEMENT, with(districtLevel1Met(), FIELD_ASSESSMENT_COMMENT,
        "Đã bổ sung biên bản"));
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat(dossiers.get(dossierId(pi)).getStatus()).isEqualTo(DossierStatus.SUBMITTED);
    approveAtDistrict(pi);
    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
    assertThat(actions(pi)).containsSubsequence("RETURNED_FOR_SUPPLEMENT", "SELF_ASSESSMENT_SAVED", "RESUBMITTED",
        "ACCEPTED_COMPLETE");
    assertThat(dossiers.revisions(dossierId(pi))).extracting(DossierRevision::getStage)
        .containsExactly(DossierRevision.Stage.SELF, DossierRevision.Stage.SELF, DossierRevision.Stage.VERIFIED);
  }

  @Test
  void headSendsBackToTheTeamWithReasons() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    // a send-back needs its reason
    assertThat(refusal(() -> fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SEND_BACK)))
        .fullMessage()).contains("Cần ghi lý do trả lại");
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SEND_BACK, FIELD_HEAD_COMMENT,
        "Kiểm tra lại số liệu TC2.CT1"));
    assertThat(pi).isWaitingAt(TASK_SELF_ASSESSMENT);
    assertThat(tasks.getVariable(fx.task(u.team(), pi, TASK_SELF_ASSESSMENT).getId(), SHOW_RETURN_REASONS)
        .toString()).contains("Kiểm tra lại số liệu TC2.CT1");
    assertThat(actions(pi)).contains("SENT_BACK");
  }

  @Test
  void headCannotSubmitADossierThatDoesNotMeetTheLevel() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, with(districtLevel1Met(), "tc2_ct1_met", 44L)); // 88 %
    assertThat(dossiers.latestEvaluation(dossierId(pi)).outcome()).isEqualTo(EvaluationResult.Outcome.NOT_MET);
    assertThat(refusal(() -> fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT))).fullMessage())
        .contains("chưa đạt Đơn vị học tập mức độ 1").contains("TC2.CT1");
    assertThat(pi).isWaitingAt(TASK_HEAD_REVIEW);
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, WITHDRAW, FIELD_HEAD_COMMENT,
        "Chưa đủ điều kiện năm nay"));
    assertThat(pi).isEnded().hasPassed(END_WITHDRAWN);
    assertThat(dossiers.get(dossierId(pi)).getStatus()).isEqualTo(DossierStatus.WITHDRAWN);
    // a closed dossier frees the slot: the unit may open a new one for the same year
    assertThat(fx.open(u.team(), u.code(), 1, YEAR)).isNotNull();
  }

  @Test
  void refusalAtAppraisalGivesTheReviewersReasonsAndTheFailingIndicators() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = submitted(u);
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    // the reviewer corrects a value after checking the evidence: a reason is required, both values are kept
    Map<String, Object> verified = with(districtLevel1Met(), "tc2_ct2_met", 40L, VAR_APPRAISAL_RECOMMENDATION,
        REFUSE, FIELD_APPRAISAL_COMMENT, "Minh chứng bồi dưỡng không khớp");
    assertThat(refusal(() -> fx.complete("phonggd", pi, TASK_APPRAISE, verified)).fullMessage())
        .contains("cần ghi lý do điều chỉnh");
    fx.complete("phonggd", pi, TASK_APPRAISE, with(verified, FIELD_CORRECTION_REASON,
        "Danh sách hoàn thành bồi dưỡng chỉ có 40/50 người"));
    assertThat(pi).isEnded().hasPassed(END_REFUSED).hasNotPassed(TASK_DECIDE);
    Long id = dossierId(pi);
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.REFUSED);
    DossierEvent refusal = dossiers.history(id).stream().filter(e -> e.getAction().equals("REFUSED")).findFirst()
        .orElseThrow();
    assertThat(refusal.getComment()).contains("Minh chứng bồi dưỡng không khớp").contains("TC2.CT2")
        .contains("80");
    DossierRevision verifiedRev = dossiers.revisions(id).get(1);
    var correction = dossiers.corrections(verifiedRev).get("TC2.CT2");
    assertThat(correction.unitValue().met()).isEqualTo(50L);
    assertThat(correction.verifiedValue().met()).isEqualTo(40L);
    assertThat(correction.reason()).contains("40/50");
  }

  @Test
  void signerMayRefuseWithReasons() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = submitted(u);
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    fx.councilPasses(pi);
    assertThat(dossiers.get(dossierId(pi)).getStatus()).isEqualTo(DossierStatus.AWAITING_DECISION);
    fx.complete("chutichhuyen", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, REFUSE, FIELD_SIGNER_COMMENT,
        "Đơn vị bị xử lý kỷ luật trong năm"));
    assertThat(pi).isEnded().hasPassed(END_REFUSED);
    assertThat(recognitions.forDossier(dossierId(pi))).isEmpty();
    assertThat(dossiers.history(dossierId(pi)).stream().filter(e -> e.getAction().equals("REFUSED")).findFirst()
        .orElseThrow().getComment()).contains("kỷ luật");
  }

  @Test
  void remindersBeforeAndEscalationAfterTheSubmissionDeadline() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    Job reminder = timer(pi, TIMER_SUBMISSION_REMINDER);
    Job overdue = timer(pi, TIMER_SUBMISSION_OVERDUE);
    // seven days before 15/01/2027 at 08:00, and the first moment of 16/01/2027 (Vietnam time)
    assertThat(reminder.getDuedate()).isEqualTo(at(2027, 1, 8, 8));
    assertThat(overdue.getDuedate()).isEqualTo(at(2027, 1, 16, 0));

    setClock(LocalDate.of(2027, 1, 9));
    management.executeJob(reminder.getId());
    assertThat(notifications.forDossier(dossierId(pi))).anySatisfy(n -> {
      assertThat(n.getKind()).isEqualTo("REMINDER");
      assertThat(n.getRecipientGroup()).isEqualTo("team-" + u.code());
      assertThat(n.getBody()).contains("15/01/2027");
    });

    setClock(LocalDate.of(2027, 1, 16));
    management.executeJob(overdue.getId());
    String taskId = fx.task(u.team(), pi, TASK_SELF_ASSESSMENT).getId();
    assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId)
        .contains("team-" + u.code(), "reviewer-HN-TT");
    assertThat(fx.task("phonggd", pi, TASK_SELF_ASSESSMENT)).as("the supervisor now sees the overdue task")
        .isNotNull();
    assertThat(notifications.forDossier(dossierId(pi))).anySatisfy(n -> {
      assertThat(n.getKind()).isEqualTo("ESCALATION");
      assertThat(n.getRecipientGroup()).isEqualTo("reviewer-HN-TT");
    });
    assertThat(actions(pi)).contains("REMINDER", "ESCALATED");
    assertThat(pi).isWaitingAt(TASK_SELF_ASSESSMENT);
  }

  @Test
  void decisionDeadlineEscalatesToTheProvince() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = submitted(u);
    Job overdue = timer(pi, TIMER_DECISION_OVERDUE);
    assertThat(overdue.getDuedate()).isEqualTo(at(2027, 2, 16, 0));
    setClock(LocalDate.of(2027, 2, 16));
    management.executeJob(overdue.getId());
    assertThat(fx.task("sogd", pi, TASK_CHECK_COMPLETENESS)).as("Sở GDĐT sees the district's overdue task")
        .isNotNull();
    assertThat(actions(pi)).contains("ESCALATED");
  }

  @Test
  void lateSubmissionIsRefusedThenAcceptedAfterAnAdminExtension() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    setClock(LocalDate.of(2027, 1, 16));
    assertThat(refusal(() -> fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT)))
        .fullMessage()).contains("Đã quá hạn nộp hồ sơ").contains("15/01/2027").contains("gia hạn");
    assertThat(pi).isWaitingAt(TASK_HEAD_REVIEW);
    assertThat(dossiers.get(dossierId(pi)).getStatus()).isEqualTo(DossierStatus.PREPARING);

    workflow.extendDeadline(Title.LEARNING_UNIT, u.code(), YEAR, DeadlineKind.SUBMISSION, LocalDate.of(2027, 1, 25),
        "Đơn vị bị ảnh hưởng bão", "admin");
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat(actions(pi)).contains("DEADLINE_EXTENDED", "SUBMITTED");
    assertThat(workflow.deadline(dossierId(pi), DeadlineKind.SUBMISSION).describe())
        .contains("25/01/2027").contains("đã gia hạn từ 15/01/2027");
  }

  @Test
  void anExtensionBeforeTheDeadlineMovesTheTimers() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    workflow.extendDeadline(Title.LEARNING_UNIT, u.code(), YEAR, DeadlineKind.SUBMISSION, LocalDate.of(2027, 1, 31),
        "Gia hạn chung", "admin");
    assertThat(timer(pi, TIMER_SUBMISSION_OVERDUE).getDuedate()).isEqualTo(at(2027, 2, 1, 0));
    assertThat(timer(pi, TIMER_SUBMISSION_REMINDER).getDuedate()).isEqualTo(at(2027, 1, 24, 8));
  }

  @Test
  void twoTierProvinceRoutesStraightToTheEducationDepartment() {
    TestUnit u = fx.newUnit("NB-HL", UnitKind.PRIMARY, true);
    ProcessInstance pi = submitted(u);
    assertThat(fx.task("sogd.nb", pi, TASK_CHECK_COMPLETENESS)).isNotNull();
    assertThat(fx.task("phonggd", pi, TASK_CHECK_COMPLETENESS)).as("another province's office").isNull();
    Dossier d = dossiers.get(dossierId(pi));
    assertThat(d.getReceivingOrg().getCode()).isEqualTo("NB");
    assertThat(d.getSignerTitle()).isEqualTo("Giám đốc Sở GDĐT");
    fx.complete("sogd.nb", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("sogd.nb", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    fx.complete("pheduyet.nb", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
    assertThat(recognitions.forDossier(d.getId()).orElseThrow().getDecisionNo()).endsWith("/QĐ-SGDĐT");
  }

  @Test
  void provinceLevelUnitGoesToTheDepartmentAndTheCity() {
    TestUnit u = fx.newUnit("HN", UnitKind.UPPER_SECONDARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, Fixtures.provinceLevel1MetUpperSecondary());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    fx.complete("sogd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("sogd", pi, TASK_APPRAISE, with(Fixtures.provinceLevel1MetUpperSecondary(),
        VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    fx.complete("pheduyettinh", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
    assertThat(recognitions.forDossier(dossierId(pi)).orElseThrow().getSignerTitle())
        .isEqualTo("Chủ tịch UBND tỉnh / thành phố");
  }

  @Test
  void oneOpenDossierPerUnitTitleAndYear() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance first = fx.open(u.team(), u.code(), 1, YEAR);
    assertThat(refusal(() -> fx.open(u.head(), u.code(), 1, YEAR)).fullMessage())
        .contains("đã có hồ sơ số " + dossierId(first));
  }

  @Test
  void onlyTheUnitsOwnPeopleOpenItsDossier() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    TestUnit other = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    assertThat(refusal(() -> fx.open(other.team(), u.code(), 1, YEAR)).kind())
        .isEqualTo(DomainException.Kind.FORBIDDEN);
    assertThat(refusal(() -> fx.open(u.team(), "KHONG-CO", 1, YEAR)).fullMessage())
        .contains("Không tìm thấy đơn vị có mã \"KHONG-CO\"");
    assertThat(refusal(() -> fx.open(u.team(), u.code(), 3, YEAR)).fullMessage())
        .contains("Mức độ đề nghị phải là 1 hoặc 2");
  }

  @Test
  void badValuesAreRefusedAndNothingIsSaved() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    Map<String, Object> bad = with(districtLevel1Met(), "tc2_ct1_met", 60L, "tc2_ct2_met", -1L);
    bad.remove("tc1_ct4");
    bad.remove("tc3_ct3_title");
    assertThat(refusal(() -> fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, bad)).details())
        .anyMatch(s -> s.startsWith("TC2.CT1"))
        .anyMatch(s -> s.startsWith("TC2.CT2"))
        .anyMatch(s -> s.startsWith("TC1.CT4"))
        .anyMatch(s -> s.startsWith("TC3.CT3"));
    assertThat(pi).isWaitingAt(TASK_SELF_ASSESSMENT);
    assertThat(dossiers.revisions(dossierId(pi))).isEmpty();
    assertThat(engine.getRuntimeService().getVariables(pi.getId()).keySet()).doesNotContain("tc2_ct1_met");
    assertThat(refusal(() -> fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT,
        with(districtLevel1Met(), "tc2_ct1_total", "năm mươi"))).fullMessage()).contains("phải là số");
  }

  @Test
  void nobodyCompletesATaskThatIsNotTheirs() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    String taskId = fx.task(u.team(), pi, TASK_SELF_ASSESSMENT).getId();
    assertThat(fx.task("phonggd", pi, TASK_SELF_ASSESSMENT)).isNull();
    assertThatThrownBy(() -> fx.as("phonggd", () -> tasks.complete(taskId, districtLevel1Met())))
        .isInstanceOf(AuthorizationException.class);
    assertThat(pi).isWaitingAt(TASK_SELF_ASSESSMENT);
  }

  @Test
  void processVariablesCarryOnlyIdsAndWhatTheOpenTaskShows() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = submitted(u);
    java.util.Set<String> allowed = new java.util.HashSet<>(KEPT_VARIABLES);
    // and the outcome of the step just done, which its gateway read
    allowed.addAll(List.of(SHOW_SUMMARY, SHOW_EVALUATION, VAR_HEAD_DECISION));
    assertThat(engine.getRuntimeService().getVariables(pi.getId()).keySet()).isSubsetOf(allowed)
        .doesNotContain("tc2_ct1_met", "tc1_ct1", FIELD_HEAD_COMMENT);
  }

  /** The refusal behind the engine's wrappers, with its message and every detail. */
  static DomainException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable action) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(action);
    DomainException e = vn.hoctap.common.Throwables.find(t, DomainException.class);
    if (e == null) {
      throw new AssertionError("expected a refusal, got " + t, t);
    }
    return e;
  }

  /** The pending timer of that activity in the dossier's process or in the shared procedure it calls. */
  private Job timer(ProcessInstance pi, String activityId) {
    ProcessInstance called = fx.appraisal(pi);
    String instance = called != null && activityId.startsWith("Timer_Decision") ? called.getId() : pi.getId();
    return management.createJobQuery().processInstanceId(instance).activityId(activityId).timers()
        .singleResult();
  }

  private static Date at(int y, int m, int d, int hour) {
    return Date.from(ZonedDateTime.of(y, m, d, hour, 0, 0, 0, EngineClock.ZONE).toInstant());
  }
}
