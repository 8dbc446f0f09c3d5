package vn.hoctap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.hoctap.process.LearningUnitProcess.TASK_HEAD_REVIEW;
import static vn.hoctap.process.RecognitionProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.engine.TaskRaceAsConflict;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;

/**
 * The race ConcurrencyHttpTest meets only now and then, played in a fixed order: one signer's submission has read
 * the decision task when another signer's submission of the same task commits and ends the dossier's appraisal.
 * The first one then finds the task's execution gone — which the engine reports as a NullPointerException in its
 * entities — and must be told, like any loser of a race, that someone else handled it, with nothing of its own
 * saved.
 */
@HoctapTest
class TaskRaceTest {

  static final int YEAR = 2026;

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCompletionThatReadTheTaskBeforeAnotherEndedItsProcessIsToldSomeoneElseDidIt() {
    loserAfterWinner((task, form) -> tasks.complete(task, form));
  }

  /** The Tasklist's way: a form submission, whose listeners meet the vanished variables first. */
  @Test
  void aFormSubmissionThatReadTheTaskBeforeAnotherEndedItsProcessIsToldSomeoneElseDidIt() {
    loserAfterWinner((task, form) -> engine.getFormService().submitTaskForm(task, form));
  }

  void loserAfterWinner(BiConsumer<String, Map<String, Object>> loser) {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE)
        .toInstant()));
    TestBody province = fx.newProvinceForUnits(true);
    TestBody district = fx.newBody(province.code(), OrgKind.DISTRICT);
    TestUnit school = fx.newUnit(district.code(), UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(school.team(), school.code(), 1, YEAR);
    fx.complete(school.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(school.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    fx.complete(district.reviewer(), pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete(district.reviewer(), pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION,
        RECOGNISE));
    Task decide = fx.task(district.signer(), pi, TASK_DECIDE);
    assertThat(decide).isNotNull();

    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Throwable lost = catchThrowable(() -> config.getCommandExecutorTxRequired().execute(context -> {
      // the loser has read the task (it stays in its command's cache)...
      assertThat(context.getTaskManager().findTaskById(decide.getId())).isNotNull();
      // ...when the winner's submission commits, in a transaction of its own
      CompletableFuture.runAsync(() -> fx.complete(district.signer(), pi, TASK_DECIDE,
          Map.of(VAR_SIGNER_DECISION, APPROVE, FIELD_SIGNER_COMMENT, "người ký thứ nhất")))
          .orTimeout(2, TimeUnit.MINUTES).join();
      // then the loser completes the task it read, in the same command context
      loser.accept(decide.getId(), Map.of(VAR_SIGNER_DECISION, REFUSE, FIELD_SIGNER_COMMENT, "người ký thứ hai"));
      return null;
    }));

    assertThat(lost).isInstanceOf(OptimisticLockingException.class).hasMessage(TaskRaceAsConflict.MESSAGE);
    // the winner's decision stands, recorded once; nothing of the loser's is kept
    JsonNode d = new Http(port).get("admin", "/api/dossiers/" + pi.getBusinessKey()).json();
    assertThat(d.get("dossier").get("status").asText()).isEqualTo("RECOGNISED");
    assertThat(StreamSupport.stream(d.get("history").spliterator(), false)
        .filter(e -> e.get("action").asText().equals("DECISION_RECORDED"))).hasSize(1);
    assertThat(d.toString()).contains("người ký thứ nhất").doesNotContain("người ký thứ hai");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).count()).isZero();
  }
}
