package vn.hoctap.security.sso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.admin.AuditLog.Target;
import vn.hoctap.citizen.CitizenIdentities;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.security.IdentityProvisioning.BulkUser;
import vn.hoctap.security.sso.SsoRefusal.Reason;

/**
 * Which hoctap user a single sign-on identity is (issue 21), and the administration of that mapping.
 *
 * <p>A login is mapped, in this order: (1) by the provider's user-id claim to the hoctap user an administrator (or
 * an earlier first login) linked it to — refused while that link is suspended; (2) by the citizen-ID claim to the
 * citizen's own account; (3) on a first login, when the organisation claim names a unit of hoctap's tree for which
 * an administrator allowed self-provisioning through this provider, to a new account without password and without
 * any role; (4) otherwise refused. Roles and units always come from hoctap's administration: a claim never grants a
 * group, and the organisation claim only decides whether an account may be created (docs/security.md).
 */
@Service
public class SsoAccounts {

  /**
   * The account a login was mapped to. {@code citizenOnly}: mapped by the citizen-ID claim, so the session carries
   * the person's "Công dân" roles only, whatever else the account holds.
   */
  public record SignIn(String userId, boolean created, boolean citizenOnly) {}

  /** A login that maps to nothing hoctap may open. Nothing is written by the login that raised it. */
  public static class Refused extends RuntimeException {
    private final transient SsoRefusal refusal;

    Refused(SsoRefusal refusal) {
      super(refusal.reason().name());
      this.refusal = refusal;
    }

    public SsoRefusal refusal() {
      return refusal;
    }
  }

  /** A mapping row, with the hoctap user's name, for the administration page. */
  public record Identity(long id, String providerId, String subject, String userId, String userName, String origin,
      String claimedOrgCode, String claimedName, boolean suspended, Instant createdAt, String createdBy,
      Instant lastLoginAt) {}

  /** A unit (and maybe its subtree) whose people may get an account at their first login through a provider. */
  public record Allowance(long id, String providerId, String orgCode, String orgName, boolean includeBelow,
      Instant grantedAt, String grantedBy) {}

  /** A refused login an administrator may want to map. */
  public record RecentRefusal(String providerId, String subject, String name, String orgCode, String reason,
      Instant at) {}

