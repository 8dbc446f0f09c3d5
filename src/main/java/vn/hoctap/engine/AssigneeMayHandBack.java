package vn.hoctap.engine;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Candidate groups may only claim and complete (TASK_WORK, application.yaml), and the engine applies the same
 * rule to giving a claimed task back, so the Tasklist's "unclaim" was refused. Whoever a task is assigned to is
 * therefore also granted TASK_ASSIGN on it, in the same authorization row the engine writes for the assignee: they
 * can hand it back to their group's queue (or pass it on). Nobody else gains anything; the row goes with the task.
 */
@Component
public class AssigneeMayHandBack extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        AuthorizationEntity[] granted = super.newTaskAssignee(task, oldAssignee, newAssignee);
        if (granted != null && newAssignee != null) {
          for (AuthorizationEntity a : granted) {
            if (newAssignee.equals(a.getUserId()) && a.getResourceType() == Resources.TASK.resourceType()) {
              a.addPermission(TaskPermissions.TASK_ASSIGN);
            }
          }
        }
        return granted;
      }
    });
  }
}
