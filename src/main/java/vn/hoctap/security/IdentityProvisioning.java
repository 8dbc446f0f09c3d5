package vn.hoctap.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Creates users, groups and memberships in the engine's identity store, idempotently. */
@Service
public class IdentityProvisioning {

  private final IdentityService identity;

  public IdentityProvisioning(IdentityService identity) {
    this.identity = identity;
  }

  public void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType(type);
      identity.saveGroup(g);
    }
  }

  public void ensureUser(String id, String firstName, String lastName, String email, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(firstName);
      u.setLastName(lastName);
      u.setEmail(email);
      u.setPassword(password);
      identity.saveUser(u);
    }
  }

  public void ensureMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
