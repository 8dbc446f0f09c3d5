package vn.hoctap.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;

/** What the administration pages show: the tree around a unit, people and their roles. Read only. */
@Service
public class AdminDirectory {

  static final int LIMIT = 100;

  /** A unit as a row of the tree: how many units sit directly under it. */
  public record UnitRow(OrgUnit unit, long children) {}

  /** A person found by a search. */
  public record UserRow(String id, String firstName, String lastName, String email) {}

  /** One role of a user: the role, its unit (null if the unit is gone) and the group. */
  public record RoleRow(String role, String label, String orgCode, String orgName, String group) {}

  /** A user with their roles and their other groups (administrators and the like). */
  public record Person(User user, List<RoleRow> roles, List<String> otherGroups, boolean hasPassword) {}

  private final OrgUnitRepository orgs;
  private final OrgUnitLookups lookups;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  public AdminDirectory(OrgUnitRepository orgs, OrgUnitLookups lookups, IdentityService identity, JdbcTemplate jdbc) {
    this.orgs = orgs;
    this.lookups = lookups;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<OrgUnit> unit(String code) {
    return orgs.findByCode(code);
  }

  /** The children of a unit, or the top of the tree for null, with their own children counts. */
  @Transactional(readOnly = true)
  public List<UnitRow> children(OrgUnit parent) {
    return withCounts(parent == null ? orgs.findByParentIsNullOrderByCode()
        : orgs.findByParentIdOrderByCode(parent.getId()));
  }

  @Transactional(readOnly = true)
  public List<UnitRow> searchUnits(String q) {
    return withCounts(lookups.search(q.strip(), PageRequest.of(0, LIMIT)));
  }

  private List<UnitRow> withCounts(List<OrgUnit> units) {
    if (units.isEmpty()) {
      return List.of();
    }
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row : lookups.childCounts(units.stream().map(OrgUnit::getId).toList())) {
      counts.put((Long) row[0], (Long) row[1]);
    }
    return units.stream().map(u -> new UnitRow(u, counts.getOrDefault(u.getId(), 0L))).toList();
  }

  /** The unit and its ancestors, top first. */
  public static List<OrgUnit> pathTo(OrgUnit unit) {
    List<OrgUnit> path = new ArrayList<>();
    for (OrgUnit u = unit; u != null; u = u.getParent()) {
      path.add(u);
    }
    Collections.reverse(path);
    return path;
  }

  /** Login name, first or last name containing the text, ignoring case; at most {@value #LIMIT}. */
  public List<UserRow> searchUsers(String q) {
    String like = "%" + q.strip().toLowerCase(java.util.Locale.ROOT) + "%";
    return jdbc.query("select ID_, FIRST_, LAST_, EMAIL_ from ACT_ID_USER where lower(ID_) like ? or lower(FIRST_)"
            + " like ? or lower(LAST_) like ? or lower(EMAIL_) like ? order by ID_ fetch first " + LIMIT + " rows only",
        (rs, i) -> new UserRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), like, like, like,
        like);
  }

  /** The holders of roles in a unit: "role → user ids". */
  public Map<String, List<String>> holders(String orgCode) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (String role : Groups.ROLES) {
      List<String> ids = identity.createUserQuery().memberOfGroup(role + "-" + orgCode).orderByUserId().asc()
          .listPage(0, LIMIT).stream().map(User::getId).toList();
      if (!ids.isEmpty()) {
        out.put(role, ids);
      }
    }
    return out;
  }

  @Transactional(readOnly = true)
  public Optional<Person> person(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return Optional.empty();
    }
    List<RoleRow> roles = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Group g : identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list()) {
      Optional<String> org = Groups.orgOfRoleGroup(g.getId());
      if (org.isPresent()) {
        String role = g.getId().substring(0, g.getId().length() - org.get().length() - 1);
        String name = orgs.findByCode(org.get()).map(OrgUnit::getName).orElse(null);
        roles.add(new RoleRow(role, Roles.label(role), org.get(), name, g.getId()));
      } else if (!g.getId().startsWith("org-")) {
        others.add(g.getId());
      }
    }
    String pwd = jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, userId);
    boolean hasPassword = pwd != null && !pwd.equals(vn.hoctap.security.IdentityProvisioning.NO_PASSWORD);
    return Optional.of(new Person(user, roles, others, hasPassword));
  }
}
