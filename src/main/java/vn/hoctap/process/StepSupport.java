package vn.hoctap.process;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.KnownValues;
import vn.hoctap.engine.Actors;
import vn.hoctap.procedure.DossierWorkflow;

/**
 * What every step of the recognition processes needs: the dossier behind the instance, the acting user, and the
 * rule that form data lives in process variables only while its task is open.
 */
@Component
class StepSupport {

  final DossierService dossiers;
  final DossierWorkflow workflow;
  final ActorCheck actors;
  final KnownValues known;
  private final IdentityService identity;

  StepSupport(DossierService dossiers, DossierWorkflow workflow, ActorCheck actors, IdentityService identity,
      KnownValues known) {
    this.known = known;
    this.dossiers = dossiers;
    this.workflow = workflow;
    this.actors = actors;
    this.identity = identity;
  }

  /**
   * The dossier of the instance: the id variable (written only by the system) must name the dossier whose process
   * is this instance (or the one that called it), and its business key must agree. A listener never acts on a
   * dossier another instance owns.
   */
  Dossier boundDossier(VariableScope scope) {
    DelegateExecution execution = scope instanceof DelegateTask t ? t.getExecution() : (DelegateExecution) scope;
    Object id = execution.getVariable(LearningUnitProcess.VAR_DOSSIER_ID);
    if (!(id instanceof Number n)) {
      throw new IllegalStateException("Quy trình không có biến dossierId");
    }
    Dossier d = dossiers.get(n.longValue());
    String root = ((ExecutionEntity) execution).getRootProcessInstanceId();
    if (!String.valueOf(d.getId()).equals(execution.getProcessBusinessKey())
        || (d.getProcessInstanceId() != null && !d.getProcessInstanceId().equals(root))) {
      throw new IllegalStateException("Quy trình " + root + " không phải của hồ sơ số " + d.getId());
    }
    return d;
  }

  Long dossierId(VariableScope scope) {
    return boundDossier(scope).getId();
  }

  String actor() {
    return Actors.current(identity);
  }

  /** Puts read-only and prefilled values where the Tasklist form reads and writes them (the execution). */
  void show(DelegateTask task, Map<String, Object> values) {
    task.getExecution().setVariables(values);
  }

  /**
   * Drops everything the form brought in and every earlier step's outcome, so only the instance's ids remain
   * between steps; the listener then sets this step's outcome for the gateway after it.
   */
  void cleanUp(DelegateTask task) {
    cleanUp(task.getExecution());
  }

  void cleanUp(DelegateExecution execution) {
    Set<String> names = new HashSet<>(execution.getVariableNames());
    names.removeAll(RecognitionProcess.KEPT_VARIABLES);
    execution.removeVariables(names);
  }

  String summary(Dossier d) {
    return "Hồ sơ số " + d.getId() + ": " + d.describe() + "\n"
        + "Trạng thái: " + d.getStatus().label() + "\n"
        + "Cơ quan tiếp nhận, thẩm định: " + d.getReceivingOrg().getName() + "\n"
        + "Thẩm quyền công nhận: " + d.getSignerTitle() + " (" + d.getSignerOrg().getName() + ")\n"
        + workflow.deadline(d.getId(), DeadlineKind.SUBMISSION).describe() + "; "
        + workflow.deadline(d.getId(), DeadlineKind.DECISION).describe() + "\n"
        + "Chi tiết, minh chứng và lịch sử: trang hồ sơ /ho-so/" + d.getId();
  }
}