  static final String ORIGIN_ADMIN = "ADMIN";
  static final String ORIGIN_SELF = "SELF";
  /** Found by the citizen-ID claim (kept for the administrator's view and to suspend it). */
  static final String ORIGIN_CITIZEN = "CITIZEN";
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}");
  private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;
  private final IdentityProvisioning provisioning;
  private final AuditLog audit;
  private final EngineClock clock;
  private final SsoProperties properties;
  private final ObjectMapper json;
  private final CitizenIdentities citizens;
  private final IdentityService identity;

  public SsoAccounts(JdbcTemplate jdbc, OrgUnitRepository orgs, IdentityProvisioning provisioning, AuditLog audit,
      EngineClock clock, SsoProperties properties, ObjectMapper json, CitizenIdentities citizens,
      IdentityService identity) {
    this.citizens = citizens;
    this.identity = identity;
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.provisioning = provisioning;
    this.audit = audit;
    this.clock = clock;
    this.properties = properties;
    this.json = json;
  }

  // signing in ///////////////////////////////////////////////////////////////////////////////////////////////

  /**
   * The hoctap user of this login (claims of the verified ID token and of the provider's user-info answer).
   *
   * @throws Refused when it maps to nothing that may sign in; nothing is then written
   */
  @Transactional
  public SignIn signIn(String providerId, Map<String, Object> claims) {
    SsoProperties.Provider provider = properties.providers().get(providerId);
    SsoProperties.Claims names = provider.claims();
    String subject = claim(claims, names.userId());
    String name = claim(claims, names.name());
    String orgCode = names.organisation() == null ? null : claim(claims, names.organisation());
    String citizenId = names.citizenId() == null ? null : claim(claims, names.citizenId());
    if (subject == null || subject.length() > 255) {
      throw refused(Reason.NO_USER_ID, providerId, null, name, orgCode, null, citizenId);
    }
    Optional<Map<String, Object>> mapped = mapping(providerId, subject);
    if (mapped.isPresent()) {
      Map<String, Object> row = mapped.get();
      String userId = (String) row.get("user_id");
      if (Boolean.TRUE.equals(row.get("suspended")) || !userExists(userId)) {
        throw refused(Reason.SUSPENDED, providerId, subject, name, orgCode, null, citizenId);
      }
      if (!ORIGIN_CITIZEN.equals(row.get("origin"))) {
        jdbc.update("update sso_identity set last_login_at = ?, claimed_name = ? where id = ?",
            Timestamp.from(clock.now()), cut(name, 255), row.get("id"));
        updateName(providerId, userId, name);
        return new SignIn(userId, false, false);
      }
      // a citizen's: found again by the number at every login (the account of that number may have changed)
    }
    if (citizenId != null) {
      if (!CITIZEN_ID.matcher(citizenId).matches()) {
        throw refused(Reason.CITIZEN_UNKNOWN, providerId, subject, name, orgCode, null, citizenId);
      }
      Optional<SignIn> citizen = citizen(providerId, subject, name, citizenId, mapped.isPresent());
      if (citizen.isPresent()) {
        return citizen.get();
      }
      if (orgCode == null) {
        throw refused(Reason.CITIZEN_UNKNOWN, providerId, subject, name, null, null, citizenId);
      }
    }
    Optional<OrgUnit> unit = orgCode == null ? Optional.empty() : unit(orgCode);
    if (unit.isEmpty()) {
      throw refused(Reason.UNKNOWN, providerId, subject, name, orgCode, null, citizenId);
    }
    if (unit.get().isDissolved() || !selfProvisioningAllowed(providerId, unit.get())) {
      throw refused(Reason.UNIT_NOT_ALLOWED, providerId, subject, name, orgCode, unit.get().getName(), citizenId);
    }
    return new SignIn(createAccount(providerId, subject, name, unit.get(), claims), true, false);
  }

  /**
   * A citizen, by their citizen-ID number (số định danh cá nhân): the "Công dân" account that holds the number
   * (citizen_account, made by the staff who keep the person's list, issue 18); or, at a first login, a new account
   * with the "Công dân" role at each unit or commune whose "Công dân học tập" list holds the number — their entry
   * in that round — and nothing else. Empty when the number is on no list and has no account.
   */
  private Optional<SignIn> citizen(String providerId, String subject, String claimedName, String citizenId,
      boolean known) {
    Optional<String> account = citizens.userOf(citizenId);
    String userId;
    boolean created = false;
    if (account.isPresent()) {
      userId = account.get();
      if (identity.createGroupQuery().groupMember(userId).list().stream()
          .noneMatch(g -> Groups.isCitizenGroup(g.getId()))) {
        return Optional.empty(); // the account no longer holds a "Công dân" role anywhere
      }
      updateName(providerId, userId, claimedName);
    } else {
      List<String[]> lists = jdbc.query("select distinct u.code, u.name from round_entry e"
          + " join assessment_round r on r.id = e.round_id join org_unit u on u.id = r.org_id"
          + " where e.identity_no = ? and r.kind = 'CITIZEN' and u.dissolved_at is null order by u.code",
          (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, citizenId);
      if (lists.isEmpty()) {
        return Optional.empty();
      }
      // the name on the list is hoctap's own record of the person; the claim's only where the list has none
      String listed = jdbc.queryForList("select e.full_name from round_entry e join assessment_round r"
          + " on r.id = e.round_id where e.identity_no = ? and r.kind = 'CITIZEN' order by r.assessment_year desc,"
          + " e.updated_at desc", String.class, citizenId).stream().findFirst().orElse(claimedName);
      userId = createUser(providerId, subject, citizenId, listed, null);
      citizens.link(userId, citizenId, actor(providerId));
      for (String[] body : lists) {
        String group = Groups.citizen(body[0]);
        provisioning.ensureGroup(group, "Công dân — " + body[1], "WORKFLOW");
        provisioning.ensureMembership(userId, group);
      }
      created = true;
    }
    Instant now = clock.now();
    if (known) {
      jdbc.update("update sso_identity set user_id = ?, last_login_at = ?, claimed_name = ? where provider_id = ?"
          + " and subject = ?", userId, Timestamp.from(now), cut(claimedName, 255), providerId, subject);
    } else {
      jdbc.update("insert into sso_identity (provider_id, subject, user_id, origin, claimed_name, suspended,"
          + " created_at, created_by, last_login_at) values (?, ?, ?, ?, ?, false, ?, ?, ?)", providerId, subject,
          userId, ORIGIN_CITIZEN, cut(claimedName, 255), Timestamp.from(now), actor(providerId), Timestamp.from(now));
    }
    if (created) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("id", userId);
      after.put("provider", providerId);
      after.put("subject", subject);
      after.put("citizenId", SsoRefusal.mask(citizenId));
      after.put("groups", identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId())
          .sorted().toList());
      audit.record(actor(providerId), "SSO_USER_CREATED", Target.USER, userId, null, after);
    }
    return Optional.of(new SignIn(userId, created, true));
  }

  /** Writes the refusal to the audit log, in a transaction of its own (the login's own is rolled back). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRefusal(SsoRefusal r, String detail) {
    Map<String, Object> what = new LinkedHashMap<>();
    what.put("lyDo", r.reason().name());
    if (detail != null) {
      what.put("chiTiet", cut(detail, 500));
    }
    what.put("ten", r.name());
    what.put("maDonVi", r.orgCode());
    what.put("soDinhDanh", r.citizenId());
    audit.record(actor(r.providerId() == null ? "?" : r.providerId()), "SSO_REFUSED", Target.REFUSED,
        r.subject() == null ? "(không có mã tài khoản)" : cut(r.subject(), 200), null, what);
  }

  private Refused refused(Reason reason, String providerId, String subject, String name, String orgCode,
      String orgName, String citizenId) {
    if (orgName == null && orgCode != null) {
      orgName = unit(orgCode).map(OrgUnit::getName).orElse(null);
    }
    return new Refused(new SsoRefusal(reason, providerId, properties.providers().get(providerId).name(), subject,
        name, orgCode, orgName, SsoRefusal.mask(citizenId)));
  }

  private String createAccount(String providerId, String subject, String name, OrgUnit unit,
      Map<String, Object> claims) {
    String userId = createUser(providerId, subject, claim(claims, "preferred_username"), name, claim(claims,
        "email"));
    Instant now = clock.now();
    jdbc.update("insert into sso_identity (provider_id, subject, user_id, origin, claimed_org_code, claimed_name,"
        + " suspended, created_at, created_by, last_login_at) values (?, ?, ?, ?, ?, ?, false, ?, ?, ?)",
        providerId, subject, userId, ORIGIN_SELF, unit.getCode(), cut(name, 255), Timestamp.from(now),
        actor(providerId), Timestamp.from(now));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("id", userId);
    after.put("provider", providerId);
    after.put("subject", subject);
    after.put("claimedOrgCode", unit.getCode());
    after.put("groups", List.of());
    audit.record(actor(providerId), "SSO_USER_CREATED", Target.USER, userId, null, after);
    return userId;
  }

  /** A new user without password (only a single sign-on opens it) and without any group. */
  private String createUser(String providerId, String subject, String preferredId, String name, String email) {
    String userId = newUserId(providerId, subject, preferredId);
    String[] parts = nameParts(name == null ? userId : name);
    if (email != null && (email.length() > 255 || !EMAIL.matcher(email).matches())) {
      email = null;
    }
    provisioning.createUsersWithoutPassword(List.of(new BulkUser(userId, parts[0], parts[1], email)));
    return userId;
  }

  /**
   * The provider's name claim becomes the person's name in hoctap at every login (a name changed at the provider
   * shows at the next login); audited when it changes. Only the name: never a group, a unit or anything else.
   */
  private void updateName(String providerId, String userId, String claimedName) {
    if (claimedName == null) {
      return;
    }
    String[] parts = nameParts(claimedName);
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null || parts[0].equals(user.getFirstName()) && parts[1].equals(nullToEmpty(user.getLastName()))) {
      return;
    }
    Map<String, Object> before = Map.of("firstName", nullToEmpty(user.getFirstName()),
        "lastName", nullToEmpty(user.getLastName()));
    user.setFirstName(parts[0]);
    user.setLastName(parts[1]);
    identity.saveUser(user);
    audit.record(actor(providerId), "SSO_NAME_UPDATED", Target.USER, userId, before,
        Map.of("firstName", parts[0], "lastName", parts[1]));
  }

  /** A full Vietnamese name as the identity store keeps it: {given name, family and middle names}. */
  private static String[] nameParts(String name) {
    String full = name.strip().replaceAll("\\s+", " ");
    int space = full.lastIndexOf(' ');
    return new String[] {cut(space < 0 ? full : full.substring(space + 1), 255),
        space < 0 ? "" : cut(full.substring(0, space), 255)};
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The login's preferred user name when it is a valid id still free, else one derived from the subject. */
  private String newUserId(String providerId, String subject, String preferred) {
    String base = null;
    if (preferred != null) {
      String p = preferred.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", ".");
      if (USER_ID.matcher(p).matches() && p.length() <= 56) {
        base = p;
      }
    }
    if (base == null) {
      base = "sso-" + providerId + "-" + sha256(subject).substring(0, 10);
      base = base.length() > 56 ? base.substring(0, 56) : base;
    }
    if (!userExists(base)) {
      return base;
    }
    for (int i = 2; i < 1000; i++) {
      if (!userExists(base + "-" + i)) {
        return base + "-" + i;
      }
    }
    throw new IllegalStateException("No free user id for " + base);
  }

  private boolean selfProvisioningAllowed(String providerId, OrgUnit unit) {
    return !jdbc.query("select a.include_below, u.id, u.path from sso_self_provisioning a"
        + " join org_unit u on u.id = a.org_unit_id where a.provider_id = ?", (rs, i) -> {
          boolean below = rs.getBoolean(1);
          long id = rs.getLong(2);
          String path = rs.getString(3);
          return id == unit.getId() || below && unit.getPath().startsWith(path);
        }, providerId).stream().filter(Boolean::booleanValue).toList().isEmpty();
  }

  // administration ///////////////////////////////////////////////////////////////////////////////////////////

  /** Links a provider's identity to an existing hoctap user. */
  @Transactional
  public Identity link(String actor, String providerId, String subject, String userId) {
    List<DomainException.Problem> problems = new ArrayList<>();
    String provider = trim(providerId);
    String sub = trim(subject);
    String user = trim(userId);
    if (provider == null || !properties.providers().containsKey(provider)) {
      problems.add(new DomainException.Problem("providerId", "Chọn một hệ thống đăng nhập một lần đã được cấu"
          + " hình."));
    }
    if (sub == null) {
      problems.add(new DomainException.Problem("subject", "Nhập mã tài khoản đăng nhập một lần (trang từ chối"
          + " đăng nhập hiển thị mã này cho người dùng)."));
    } else if (sub.length() > 255) {
      problems.add(new DomainException.Problem("subject", "Mã tài khoản tối đa 255 ký tự."));
    }
    if (user == null) {
      problems.add(new DomainException.Problem("userId", "Nhập tên đăng nhập hoctap của người dùng."));
    } else if (!userExists(user)) {
      problems.add(new DomainException.Problem("userId", "Không có người dùng hoctap \"" + user + "\": tạo người"
          + " dùng trước (Người dùng và vai trò), rồi gắn."));
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Chưa gắn được tài khoản: sửa các ô được đánh dấu.", problems);
    }
    Optional<Map<String, Object>> existing = mapping(provider, sub);
    if (existing.isPresent()) {
      throw DomainException.badInputOf("Chưa gắn được tài khoản.", List.of(new DomainException.Problem("subject",
          "Tài khoản này đã được gắn với người dùng \"" + existing.get().get("user_id") + "\": gỡ liên kết cũ"
          + " trước nếu muốn gắn lại.")));
    }
    try {
      jdbc.update("insert into sso_identity (provider_id, subject, user_id, origin, suspended, created_at,"
          + " created_by) values (?, ?, ?, ?, false, ?, ?)", provider, sub, user, ORIGIN_ADMIN,
          Timestamp.from(clock.now()), actor);
    } catch (DuplicateKeyException race) {
      throw DomainException.conflict("Tài khoản này vừa được gắn bởi người khác; tải lại trang để xem.");
    }
    Identity created = identity(provider, sub).orElseThrow();
    audit.record(actor, "SSO_LINKED", Target.USER, user, null, view(created));
    return created;
  }

  /** Suspends (or resumes) an identity's sign-on: refused at once at its next login, even for a new account. */
  @Transactional
  public Identity suspend(String actor, long id, boolean suspended) {
    Identity before = identity(id);
    jdbc.update("update sso_identity set suspended = ? where id = ?", suspended, id);
    Identity after = identity(id);
    audit.record(actor, suspended ? "SSO_SUSPENDED" : "SSO_RESUMED", Target.USER, before.userId(), view(before),
        view(after));
    return after;
  }

  /** Removes the link; the hoctap user stays (with their roles and history). */
  @Transactional
  public Identity unlink(String actor, long id) {
    Identity before = identity(id);
    jdbc.update("delete from sso_identity where id = ?", id);
    audit.record(actor, "SSO_UNLINKED", Target.USER, before.userId(), view(before), null);
    return before;
  }

  /** Allows accounts to be created at a first login for the people the provider says belong to this unit. */
  @Transactional
  public Allowance allow(String actor, String providerId, String orgCode, boolean includeBelow) {
    List<DomainException.Problem> problems = new ArrayList<>();
    String provider = trim(providerId);
    String code = trim(orgCode);
    if (provider == null || !properties.providers().containsKey(provider)) {
      problems.add(new DomainException.Problem("providerId", "Chọn một hệ thống đăng nhập một lần đã được cấu"
          + " hình."));
    }
    OrgUnit unit = null;
    if (code == null) {
      problems.add(new DomainException.Problem("orgCode", "Nhập mã đơn vị."));
    } else {
      unit = orgs.findByCode(code).orElse(null);
      if (unit == null) {
        problems.add(new DomainException.Problem("orgCode", "Không có đơn vị mã \"" + code + "\" trong cây tổ"
            + " chức."));
      } else if (unit.isDissolved()) {
        problems.add(new DomainException.Problem("orgCode", "Đơn vị \"" + unit.getName() + "\" đã giải thể."));
      }
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Chưa cho phép được: sửa các ô được đánh dấu.", problems);
    }
    Long existing = jdbc.query("select id from sso_self_provisioning where provider_id = ? and org_unit_id = ?",
        rs -> rs.next() ? rs.getLong(1) : null, provider, unit.getId());
    if (existing != null) {
      jdbc.update("update sso_self_provisioning set include_below = ?, granted_at = ?, granted_by = ? where id = ?",
          includeBelow, Timestamp.from(clock.now()), actor, existing);
    } else {
      jdbc.update("insert into sso_self_provisioning (provider_id, org_unit_id, include_below, granted_at,"
          + " granted_by) values (?, ?, ?, ?, ?)", provider, unit.getId(), includeBelow, Timestamp.from(clock.now()),
          actor);
    }
    Allowance a = allowances().stream().filter(x -> x.providerId().equals(provider) && x.orgCode().equals(code))
        .findFirst().orElseThrow();
    audit.record(actor, "SSO_SELF_PROVISIONING_ALLOWED", Target.ORG_UNIT, code, null, a);
    return a;
  }

  @Transactional
  public Allowance disallow(String actor, long id) {
    Allowance a = allowances().stream().filter(x -> x.id() == id).findFirst().orElseThrow(() ->
        DomainException.notFound("Quyền tự tạo tài khoản này không còn (có thể vừa được người khác thu hồi)."));
    jdbc.update("delete from sso_self_provisioning where id = ?", id);
    audit.record(actor, "SSO_SELF_PROVISIONING_REVOKED", Target.ORG_UNIT, a.orgCode(), a, null);
    return a;
  }

  /** Mappings, newest first; filtered by user id, subject or name when a query is given (at most 200). */
  @Transactional(readOnly = true)
  public List<Identity> identities(String query) {
    String q = trim(query);
    if (q == null) {
      return select("", 200);
    }
    String like = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_") + "%";
    return select(" where lower(i.user_id) like ? escape '\\' or lower(i.subject) like ? escape '\\'"
        + " or lower(i.claimed_name) like ? escape '\\' or lower(u.LAST_ || ' ' || u.FIRST_) like ? escape '\\'",
        200, like, like, like, like);
  }

  /** One mapping row; 404 when it is gone. */
  @Transactional(readOnly = true)
  public Identity identity(long id) {
    return select(" where i.id = ?", 1, id).stream().findFirst().orElseThrow(() -> DomainException.notFound(
        "Liên kết đăng nhập một lần này không còn (có thể vừa được người khác gỡ)."));
  }

  private Optional<Identity> identity(String providerId, String subject) {
    return select(" where i.provider_id = ? and i.subject = ?", 1, providerId, subject).stream().findFirst();
  }

  private List<Identity> select(String where, int limit, Object... args) {
    String sql = "select i.*, u.FIRST_, u.LAST_ from sso_identity i left join ACT_ID_USER u on u.ID_ = i.user_id"
        + where + " order by i.id desc";
    List<Identity> rows = new ArrayList<>();
    jdbc.query(sql, rs -> {
      if (rows.size() >= limit) {
        return;
      }
      String first = rs.getString("FIRST_");
      String last = rs.getString("LAST_");
      String full = ((last == null ? "" : last) + " " + (first == null ? "" : first)).strip();
      Timestamp login = rs.getTimestamp("last_login_at");
      rows.add(new Identity(rs.getLong("id"), rs.getString("provider_id"), rs.getString("subject"),
          rs.getString("user_id"), full.isEmpty() ? null : full, rs.getString("origin"),
          rs.getString("claimed_org_code"), rs.getString("claimed_name"), rs.getBoolean("suspended"),
          rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
          login == null ? null : login.toInstant()));
    }, args);
    return rows;
  }

  @Transactional(readOnly = true)
  public List<Allowance> allowances() {
    return jdbc.query("select a.id, a.provider_id, u.code, u.name, a.include_below, a.granted_at, a.granted_by"
        + " from sso_self_provisioning a join org_unit u on u.id = a.org_unit_id order by u.path, a.provider_id",
        (rs, i) -> new Allowance(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
            rs.getTimestamp(6).toInstant(), rs.getString(7)));
  }

  /** The latest refused logins (one per identity, at most 20) whose identity is still unmapped. */
  @Transactional(readOnly = true)
  public List<RecentRefusal> recentRefusals() {
    List<RecentRefusal> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    jdbc.query("select actor, target_id, after_json, occurred_at from audit_log where action = 'SSO_REFUSED'"
        + " order by id desc fetch first 500 rows only", rs -> {
          if (out.size() >= 20) {
            return;
          }
          String provider = rs.getString(1).startsWith("sso:") ? rs.getString(1).substring(4) : rs.getString(1);
          String subject = rs.getString(2);
          if (!seen.add(provider + "\n" + subject) || mapping(provider, subject).isPresent()) {
            return;
          }
          Map<?, ?> what = read(rs.getString(3));
          if (List.of("FAILED", "NO_USER_ID").contains(what.get("lyDo"))) {
            return; // nothing an administrator could map
          }
          out.add(new RecentRefusal(provider, subject, (String) what.get("ten"), (String) what.get("maDonVi"),
              (String) what.get("lyDo"), rs.getTimestamp(4).toInstant()));
        });
    return out;
  }

  // helpers //////////////////////////////////////////////////////////////////////////////////////////////////

  private Optional<Map<String, Object>> mapping(String providerId, String subject) {
    List<Map<String, Object>> rows = jdbc.queryForList("select id, user_id, suspended, origin from sso_identity"
        + " where provider_id = ? and subject = ?", providerId, subject);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = new LinkedHashMap<>();
    rows.get(0).forEach((k, v) -> row.put(k.toLowerCase(Locale.ROOT), v));
    return Optional.of(row);
  }

  private Optional<OrgUnit> unit(String code) {
    Optional<OrgUnit> exact = orgs.findByCode(code);
    return exact.isPresent() ? exact : orgs.findByCode(code.toUpperCase(Locale.ROOT));
  }

  private boolean userExists(String userId) {
    Integer n = jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ = ?", Integer.class, userId);
    return n != null && n > 0;
  }

  static String claim(Map<String, Object> claims, String name) {
    Object v = name == null ? null : claims.get(name);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static String actor(String providerId) {
    return cut("sso:" + providerId, 64);
  }

  private static Map<String, Object> view(Identity i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", i.providerId());
    m.put("subject", i.subject());
    m.put("userId", i.userId());
    m.put("origin", i.origin());
    m.put("suspended", i.suspended());
    return m;
  }

  private Map<?, ?> read(String text) {
    try {
      return text == null ? Map.of() : json.readValue(text, Map.class);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
