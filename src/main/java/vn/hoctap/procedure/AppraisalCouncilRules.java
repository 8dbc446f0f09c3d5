package vn.hoctap.procedure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;

/**
 * An administrator's view and edits of how a Hội đồng đánh giá concludes (table appraisal_council_rule, V50): the
 * national default (no province) and a province's own rule, which {@link AppraisalCouncils#rule} prefers. Neither the
 * voting share nor the return for supplement is in TT24/TT25 (LEGAL-TEXTS.md §5): a row is "chờ xác nhận văn bản"
 * until an administrator confirms it with the text that sets it. A change is checked whole, every problem next to
 * its field, refused when someone else changed the row since it was read, and saved with its audit row; the national
 * default may be changed but never removed.
 */
@Service
public class AppraisalCouncilRules {

  public static final String MEMBERS = "MEMBERS";
  public static final String PRESENT = "PRESENT";
  /** The two bases of the share, in words. */
  public static final Map<String, String> BASES = Map.of(
      MEMBERS, "tổng số thành viên Hội đồng",
      PRESENT, "số thành viên có mặt (họp) hoặc đã trả lời (lấy ý kiến bằng văn bản)");

  /** One row as the pages show it; org null for the national default. */
  public record Row(long id, Long orgId, String orgCode, String orgName, int passNum, int passDen, String base,
      boolean returnForSupplement, String source, boolean confirmed, long version) {

    public boolean nationalDefault() {
      return orgId == null;
    }

    public String scope() {
      return orgId == null ? "Mặc định toàn quốc" : orgName;
    }

    public AppraisalCouncils.Rule rule() {
      return new AppraisalCouncils.Rule(passNum, passDen, base, returnForSupplement, source, confirmed);
    }

    /** "trên 2/3 tổng số thành viên Hội đồng đánh giá «đạt»", without the unconfirmed note (shown apart). */
    public String share() {
      return new AppraisalCouncils.Rule(passNum, passDen, base, returnForSupplement, source, true).describe();
    }
  }

  /** What the form sends, as typed; version of the row edited (null for a new one). */
  public record Edit(String province, String passNum, String passDen, String base, boolean returnForSupplement,
      String source, boolean confirmed, Long version) {

    public static Edit of(Row r) {
      return new Edit(r.orgCode(), String.valueOf(r.passNum()), String.valueOf(r.passDen()), r.base(),
          r.returnForSupplement(), r.source(), r.confirmed(), r.version());
    }
  }

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;
  private final AuditLog audit;

  AppraisalCouncilRules(JdbcTemplate jdbc, OrgUnitRepository orgs, AuditLog audit) {
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.audit = audit;
  }

  private static final String SELECT = "select r.id, r.org_id, o.code, o.name, r.pass_num, r.pass_den, r.base,"
      + " r.return_for_supplement, r.source, r.confirmed, r.version from appraisal_council_rule r"
      + " left join org_unit o on o.id = r.org_id";

