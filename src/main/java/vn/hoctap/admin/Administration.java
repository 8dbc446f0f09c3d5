package vn.hoctap.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog.Target;
import vn.hoctap.citizen.CitizenIdentities;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.AdministrativeType;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.IdentityProvisioning;

/**
 * Administrators' changes to the organisation tree, users and roles. Each method checks everything first (so bad
 * input changes nothing), then makes the change and writes one audit row in the same transaction.
 */
@Service
public class Administration {

  /** Like the engine's whitelist (application.yaml), so that role groups "reviewer-HN-TT" stay valid ids. */
  static final Pattern ORG_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
  /** Engine user ids: ACT_ID_USER.ID_ is 64 characters. */
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final int MIN_PASSWORD = 8;

  /** A unit to create; adminType (Tỉnh … Đặc khu) is given for a unit of the official list of 2025. */
  public record NewOrgUnit(String code, String name, OrgKind kind, UnitKind unitKind, Boolean publicUnit,
      String parentCode, AdministrativeType adminType) {
    public NewOrgUnit(String code, String name, OrgKind kind, UnitKind unitKind, Boolean publicUnit,
        String parentCode) {
      this(code, name, kind, unitKind, publicUnit, parentCode, null);
    }
  }

  public record NewUser(String id, String firstName, String lastName, String email, String password) {}

  private final OrgUnitRepository orgs;
  private final OrgUnitNames names;
  private final IdentityService identity;
  private final AuditLog audit;
  private final EngineClock clock;
  private final IdentityProvisioning provisioning;
  private final CitizenIdentities citizens;

  public Administration(OrgUnitRepository orgs, OrgUnitNames names, IdentityService identity, AuditLog audit,
      EngineClock clock, IdentityProvisioning provisioning, CitizenIdentities citizens) {
    this.citizens = citizens;
    this.orgs = orgs;
    this.names = names;
    this.identity = identity;
    this.audit = audit;
    this.clock = clock;
    this.provisioning = provisioning;
  }

  // org units ////////////////////////////////////////////////////////////////////////////////////////////////

  @Transactional
  public Map<String, Object> createOrgUnit(String actor, NewOrgUnit in) {
    List<Problem> problems = new ArrayList<>();
    String code = trim(in.code());
    String name = trim(in.name());
    AdministrativeType type = in.adminType();
    OrgKind kind = in.kind() == null && type != null ? type.tier() : in.kind();
    if (code == null) {
      problems.add(new Problem("code", "Thiếu mã đơn vị (code)."));
    } else if (!ORG_CODE.matcher(code).matches()) {
      problems.add(new Problem("code", "Mã đơn vị \"" + code + "\" không hợp lệ: chỉ chữ không dấu, số, dấu chấm,"
          + " gạch ngang, gạch dưới; tối đa 50 ký tự."));
    } else if (type != null && type.codeProblem(code) != null) {
      problems.add(new Problem("code", type.codeProblem(code)));
    }
    if (name == null) {
      problems.add(new Problem("name", "Thiếu tên đơn vị (name)."));
    } else if (name.length() > 300) {
      problems.add(new Problem("name", "Tên đơn vị dài quá 300 ký tự."));
    }
    if (kind == null) {
      problems.add(new Problem("kind", "Thiếu cấp / loại đơn vị (kind: PROVINCE, DISTRICT, COMMUNE, VILLAGE, UNIT,"
          + " NATION)."));
    } else if (kind == OrgKind.UNIT && in.unitKind() == null) {
      problems.add(new Problem("unitKind", "Trường / cơ quan (UNIT) cần loại đơn vị (unitKind)."));
    } else if (kind != OrgKind.UNIT && in.unitKind() != null) {
      problems.add(new Problem("unitKind", "Chỉ trường / cơ quan (UNIT) mới có loại đơn vị (unitKind)."));
    }
    if (type != null && kind != null && type.tier() != kind) {
      problems.add(new Problem("adminType", type.label() + " là đơn vị " + type.tier().label().toLowerCase()
          + ", không phải " + kind.label().toLowerCase() + "."));
    }
    String parentCode = trim(in.parentCode());
    boolean topLevel = kind == OrgKind.NATION || kind == OrgKind.PROVINCE;
    if (parentCode == null && kind != null && !topLevel) {
      problems.add(new Problem("parentCode", "Cần mã đơn vị cấp trên (parentCode) cho " + kind.label() + "."));
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Thông tin đơn vị chưa đúng.", problems);
    }
    OrgUnit parent = null;
    if (parentCode != null) {
      parent = orgs.findByCode(parentCode).orElseThrow(() -> DomainException.notFound(
          "Không tìm thấy đơn vị cấp trên có mã \"" + parentCode + "\"."));
      if (parent.isDissolved()) {
        throw DomainException.badInput("Đơn vị cấp trên \"" + parentCode + "\" đã giải thể.");
      }
      String misplaced = parentProblem(kind, parent.getKind(), parentCode);
      if (misplaced == null && type != null) {
        misplaced = typedParentProblem(type, parent.getKind(), parentCode);
      }
      if (misplaced != null) {
        throw DomainException.badInputOf("Thông tin đơn vị chưa đúng.", List.of(new Problem("parentCode",
            misplaced)));
      }
    }
    Optional<OrgUnit> same = orgs.findByCode(code);
    if (same.isPresent()) {
      throw new DomainException(DomainException.Kind.CONFLICT, "Mã đơn vị \"" + code + "\" đã có.",
          List.of("Mã \"" + code + "\" đã dùng cho " + same.get().kindLabel().toLowerCase() + " \""
              + same.get().getName() + "\"; mỗi mã chỉ dùng cho một đơn vị."));
    }
    OrgUnit unit = new OrgUnit(code, type == null ? name : type.fullName(name), kind, in.unitKind(),
        in.publicUnit() == null || in.publicUnit(), parent, clock.now());
    unit.typeAs(type);
    unit = orgs.save(unit);
    Map<String, Object> after = view(unit);
    audit.record(actor, "ORG_UNIT_CREATED", Target.ORG_UNIT, code, null, after);
    return after;
  }

