package vn.hoctap.process;

import static vn.hoctap.process.LearningUnitProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.hoctap.dossier.Dossier;

/**
 * The head's review (Thủ trưởng / Hội đồng trường): shows the criteria result indicator by indicator; submitting
 * the Tờ trình is refused with the reason when the level is not met, the deadline has passed or level 2 comes
 * too early, and the task stays open.
 */
@Component("headReviewForm")
class HeadReviewListener implements TaskListener {

  private final StepSupport steps;

  HeadReviewListener(StepSupport steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = StepSupport.dossierId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Dossier d = steps.dossiers.get(id);
      steps.show(task, Map.of(SHOW_SUMMARY, steps.summary(d),
          SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(id))));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    FormValues form = new FormValues(task);
    String decision = form.choice(VAR_HEAD_DECISION, "Quyết định của thủ trưởng", SUBMIT, SEND_BACK, WITHDRAW);
    String comment = form.text(FIELD_HEAD_COMMENT);
    if ((SEND_BACK.equals(decision) || WITHDRAW.equals(decision)) && comment == null) {
      form.problem(SEND_BACK.equals(decision) ? "Cần ghi lý do trả lại Tổ đánh giá." : "Cần ghi lý do rút hồ sơ.");
    }
    form.throwIfInvalid("Quyết định của thủ trưởng");
    String actor = steps.actor();
    switch (decision) {
      case SUBMIT -> {
        steps.workflow.checkSubmission(id);
        steps.workflow.submitted(id, actor, comment);
      }
      case SEND_BACK -> steps.workflow.sentBack(id, actor, "Thủ trưởng trả lại Tổ đánh giá", comment);
      case WITHDRAW -> steps.workflow.withdrawn(id, actor, comment);
      default -> throw new IllegalStateException(decision);
    }
    steps.cleanUp(task);
    task.getExecution().setVariable(VAR_HEAD_DECISION, decision);
  }
}
