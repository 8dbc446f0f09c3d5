package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Kiểm tra tính đầy đủ: the receiving body accepts the dossier or returns it for supplement with reasons. */
@Component("completenessCheckForm")
class CompletenessCheckListener implements TaskListener {

  private final StepSupport steps;

  CompletenessCheckListener(StepSupport steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = StepSupport.dossierId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      steps.show(task, Map.of(SHOW_SUMMARY, steps.summary(steps.dossiers.get(id)),
          SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(id))));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    FormValues form = new FormValues(task);
    String verdict = form.choice(FIELD_COMPLETENESS, "Kết quả kiểm tra hồ sơ", COMPLETE, INCOMPLETE);
    String comment = form.text(FIELD_COMPLETENESS_COMMENT);
    if (INCOMPLETE.equals(verdict) && comment == null) {
      form.problem("Cần ghi rõ nội dung yêu cầu bổ sung.");
    }
    form.throwIfInvalid("Kết quả kiểm tra hồ sơ");
    if (COMPLETE.equals(verdict)) {
      steps.workflow.acceptedComplete(id, steps.actor(), comment);
    } else {
      steps.workflow.returnedForSupplement(id, steps.actor(), comment);
    }
    steps.cleanUp(task);
    task.getExecution().setVariable(VAR_DOSSIER_COMPLETE, COMPLETE.equals(verdict));
  }
}