  /**
   * Why a unit of the official list cannot sit under that parent, or null: since 01/07/2025 there is no district,
   * so a xã, phường or đặc khu of the list sits directly under its province (NQ 126/NQ-CP 2025).
   */
  static String typedParentProblem(AdministrativeType type, OrgKind parentKind, String parentCode) {
    if (type.tier() == OrgKind.COMMUNE && parentKind != OrgKind.PROVINCE) {
      return type.label() + " theo danh mục 2025 trực thuộc tỉnh, thành phố (không còn cấp huyện); \"" + parentCode
          + "\" là " + parentKind.label().toLowerCase() + ".";
    }
    return null;
  }

  /** Why a unit of this tier cannot sit under that parent (a tier sits under a higher tier), or null if it can. */
  static String parentProblem(OrgKind kind, OrgKind parentKind, String parentCode) {
    if (kind != OrgKind.UNIT && parentKind.ordinal() >= kind.ordinal()) {
      return kind.label() + " không thể trực thuộc " + parentKind.label() + " (\"" + parentCode + "\").";
    }
    return null;
  }

  @Transactional
  public Map<String, Object> renameOrgUnit(String actor, String code, String newName) {
    String name = trim(newName);
    if (name == null) {
      throw DomainException.badInput("Thiếu tên mới của đơn vị (name).");
    }
    if (name.length() > 300) {
      throw DomainException.badInput("Tên đơn vị dài quá 300 ký tự.");
    }
    OrgUnit unit = orgs.findByCode(code).orElseThrow(() -> DomainException.notFound(
        "Không tìm thấy đơn vị có mã \"" + code + "\"."));
    Map<String, Object> before = view(unit);
    if (name.equals(unit.getName())) {
      return before;
    }
    names.rename(code, name);
    Map<String, Object> after = view(orgs.findByCode(code).orElseThrow());
    audit.record(actor, "ORG_UNIT_RENAMED", Target.ORG_UNIT, code, before, after);
    return after;
  }

  /**
   * Records whether a commune lies in a difficult area ("xã thuộc vùng khó khăn", TT25 Điều 6, 7 khoản 5 điểm b:
   * lower thresholds for its citizens' training) and the document that says so. Which communes qualify is defined in
   * TT25 Điều 2, whose text is not available: the administrator records it per commune, with its basis.
   */
  @Transactional
  public Map<String, Object> setDifficultArea(String actor, String code, boolean difficult, String basis) {
    OrgUnit unit = orgs.findByCode(code).orElseThrow(() -> DomainException.notFound(
        "Không tìm thấy đơn vị có mã \"" + code + "\"."));
    if (unit.getKind() != OrgKind.COMMUNE) {
      throw DomainException.badInput("Chỉ xã, phường, đặc khu mới được ghi là thuộc vùng khó khăn; \""
          + unit.getName() + "\" là " + unit.getKind().label().toLowerCase() + ".");
    }
    String why = trim(basis);
    if (difficult && why == null) {
      throw DomainException.badInput("Hãy ghi văn bản làm căn cứ (số, ngày, cơ quan ban hành) cho việc xã thuộc vùng"
          + " khó khăn.");
    }
    if (why != null && why.length() > 500) {
      throw DomainException.badInput("Căn cứ dài quá 500 ký tự.");
    }
    Map<String, Object> before = difficultArea(unit);
    unit.markDifficultArea(difficult, difficult ? why : null);
    Map<String, Object> after = difficultArea(unit);
    audit.record(actor, "ORG_UNIT_DIFFICULT_AREA", Target.ORG_UNIT, code, before, after);
    return after;
  }

