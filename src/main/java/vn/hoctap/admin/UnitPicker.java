package vn.hoctap.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.CurrentUser;

/**
 * The unit picker (chọn đơn vị): the user types part of a unit's name or code and chooses one of the units found,
 * never a code typed by hand. It finds only units within the user's scope — the whole tree for an administrator of
 * hoctap, otherwise the subtrees of the bodies where the user holds a role — and never a dissolved unit; a chosen
 * code is checked again on the server the same way ({@link #pick}).
 */
@Component
public class UnitPicker {

  /** How many units a search shows; more means "type more of the name". */
  public static final int LIMIT = 20;
  /** Characters to type before a search runs. */
  public static final int MIN_CHARS = 2;

  /** One unit found: its code (the value chosen), name, tier or kind in words, and the unit above it. */
  public record Choice(String code, String name, String kind, String parent) {}

  /** What a search found: the text as typed, the units (at most {@value #LIMIT}) and whether there were more. */
  public record Found(String query, List<Choice> units, boolean more) {
    public boolean searched() {
      return query != null && query.strip().length() >= MIN_CHARS;
    }
  }

  /** Why a chosen code was refused, in words for the field. */
  public record Refusal(String message) {}

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;

  UnitPicker(JdbcTemplate jdbc, OrgUnitRepository orgs) {
    this.jdbc = jdbc;
    this.orgs = orgs;
  }

  /** The units within the user's scope whose name or code contains the text (case ignored), by place in the tree. */
  @Transactional(readOnly = true)
  public Found search(CurrentUser user, String query) {
    String q = query == null ? "" : query.strip();
    if (q.length() < MIN_CHARS) {
      return new Found(query, List.of(), false);
    }
    String like = "%" + escape(q.toLowerCase(Locale.ROOT)) + "%";
    StringBuilder sql = new StringBuilder("select u.code, u.name, u.kind, u.unit_kind, p.name from org_unit u"
        + " left join org_unit p on p.id = u.parent_id where u.dissolved_at is null and (lower(u.name) like ?"
        + PathPrefix.ESCAPE + " or lower(u.code) like ?" + PathPrefix.ESCAPE + ")");
    List<Object> args = new ArrayList<>(List.of(like, like));
    if (!user.admin()) {
      List<String> paths = scope(user);
      if (paths.isEmpty()) {
        return new Found(query, List.of(), false);
      }
      List<String> or = new ArrayList<>();
      for (String p : paths) {
        or.add(PathPrefix.like("u.path"));
        args.add(PathPrefix.pattern(p));
      }
      sql.append(" and (").append(String.join(" or ", or)).append(")");
    }
    // the unit whose code is the text itself first, then by place in the tree
    sql.append(" order by case when lower(u.code) = ? then 0 else 1 end, u.path fetch first ").append(LIMIT + 1)
        .append(" rows only");
    args.add(q.toLowerCase(Locale.ROOT));
    List<Choice> found = jdbc.query(sql.toString(), (rs, i) -> new Choice(rs.getString(1), rs.getString(2),
        kind(rs.getString(3), rs.getString(4)), rs.getString(5)), args.toArray());
    boolean more = found.size() > LIMIT;
    return new Found(query, more ? found.subList(0, LIMIT) : found, more);
  }

  /**
   * The unit of the chosen code, if the user may choose it; otherwise why not (no unit chosen, no such unit or one
   * outside the user's scope — told apart from nothing, so nobody learns what exists elsewhere — or dissolved).
   */
  @Transactional(readOnly = true)
  public Optional<Refusal> refusal(CurrentUser user, String code) {
    if (code == null || code.isBlank()) {
      return Optional.of(new Refusal("Chưa chọn đơn vị. Hãy gõ một phần tên hoặc mã đơn vị vào ô \"Tìm đơn vị\","
          + " bấm \"Tìm\" rồi chọn một đơn vị trong danh sách."));
    }
    Optional<OrgUnit> unit = pick(user, code);
    if (unit.isEmpty()) {
      return Optional.of(new Refusal("Không có đơn vị mã \"" + code.strip() + "\" trong phạm vi anh/chị quản lý."
          + " Hãy tìm theo tên hoặc mã rồi chọn đơn vị trong danh sách."));
    }
    if (unit.get().isDissolved()) {
      return Optional.of(new Refusal("\"" + unit.get().getName() + "\" đã giải thể khi sắp xếp đơn vị hành chính:"
          + " không giao vai trò mới tại đây. Hãy chọn đơn vị tiếp nhận."));
    }
    return Optional.empty();
  }

  /** The unit with that code within the user's scope (dissolved or not), or empty. */
  @Transactional(readOnly = true)
  public Optional<OrgUnit> pick(CurrentUser user, String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    Optional<OrgUnit> unit = orgs.findByCode(code.strip());
    if (unit.isEmpty() || user.admin()) {
      return unit;
    }
    String path = unit.get().getPath();
    return scope(user).stream().anyMatch(path::startsWith) ? unit : Optional.empty();
  }

  /** The paths of the bodies where the user holds a role: the subtrees a user who is not an administrator sees. */
  private List<String> scope(CurrentUser user) {
    List<String> paths = new ArrayList<>();
    for (String group : user.groups()) {
      Groups.orgOfRoleGroup(group).flatMap(orgs::findByCode).map(OrgUnit::getPath).ifPresent(paths::add);
    }
    return paths;
  }

  static String kind(String kind, String unitKind) {
    if (unitKind != null) {
      try {
        return UnitKind.valueOf(unitKind).label();
      } catch (IllegalArgumentException e) {
        // a kind of an older release: the tier below says enough
      }
    }
    try {
      return OrgKind.valueOf(kind).label();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** A LIKE pattern of the text itself: "%", "_" and "\" typed by the user match only themselves. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == PathPrefix.ESCAPE_CHAR || c == '%' || c == '_') {
        out.append(PathPrefix.ESCAPE_CHAR);
      }
      out.append(c);
    }
    return out.toString();
  }
}
