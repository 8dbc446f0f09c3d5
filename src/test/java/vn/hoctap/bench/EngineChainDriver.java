package vn.hoctap.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A chain through the engine's Java API, as the Tasklist's user: authenticated with their groups (authorization
 * checks on), the step's task looked up by process instance and task key in their task list, then completed.
 * The same driver runs the application (its delegates and listeners do the domain work) and the bare engine
 * (no-op delegates); only the start and completion variables differ.
 */
final class EngineChainDriver implements ChainDriver {

  private final String processKey;
  private final Function<Province.Unit, Map<String, Object>> startVariables;
  private final java.util.function.BiFunction<Step, Province.Unit, Map<String, Object>> stepVariables;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AtomicLong retries = new AtomicLong();
  private boolean startBusinessKey;
  private java.util.function.BiConsumer<Province.Unit, String> evidence = (u, key) -> { };

  EngineChainDriver(ProcessEngine engine, String processKey,
      Function<Province.Unit, Map<String, Object>> startVariables,
      java.util.function.BiFunction<Step, Province.Unit, Map<String, Object>> stepVariables) {
    this.processKey = processKey;
    this.startVariables = startVariables;
    this.stepVariables = stepVariables;
    this.identity = engine.getIdentityService();
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
  }

  /** Starts each chain with the unit code as business key (the bare engine; the application sets its own). */
  EngineChainDriver withBusinessKeyAtStart() {
    startBusinessKey = true;
    return this;
  }

  /**
   * Uploads the unit's evidence after the start (the application: one file per indicator, TT24 Điều 9 khoản 3),
   * given the unit and the chain's business key (the dossier id).
   */
  EngineChainDriver withEvidence(java.util.function.BiConsumer<Province.Unit, String> upload) {
    this.evidence = upload;
    return this;
  }

  @Override
  public void run(Province.Unit u) {
    runUntil(u, null);
  }

  /**
   * Starts a chain and completes its steps up to (not including) the given step; null: the whole chain.
   * @return the business key of the chain's instances
   */
  String runUntil(Province.Unit u, Step stop) {
    // the bare engine gets the unit code as business key; the application sets the dossier id in its first step
    String pi = as(u.team(), List.of(u.teamGroup()), () -> (startBusinessKey
        ? runtime.startProcessInstanceByKey(processKey, u.code(), startVariables.apply(u))
        : runtime.startProcessInstanceByKey(processKey, startVariables.apply(u))).getBusinessKey());
    evidence.accept(u, pi);
    for (Step step : Step.values()) {
      if (step == stop) {
        break;
      }
      switch (step) {
        case SELF_ASSESSMENT -> complete(u.team(), List.of(u.teamGroup()), u, pi, step);
        case HEAD_REVIEW -> complete(u.head(), List.of(u.headGroup()), u, pi, step);
        case CHECK_COMPLETENESS, APPRAISE ->
            complete(u.district().reviewer(), List.of(u.district().reviewerGroup()), u, pi, step);
        case SET_UP_COUNCIL -> complete(u.district().director(), List.of(u.district().directorGroup()), u, pi, step);
        case COUNCIL_MINUTES ->
            complete(u.district().secretary(), List.of(u.district().secretaryGroup()), u, pi, step);
        case DECIDE -> complete(u.district().signer(), List.of(u.district().signerGroup()), u, pi, step);
      }
    }
    return pi;
  }

  private void complete(String user, List<String> groups, Province.Unit u, String pi, Step step) {
    for (int attempt = 1; ; attempt++) {
      try {
        as(user, groups, () -> {
          // by business key: the appraisal steps run in the called process, which carries the same key
          Task t = tasks.createTaskQuery().processInstanceBusinessKey(pi).taskDefinitionKey(step.taskKey)
              .singleResult();
          if (t == null) {
            throw new IllegalStateException(user + " does not see task " + step.taskKey + " of instance " + pi);
          }
          tasks.complete(t.getId(), stepVariables.apply(step, u));
          return null;
        });
        return;
      } catch (OptimisticLockingException e) {
        retries.incrementAndGet();
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> work) {
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Override
  public long retries() {
    return retries.get();
  }
}
