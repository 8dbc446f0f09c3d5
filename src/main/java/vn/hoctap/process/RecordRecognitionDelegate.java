package vn.hoctap.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ghi nhận quyết định: numbers the decision (unique and gap-free per signer and year), records the recognition
 * and its certificate, and notifies the unit — in the signer's transaction, so all of it happens once or not at all.
 */
@Component("recordRecognition")
class RecordRecognitionDelegate implements JavaDelegate {

  private final StepSupport steps;

  RecordRecognitionDelegate(StepSupport steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.workflow.recognised(steps.dossierId(execution), steps.actor());
    execution.setVariable(RecognitionProcess.VAR_RECOGNISED, true);
  }
}
