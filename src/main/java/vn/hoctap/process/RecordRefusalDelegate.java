package vn.hoctap.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.procedure.DossierKinds;

/**
 * Ghi nhận không công nhận: closes the dossier with every reason — first the rule of the dossier's kind, then the
 * reviewer's, the council's (in its head's letter) or the signer's own words and the indicators that failed on the
 * verified values — and tells the unit.
 */
@Component("recordRefusal")
class RecordRefusalDelegate implements JavaDelegate {

  private final StepSupport steps;
  private final DossierKinds kinds;

  RecordRefusalDelegate(StepSupport steps, DossierKinds kinds) {
    this.steps = steps;
    this.kinds = kinds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long id = steps.dossierId(execution);
    List<String> reasons = new ArrayList<>();
    // the rule of the dossier's kind first (nâng mức độ 12 months after level 1, công nhận lại after retention)
    kinds.explain(steps.dossiers.get(id)).ifPresent(reasons::add);
    steps.dossiers.latestEvent(id, List.of("APPRAISAL_NEGATIVE", "SIGNER_REFUSED", "COUNCIL_REFUSED", "PROPOSED",
            "SIGNED"))
        .filter(e -> e.getAction().equals("APPRAISAL_NEGATIVE") || e.getAction().equals("SIGNER_REFUSED")
            || e.getAction().equals("COUNCIL_REFUSED"))
        .map(DossierEvent::getComment).ifPresent(reasons::add);
    EvaluationResult result = steps.dossiers.latestEvaluation(id);
    if (result != null && result.outcome() != EvaluationResult.Outcome.MET) {
      reasons.add(result.summary());
      List<IndicatorResult> failed = result.indicators().stream().filter(r -> r.outcome()
          == IndicatorResult.Outcome.NOT_MET || r.outcome() == IndicatorResult.Outcome.JUDGED_NOT_MET
          || r.outcome() == IndicatorResult.Outcome.MISSING).toList();
      List<String> full = failed.stream().map(r -> r.code() + ": " + r.explanation()).toList();
      // the reasons are stored in a 4000-character field: with many failed indicators, one short line each
      boolean compact = String.join("\n", reasons).length() + String.join("\n", full).length() > 3800;
      for (IndicatorResult r : failed) {
        reasons.add(!compact ? r.code() + ": " + r.explanation() : r.code() + ": " + (r.evidenceMissing()
            ? "không có minh chứng phù hợp" : r.measured() == null ? "thiếu số liệu" : r.measured() + ", yêu cầu "
            + r.threshold()) + " (" + r.source().replaceFirst("^Thông tư \\S+, ", "") + ")");
      }
    }
    String step = execution.getCurrentActivityName();
    steps.workflow.refused(id, steps.actor(), step, String.join("\n", reasons));
    execution.setVariable(RecognitionProcess.VAR_RECOGNISED, false);
  }
}
