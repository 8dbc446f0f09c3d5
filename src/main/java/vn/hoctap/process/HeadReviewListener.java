package vn.hoctap.process;

import static vn.hoctap.process.LearningUnitProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The head's review (Thủ trưởng / Hội đồng trường): shows the criteria result indicator by indicator; submitting
 * the Tờ trình is refused with the reason when the level is not met, the deadline has passed or level 2 comes
 * too early, and the task stays open.
 */
@Component("headReviewForm")
class HeadReviewListener extends FormStep {

  HeadReviewListener(StepSupport steps, Candidates candidates) {
    super(steps, candidates);
  }

  @Override
  protected void complete(DelegateTask task, Long id) {
    FormValues form = new FormValues(task);
    String decision = form.choice(VAR_HEAD_DECISION, "Quyết định của thủ trưởng", SUBMIT, SEND_BACK, WITHDRAW);
    String comment = form.text(FIELD_HEAD_COMMENT);
    if ((SEND_BACK.equals(decision) || WITHDRAW.equals(decision)) && comment == null) {
      form.problem(FIELD_HEAD_COMMENT, SEND_BACK.equals(decision) ? "Cần ghi lý do trả lại Tổ đánh giá." : "Cần ghi lý do rút hồ sơ.");
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