  private static Map<String, Object> difficultArea(OrgUnit u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", u.getCode());
    m.put("name", u.getName());
    m.put("difficultArea", u.isDifficultArea());
    m.put("basis", u.getDifficultAreaBasis());
    return m;
  }

  static Map<String, Object> view(OrgUnit u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", u.getCode());
    m.put("name", u.getName());
    m.put("kind", u.getKind());
    m.put("adminType", u.getAdminType());
    m.put("unitKind", u.getUnitKind());
    m.put("publicUnit", u.isPublicUnit());
    m.put("parentCode", u.getParent() == null ? null : u.getParent().getCode());
    m.put("path", u.getPath());
    return m;
  }

  // users and roles //////////////////////////////////////////////////////////////////////////////////////////

  @Transactional
  public Map<String, Object> createUser(String actor, NewUser in) {
    List<String> problems = new ArrayList<>();
    String id = trim(in.id());
    if (id == null) {
      problems.add("Thiếu tên đăng nhập (id).");
    } else if (!USER_ID.matcher(id).matches()) {
      problems.add("Tên đăng nhập \"" + id + "\" không hợp lệ: 2–64 ký tự, chỉ chữ không dấu, số, dấu chấm,"
          + " gạch ngang, gạch dưới.");
    }
    if (trim(in.firstName()) == null) {
      problems.add("Thiếu tên (firstName).");
    }
    if (trim(in.lastName()) == null) {
      problems.add("Thiếu họ (lastName).");
    }
    String email = trim(in.email());
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.add("Địa chỉ email không hợp lệ.");
    }
    if (in.password() == null || in.password().length() < MIN_PASSWORD) {
      problems.add("Mật khẩu cần ít nhất " + MIN_PASSWORD + " ký tự.");
    }
    for (String field : new String[] {in.firstName(), in.lastName(), email}) {
      if (field != null && field.length() > 255) {
        problems.add("Họ, tên và email tối đa 255 ký tự.");
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInput("Thông tin người dùng chưa đúng.", problems);
    }
    if (identity.createUserQuery().userId(id).count() > 0) {
      throw DomainException.conflict("Tên đăng nhập \"" + id + "\" đã có.");
    }
    User u = identity.newUser(id);
    u.setFirstName(trim(in.firstName()));
    u.setLastName(trim(in.lastName()));
    u.setEmail(email);
    u.setPassword(in.password());
    identity.saveUser(u);
    Map<String, Object> after = userView(u, List.of());
    audit.record(actor, "USER_CREATED", Target.USER, id, null, after);
    return after;
  }

  @Transactional
  public Map<String, Object> grantRole(String actor, String userId, String role, String orgCode) {
    User user = existingUser(userId);
    String group = roleGroup(role, orgCode);
    if (Groups.isCitizenGroup(group)) {
      requireCitizen(userId, group.substring(Groups.CITIZEN.length() + 1));
    }
    List<String> before = groupsOf(userId);
    if (before.contains(group)) {
      throw DomainException.conflict("Người dùng \"" + userId + "\" đã có vai trò " + role + " tại " + orgCode
          + ".");
    }
    provisioning.ensureGroup(group, group, "WORKFLOW");
    provisioning.ensureMembership(userId, group);
    Map<String, Object> after = userView(user, groupsOf(userId));
    audit.record(actor, "ROLE_GRANTED", Target.ROLE, group + "/" + userId, userView(user, before), after);
    return after;
  }

  @Transactional
  public Map<String, Object> revokeRole(String actor, String userId, String role, String orgCode) {
    User user = existingUser(userId);
    String group = roleGroup(role, orgCode);
    List<String> before = groupsOf(userId);
    if (!before.contains(group)) {
      throw DomainException.notFound("Người dùng \"" + userId + "\" không có vai trò " + role + " tại " + orgCode
          + ".");
    }
    provisioning.removeMembership(userId, group);
    Map<String, Object> after = userView(user, groupsOf(userId));
    audit.record(actor, "ROLE_REVOKED", Target.ROLE, group + "/" + userId, userView(user, before), after);
    return after;
  }

