package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Kiểm tra tính đầy đủ: the receiving body accepts the dossier or returns it for supplement with reasons. */
@Component("completenessCheckForm")
class CompletenessCheckListener extends FormStep {

  CompletenessCheckListener(StepSupport steps, Candidates candidates) {
    super(steps, candidates);
  }

  @Override
  protected void complete(DelegateTask task, Long id) {
    FormValues form = new FormValues(task);
    String verdict = form.choice(FIELD_COMPLETENESS, "Kết quả kiểm tra hồ sơ", COMPLETE, INCOMPLETE);
    String comment = form.text(FIELD_COMPLETENESS_COMMENT);
    if (INCOMPLETE.equals(verdict) && comment == null) {
      form.problem(FIELD_COMPLETENESS_COMMENT, "Cần ghi rõ nội dung yêu cầu bổ sung.");
    }
    form.throwIfInvalid("Kết quả kiểm tra hồ sơ");
    if (COMPLETE.equals(verdict)) {
      // the complete dossier was received when this check began: the dossier's arrival, or its supplement's
      steps.workflow.acceptedComplete(id, steps.actor(), comment,
          task.getCreateTime().toInstant().atZone(vn.hoctap.common.EngineClock.ZONE).toLocalDate());
    } else {
      steps.workflow.returnedForSupplement(id, steps.actor(), comment);
    }
    steps.cleanUp(task);
    task.getExecution().setVariable(VAR_DOSSIER_COMPLETE, COMPLETE.equals(verdict));
  }
}
