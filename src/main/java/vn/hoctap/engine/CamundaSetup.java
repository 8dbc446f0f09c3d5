package vn.hoctap.engine;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.hoctap.org.Groups;
import vn.hoctap.security.IdentityProvisioning;

/**
 * The engine-side rules every installation needs: administrator groups with full rights, the Tasklist for every
 * user, every user may start a recognition process (the process itself checks that they belong to the unit),
 * and shared task filters in Vietnamese. Task rights come from candidate groups (TASK_WORK, application.yaml);
 * process instances are readable by the jurisdiction groups they are granted to (InstanceGrants) — Cockpit is
 * open to every user and shows each only those.
 */
@Component
@Order(-10)
public class CamundaSetup implements ApplicationRunner {

  /** Processes any logged-in user may start; the first step checks the user belongs to the unit. */
  static final String[] STARTABLE = {"learning-unit-recognition", "learning-community-recognition"};

  static boolean startable(String processKey) {
    return java.util.Arrays.asList(STARTABLE).contains(processKey);
  }

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityProvisioning provisioning;

  public CamundaSetup(AuthorizationService authorizations, FilterService filters, TaskService tasks,
      IdentityProvisioning provisioning) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.provisioning = provisioning;
  }

  @Override
  public void run(ApplicationArguments args) {
    provisioning.ensureGroup(Groups.CAMUNDA_ADMIN, "Quản trị Camunda", "SYSTEM");
    provisioning.ensureGroup(Groups.ADMIN, "Quản trị hoctap", "SYSTEM");
    for (Resources r : Resources.values()) {
      grantGroup(Groups.CAMUNDA_ADMIN, r, ANY, Permissions.ALL);
    }
    grantAll(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Cockpit for everyone: it shows a user only the instances their jurisdiction groups may read (InstanceGrants)
    grantAll(Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantAll(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grantAll(Resources.FILTER, ANY, Permissions.READ);
    grantAll(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    for (String key : STARTABLE) {
      grantAll(Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    ensureFilter("Việc của tôi", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), -10);
    ensureFilter("Việc của nhóm tôi (chưa ai nhận)",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(), -5);
    // Every task the user may work on: their groups' and their own candidate tasks (a council member's vote),
    // claimed or not. Not an unfiltered query left to the authorization check: that one checks every open task
    // of the province and took seconds at 100,000 open tasks (docs/benchmarks.md); this one starts from the
    // candidate links, which are indexed. A user sees the same tasks, because tasks are readable only by their
    // candidates and their assignee (InstanceGrants), and "Việc của tôi" lists the assigned ones.
    ensureFilter("Tất cả việc tôi được xem",
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks(), 0);
  }

  private void grantGroup(String group, Resource resource, String resourceId, Permission... permissions) {
    if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .count() > 0) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  private void grantAll(Resource resource, String resourceId, Permission... permissions) {
    if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource)
        .resourceId(resourceId).count() > 0) {
      return;
    }
    // A global authorization is the engine's "every user" (a GRANT to user "*" is not consulted by checks).
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  /** Creates the shared filter, or brings an existing one's query up to date (a database of an older version). */
  private void ensureFilter(String name, TaskQuery query, int priority) {
    Filter f = filters.createFilterQuery().filterName(name).singleResult();
    if (f == null) {
      f = filters.newTaskFilter(name).setOwner(Groups.ADMIN)
          .setProperties(Map.of("priority", priority, "description", name, "refresh", true));
    }
    filters.saveFilter(f.setQuery(query));
  }
}