  /**
   * "Công dân" is a person's own role: it needs their personal identification number (to find their entry in a
   * round's list) and sits where "Công dân học tập" rounds are held — a unit (its members) or a commune (its
   * residents).
   */
  private void requireCitizen(String userId, String orgCode) {
    OrgUnit org = orgs.findByCode(orgCode).orElseThrow();
    if (org.getKind() != OrgKind.UNIT && org.getKind() != OrgKind.COMMUNE) {
      throw DomainException.badInput("Vai trò Công dân giao tại trường, cơ quan (cho thành viên) hoặc xã, phường"
          + " (cho người dân), nơi tổ chức đợt đánh giá Công dân học tập; \"" + org.getName() + "\" là "
          + org.getKind().label() + ".");
    }
    if (citizens.identityOf(userId).isEmpty()) {
      throw DomainException.badInput("Vai trò Công dân cần số định danh cá nhân (CCCD) của người này: nhập số ở"
          + " mục \"Số định danh cá nhân\" trước, rồi giao vai trò.");
    }
  }

  /**
   * Sets (or corrects) the personal identification number of a person's account: what their self-assessment is
   * filed under, and what a single sign-on maps to the account.
   */
  @Transactional
  public Map<String, Object> setCitizenIdentity(String actor, String userId, String identityNo) {
    User user = existingUser(userId);
    String before = citizens.identityOf(userId).orElse(null);
    citizens.link(userId, identityNo, actor);
    Map<String, Object> after = userView(user, groupsOf(userId));
    after.put("identityNo", identityNo.strip());
    Map<String, Object> was = userView(user, groupsOf(userId));
    was.put("identityNo", before);
    audit.record(actor, "CITIZEN_IDENTITY_SET", Target.USER, userId, was, after);
    return after;
  }

  /** Lifts the lock the engine sets after repeated wrong passwords (application.yaml, loginMaxAttempts). */
  @Transactional
  public Map<String, Object> unlockUser(String actor, String userId) {
    User user = existingUser(userId);
    identity.unlockUser(userId);
    Map<String, Object> after = userView(user, groupsOf(userId));
    audit.record(actor, "USER_UNLOCKED", Target.USER, userId, null, after);
    return after;
  }

  /**
   * Sets a new password (for users created without one by a spreadsheet import, or who forgot theirs). The audit row
   * records that it was set, never the password.
   */
  @Transactional
  public Map<String, Object> setPassword(String actor, String userId, String password) {
    User user = existingUser(userId);
    if (password == null || password.length() < MIN_PASSWORD) {
      throw DomainException.badInput("Mật khẩu cần ít nhất " + MIN_PASSWORD + " ký tự.");
    }
    user.setPassword(password);
    identity.saveUser(user);
    identity.unlockUser(userId);
    Map<String, Object> after = userView(user, groupsOf(userId));
    after.put("passwordSet", true);
    audit.record(actor, "PASSWORD_SET", Target.USER, userId, null, after);
    return after;
  }

  private User existingUser(String userId) {
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      throw DomainException.badInput("Tên đăng nhập \"" + userId + "\" không hợp lệ.");
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw DomainException.notFound("Không tìm thấy người dùng \"" + userId + "\".");
    }
    return user;
  }

  private String roleGroup(String role, String orgCode) {
    String r = trim(role);
    String code = trim(orgCode);
    if (r == null || code == null) {
      throw DomainException.badInput("Cần vai trò (role) và mã đơn vị (orgCode).");
    }
    if (!Groups.ROLES.contains(r)) {
      throw DomainException.badInput("Vai trò \"" + r + "\" không có. Các vai trò: " + String.join(", ", Groups.ROLES)
          + ".");
    }
    OrgUnit org = orgs.findByCode(code).orElseThrow(() -> DomainException.notFound(
        "Không tìm thấy đơn vị có mã \"" + code + "\"."));
    if (org.isDissolved()) {
      throw DomainException.badInput("Đơn vị \"" + code + "\" đã giải thể: không giao vai trò mới tại đây.");
    }
    return r + "-" + code;
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).sorted().toList();
  }

  private static Map<String, Object> userView(User u, List<String> groups) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.getId());
    m.put("firstName", u.getFirstName());
    m.put("lastName", u.getLastName());
    m.put("email", u.getEmail());
    m.put("groups", groups);
    return m;
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
