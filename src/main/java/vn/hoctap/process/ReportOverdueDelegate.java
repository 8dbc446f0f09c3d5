package vn.hoctap.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hoctap.report.ReportReminders;

/**
 * The due date of a yearly report passed with its task open (processes/report-reminder.bpmn, "Báo cấp trên, giao
 * thêm việc"): the body above the reporting body gets the task too and both are told.
 */
@Component("reportOverdue")
class ReportOverdueDelegate implements JavaDelegate {

  private final ReportReminders reminders;

  ReportOverdueDelegate(ReportReminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reminders.escalate(execution);
  }
}
