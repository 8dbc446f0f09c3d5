package vn.hoctap.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.dossier.DossierEvent;

/**
 * Ghi nhận không công nhận: closes the dossier with every reason — the reviewer's or signer's own words and the
 * indicators that failed on the verified values — and tells the unit.
 */
@Component("recordRefusal")
class RecordRefusalDelegate implements JavaDelegate {

  private final StepSupport steps;

  RecordRefusalDelegate(StepSupport steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long id = steps.dossierId(execution);
    List<String> reasons = new ArrayList<>();
    steps.dossiers.latestEvent(id, List.of("APPRAISAL_NEGATIVE", "SIGNER_REFUSED", "PROPOSED", "SIGNED"))
        .filter(e -> e.getAction().equals("APPRAISAL_NEGATIVE") || e.getAction().equals("SIGNER_REFUSED"))
        .map(DossierEvent::getComment).ifPresent(reasons::add);
    EvaluationResult result = steps.dossiers.latestEvaluation(id);
    if (result != null && result.outcome() != EvaluationResult.Outcome.MET) {
      reasons.add(result.summary());
      for (IndicatorResult r : result.indicators()) {
        if (r.outcome() == IndicatorResult.Outcome.NOT_MET || r.outcome() == IndicatorResult.Outcome.JUDGED_NOT_MET
            || r.outcome() == IndicatorResult.Outcome.MISSING) {
          reasons.add(r.code() + ": " + r.explanation());
        }
      }
    }
    String step = execution.getCurrentActivityName();
    steps.workflow.refused(id, steps.actor(), step, String.join("\n", reasons));
    execution.setVariable(RecognitionProcess.VAR_RECOGNISED, false);
  }
}
