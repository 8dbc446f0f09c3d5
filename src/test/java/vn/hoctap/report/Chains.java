package vn.hoctap.report;

import static vn.hoctap.process.RecognitionProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.hoctap.common.EngineClock;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;

/** Dossiers of test units taken to a given step through the engine, as the demo users of Thanh Trì. */
@Component
public class Chains {

  private final Fixtures fx;

  Chains(Fixtures fx) {
    this.fx = fx;
  }

  /**
   * The day the tests with a fixed clock work on: in assessment year 2026, before its deadlines, and before the day
   * this was written, so their records never look newer than those of tests that run on the real clock.
   */
  public static final LocalDate DAY = LocalDate.of(2026, 11, 2);

  public static void setClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  /** Self-assessed and submitted by the school: waiting at the district office's completeness check. */
  public ProcessInstance submitted(TestUnit u, int year) {
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, year);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, LearningUnitProcess.TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, "SUBMIT",
        FIELD_HEAD_COMMENT, "Tờ trình số 7/TTr"));
    return pi;
  }

  /** Submitted, found complete, appraised and signed by the district: recognised. */
  public ProcessInstance recognised(TestUnit u, int year) {
    ProcessInstance pi = submitted(u, year);
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, "COMPLETE"));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, "RECOGNISE"));
    fx.complete("chutichhuyen", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, "APPROVE"));
    return pi;
  }

  /** Submitted and returned by the district office for supplement. */
  public ProcessInstance returned(TestUnit u, int year, String reason) {
    ProcessInstance pi = submitted(u, year);
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, "INCOMPLETE",
        FIELD_COMPLETENESS_COMMENT, reason));
    return pi;
  }
}
