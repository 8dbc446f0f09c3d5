package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.security.TrustProbe.assertAdminOnly;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * Jobs without a process definition (the engine's history clean-up) are an administrator's: an ordinary user may
 * not run, stop, reschedule, suspend or delete them through the Camunda REST API, and nothing about the job
 * changes; an administrator still may.
 */
@HoctapTest
class JobTrustHttpTest {

  static final String REST_DATE = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

  @LocalServerPort int port;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  Job cleanupJob() {
    List<Job> jobs = history.findHistoryCleanupJobs();
    if (jobs.isEmpty()) {
      history.cleanUpHistoryAsync(true);
      jobs = history.findHistoryCleanupJobs();
    }
    assertThat(jobs).isNotEmpty();
    return management.createJobQuery().jobId(jobs.get(0).getId()).singleResult();
  }

  @Test
  void anOrdinaryUserCannotTouchTheHistoryCleanupJobAndAnAdministratorCan() {
    RawHttp http = new RawHttp(port);
    TrustProbe probe = new TrustProbe(jdbc);
    Job job = cleanupJob();
    assertThat(job.getProcessDefinitionId()).isNull();
    String path = "/engine-rest/job/" + job.getId();
    String user = "phonggd";
    String later = new SimpleDateFormat(REST_DATE).format(new Date(job.getDuedate().getTime() + 86_400_000L));
    List<String> commands = List.of("ExecuteJobsCmd", "SetJobRetriesCmd", "SetJobDuedateCmd",
        "RecalculateJobDuedateCmd", "SuspendJobCmd", "DeleteJobCmd");
    long[] before = commands.stream().mapToLong(c -> probe.refusals(user, c)).toArray();

    assertAdminOnly(http.send("POST", user, DemoData.PASSWORD, path + "/execute", null));
    assertAdminOnly(http.send("PUT", user, DemoData.PASSWORD, path + "/retries", "{\"retries\":0}"));
    assertAdminOnly(http.send("PUT", user, DemoData.PASSWORD, path + "/duedate",
        "{\"duedate\":\"" + later + "\",\"cascade\":false}"));
    assertAdminOnly(http.send("POST", user, DemoData.PASSWORD, path + "/duedate/recalculate", null));
    assertAdminOnly(http.send("PUT", user, DemoData.PASSWORD, path + "/suspended", "{\"suspended\":true}"));
    assertAdminOnly(http.send("DELETE", user, DemoData.PASSWORD, path, null));
    Response cleanup = http.send("POST", user, DemoData.PASSWORD, "/engine-rest/history/cleanup?immediatelyDue=true",
        null);
    assertThat(cleanup.status()).as(cleanup.body()).isEqualTo(403);

    Job after = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after).as("the job is still there").isNotNull();
    assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
    assertThat(after.getRetries()).isEqualTo(job.getRetries());
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getExceptionMessage()).isEqualTo(job.getExceptionMessage());
    for (int i = 0; i < commands.size(); i++) {
      assertThat(probe.refusals(user, commands.get(i))).as(commands.get(i)).isEqualTo(before[i] + 1);
    }

    // an administrator still may: reschedule, set the retries, and put both back
    Response moved = http.send("PUT", "admin", DemoData.PASSWORD, path + "/duedate",
        "{\"duedate\":\"" + later + "\",\"cascade\":false}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(204);
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getDuedate().getTime())
        .isEqualTo(job.getDuedate().getTime() + 86_400_000L);
    Response retries = http.send("PUT", "admin", DemoData.PASSWORD, path + "/retries",
        "{\"retries\":" + (job.getRetries() + 1) + "}");
    assertThat(retries.status()).as(retries.body()).isEqualTo(204);
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
        .isEqualTo(job.getRetries() + 1);
    management.setJobRetries(job.getId(), job.getRetries());
    management.setJobDuedate(job.getId(), job.getDuedate());
    assertThat(http.send("GET", "admin", DemoData.PASSWORD, path, null).status()).isEqualTo(200);
  }
}
