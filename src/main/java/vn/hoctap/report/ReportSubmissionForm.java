package vn.hoctap.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import vn.hoctap.common.DomainException;

/**
 * The reporting task: on creation it shows which report is due, to whom and by when (its name and a task-local
 * display value); on completion it records the body's yearly report as sent and tells the receiving body.
 */
@Component("reportSubmissionForm")
class ReportSubmissionForm implements TaskListener {

  private final ReportReminders reminders;
  private final ReportsSent sent;

  ReportSubmissionForm(ReportReminders reminders, ReportsSent sent) {
    this.reminders = reminders;
    this.sent = sent;
  }

  @Override
  public void notify(DelegateTask task) {
    ReportReminders.Target t = reminders.target(task, task.getExecution().getProcessBusinessKey());
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      if (!Boolean.TRUE.equals(task.getVariable("reportSent"))) {
        throw DomainException.badInput("Hãy đánh dấu “Đã gửi báo cáo” khi báo cáo đã được ký và gửi.");
      }
      Object note = task.getVariable("reportNote");
      String actor = Context.getCommandContext() == null ? null
          : Context.getCommandContext().getAuthenticatedUserId();
      sent.record(t, actor != null ? actor : task.getAssignee() != null ? task.getAssignee() : "hệ thống",
          note == null ? null : note.toString());
      return;
    }
    task.setVariableLocal("reportInfo", reminders.describe(t));
    task.setName(reminders.taskName(t));
  }
}
