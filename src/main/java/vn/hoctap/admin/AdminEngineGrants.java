package vn.hoctap.admin;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.hoctap.org.Groups;

/**
 * hoctap administrators manage users, groups and memberships through our admin API, which calls the engine's
 * identity service under their name with authorization on: grant the group those rights (camunda-admin has all).
 */
@Component
@Order(-5)
class AdminEngineGrants implements ApplicationRunner {

  private final AuthorizationService authorizations;

  AdminEngineGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Resource r : new Resource[] {Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP}) {
      if (authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMIN).resourceType(r).resourceId(ANY)
          .count() == 0) {
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        a.setGroupId(Groups.ADMIN);
        a.setResource(r);
        a.setResourceId(ANY);
        a.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(a);
      }
    }
  }
}
