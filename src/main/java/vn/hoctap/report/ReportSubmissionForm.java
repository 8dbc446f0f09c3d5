package vn.hoctap.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows on the reminder task which report is due, to whom and by when (a task-local display value). */
@Component("reportSubmissionForm")
class ReportSubmissionForm implements TaskListener {

  private final ReportReminders reminders;

  ReportSubmissionForm(ReportReminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void notify(DelegateTask task) {
    Long due = ((Number) task.getVariable(ReportReminders.VAR_DUE)).longValue();
    Integer year = (Integer) task.getVariable(ReportReminders.VAR_YEAR);
    task.setVariableLocal("reportInfo", reminders.describe(due, year));
    task.setName("Lập và gửi báo cáo kết quả năm " + year + " (hạn " + reminders.remindDue(due, year) + ")");
  }
}
