package vn.hoctap.engine;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Moves a pending timer when the deadline behind it changes (e.g. an administrator's extension). */
@Component
public class TimerJobs {

  private final ManagementService management;
  private final EngineQueries queries;

  public TimerJobs(ManagementService management, EngineQueries queries) {
    this.management = management;
    this.queries = queries;
  }

  /** @return whether a pending timer was found and moved */
  public boolean reschedule(String processInstanceId, String activityId, Date due) {
    return queries.asSystem(() -> {
      Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
          .singleResult();
      if (job == null) {
        return false;
      }
      management.setJobDuedate(job.getId(), due);
      return true;
    });
  }
}
