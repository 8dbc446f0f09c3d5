package vn.hoctap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves the open work of one business key (a title's instance and the procedure it called) to other groups: the
 * routing variables that later steps read, and the candidate groups of the tasks open now. A task claimed by
 * someone outside the new groups goes back to the new groups' queue.
 */
@Component
public class OpenWork {

  /** What moved: the instances touched, the open tasks by name, and the tasks released from their assignee. */
  public record Moved(List<String> instanceIds, List<String> openTasks, List<String> released) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final EngineQueries engine;
  private final AuthorizationService authorizations;

  public OpenWork(RuntimeService runtime, TaskService tasks, IdentityService identity, EngineQueries engine,
      AuthorizationService authorizations) {
    this.authorizations = authorizations;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.engine = engine;
  }

  public Moved reassign(String businessKey, Map<String, String> groupMoves) {
    return engine.asSystem(() -> {
      List<String> instances = new ArrayList<>();
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
        instances.add(pi.getId());
      }
      List<String> open = new ArrayList<>();
      List<String> released = new ArrayList<>();
      for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list()) {
        open.add(t.getName());
        List<String> candidates = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
          if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
            continue;
          }
          String to = groupMoves.getOrDefault(link.getGroupId(), link.getGroupId());
          if (!to.equals(link.getGroupId())) {
            tasks.deleteCandidateGroup(t.getId(), link.getGroupId());
            tasks.addCandidateGroup(t.getId(), to);
          }
          candidates.add(to);
        }
        String assignee = t.getAssignee();
        if (assignee != null && candidates.stream().noneMatch(g ->
            identity.createUserQuery().userId(assignee).memberOfGroup(g).count() > 0)) {
          tasks.setAssignee(t.getId(), null);
          // the engine leaves the former assignee's own grant on the task: it goes with the claim
          authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(t.getId())
              .userIdIn(assignee).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
          released.add(t.getName() + " (" + assignee + ")");
        }
      }
      return new Moved(instances, open, released);
    });
  }
}
