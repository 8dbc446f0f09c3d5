package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.*;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.hoctap.common.EngineClock;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.EffectiveDeadline;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.procedure.Applicants;
import vn.hoctap.recognition.NotificationService;

/**
 * The two deadline timers of each phase (input parameters "phase" = SUBMISSION or DECISION, "action" = REMIND
 * or ESCALATE). A reminder tells the people who hold the dossier before the deadline; an escalation, after it,
 * adds the supervising group to the open task (so it appears in the supervisor's task list) and tells them.
 */
@Component("deadlineEscalation")
class DeadlineEscalation implements JavaDelegate {

  private final StepSupport steps;
  private final NotificationService notifications;
  private final TaskService tasks;
  private final EngineClock clock;

  DeadlineEscalation(StepSupport steps, NotificationService notifications, TaskService tasks, EngineClock clock) {
    this.clock = clock;
    this.steps = steps;
    this.notifications = notifications;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Dossier d = steps.boundDossier(execution);
    Long id = d.getId();
    DeadlineKind phase = DeadlineKind.valueOf((String) execution.getVariableLocal("phase"));
    boolean escalate = "ESCALATE".equals(execution.getVariableLocal("action"));
    EffectiveDeadline due = steps.workflow.deadline(id, phase);
    List<String> holders = phase == DeadlineKind.SUBMISSION
        ? List.of(Applicants.preparers(d.getTitle(), d.getUnit()), Applicants.head(d.getTitle(), d.getUnit()))
        : List.of(Applicants.reviewers(d), Applicants.signers(d));
    if (!escalate) {
      if (due.passed(clock.now())) {
        return; // opened after the reminder date: the escalation timer speaks for itself
      }
      for (String group : holders) {
        notifications.notify(id, group, "REMINDER", "Sắp đến hạn: " + d.describe(),
            due.describe() + ". Hồ sơ đang ở bước: " + openTaskNames(execution) + ".");
      }
      steps.dossiers.record(id, "hệ thống", "REMINDER", openTaskNames(execution), null, due.describe());
      return;
    }
    String supervisor = phase == DeadlineKind.SUBMISSION ? Applicants.unitSupervisors(d)
        : Applicants.bodySupervisors(d);
    for (Task t : openTasks(execution)) {
      tasks.addCandidateGroup(t.getId(), supervisor);
    }
    notifications.notify(id, supervisor, "ESCALATION", "Quá hạn: " + d.describe(),
        due.describe() + " đã qua. Hồ sơ còn ở bước: " + openTaskNames(execution)
            + ". Công việc đã được chuyển thêm vào danh sách việc của nhóm giám sát.");
    for (String group : holders) {
      notifications.notify(id, group, "OVERDUE", "Quá hạn: " + d.describe(), due.describe() + " đã qua.");
    }
    steps.dossiers.record(id, "hệ thống", "ESCALATED", openTaskNames(execution), null,
        due.describe() + " đã qua; báo nhóm " + supervisor);
  }

  private List<Task> openTasks(DelegateExecution execution) {
    return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list();
  }

  private String openTaskNames(DelegateExecution execution) {
    List<String> names = openTasks(execution).stream().map(Task::getName).toList();
    return names.isEmpty() ? "(không có việc đang mở)" : String.join(", ", names);
  }
}
