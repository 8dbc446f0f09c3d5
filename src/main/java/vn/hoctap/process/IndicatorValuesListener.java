package vn.hoctap.process;

import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.InputError;

import static vn.hoctap.process.RecognitionProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierRevision.Stage;
import vn.hoctap.org.UnitProfile;

/**
 * The indicator-values form of three steps: the assessment team's self-assessment, its supplement after a
 * return, and the appraiser's verification. On create it shows the applicable indicators with the last values,
 * and the values hoctap already holds (KnownValues: the "Công dân học tập" ratios from the rounds, the share of
 * recognised communes or districts, last year's figures) where nobody has entered one yet, each with its source in
 * the note; on complete it validates everything — a changed known value needs its reason — and stores a new
 * revision, or refuses and stores nothing.
 */
@Component("indicatorValuesForm")
class IndicatorValuesListener extends FormStep {

  IndicatorValuesListener(StepSupport steps, Candidates candidates) {
    super(steps, candidates);
  }

  private boolean appraisal(DelegateTask task) {
    return TASK_APPRAISE.equals(task.getTaskDefinitionKey());
  }

  @Override
  protected void show(DelegateTask task, Long id) {
    Dossier d = steps.dossiers.get(id);
    CriteriaSet set = steps.dossiers.criteriaSet(d);
    UnitProfile unit = d.getUnit().profile();
    Map<String, IndicatorInput> verified = appraisal(task) ? steps.dossiers.latestValues(id, Stage.VERIFIED) : Map.of();
    Map<String, IndicatorInput> last = !verified.isEmpty() ? verified
        : steps.known.withKnown(steps.dossiers.latestValues(id, Stage.SELF), steps.dossiers.known(d));
    Map<String, Object> vars = new HashMap<>(IndicatorForm.prefill(set, last));
    vars.put(SHOW_SUMMARY, steps.summary(d));
    vars.put(SHOW_GUIDE, IndicatorForm.guide(set, unit));
    vars.put(SHOW_APPLICABLE, IndicatorForm.applicableCodes(set, unit));
    vars.put(SHOW_PENDING, IndicatorForm.pendingCodes(set, unit));
    vars.put(SHOW_STAGE, appraisal(task) ? "APPRAISAL" : TASK_SUPPLEMENT.equals(task.getTaskDefinitionKey())
        ? "SUPPLEMENT" : "SELF");
    vars.put(SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(id)));
    // always set (empty when there is none): the form hides the box on an empty text
    String reasons = appraisal(task) ? null : steps.dossiers.latestReturnReason(id);
    vars.put(SHOW_RETURN_REASONS, reasons == null ? "" : reasons);
    steps.show(task, vars);
  }

  @Override
  protected void complete(DelegateTask task, Long id) {
    Dossier d = steps.dossiers.get(id);
    FormValues form = new FormValues(task);
    CriteriaSet set = steps.dossiers.criteriaSet(d);
    Map<String, IndicatorInput> values = IndicatorForm.read(set, d.getUnit().profile(), form);
    for (InputError e : steps.dossiers.inputErrors(d, values)) {
      form.problem(IndicatorForm.fieldOf(set, e.code(), e.field()), e.code() + ": " + e.message());
    }
    if (!appraisal(task)) {
      for (InputError e : steps.dossiers.knownValueProblems(d, values)) {
        form.problem(IndicatorForm.fieldOf(set, e.code(), e.field()), e.code() + ": " + e.message());
      }
    }
    String actor = steps.actor();
    if (appraisal(task)) {
      String recommendation = form.choice(VAR_APPRAISAL_RECOMMENDATION, "Kết luận thẩm định", RECOGNISE, REFUSE);
      String comment = form.text(FIELD_APPRAISAL_COMMENT);
      if (REFUSE.equals(recommendation) && comment == null) {
        form.problem(FIELD_APPRAISAL_COMMENT, "Cần ghi lý do không đề nghị công nhận.");
      }
      String correctionReason = form.text(FIELD_CORRECTION_REASON);
      form.throwIfInvalid("Kết quả thẩm định");
      steps.dossiers.saveVerified(id, values, correctionReason, actor, task.getName());
      steps.dossiers.record(id, actor, RECOGNISE.equals(recommendation) ? "PROPOSED" : "APPRAISAL_NEGATIVE",
          task.getName(), comment, RECOGNISE.equals(recommendation) ? "Đề nghị công nhận"
              : "Không đề nghị công nhận");
      steps.cleanUp(task);
      task.getExecution().setVariable(VAR_APPRAISAL_RECOMMENDATION, recommendation);
      return;
    }
    String comment = form.text(FIELD_ASSESSMENT_COMMENT);
    form.throwIfInvalid("Số liệu tự đánh giá");
    steps.dossiers.saveSelfAssessment(id, values, comment, actor, task.getName());
    if (TASK_SUPPLEMENT.equals(task.getTaskDefinitionKey())) {
      steps.workflow.resubmitted(id, actor, comment);
    }
    steps.cleanUp(task);
  }
}
