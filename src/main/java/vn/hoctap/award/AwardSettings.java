package vn.hoctap.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.admin.AuditLog.Target;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.Inserts;
import vn.hoctap.common.Periods;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;

/**
 * An administrator's view and edits of the award data that changes with the texts (LEGAL-TEXTS.md §4.2): who signs
 * (award_authority), the cash coefficients (award_amount) and the mức lương cơ sở (base_salary), each by period and
 * with its source. A change is checked whole — every problem named with its field, a period overlapping another row
 * of the same kind refused naming that row — then saved with its audit row, only if nobody changed the row since it
 * was read (version). Lists already opened keep the signer they were opened with.
 */
@Service
public class AwardSettings {

  /** A signing rule as the form sends it; dates dd/mm/yyyy (or yyyy-mm-dd), empty = no bound. */
  public record AuthorityEdit(String form, String proposerKind, String province, String validFrom, String validTo,
      String signer, String refusal, String source, boolean confirmed, Long version) {

    public static AuthorityEdit of(AwardAuthority a, String provinceCode) {
      return new AuthorityEdit(a.form().name(), a.proposerKind().name(), provinceCode, day(a.validFrom()),
          day(a.validTo()), a.signer().name(), a.refusal(), a.source(), a.confirmed(), a.version());
    }
  }

  /** One row of award_amount. */
  public record AmountRow(Long id, AwardForm form, CandidateKind kind, BigDecimal coefficient,
      BigDecimal householdMultiple, LocalDate validFrom, LocalDate validTo, String source, boolean confirmed,
      long version) {

    public String period() {
      return AwardAuthority.period(validFrom, validTo);
    }

    /** "0,3 × mức lương cơ sở" or "1,5 × mức của cá nhân". */
    public String rule() {
      return coefficient != null ? AwardAmounts.number(coefficient) + " × mức lương cơ sở"
          : AwardAmounts.number(householdMultiple) + " × mức tiền thưởng của cá nhân";
    }

    String words() {
      return form.label() + ", " + kind.label().toLowerCase() + ", " + period() + " (" + rule() + ")";
    }
  }

  /** A cash row as the form sends it; numbers with a decimal comma or point. */
  public record AmountEdit(String form, String candidateKind, String coefficient, String householdMultiple,
      String validFrom, String validTo, String source, boolean confirmed, Long version) {

    public static AmountEdit of(AmountRow r) {
      return new AmountEdit(r.form().name(), r.kind().name(),
          r.coefficient() == null ? "" : AwardAmounts.number(r.coefficient()),
          r.householdMultiple() == null ? "" : AwardAmounts.number(r.householdMultiple()), day(r.validFrom()),
          day(r.validTo()), r.source(), r.confirmed(), r.version());
    }
  }

  /** One mức lương cơ sở, in force from its day until the next one's. */
  public record SalaryRow(Long id, LocalDate validFrom, LocalDate validTo, long amount, String source,
      boolean confirmed, long version) {

    public String period() {
      return AwardAuthority.period(validFrom, validTo);
    }

    public String amountText() {
      return AwardAmounts.money(amount);
    }
  }

  /** A base salary as the form sends it; the amount in đồng, dots or spaces between thousands allowed. */
  public record SalaryEdit(String validFrom, String amount, String source, boolean confirmed, Long version) {

    public static SalaryEdit of(SalaryRow r) {
      return new SalaryEdit(day(r.validFrom()), String.valueOf(r.amount()), r.source(), r.confirmed(), r.version());
    }
  }

  /** What one form pays an individual and a household on a day (the page's check of the figures). */
  public record Figures(AwardForm form, AwardAmounts.Amount individual, AwardAmounts.Amount household) {}

  /** dd/mm/yyyy, refusing 31/02 instead of reading it as 28/02. */
  private static final java.time.format.DateTimeFormatter STRICT_VN = java.time.format.DateTimeFormatter
      .ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private static final String STALE = "Người khác vừa sửa dòng này (hoặc dòng đã bị xóa). Tải lại trang để xem bản"
      + " mới rồi sửa lại; những gì bạn nhập vẫn còn trên trang.";

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;
  private final AuditLog audit;
  private final AwardAmounts amounts;

  AwardSettings(JdbcTemplate jdbc, OrgUnitRepository orgs, AuditLog audit, AwardAmounts amounts) {
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.audit = audit;
    this.amounts = amounts;
  }

