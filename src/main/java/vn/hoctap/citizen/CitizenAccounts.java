package vn.hoctap.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.Administration;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.CurrentUser;

/**
 * "Công dân" accounts, made by the people who already keep the list: the staff who prepare a body's "Công dân học
 * tập" round — a school's or agency's Tổ đánh giá for its members, the commune's committee staff for its
 * residents — create the account of one of their people (by the personal identification number, as in their
 * list) with a first password they hand over. An administrator does the same on the user's page in
 * /quan-tri. A person who already has an account (a teacher who is also a resident) gets the role at the second
 * body on the same account: one person, one account. Every change goes through {@link Administration}, so it is
 * in the audit log.
 */
@Service
public class CitizenAccounts {

  public static final String BODY = "donVi";
  public static final String IDENTITY = "soDinhDanh";
  public static final String LAST_NAME = "ho";
  public static final String FIRST_NAME = "ten";
  public static final String LOGIN = "tenDangNhap";
  public static final String PASSWORD = "matKhau";
  static final int LIST_LIMIT = 500;

  /** One citizen account of a body. */
  public record Account(String userId, String name, String identityNo) {}

  /** What a creation did: a new account, or the role added to the person's existing one. */
  public record Created(String userId, String name, boolean existed, String body) {}

  private final OrgUnitRepository orgs;
  private final Administration admin;
  private final CitizenIdentities identities;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  CitizenAccounts(OrgUnitRepository orgs, Administration admin, CitizenIdentities identities,
      IdentityService identity, JdbcTemplate jdbc) {
    this.orgs = orgs;
    this.admin = admin;
    this.identities = identities;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  /** The bodies whose citizens the user looks after: where they prepare the "Công dân học tập" round. */
  public List<OrgUnit> bodies(CurrentUser user) {
    List<OrgUnit> out = new ArrayList<>();
    for (String g : user.groups()) {
      Groups.orgOfStaffGroup(g).flatMap(orgs::findByCode).filter(o -> !o.isDissolved()
          && (o.getKind() == OrgKind.UNIT || o.getKind() == OrgKind.COMMUNE)
          && RoundRoute.of(RoundKind.CITIZEN, o).preparerGroup().equals(g)).ifPresent(out::add);
    }
    return out;
  }

  /** One of the user's bodies by code; 404 for any other, as for a code that does not exist. */
  public OrgUnit body(CurrentUser user, String code) {
    return bodies(user).stream().filter(o -> o.getCode().equals(code)).findFirst().orElseThrow(() ->
        DomainException.notFound("Không tìm thấy đơn vị \"" + code + "\" trong các đơn vị bạn phụ trách."));
  }

  /** The body's citizen accounts, by name. */
  @Transactional(readOnly = true)
  public List<Account> accounts(OrgUnit body) {
    return jdbc.query("select u.ID_, u.FIRST_, u.LAST_, c.identity_no from ACT_ID_MEMBERSHIP m"
        + " join ACT_ID_USER u on u.ID_ = m.USER_ID_ left join citizen_account c on c.user_id = u.ID_"
        + " where m.GROUP_ID_ = ? order by u.FIRST_, u.LAST_, u.ID_ fetch first " + LIST_LIMIT + " rows only",
        (rs, i) -> new Account(rs.getString(1), name(rs.getString(3), rs.getString(2)), rs.getString(4)),
        Groups.citizen(body.getCode()));
  }

  /**
   * Creates the person's account at one of the user's bodies, or adds the role to the account the person already
   * has. Everything is checked first; nothing is stored when anything is wrong (each problem names its field).
   */
  @Transactional
  public Created create(CurrentUser user, String bodyCode, String identityNo, String lastName, String firstName,
      String login, String password) {
    // The rule is the one above: the user keeps this body's list. The engine's identity store is then written by
    // the application itself — its own user authorizations (create users, memberships) are an administrator's.
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return createChecked(user, bodyCode, identityNo, lastName, firstName, login, password);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private Created createChecked(CurrentUser user, String bodyCode, String identityNo, String lastName,
      String firstName, String login, String password) {
    List<Problem> problems = new ArrayList<>();
    OrgUnit body = bodyCode == null || bodyCode.isBlank() ? null
        : bodies(user).stream().filter(o -> o.getCode().equals(bodyCode)).findFirst().orElse(null);
    if (body == null) {
      problems.add(new Problem(BODY, "Chọn đơn vị hoặc xã, phường của người này trong danh sách."));
    }
    String idProblem = CitizenIdentities.problem(identityNo);
    if (idProblem != null) {
      problems.add(new Problem(IDENTITY, idProblem));
    }
    Optional<String> existing = idProblem == null ? identities.userOf(identityNo.strip()) : Optional.empty();
    if (existing.isEmpty()) {
      if (blank(lastName)) {
        problems.add(new Problem(LAST_NAME, "Nhập họ và tên đệm, ví dụ \"Nguyễn Văn\"."));
      } else if (lastName.strip().length() > 100) {
        problems.add(new Problem(LAST_NAME, "Họ và tên đệm dài quá 100 ký tự."));
      }
      if (blank(firstName)) {
        problems.add(new Problem(FIRST_NAME, "Nhập tên, ví dụ \"An\"."));
      } else if (firstName.strip().length() > 100) {
        problems.add(new Problem(FIRST_NAME, "Tên dài quá 100 ký tự."));
      }
      String id = loginOf(login, identityNo);
      if (id != null && !id.matches("[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}")) {
        problems.add(new Problem(LOGIN, "Tên đăng nhập \"" + id + "\" không hợp lệ: 2–64 ký tự, chỉ chữ không dấu,"
            + " số, dấu chấm, gạch ngang, gạch dưới (để trống: dùng số định danh)."));
      } else if (id != null && identity.createUserQuery().userId(id).count() > 0) {
        problems.add(new Problem(LOGIN, "Tên đăng nhập \"" + id + "\" đã có người dùng: chọn tên khác."));
      }
      if (password == null || password.length() < 8) {
        problems.add(new Problem(PASSWORD, "Mật khẩu ban đầu cần ít nhất 8 ký tự."));
      } else if (password.length() > 200) {
        problems.add(new Problem(PASSWORD, "Mật khẩu dài quá 200 ký tự."));
      }
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Chưa tạo được tài khoản, chưa lưu gì. Hãy sửa:", problems);
    }
    String group = Groups.citizen(body.getCode());
    if (existing.isPresent()) {
      String id = existing.get();
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() > 0) {
        throw DomainException.badInputOf("Người này đã có tài khoản công dân tại " + body.getName() + ".",
            List.of(new Problem(IDENTITY, "Số định danh " + identityNo.strip() + " đã có tài khoản công dân tại "
                + body.getName() + ": không cần tạo lại.")));
      }
      admin.grantRole(user.id(), id, Groups.CITIZEN, body.getCode());
      return new Created(id, nameOf(id), true, body.getName());
    }
    String id = loginOf(login, identityNo);
    admin.createUser(user.id(), new Administration.NewUser(id, firstName.strip(), lastName.strip(), null, password));
    identities.link(id, identityNo.strip(), user.id());
    admin.grantRole(user.id(), id, Groups.CITIZEN, body.getCode());
    return new Created(id, name(lastName.strip(), firstName.strip()), false, body.getName());
  }

  /** The login typed, or the person's identification number (the same name as their VNeID login). */
  private static String loginOf(String login, String identityNo) {
    if (!blank(login)) {
      return login.strip();
    }
    return identityNo == null || blank(identityNo) ? null : identityNo.strip();
  }

  private String nameOf(String userId) {
    return jdbc.query("select LAST_, FIRST_ from ACT_ID_USER where ID_ = ?", (rs, i) -> name(rs.getString(1),
        rs.getString(2)), userId).stream().findFirst().orElse(userId);
  }

  static String name(String last, String first) {
    return ((last == null ? "" : last) + " " + (first == null ? "" : first)).strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
