package vn.hoctap.process;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
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
  private final IdentityService identity;

  StepSupport(DossierService dossiers, DossierWorkflow workflow, IdentityService identity) {
    this.dossiers = dossiers;
    this.workflow = workflow;
    this.identity = identity;
  }

  static Long dossierId(VariableScope scope) {
    Object id = scope.getVariable(LearningUnitProcess.VAR_DOSSIER_ID);
    if (id == null) {
      throw new IllegalStateException("Quy trình không có biến dossierId");
    }
    return ((Number) id).longValue();
  }

  String actor() {
    return Actors.current(identity);
  }

  /** Puts read-only and prefilled values where the Tasklist form reads and writes them (the execution). */
  void show(DelegateTask task, Map<String, Object> values) {
    task.getExecution().setVariables(values);
  }

  /** Drops everything the form brought in, so only routing variables remain between steps. */
  void cleanUp(DelegateTask task) {
    cleanUp(task.getExecution());
  }

  void cleanUp(DelegateExecution execution) {
    Set<String> names = new HashSet<>(execution.getVariableNames());
    names.removeAll(LearningUnitProcess.ROUTING_VARIABLES);
    execution.removeVariables(names);
  }

  String summary(Dossier d) {
    return "Hồ sơ số " + d.getId() + ": " + d.describe() + "\n"
        + "Trạng thái: " + d.getStatus().label() + "\n"
        + "Cơ quan tiếp nhận, thẩm định: " + d.getReceivingOrg().getName() + "\n"
        + "Thẩm quyền công nhận: " + d.getSignerTitle() + " (" + d.getSignerOrg().getName() + ")\n"
        + workflow.deadline(d.getId(), DeadlineKind.SUBMISSION).describe() + "; "
        + workflow.deadline(d.getId(), DeadlineKind.DECISION).describe() + "\n"
        + "Chi tiết, minh chứng và lịch sử: /api/dossiers/" + d.getId();
  }
}