  private List<Row> query(String where, Object... args) {
    return jdbc.query(SELECT + where, (rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2, Long.class),
        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8),
        rs.getString(9), rs.getBoolean(10), rs.getLong(11)), args);
  }

  /** The national default first, then every province's rule by the province's name. */
  @Transactional(readOnly = true)
  public List<Row> all() {
    return query("").stream().sorted(Comparator.comparing((Row r) -> !r.nationalDefault())
        .thenComparing(r -> r.orgName() == null ? "" : r.orgName())).toList();
  }

  @Transactional(readOnly = true)
  public Row get(long id) {
    List<Row> found = query(" where r.id = ?", id);
    if (found.isEmpty()) {
      throw DomainException.notFound("Không tìm thấy quy tắc Hội đồng đánh giá số " + id
          + " (có thể vừa bị xoá).");
    }
    return found.get(0);
  }

  /** The provinces that have no rule of their own yet, by name. */
  @Transactional(readOnly = true)
  public List<OrgUnit> provincesWithoutRule() {
    Set<Long> taken = all().stream().map(Row::orgId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    return orgs.findByParentIsNullOrderByCode().stream()
        .filter(o -> o.getKind() == OrgKind.PROVINCE && !taken.contains(o.getId()))
        .sorted(Comparator.comparing(OrgUnit::getName)).toList();
  }

  /** Adds a province's own rule; refused with every problem next to its field. */
  @Transactional
  public Row add(String actor, Edit e) {
    List<Problem> problems = new ArrayList<>();
    OrgUnit province = null;
    if (e.province() == null || e.province().isBlank()) {
      problems.add(new Problem("province", "Chọn tỉnh / thành phố áp dụng quy tắc riêng."));
    } else {
      province = orgs.findByCode(e.province().strip()).orElse(null);
      if (province == null || province.getKind() != OrgKind.PROVINCE) {
        problems.add(new Problem("province", "Không có tỉnh / thành phố mã \"" + e.province().strip() + "\"."));
        province = null;
      } else if (!query(" where r.org_id = ?", province.getId()).isEmpty()) {
        problems.add(new Problem("province", province.getName() + " đã có quy tắc riêng: hãy sửa quy tắc đó."));
      }
    }
    Values v = check(e, problems);
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Chưa lưu được quy tắc Hội đồng đánh giá.", problems);
    }
    jdbc.update("insert into appraisal_council_rule (org_id, pass_num, pass_den, base, return_for_supplement,"
        + " source, confirmed) values (?, ?, ?, ?, ?, ?, ?)", province.getId(), v.num, v.den, v.base,
        e.returnForSupplement(), v.source, e.confirmed());
    Row saved = query(" where r.org_id = ?", province.getId()).get(0);
    audit.record(actor, "COUNCIL_RULE_ADDED", AuditLog.Target.COUNCIL_RULE, province.getCode(), null, view(saved));
    return saved;
  }

  /** Changes a rule (the default's or a province's), the version read with it; every problem next to its field. */
  @Transactional
  public Row save(String actor, long id, Edit e) {
    Row before = get(id);
    stale(before, e.version());
    List<Problem> problems = new ArrayList<>();
    Values v = check(e, problems);
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Chưa lưu được quy tắc Hội đồng đánh giá.", problems);
    }
    int n = jdbc.update("update appraisal_council_rule set pass_num = ?, pass_den = ?, base = ?,"
        + " return_for_supplement = ?, source = ?, confirmed = ?, version = version + 1 where id = ? and version = ?",
        v.num, v.den, v.base, e.returnForSupplement(), v.source, e.confirmed(), id, e.version());
    if (n != 1) {
      throw conflict();
    }
    Row after = get(id);
    audit.record(actor, "COUNCIL_RULE_CHANGED", AuditLog.Target.COUNCIL_RULE, target(before), view(before),
        view(after));
    return after;
  }

  /** Removes a province's rule (its councils then follow the national default); never the national default. */
  @Transactional
  public Row remove(String actor, long id, Long version) {
    Row before = get(id);
    if (before.nationalDefault()) {
      throw DomainException.rule("Không xoá được quy tắc mặc định toàn quốc: mọi Hội đồng không có quy tắc riêng của"
          + " tỉnh đều theo quy tắc này. Hãy sửa quy tắc nếu cần.");
    }
    stale(before, version);
    if (jdbc.update("delete from appraisal_council_rule where id = ? and version = ?", id, version) != 1) {
      throw conflict();
    }
    audit.record(actor, "COUNCIL_RULE_REMOVED", AuditLog.Target.COUNCIL_RULE, target(before), view(before), null);
    return before;
  }

  private static void stale(Row row, Long version) {
    if (version == null || row.version() != version) {
      throw conflict();
    }
  }

  private static DomainException conflict() {
    return DomainException.conflict("Người khác vừa sửa quy tắc này. Những gì bạn nhập chưa được lưu: tải lại"
        + " trang để xem bản mới rồi sửa lại.");
  }

  private record Values(int num, int den, String base, String source) {}

  private static Values check(Edit e, List<Problem> problems) {
    Integer num = whole(e.passNum(), "passNum", "Tử số", problems);
    Integer den = whole(e.passDen(), "passDen", "Mẫu số", problems);
    if (num != null && num < 1) {
      problems.add(new Problem("passNum", "Tử số phải từ 1 trở lên."));
    }
    if (den != null && den < 2) {
      problems.add(new Problem("passDen", "Mẫu số phải từ 2 trở lên."));
    } else if (den != null && den > 100) {
      problems.add(new Problem("passDen", "Mẫu số tối đa 100."));
    }
    if (num != null && den != null && num >= 1 && den >= 2 && num >= den) {
      problems.add(new Problem("passNum", "Tử số (" + num + ") phải nhỏ hơn mẫu số (" + den + "): tỷ lệ phải dưới"
          + " toàn bộ."));
    }
    String base = e.base() == null ? "" : e.base().strip();
    if (!BASES.containsKey(base)) {
      problems.add(new Problem("base", "Chọn cách tính: trên tổng số thành viên hoặc trên số thành viên có mặt."));
    }
    String source = e.source() == null ? "" : e.source().strip();
    if (e.confirmed() && source.isEmpty()) {
      problems.add(new Problem("source", "Ghi văn bản quy định tỷ lệ này (số, ngày, trích yếu) khi đánh dấu đã xác"
          + " nhận."));
    }
    if (source.length() > 500) {
      problems.add(new Problem("source", "Căn cứ tối đa 500 ký tự."));
    }
    return new Values(num == null ? 0 : num, den == null ? 0 : den, base, source);
  }

  private static Integer whole(String typed, String field, String name, List<Problem> problems) {
    String s = typed == null ? "" : typed.strip();
    if (s.isEmpty()) {
      problems.add(new Problem(field, "Nhập " + name.toLowerCase() + " (số nguyên)."));
      return null;
    }
    if (!s.matches("\\d{1,4}")) {
      problems.add(new Problem(field, name + " phải là số nguyên dương (\"" + s + "\" không hợp lệ)."));
      return null;
    }
    return Integer.parseInt(s);
  }

  private static String target(Row r) {
    return r.nationalDefault() ? "MAC-DINH" : r.orgCode();
  }

  private static Map<String, Object> view(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tinh", r.orgCode());
    m.put("tyLe", r.passNum() + "/" + r.passDen());
    m.put("coSo", r.base());
    m.put("traLaiBoSung", r.returnForSupplement());
    m.put("canCu", r.source());
    m.put("daXacNhan", r.confirmed());
    return m;
  }
}
