package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.SHOW_EVALUATION;
import static vn.hoctap.process.RecognitionProcess.SHOW_SUMMARY;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.procedure.Applicants;

/**
 * A user task with a form: on create it shows what the person needs to decide (by default the dossier summary
 * and its latest criteria result); on complete it validates and records the decision, or refuses and records
 * nothing, leaving the task open.
 */
abstract class FormStep implements TaskListener {

  protected final StepSupport steps;
  private final Candidates candidates;

  FormStep(StepSupport steps, Candidates candidates) {
    this.steps = steps;
    this.candidates = candidates;
  }

  @Override
  public final void notify(DelegateTask task) {
    Dossier d = steps.boundDossier(task);
    List<String> competent = candidates.ofStep(task.getTaskDefinitionKey(), d);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Set<String> given = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
          .collect(Collectors.toSet());
      if (!given.equals(Set.copyOf(competent))) {
        throw new IllegalStateException("Bước " + task.getTaskDefinitionKey() + " của hồ sơ số " + d.getId()
            + " được giao cho " + given + ", không phải cho " + competent + " như tuyến của hồ sơ.");
      }
      show(task, d.getId());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      // the competent groups, and a supervising group the deadline escalation added to the task
      Set<String> allowed = new HashSet<>(competent);
      Set<String> escalation = Set.of(Applicants.unitSupervisors(d), Applicants.bodySupervisors(d));
      task.getCandidates().stream().map(IdentityLink::getGroupId).filter(escalation::contains).forEach(allowed::add);
      steps.actors.requireMember(task, allowed);
      complete(task, d.getId());
    }
  }

  protected void show(DelegateTask task, Long dossierId) {
    steps.show(task, Map.of(SHOW_SUMMARY, steps.summary(steps.dossiers.get(dossierId)),
        SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(dossierId))));
  }

  protected abstract void complete(DelegateTask task, Long dossierId);
}
