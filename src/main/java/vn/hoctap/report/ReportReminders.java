package vn.hoctap.report;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.Groups;
import vn.hoctap.report.Plan.ReportDue;

/**
 * Reminders before each report due date of the plans (processes/report-reminder.bpmn): one instance per due date
 * and report year, whose timer gives the reporting body's viewer- and reviewer- groups a task "Lập và gửi báo cáo
 * kết quả năm" remindDaysBefore the date. Scheduled at start-up for this year and the next (idempotent: the
 * business key bao-cao-{due}-{year} is started once); due dates of bodies outside the tree get no reminder.
 */
@Component("reportReminders")
@Order(50)
public class ReportReminders implements ApplicationRunner {

  public static final String PROCESS_KEY = "report-reminder";
  public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";
  static final String VAR_DUE = "reportDueId";
  static final String VAR_YEAR = "reportYear";

  private final PlanCatalog plans;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final EngineClock clock;

  ReportReminders(PlanCatalog plans, RuntimeService runtime, HistoryService history, EngineClock clock) {
    this.plans = plans;
    this.runtime = runtime;
    this.history = history;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    int year = clock.today().getYear();
    schedule(year);
    schedule(year + 1);
  }

  /** Starts the reminders of every report due for the report year that is still ahead; returns how many. */
  public int schedule(int year) {
    int started = 0;
    for (Plan plan : plans.all()) {
      if (year < plan.periodFrom() || year > plan.periodTo()) {
        continue;
      }
      for (ReportDue due : plan.reportDues()) {
        String key = businessKey(due.id(), year);
        if (due.reporterOrgCode() == null || due.dueFor(year).isBefore(clock.today())
            || history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                .processDefinitionKey(PROCESS_KEY).count() > 0) {
          continue;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(VAR_DUE, due.id());
        vars.put(VAR_YEAR, year);
        runtime.startProcessInstanceByKey(PROCESS_KEY, key, vars);
        started++;
      }
    }
    return started;
  }

  private ReportDue due(long id) {
    return plans.reportDue(id).orElseThrow(() -> DomainException.notFound("Không có hạn báo cáo số " + id + "."));
  }

  public static String businessKey(long dueId, int year) {
    return "bao-cao-" + dueId + "-" + year;
  }

  /**
   * Who gets the task: the reporting body's viewer- and reviewer- groups, derived from the plan when the task is
   * created; the due date's id must be the one the instance's business key (set by the system) names.
   */
  public String groups(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    Long dueId = ((Number) execution.getVariable(VAR_DUE)).longValue();
    Integer year = (Integer) execution.getVariable(VAR_YEAR);
    if (!businessKey(dueId, year).equals(execution.getProcessBusinessKey())) {
      throw new IllegalStateException("Quy trình " + execution.getProcessBusinessKey() + " không phải của hạn báo cáo "
          + dueId + " năm " + year);
    }
    String org = due(dueId).reporterOrgCode();
    return Groups.viewer(org) + "," + Groups.reviewer(org);
  }

  /** Timer date: remindDaysBefore the due date, 08:00 Vietnam time. */
  public Date remindAt(Long dueId, Integer year) {
    ReportDue d = due(dueId);
    return Date.from(d.dueFor(year).minusDays(d.remindDaysBefore()).atTime(8, 0).atZone(EngineClock.ZONE)
        .toInstant());
  }

  /** What the task shows: which report, to whom, by when. */
  public String describe(Long dueId, Integer year) {
    ReportDue d = due(dueId);
    String plan = plans.all().stream().filter(p -> p.reportDues().contains(d)).map(Plan::name).findFirst()
        .orElse("");
    LocalDate date = d.dueFor(year);
    return "Báo cáo kết quả năm " + year + " của " + d.reporter() + " gửi " + d.recipient() + ", hạn "
        + Dates.vn(date) + " (" + plan + ").";
  }

  String remindDue(Long dueId, Integer year) {
    return Dates.vn(due(dueId).dueFor(year));
  }
}
