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

  /** One row: the value, its article, and whether a text settles it. */
  public record Rule(Title title, Parameter parameter, String value, String source, boolean confirmed, String note) {

    /** The article, followed by "chờ xác nhận văn bản" when no text settles the value. */
    public String cite() {
      return confirmed ? source : source + " — " + UNCONFIRMED;
    }
  }

  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  DossierKindRules(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Rule rule(Title title, Parameter parameter) {
    List<Rule> found = jdbc.query("select title, parameter, rule_value, legal_source, confirmed, note from"
        + " dossier_kind_rule where title = ? and parameter = ?", (rs, i) -> new Rule(
            Title.valueOf(rs.getString(1)), Parameter.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getBoolean(5), rs.getString(6)), title.name(), parameter.name());
    if (found.isEmpty()) {
      throw new IllegalStateException("dossier_kind_rule has no " + parameter + " for " + title);
    }
    return found.get(0);
  }

  /** Every rule, for display: title by title, in the order of {@link Parameter}. */
  @Transactional(readOnly = true)
  public List<Rule> all() {
    return jdbc.query("select title, parameter, rule_value, legal_source, confirmed, note from dossier_kind_rule",
        (rs, i) -> new Rule(Title.valueOf(rs.getString(1)), Parameter.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getBoolean(5), rs.getString(6))).stream()
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

  /** An administrator changes a value (recorded in the audit log with the value before). */
  @Transactional
  public Rule change(Title title, Parameter parameter, String value, String actor) {
    Rule before = rule(title, parameter);
    set(title, parameter, value);
    Rule after = rule(title, parameter);
    audit.record(actor, "DOSSIER_KIND_RULE_CHANGED", AuditLog.Target.DOSSIER_KIND_RULE, title + ":" + parameter,
        Map.of("giaTri", before.value()), Map.of("giaTri", after.value()));
    return after;
  }

  /** Changes a value: checked for its parameter, its article kept. */
  @Transactional
  public void set(Title title, Parameter parameter, String value) {
    String v = value == null ? "" : value.strip();
    boolean ok = switch (parameter) {
      case UPGRADE_WAIT_MONTHS, RETENTION_MONTHS -> v.matches("\\d{1,3}") && Integer.parseInt(v) > 0;
      case RETENTION_BASE_YEAR -> Set.of("ASSESSMENT_YEAR", "DECISION_YEAR").contains(v);
      case COMMUNE_UPGRADE_SAME_PROCEDURE -> title == Title.LEARNING_COMMUNITY && Set.of("true", "false").contains(v);
    };
    Map<Parameter, String> expected = Map.of(Parameter.UPGRADE_WAIT_MONTHS, "số tháng (1–999)",
        Parameter.RETENTION_MONTHS, "số tháng (1–999)", Parameter.RETENTION_BASE_YEAR,
        "ASSESSMENT_YEAR hoặc DECISION_YEAR", Parameter.COMMUNE_UPGRADE_SAME_PROCEDURE, "true hoặc false");
    if (!ok) {
      throw DomainException.badInput("Giá trị \"" + v + "\" không hợp lệ cho " + parameter + ": cần "
          + expected.get(parameter) + ".");
    }
    if (jdbc.update("update dossier_kind_rule set rule_value = ? where title = ? and parameter = ?", v,
        title.name(), parameter.name()) != 1) {
      throw DomainException.badInput("Không có tham số " + parameter + " cho " + title.label() + ".");
    }
  }
}
