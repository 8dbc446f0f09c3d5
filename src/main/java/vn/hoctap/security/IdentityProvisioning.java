package vn.hoctap.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import vn.hoctap.org.Groups;

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

  /**
   * Adds the user to the group and, for a role group ("reviewer-HN-TT"), to that org unit's jurisdiction group
   * ("org-HN-TT"), which is what the engine's per-instance authorizations name.
   */
  public void ensureMembership(String userId, String groupId) {
    addMembership(userId, groupId);
    Groups.orgOfRoleGroup(groupId).ifPresent(org -> {
      String jurisdiction = Groups.jurisdiction(org);
      ensureGroup(jurisdiction, "Phạm vi " + org, JURISDICTION_TYPE);
      addMembership(userId, jurisdiction);
    });
  }

  /** Removes the membership; the jurisdiction group goes too once the user holds no other role in that unit. */
  public void removeMembership(String userId, String groupId) {
    identity.deleteMembership(userId, groupId);
    Groups.orgOfRoleGroup(groupId).ifPresent(org -> {
      boolean otherRole = identity.createGroupQuery().groupMember(userId).list().stream()
          .anyMatch(g -> Groups.orgOfRoleGroup(g.getId()).filter(org::equals).isPresent());
      if (!otherRole) {
        identity.deleteMembership(userId, Groups.jurisdiction(org));
      }
    });
  }

  private void addMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  /** Group type of the "org-" groups, so the Camunda Admin tells them from role groups. */
  public static final String JURISDICTION_TYPE = "JURISDICTION";
}
