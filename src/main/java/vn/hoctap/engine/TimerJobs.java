package vn.hoctap.engine;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Moves a pending timer when the deadline behind it changes (e.g. an administrator's extension). */
@Component
public class TimerJobs {

  private final ManagementService management;
  private final RuntimeService runtime;
  private final EngineQueries queries;

  public TimerJobs(ManagementService management, RuntimeService runtime, EngineQueries queries) {
    this.management = management;
    this.runtime = runtime;
    this.queries = queries;
  }

  /**
   * Moves the pending timer of that activity in the instances of a dossier (the main process and the shared
   * procedure it calls carry the same business key). @return whether a pending timer was found and moved
   */
  public boolean reschedule(String businessKey, String activityId, Date due) {
    return queries.asSystem(() -> {
      boolean moved = false;
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
        for (Job job : management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers()
            .list()) {
          management.setJobDuedate(job.getId(), due);
          moved = true;
        }
      }
      return moved;
    });
  }
}
