package vn.hoctap.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hoctap.process.LearningUnitProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.EvidenceInfo;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.org.Groups;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * TT24 Điều 9 khoản 3 on the real process: "Các tiêu chí, chỉ tiêu không có minh chứng phù hợp được đánh giá là không
 * đạt". At the unit's own self-assessment a missing file is a warning (the head may still submit); at the appraisal
 * gateway it decides, and a file the reviewer marked "không phù hợp" does not count.
 */
@HoctapTest
class EvidenceDecidesProcessTest {

  static final int YEAR = 2026;

  @Autowired ProcessEngine engine;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired EvidenceService evidence;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Long id(ProcessInstance pi) {
    return Long.valueOf(pi.getBusinessKey());
  }

  void submit(TestUnit u, ProcessInstance pi) {
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT, FIELD_HEAD_COMMENT, "Tờ trình 9/TTr"));
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
  }

  String refusalComment(ProcessInstance pi) {
    DossierEvent refused = dossiers.history(id(pi)).stream().filter(e -> e.getAction().equals("REFUSED"))
        .findFirst().orElseThrow();
    return refused.getComment();
  }

  @Test
  @DisplayName("TT24 Điều 9 khoản 3: without evidence the self-assessment warns, the appraisal finds “không đạt”")
  void noEvidenceWarnsAtSelfAssessmentAndRefusesAtAppraisal() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.openWithoutEvidence(u.team(), u.code(), 1, YEAR);
    submit(u, pi);
    EvaluationResult self = dossiers.evaluations(id(pi)).stream().map(dossiers::result).findFirst().orElseThrow();
    assertThat(self.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
    assertThat(self.summary()).contains("Lưu ý:", "chỉ tiêu chưa có minh chứng",
        "Thông tư 24/2023/TT-BGDĐT, Điều 9, khoản 3");

    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    assertThat(pi).isEnded().hasPassed(END_REFUSED).hasNotPassed(TASK_DECIDE);
    assertThat(dossiers.get(id(pi)).getStatus()).isEqualTo(DossierStatus.REFUSED);
    EvaluationResult appraisal = dossiers.latestEvaluation(id(pi));
    assertThat(appraisal.outcome()).isEqualTo(EvaluationResult.Outcome.NOT_MET);
    assertThat(appraisal.indicators()).filteredOn(IndicatorResult::applicable).allSatisfy(i -> {
      assertThat(i.outcome()).isEqualTo(IndicatorResult.Outcome.NOT_MET);
      assertThat(i.explanation()).contains("không có minh chứng phù hợp");
    });
    assertThat(refusalComment(pi)).contains("không có minh chứng phù hợp", "Điều 9, khoản 3", "TC1.CT1");
  }

  @Test
  @DisplayName("TT24 Điều 9 khoản 3: the reviewer's “không phù hợp” mark on the only file of TC2.CT4 makes it “không đạt”")
  void aFileMarkedUnsuitableDoesNotCount() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    submit(u, pi);
    EvidenceInfo language = evidence.list(id(pi)).stream().filter(e -> "TC2.CT4".equals(e.getIndicatorCode()))
        .findFirst().orElseThrow();
    CurrentUser reviewer = new CurrentUser("phonggd", List.of(Groups.reviewer("HN-TT")));
    evidence.mark(id(pi), language.getId(), EvidenceService.Verdict.KHONG_PHU_HOP,
        "Danh sách chứng chỉ không có chữ ký, dấu của đơn vị", reviewer);

    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    assertThat(pi).isEnded().hasPassed(END_REFUSED);
    IndicatorResult ct4 = dossiers.latestEvaluation(id(pi)).indicator("TC2.CT4");
    assertThat(ct4.outcome()).isEqualTo(IndicatorResult.Outcome.NOT_MET);
    assertThat(ct4.explanation()).contains("bị đánh giá không phù hợp",
        "Danh sách chứng chỉ không có chữ ký, dấu của đơn vị");
    assertThat(dossiers.latestEvaluation(id(pi)).withOutcome(IndicatorResult.Outcome.NOT_MET))
        .extracting(IndicatorResult::code).containsExactly("TC2.CT4");
    assertThat(refusalComment(pi)).contains("TC2.CT4");
  }

  @Test
  @DisplayName("TT24 Điều 9 khoản 3: a file marked “phù hợp” or not yet marked counts; the dossier is recognised")
  void suitableEvidenceLetsTheDossierThrough() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    submit(u, pi);
    EvidenceInfo plan = evidence.list(id(pi)).stream().filter(e -> "TC1.CT1".equals(e.getIndicatorCode()))
        .findFirst().orElseThrow();
    evidence.mark(id(pi), plan.getId(), EvidenceService.Verdict.PHU_HOP, null,
        new CurrentUser("phonggd", List.of(Groups.reviewer("HN-TT"))));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    // the criteria met: the dossier goes on to the Hội đồng đánh giá
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_SET_UP_COUNCIL);
    assertThat(dossiers.latestEvaluation(id(pi)).indicator("TC1.CT1").evidence()).isEqualTo("1 tệp minh chứng");
  }
}