  // ---- reads ----

  @Transactional(readOnly = true)
  public List<AwardAuthority> authorities() {
    return jdbc.query(AwardRouting.SELECT + " order by a.form, a.proposer_kind, o.name nulls first, "
        + "a.valid_from nulls first, a.id", AwardRouting::row);
  }

  @Transactional(readOnly = true)
  public AwardAuthority authority(Long id) {
    return jdbc.query(AwardRouting.SELECT + " where a.id = ?", AwardRouting::row, id).stream().findFirst()
        .orElseThrow(() -> DomainException.notFound("Không tìm thấy quy định thẩm quyền khen thưởng số " + id + "."));
  }

  @Transactional(readOnly = true)
  public List<AmountRow> amountRows() {
    return jdbc.query("select * from award_amount order by form, candidate_kind, valid_from nulls first, id",
        (rs, i) -> amountRow(rs));
  }

  @Transactional(readOnly = true)
  public AmountRow amountRow(Long id) {
    return jdbc.query("select * from award_amount where id = ?", (rs, i) -> amountRow(rs), id).stream().findFirst()
        .orElseThrow(() -> DomainException.notFound("Không tìm thấy mức tiền thưởng số " + id + "."));
  }

  private static AmountRow amountRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new AmountRow(rs.getLong("id"), AwardForm.valueOf(rs.getString("form")),
        CandidateKind.valueOf(rs.getString("candidate_kind")), rs.getBigDecimal("coefficient"),
        rs.getBigDecimal("household_multiple"), rs.getObject("valid_from", LocalDate.class),
        rs.getObject("valid_to", LocalDate.class), rs.getString("source"), rs.getBoolean("confirmed"),
        rs.getLong("version"));
  }

  @Transactional(readOnly = true)
  public List<SalaryRow> salaries() {
    List<SalaryRow> raw = jdbc.query("select * from base_salary order by valid_from", (rs, i) -> new SalaryRow(
        rs.getLong("id"), rs.getObject("valid_from", LocalDate.class), null, rs.getLong("amount"),
        rs.getString("source"), rs.getBoolean("confirmed"), rs.getLong("version")));
    List<SalaryRow> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      SalaryRow r = raw.get(i);
      LocalDate to = i + 1 < raw.size() ? raw.get(i + 1).validFrom().minusDays(1) : null;
      out.add(new SalaryRow(r.id(), r.validFrom(), to, r.amount(), r.source(), r.confirmed(), r.version()));
    }
    return out;
  }

  @Transactional(readOnly = true)
  public SalaryRow salary(Long id) {
    return salaries().stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> DomainException.notFound("Không tìm thấy mức lương cơ sở số " + id + "."));
  }

  /** For each form, what an individual and a household receive on that day (AwardAmounts, as the decisions). */
  @Transactional(readOnly = true)
  public List<Figures> figures(LocalDate day) {
    List<Figures> out = new ArrayList<>();
    for (AwardForm f : AwardForm.values()) {
      out.add(new Figures(f, amounts.of(f, CandidateKind.INDIVIDUAL, day),
          amounts.of(f, CandidateKind.HOUSEHOLD, day)));
    }
    return out;
  }

  @Transactional(readOnly = true)
  public List<OrgUnit> provinces() {
    return orgs.findByParentIsNullOrderByCode().stream().filter(o -> o.getKind() == OrgKind.PROVINCE).toList();
  }

  // ---- changes ----

  /** Adds (id null) or changes a signing rule; the form, kind and province of an existing rule stay. */
  @Transactional
  public AwardAuthority saveAuthority(String actor, Long id, AuthorityEdit e) {
    AwardAuthority existing = id == null ? null : authority(id);
    stale(existing == null ? null : existing.version(), e.version());
    List<Problem> problems = new ArrayList<>();
    AwardForm form = existing != null ? existing.form()
        : parse(AwardForm.class, e.form(), "form", "Chọn hình thức khen thưởng.", problems);
    OrgKind kind = existing != null ? existing.proposerKind()
        : parse(OrgKind.class, e.proposerKind(), "proposerKind", "Chọn cấp của đơn vị đề nghị.", problems);
    if (kind != null && !List.of(AwardAuthority.PROPOSER_KINDS).contains(kind)) {
      problems.add(new Problem("proposerKind", "Chỉ chọn được trường / cơ quan, xã, huyện hoặc tỉnh."));
    }
    Long provinceId = existing != null ? existing.provinceId() : province(e.province(), problems);
    AwardAuthority.Signer signer = parse(AwardAuthority.Signer.class, e.signer(), "signer", "Chọn người ký.",
        problems);
    String refusal = text(e.refusal(), 1000, "refusal", "Lời từ chối", problems);
    if (signer == AwardAuthority.Signer.NONE && refusal == null) {
      problems.add(new Problem("refusal", "Khi không ai có thẩm quyền, nhập lời từ chối: căn cứ và cần làm gì."));
    }
    if (signer != null && signer != AwardAuthority.Signer.NONE) {
      refusal = null;
    }
    String source = source(e.source(), problems);
    LocalDate from = date(e.validFrom(), "validFrom", problems);
    LocalDate to = date(e.validTo(), "validTo", problems);
    order(from, to, problems);
    if (problems.isEmpty()) {
      for (AwardAuthority other : authorities()) {
        if (other.form() == form && other.proposerKind() == kind && Objects.equals(other.provinceId(), provinceId)
            && (existing == null || !other.id().equals(existing.id())) && other.overlaps(from, to)) {
          problems.add(new Problem("validFrom", "Trùng thời gian hiệu lực với quy định số " + other.id() + " ("
              + other.words() + ", " + other.signer().label() + "). Sửa ngày của quy định đó trước."));
        }
      }
    }
    refuse("Chưa lưu được quy định thẩm quyền.", problems);
    Long saved;
    if (existing == null) {
      saved = insert("insert into award_authority (form, proposer_kind, province_id, valid_from, valid_to, signer, "
          + "refusal, source, confirmed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", form.name(), kind.name(), provinceId,
          from, to, signer.name(), refusal, source, e.confirmed());
    } else {
      saved = existing.id();
      updated(jdbc.update("update award_authority set valid_from = ?, valid_to = ?, signer = ?, refusal = ?, "
          + "source = ?, confirmed = ?, version = version + 1 where id = ? and version = ?", from, to, signer.name(),
          refusal, source, e.confirmed(), saved, existing.version()));
    }
    AwardAuthority after = authority(saved);
    audit.record(actor, existing == null ? "AWARD_AUTHORITY_ADDED" : "AWARD_AUTHORITY_CHANGED",
        Target.AWARD_AUTHORITY, String.valueOf(saved), existing == null ? null : view(existing), view(after));
    return after;
  }

  /** Adds (id null) or changes a cash row; the form and kind of an existing row stay. */
  @Transactional
  public AmountRow saveAmount(String actor, Long id, AmountEdit e) {
    AmountRow existing = id == null ? null : amountRow(id);
    stale(existing == null ? null : existing.version(), e.version());
    List<Problem> problems = new ArrayList<>();
    AwardForm form = existing != null ? existing.form()
        : parse(AwardForm.class, e.form(), "form", "Chọn hình thức khen thưởng.", problems);
    CandidateKind kind = existing != null ? existing.kind()
        : parse(CandidateKind.class, e.candidateKind(), "candidateKind", "Chọn đối tượng.", problems);
    BigDecimal coefficient = null;
    BigDecimal multiple = null;
    if (kind == CandidateKind.HOUSEHOLD) {
      multiple = positive(e.householdMultiple(), "householdMultiple", "Hệ số so với mức của cá nhân", problems);
    } else if (kind != null) {
      coefficient = positive(e.coefficient(), "coefficient", "Hệ số", problems);
    }
    String source = source(e.source(), problems);
    LocalDate from = date(e.validFrom(), "validFrom", problems);
    LocalDate to = date(e.validTo(), "validTo", problems);
    order(from, to, problems);
    if (problems.isEmpty()) {
      for (AmountRow other : amountRows()) {
        if (other.form() == form && other.kind() == kind && (existing == null || !other.id().equals(existing.id()))
            && Periods.overlap(other.validFrom(), other.validTo(), from, to)) {
          problems.add(new Problem("validFrom", "Trùng thời gian hiệu lực với mức tiền thưởng số " + other.id()
              + " (" + other.words() + "). Sửa ngày của dòng đó trước."));
        }
      }
    }
    refuse("Chưa lưu được mức tiền thưởng.", problems);
    Long saved;
    if (existing == null) {
      saved = insert("insert into award_amount (form, candidate_kind, coefficient, household_multiple, valid_from, "
          + "valid_to, source, confirmed) values (?, ?, ?, ?, ?, ?, ?, ?)", form.name(), kind.name(), coefficient,
          multiple, from, to, source, e.confirmed());
    } else {
      saved = existing.id();
      updated(jdbc.update("update award_amount set coefficient = ?, household_multiple = ?, valid_from = ?, "
          + "valid_to = ?, source = ?, confirmed = ?, version = version + 1 where id = ? and version = ?",
          coefficient, multiple, from, to, source, e.confirmed(), saved, existing.version()));
    }
    AmountRow after = amountRow(saved);
    audit.record(actor, existing == null ? "AWARD_AMOUNT_ADDED" : "AWARD_AMOUNT_CHANGED", Target.AWARD_AMOUNT,
        String.valueOf(saved), existing == null ? null : view(existing), view(after));
    return after;
  }

  /** Adds (id null) or changes a mức lương cơ sở; two rows may not start on the same day. */
  @Transactional
  public SalaryRow saveSalary(String actor, Long id, SalaryEdit e) {
    SalaryRow existing = id == null ? null : salary(id);
    stale(existing == null ? null : existing.version(), e.version());
    List<Problem> problems = new ArrayList<>();
    LocalDate from = date(e.validFrom(), "validFrom", problems);
    if (from == null && problems.isEmpty()) {
      problems.add(new Problem("validFrom", "Nhập ngày áp dụng (ngày/tháng/năm)."));
    }
    Long amount = null;
    String raw = e.amount() == null ? "" : e.amount().replaceAll("[\\s.]", "").replace("đồng", "").strip();
    if (raw.isEmpty()) {
      problems.add(new Problem("amount", "Nhập mức lương cơ sở (đồng/tháng)."));
    } else {
      try {
        amount = Long.parseLong(raw);
        if (amount <= 0) {
          problems.add(new Problem("amount", "Số tiền (đồng) phải lớn hơn 0."));
        }
      } catch (NumberFormatException ex) {
        problems.add(new Problem("amount", "Số tiền \"" + e.amount().strip() + "\" không hợp lệ: nhập số đồng, ví dụ"
            + " 2.340.000."));
      }
    }
    String source = source(e.source(), problems);
    if (from != null) {
      for (SalaryRow other : salaries()) {
        if (other.validFrom().equals(from) && (existing == null || !other.id().equals(existing.id()))) {
          problems.add(new Problem("validFrom", "Trùng ngày áp dụng với mức lương cơ sở số " + other.id() + " ("
              + other.amountText() + ", " + other.period() + "). Sửa dòng đó thay vì thêm dòng mới."));
        }
      }
    }
    refuse("Chưa lưu được mức lương cơ sở.", problems);
    Long saved;
    if (existing == null) {
      saved = insert("insert into base_salary (valid_from, amount, source, confirmed) values (?, ?, ?, ?)", from,
          amount, source, e.confirmed());
    } else {
      saved = existing.id();
      updated(jdbc.update("update base_salary set valid_from = ?, amount = ?, source = ?, confirmed = ?, "
          + "version = version + 1 where id = ? and version = ?", from, amount, source, e.confirmed(), saved,
          existing.version()));
    }
    SalaryRow after = salary(saved);
    audit.record(actor, existing == null ? "BASE_SALARY_ADDED" : "BASE_SALARY_CHANGED", Target.BASE_SALARY,
        String.valueOf(saved), existing == null ? null : view(existing), view(after));
    return after;
  }

  // ---- helpers ----

  private static void stale(Long current, Long sent) {
    if (current != null && sent != null && current.longValue() != sent.longValue()) {
      throw DomainException.conflict(STALE);
    }
  }

  private static void updated(int rows) {
    if (rows != 1) {
      throw DomainException.conflict(STALE);
    }
  }

  private static void refuse(String message, List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf(message, problems);
    }
  }

  private Long province(String code, List<Problem> problems) {
    if (code == null || code.isBlank()) {
      return null;
    }
    OrgUnit p = orgs.findByCode(code.strip()).orElse(null);
    if (p == null || p.getKind() != OrgKind.PROVINCE) {
      problems.add(new Problem("province", "Chọn một tỉnh / thành phố, hoặc để trống để áp dụng toàn quốc."));
      return null;
    }
    return p.getId();
  }

  private static String source(String value, List<Problem> problems) {
    String s = text(value, 500, "source", "Căn cứ", problems);
    if (s == null) {
      problems.add(new Problem("source", "Nhập căn cứ: văn bản, điều, khoản (hoặc nguồn thứ cấp)."));
    }
    return s;
  }

  private static String text(String value, int max, String field, String label, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > max) {
      problems.add(new Problem(field, label + " tối đa " + max + " ký tự."));
    }
    return value.strip();
  }

  private static BigDecimal positive(String value, String field, String label, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(field, "Nhập " + label.toLowerCase() + " (ví dụ 0,3)."));
      return null;
    }
    try {
      BigDecimal k = new BigDecimal(value.strip().replace(',', '.'));
      if (k.signum() <= 0) {
        problems.add(new Problem(field, label + " phải lớn hơn 0."));
      } else if (k.scale() > 3 || k.compareTo(BigDecimal.valueOf(99999)) >= 0) {
        problems.add(new Problem(field, label + " tối đa 3 chữ số sau dấu phẩy, nhỏ hơn 99.999."));
      }
      return k;
    } catch (NumberFormatException ex) {
      problems.add(new Problem(field, label + " \"" + value.strip() + "\" không phải là số (ví dụ 0,3)."));
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message,
      List<Problem> problems) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException ex) {
      problems.add(new Problem(field, message));
      return null;
    }
  }

  /** dd/mm/yyyy as shown; yyyy-mm-dd from a date field is accepted too. */
  static LocalDate date(String value, String field, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return v.contains("/") ? LocalDate.parse(v, STRICT_VN) : LocalDate.parse(v);
    } catch (DateTimeParseException ex) {
      problems.add(new Problem(field, "Ngày \"" + v + "\" không hợp lệ: nhập ngày/tháng/năm, ví dụ 01/07/2025."));
      return null;
    }
  }

  /** A day typed by the page (dd/mm/yyyy or yyyy-mm-dd), or null when it is not one. */
  public static LocalDate day(String value) {
    List<Problem> ignored = new ArrayList<>();
    LocalDate d = date(value, "", ignored);
    return ignored.isEmpty() ? d : null;
  }

  static String day(LocalDate d) {
    return d == null ? "" : Dates.vn(d);
  }

  private static void order(LocalDate from, LocalDate to, List<Problem> problems) {
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(new Problem("validTo", "Ngày hết hiệu lực (" + Dates.vn(to) + ") phải từ ngày bắt đầu hiệu lực ("
          + Dates.vn(from) + ") trở đi."));
    }
  }


  private Long insert(String sql, Object... args) {
    return Inserts.returningId(jdbc, sql, args);
  }

  private static Map<String, Object> view(AwardAuthority a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("form", a.form().name());
    m.put("proposerKind", a.proposerKind().name());
    m.put("province", a.provinceName());
    m.put("validFrom", a.validFrom() == null ? null : a.validFrom().toString());
    m.put("validTo", a.validTo() == null ? null : a.validTo().toString());
    m.put("signer", a.signer().name());
    m.put("refusal", a.refusal());
    m.put("source", a.source());
    m.put("confirmed", a.confirmed());
    return m;
  }

  private static Map<String, Object> view(AmountRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("form", r.form().name());
    m.put("candidateKind", r.kind().name());
    m.put("coefficient", r.coefficient() == null ? null : r.coefficient().stripTrailingZeros().toPlainString());
    m.put("householdMultiple", r.householdMultiple() == null ? null
        : r.householdMultiple().stripTrailingZeros().toPlainString());
    m.put("validFrom", r.validFrom() == null ? null : r.validFrom().toString());
    m.put("validTo", r.validTo() == null ? null : r.validTo().toString());
    m.put("source", r.source());
    m.put("confirmed", r.confirmed());
    return m;
  }

  private static Map<String, Object> view(SalaryRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("validFrom", r.validFrom().toString());
    m.put("amount", r.amount());
    m.put("source", r.source());
    m.put("confirmed", r.confirmed());
    return m;
  }
}
