package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.hoctap.dossier.DossierStatus;

/** The competent signer approves (a decision is then numbered and recorded) or refuses with reasons. */
@Component("signerDecisionForm")
class SignerDecisionListener implements TaskListener {

  private final StepSupport steps;

  SignerDecisionListener(StepSupport steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = StepSupport.dossierId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      steps.dossiers.moveTo(id, DossierStatus.AWAITING_DECISION);
      steps.show(task, Map.of(SHOW_SUMMARY, steps.summary(steps.dossiers.get(id)),
          SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(id))));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    FormValues form = new FormValues(task);
    String decision = form.choice(VAR_SIGNER_DECISION, "Quyết định", APPROVE, REFUSE);
    String comment = form.text(FIELD_SIGNER_COMMENT);
    if (REFUSE.equals(decision) && comment == null) {
      form.problem("Cần ghi lý do không công nhận.");
    }
    form.throwIfInvalid("Quyết định");
    steps.dossiers.record(id, steps.actor(), APPROVE.equals(decision) ? "SIGNED" : "SIGNER_REFUSED",
        task.getName(), comment, APPROVE.equals(decision) ? "Đồng ý công nhận" : "Không công nhận");
    steps.cleanUp(task);
    task.getExecution().setVariable(VAR_SIGNER_DECISION, decision);
  }
}
