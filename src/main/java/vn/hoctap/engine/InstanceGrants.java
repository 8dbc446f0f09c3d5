package vn.hoctap.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;

/**
 * Per-instance read rights in the engine: a process instance is readable (Cockpit, Camunda REST) by the
 * jurisdiction groups ("org-&lt;code&gt;") of the org units given, and by nobody else but administrators. Task
 * rights come separately, from each task's candidate groups.
 */
@Component
public class InstanceGrants {

  private final AuthorizationService authorizations;
  private final EngineQueries engine;

  public InstanceGrants(AuthorizationService authorizations, EngineQueries engine) {
    this.authorizations = authorizations;
    this.engine = engine;
  }

  /** Grants READ on the instance to the body and every body above it. */
  public void grantReadAlongPath(String processInstanceId, OrgUnit body) {
    grantRead(processInstanceId, Arrays.stream(body.getPath().split("/")).filter(s -> !s.isEmpty()).toList());
  }

  /** Grants READ on the instance to each unit's jurisdiction group that does not have it yet. */
  public void grantRead(String processInstanceId, Collection<String> orgCodes) {
    engine.asSystem(() -> {
      Set<String> granted = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
          .resourceId(processInstanceId).list().stream().map(Authorization::getGroupId).collect(Collectors.toSet());
      for (String code : orgCodes) {
        String group = Groups.jurisdiction(code);
        if (!granted.add(group)) {
          continue;
        }
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(Resources.PROCESS_INSTANCE);
        a.setResourceId(processInstanceId);
        a.addPermission(Permissions.READ);
        authorizations.saveAuthorization(a);
      }
      return null;
    });
  }
}
