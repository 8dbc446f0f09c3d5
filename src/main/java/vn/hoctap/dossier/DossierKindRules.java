package vn.hoctap.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.common.DomainException;

/**
 * The figures of the dossier kinds as data (table dossier_kind_rule, V51), each with its article: the wait before
 * an upgrade (12 months, TT24 Điều 5/11 khoản 3; TT25 only from a secondary source), the retention (03 years = 36
 * months "tiếp theo năm được công nhận", TT24 Điều 5/11 khoản 4, TT25 Điều 5/10/15 khoản 4), which year that is
 * (unconfirmed) and whether a commune upgrades by the same procedure (unconfirmed). Unconfirmed values are shown
 * with "chờ xác nhận văn bản".
 */
@Service
public class DossierKindRules {

  /** The parameters the table holds. */
  public enum Parameter {
    UPGRADE_WAIT_MONTHS, RETENTION_MONTHS, RETENTION_BASE_YEAR, COMMUNE_UPGRADE_SAME_PROCEDURE
  }

  /** Which year the retention follows: "năm được công nhận" read as the assessment year or the decision year. */
  public enum BaseYear {
    ASSESSMENT_YEAR("năm đánh giá"), DECISION_YEAR("năm ra quyết định");

    private final String label;

    BaseYear(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final String UNCONFIRMED = "chờ xác nhận văn bản";

  /** One row: the value, its article, whether a text settles it, and the row's version (optimistic locking). */
  public record Rule(Title title, Parameter parameter, String value, String source, boolean confirmed, String note,
      long version) {

    /** The article, followed by "chờ xác nhận văn bản" when no text settles the value. */
    public String cite() {
      return confirmed ? source : source + " — " + UNCONFIRMED;
    }

    /** What the figure is, in words. */
    public String label() {
      return DossierKindRules.label(parameter);
    }

    /** The value in words: "12 tháng", "năm đánh giá", "Có". */
    public String valueLabel() {
      return DossierKindRules.valueLabel(parameter, value);
    }
  }

  /** What the administrator's form sends, as typed; reason: why a value the text fixes is changed. */
  public record Edit(String value, String source, String note, boolean confirmed, String reason, Long version) {

    public static Edit of(Rule r) {
      return new Edit(r.value(), r.source(), r.note(), r.confirmed(), "", r.version());
    }
  }

  /** The longest wait or retention an administrator may set, in months (10 years). */
  public static final int MAX_MONTHS = 120;

  public static String label(Parameter p) {
    return switch (p) {
      case UPGRADE_WAIT_MONTHS -> "Thời gian từ quyết định công nhận mức độ 1 đến khi được đề nghị nâng mức độ 2";
      case RETENTION_MONTHS -> "Thời hạn bảo lưu kết quả công nhận, tiếp theo năm được công nhận";
      case RETENTION_BASE_YEAR -> "«Năm được công nhận» (mốc tính thời hạn bảo lưu) là";
      case COMMUNE_UPGRADE_SAME_PROCEDURE -> "Cấp xã đề nghị nâng mức độ theo cùng quy trình công nhận";
    };
  }

  public static String valueLabel(Parameter p, String value) {
    return switch (p) {
      case UPGRADE_WAIT_MONTHS, RETENTION_MONTHS -> value + " tháng";
      case RETENTION_BASE_YEAR -> {
        try {
          yield BaseYear.valueOf(value).label();
        } catch (IllegalArgumentException e) {
          yield value;
        }
      }
      case COMMUNE_UPGRADE_SAME_PROCEDURE -> "true".equals(value) ? "Có" : "Không";
    };
  }

  /** Why the value does not fit the parameter, in Vietnamese, or null. */
  public static String valueProblem(Title title, Parameter parameter, String value) {
    String v = value == null ? "" : value.strip();
    return switch (parameter) {
      case UPGRADE_WAIT_MONTHS, RETENTION_MONTHS -> v.matches("\\d{1,3}") && Integer.parseInt(v) >= 1
          && Integer.parseInt(v) <= MAX_MONTHS ? null
          : "Số tháng phải là số nguyên từ 1 đến " + MAX_MONTHS
              + (v.isEmpty() ? "." : " (\"" + v + "\" không hợp lệ).");
      case RETENTION_BASE_YEAR -> Set.of("ASSESSMENT_YEAR", "DECISION_YEAR").contains(v) ? null
          : "Chọn năm đánh giá hoặc năm ra quyết định.";
      case COMMUNE_UPGRADE_SAME_PROCEDURE -> title != Title.LEARNING_COMMUNITY
          ? "Tham số này chỉ áp dụng cho “Cộng đồng học tập”."
          : Set.of("true", "false").contains(v) ? null : "Chọn Có hoặc Không.";
    };
  }

  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final vn.hoctap.common.EngineClock clock;

  DossierKindRules(JdbcTemplate jdbc, AuditLog audit, vn.hoctap.common.EngineClock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Rule rule(Title title, Parameter parameter) {
    List<Rule> found = jdbc.query("select title, parameter, rule_value, legal_source, confirmed, note, version from"
        + " dossier_kind_rule where title = ? and parameter = ?", (rs, i) -> new Rule(
            Title.valueOf(rs.getString(1)), Parameter.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getBoolean(5), rs.getString(6), rs.getLong(7)), title.name(), parameter.name());
    if (found.isEmpty()) {
      throw new IllegalStateException("dossier_kind_rule has no " + parameter + " for " + title);
    }
    return found.get(0);
  }

  /** Every rule, for display: title by title, in the order of {@link Parameter}. */
  @Transactional(readOnly = true)
  public List<Rule> all() {
    return jdbc.query("select title, parameter, rule_value, legal_source, confirmed, note, version"
        + " from dossier_kind_rule", (rs, i) -> new Rule(Title.valueOf(rs.getString(1)),
            Parameter.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
            rs.getLong(7))).stream()
        .sorted(java.util.Comparator.comparing(Rule::title).thenComparing(Rule::parameter)).toList();
  }

  public int upgradeWaitMonths(Title title) {
    return Integer.parseInt(rule(title, Parameter.UPGRADE_WAIT_MONTHS).value());
  }

  public BaseYear retentionBaseYear(Title title) {
    return BaseYear.valueOf(rule(title, Parameter.RETENTION_BASE_YEAR).value());
  }

  /** Whether a commune's "Cộng đồng học tập" may be upgraded by the ordinary procedure (TT25 Điều 9 khoản 4). */
  public boolean communeUpgradeSameProcedure() {
    return Boolean.parseBoolean(rule(Title.LEARNING_COMMUNITY, Parameter.COMMUNE_UPGRADE_SAME_PROCEDURE).value());
  }

  /**
   * The last day a recognition is kept: the months of retention counted from the end of the year it was
   * recognised in (the assessment year or the decision year, as the data says), e.g. assessment year 2026 → 36
   * months → 31/12/2029.
   */
  public LocalDate retainedUntil(Title title, int assessmentYear, LocalDate decisionDate) {
    int months = Integer.parseInt(rule(title, Parameter.RETENTION_MONTHS).value());
    int base = retentionBaseYear(title) == BaseYear.ASSESSMENT_YEAR ? assessmentYear : decisionDate.getYear();
    return LocalDate.of(base, 12, 31).plusMonths(months);
  }

  /**
   * An administrator changes a value through the API: the same rules as the page ({@link #edit}) — its article and note
   * kept, and a value the text fixes changed only with a reason.
   */
  @Transactional
  public Rule change(Title title, Parameter parameter, String value, String reason, String actor) {
    Rule before = rule(title, parameter);
    return edit(title, parameter, new Edit(value, before.source(), before.note(), false, reason, before.version()),
        actor);
  }

  /** Changes a value: checked for its parameter, its article kept. */
  @Transactional
  public void set(Title title, Parameter parameter, String value) {
    String v = value == null ? "" : value.strip();
    String problem = valueProblem(title, parameter, v);
    if (problem != null) {
      throw DomainException.badInput("Giá trị \"" + v + "\" không hợp lệ cho " + parameter + ": " + problem);
    }
    if (jdbc.update("update dossier_kind_rule set rule_value = ?, version = version + 1 where title = ?"
        + " and parameter = ?", v, title.name(), parameter.name()) != 1) {
      throw DomainException.badInput("Không có tham số " + parameter + " cho " + title.label() + ".");
    }
  }

  /**
   * An administrator's edit in the page (/quan-tri/loai-ho-so): the value, its article, the note, and for a value no
   * text settles yet the confirmation that one does. The value of a row the text fixes (confirmed) may be changed
   * only with a reason; the row then departs from its text and is shown "chờ xác nhận văn bản" until an administrator
   * confirms it again with the text that sets the new value — the reason is kept in the note and the audit log.
   * Every problem is named next to its field; a row changed since it was read is refused (nothing is saved).
   */
  @Transactional
  public Rule edit(Title title, Parameter parameter, Edit e, String actor) {
    Rule before = rule(title, parameter);
    if (e.version() == null || e.version() != before.version()) {
      throw DomainException.conflict("Người khác vừa sửa tham số này. Những gì bạn nhập chưa được lưu: tải lại trang"
          + " để xem bản mới rồi sửa lại.");
    }
    List<DomainException.Problem> problems = new java.util.ArrayList<>();
    String value = e.value() == null ? "" : e.value().strip();
    String problem = valueProblem(title, parameter, value);
    if (problem != null) {
      problems.add(new DomainException.Problem("value", problem));
    }
    String source = e.source() == null ? "" : e.source().strip();
    if (source.isEmpty()) {
      problems.add(new DomainException.Problem("source", e.confirmed() && !before.confirmed()
          ? "Ghi văn bản quy định giá trị này (số, ngày, điều, khoản) khi xác nhận."
          : "Ghi căn cứ (văn bản, điều, khoản) của tham số."));
    } else if (source.length() > 500) {
      problems.add(new DomainException.Problem("source", "Căn cứ tối đa 500 ký tự."));
    }
    String note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
    boolean departs = before.confirmed() && !value.equals(before.value());
    String reason = e.reason() == null ? "" : e.reason().strip();
    if (departs && reason.isEmpty()) {
      problems.add(new DomainException.Problem("reason", "Giá trị " + before.valueLabel() + " do văn bản quy định ("
          + before.source() + "): ghi lý do sửa (ví dụ văn bản sửa đổi, thay thế)."));
    } else if (reason.length() > 500) {
      problems.add(new DomainException.Problem("reason", "Lý do tối đa 500 ký tự."));
    }
    if (departs && problem == null && !reason.isEmpty()) {
      String change = "Sửa ngày " + vn.hoctap.common.Dates.vn(clock.today()) + " từ " + before.valueLabel()
          + " (theo văn bản) thành " + valueLabel(parameter, value) + "; lý do: " + reason;
      note = note == null ? change : note + " — " + change;
    }
    if (note != null && note.length() > 1000) {
      problems.add(new DomainException.Problem("note", "Ghi chú tối đa 1000 ký tự" + (departs
          ? " (kể cả lý do sửa được thêm vào)." : ".")));
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Chưa lưu được tham số.", problems);
    }
    boolean confirmed = departs ? false : before.confirmed() || e.confirmed();
    if (jdbc.update("update dossier_kind_rule set rule_value = ?, legal_source = ?, note = ?, confirmed = ?,"
        + " version = version + 1 where title = ? and parameter = ? and version = ?", value, source, note, confirmed,
        title.name(), parameter.name(), before.version()) != 1) {
      throw DomainException.conflict("Người khác vừa sửa tham số này. Những gì bạn nhập chưa được lưu: tải lại trang"
          + " để xem bản mới rồi sửa lại.");
    }
    Rule after = rule(title, parameter);
    Map<String, Object> was = new java.util.LinkedHashMap<>();
    was.put("giaTri", before.value());
    was.put("canCu", before.source());
    was.put("daXacNhan", before.confirmed());
    Map<String, Object> now = new java.util.LinkedHashMap<>();
    now.put("giaTri", after.value());
    now.put("canCu", after.source());
    now.put("daXacNhan", after.confirmed());
    if (departs) {
      now.put("lyDo", reason);
    }
    audit.record(actor, departs ? "DOSSIER_KIND_RULE_DEPARTED_FROM_TEXT" : !before.confirmed() && after.confirmed()
        ? "DOSSIER_KIND_RULE_CONFIRMED" : "DOSSIER_KIND_RULE_CHANGED", AuditLog.Target.DOSSIER_KIND_RULE,
        title + ":" + parameter, was, now);
    return after;
  }
}
