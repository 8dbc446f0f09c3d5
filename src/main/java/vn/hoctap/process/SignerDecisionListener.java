package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.hoctap.dossier.DossierStatus;

/** The competent signer approves (a decision is then numbered and recorded) or refuses with reasons. */
@Component("signerDecisionForm")
class SignerDecisionListener extends FormStep {

  SignerDecisionListener(StepSupport steps, Candidates candidates) {
    super(steps, candidates);
  }

  @Override
  protected void show(DelegateTask task, Long id) {
    steps.dossiers.moveTo(id, DossierStatus.AWAITING_DECISION);
    super.show(task, id);
  }

  @Override
  protected void complete(DelegateTask task, Long id) {
    FormValues form = new FormValues(task);
    String decision = form.choice(VAR_SIGNER_DECISION, "Quyết định", APPROVE, REFUSE);
    String comment = form.text(FIELD_SIGNER_COMMENT);
    if (REFUSE.equals(decision) && comment == null) {
      form.problem(FIELD_SIGNER_COMMENT, "Cần ghi lý do không công nhận.");
    }
    form.throwIfInvalid("Quyết định");
    steps.dossiers.record(id, steps.actor(), APPROVE.equals(decision) ? "SIGNED" : "SIGNER_REFUSED",
        task.getName(), comment, APPROVE.equals(decision) ? "Đồng ý công nhận" : "Không công nhận");
    steps.cleanUp(task);
    task.getExecution().setVariable(VAR_SIGNER_DECISION, decision);
  }
}
