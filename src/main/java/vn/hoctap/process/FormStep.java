package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.SHOW_EVALUATION;
import static vn.hoctap.process.RecognitionProcess.SHOW_SUMMARY;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A user task with a form: on create it shows what the person needs to decide (by default the dossier summary
 * and its latest criteria result); on complete it validates and records the decision, or refuses and records
 * nothing, leaving the task open.
 */
abstract class FormStep implements TaskListener {

  protected final StepSupport steps;

  FormStep(StepSupport steps) {
    this.steps = steps;
  }

  @Override
  public final void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, StepSupport.dossierId(task));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task, StepSupport.dossierId(task));
    }
  }

  protected void show(DelegateTask task, Long dossierId) {
    steps.show(task, Map.of(SHOW_SUMMARY, steps.summary(steps.dossiers.get(dossierId)),
        SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(dossierId))));
  }

  protected abstract void complete(DelegateTask task, Long dossierId);
}
