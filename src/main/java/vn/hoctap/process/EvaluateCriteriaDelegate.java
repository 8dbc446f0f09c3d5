package vn.hoctap.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.dossier.DossierRevision.Stage;

/**
 * The criteria gateway: evaluates the latest values of the stage named by the activity's input parameter
 * "stage" (SELF or VERIFIED), stores the self-explaining result on the dossier and sets criteriaOutcome.
 */
@Component("evaluateCriteria")
class EvaluateCriteriaDelegate implements JavaDelegate {

  private final StepSupport steps;

  EvaluateCriteriaDelegate(StepSupport steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Stage stage = Stage.valueOf((String) execution.getVariableLocal("stage"));
    EvaluationResult result = steps.dossiers.evaluate(steps.dossierId(execution), stage);
    execution.setVariable(LearningUnitProcess.VAR_CRITERIA_OUTCOME, result.outcome().name());
  }
}
