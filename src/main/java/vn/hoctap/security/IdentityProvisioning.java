package vn.hoctap.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoctap.org.Groups;

/** Creates users, groups and memberships in the engine's identity store, idempotently. */
@Service
public class IdentityProvisioning {

  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engine;
  /** Password → {stored hash, salt} of the first user given it (a pure function of both): ensureUserSharingPassword. */
  private final Map<String, String[]> sharedHashes = new ConcurrentHashMap<>();

  public IdentityProvisioning(IdentityService identity, JdbcTemplate jdbc, @Lazy ProcessEngineConfigurationImpl engine) {
    this.identity = identity;
    this.jdbc = jdbc;
    this.engine = engine;
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
   * As {@link #ensureUser}, for users who all share one public password — the demo data's and the tests' users.
   * bcrypt makes each hash cost about 0.1 s on purpose, so hashing the same password for every demo user was most
   * of a first start (about 7 s for the demo's users): the first such user is hashed by the engine, the others get
   * the same salt and hash. Never for real users, whose hashes must not reveal that two passwords are equal.
   */
  public void ensureUserSharingPassword(String id, String firstName, String lastName, String email, String password) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    String[] shared = sharedHashes.get(password);
    if (shared == null) {
      ensureUser(id, firstName, lastName, email, password);
      Map<String, Object> row = jdbc.queryForMap("select PWD_, SALT_ from ACT_ID_USER where ID_ = ?", id);
      sharedHashes.put(password, new String[] {(String) row.get("PWD_"), (String) row.get("SALT_")});
      return;
    }
    UserEntity u = (UserEntity) identity.newUser(id);
    u.setFirstName(firstName);
    u.setLastName(lastName);
    u.setEmail(email);
    u.setDbPassword(shared[0]);
    u.setSalt(shared[1]);
    identity.saveUser(u);
  }

  /**
   * Adds the user to the group and, for a staff role group ("reviewer-HN-TT"), to that org unit's jurisdiction group
   * ("org-HN-TT"), which is what the engine's per-instance authorizations name. A citizen's own role
   * ("citizen-HN-TT-TTO") brings no jurisdiction.
   */
  public void ensureMembership(String userId, String groupId) {
    addMembership(userId, groupId);
    Groups.orgOfStaffGroup(groupId).ifPresent(org -> {
      String jurisdiction = Groups.jurisdiction(org);
      ensureGroup(jurisdiction, "Phạm vi " + org, JURISDICTION_TYPE);
      addMembership(userId, jurisdiction);
    });
  }

  /** Removes the membership; the jurisdiction group goes too once the user holds no other role in that unit. */
  public void removeMembership(String userId, String groupId) {
    identity.deleteMembership(userId, groupId);
    Groups.orgOfStaffGroup(groupId).ifPresent(org -> {
      boolean otherRole = identity.createGroupQuery().groupMember(userId).list().stream()
          .anyMatch(g -> Groups.orgOfStaffGroup(g.getId()).filter(org::equals).isPresent());
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

  // bulk writes (spreadsheet import) ////////////////////////////////////////////////////////////////////////

  /** A user created without a password by a bulk import. */
  public record BulkUser(String id, String firstName, String lastName, String email) {}

  /**
   * Stored as the password of users created without one: it names our hash algorithm but is no bcrypt hash, so no
   * password ever matches it (and the engine's check does not fail on a missing hash). Setting a password replaces it.
   */
  public static final String NO_PASSWORD = "{" + BCryptPasswordEncryptor.ALGORITHM + "}!";

  /**
   * Creates many users without a password at once — one JDBC batch into the engine's ACT_ID_USER, plus the
   * authorization the engine's default provider gives every new user on their own profile (ALL on USER/&lt;id&gt;).
   * identityService.saveUser does the same one command at a time (about 5 ms each, 25 s for 5,000 users). The
   * caller has checked that the ids are valid and new, and that the acting user may create users.
   */
  public void createUsersWithoutPassword(List<BulkUser> users) {
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> grants = new ArrayList<>();
    for (BulkUser u : users) {
      rows.add(new Object[] {u.id(), u.firstName(), u.lastName(), u.email(), NO_PASSWORD});
      grants.add(new Object[] {engine.getIdGenerator().getNextId(), Authorization.AUTH_TYPE_GRANT, u.id(),
          Resources.USER.resourceType(), u.id(), Permissions.ALL.getValue()});
    }
    jdbc.batchUpdate("insert into ACT_ID_USER (ID_, REV_, FIRST_, LAST_, EMAIL_, PWD_, SALT_, ATTEMPTS_)"
        + " values (?, 1, ?, ?, ?, ?, null, 0)", rows);
    jdbc.batchUpdate("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_,"
        + " PERMS_) values (?, 1, ?, ?, ?, ?, ?)", grants);
  }

  /**
   * Many memberships at once, with the same rule as {@link #ensureMembership} (a role group brings the unit's
   * jurisdiction group), as one JDBC batch into ACT_ID_MEMBERSHIP: identityService.createMembership with its
   * checks costs about 16 ms each (85 s for 5,000). The groups must exist (role groups and "org-" groups both);
   * memberships the users hold already are skipped. Returns how many of the given memberships were new (the
   * jurisdiction memberships that follow them are not counted).
   */
  public int ensureMemberships(Map<String, ? extends Collection<String>> groupsByUser) {
    Set<String> wanted = new LinkedHashSet<>();
    Set<String> asked = new HashSet<>();
    groupsByUser.forEach((user, groups) -> groups.forEach(g -> {
      wanted.add(user + "\n" + g);
      asked.add(user + "\n" + g);
      Groups.orgOfStaffGroup(g).ifPresent(org -> wanted.add(user + "\n" + Groups.jurisdiction(org)));
    }));
    Set<String> held = new HashSet<>();
    List<String> users = new ArrayList<>(groupsByUser.keySet());
    for (int i = 0; i < users.size(); i += 500) {
      List<String> chunk = users.subList(i, Math.min(users.size(), i + 500));
      jdbc.query("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ in ("
          + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
          rs -> {
            held.add(rs.getString(1) + "\n" + rs.getString(2));
          }, chunk.toArray());
    }
    List<Object[]> rows = new ArrayList<>();
    int added = 0;
    for (String m : wanted) {
      if (!held.contains(m)) {
        rows.add(m.split("\n", 2));
        added += asked.contains(m) ? 1 : 0;
      }
    }
    jdbc.batchUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", rows);
    return added;
  }

  /** Group type of the "org-" groups, so the Camunda Admin tells them from role groups. */
  public static final String JURISDICTION_TYPE = "JURISDICTION";
}
