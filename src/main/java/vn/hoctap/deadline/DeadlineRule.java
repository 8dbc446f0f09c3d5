package vn.hoctap.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.hoctap.org.UnitKind;

/**
 * A deadline as data: day and month of year N + offset, or a number of working days from the day the complete,
 * valid dossier was received (TT25 Điều 19 K2 e), nationally or for one province and/or one year. A null province
 * or year means "any"; the most specific matching rule wins. A rule with neither a date nor working days is a
 * deadline the texts name without a date (e.g. "vào cuối năm học").
 */
@Entity
@Table(name = "deadline_rule")
public class DeadlineRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String procedure;

  @Enumerated(EnumType.STRING)
  @Column(name = "unit_tier", nullable = false)
  private UnitKind.Tier unitTier;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeadlineKind kind;

  @Column(name = "province_id")
  private Long provinceId;

  @Column(name = "assessment_year")
  private Integer assessmentYear;

  @Column(name = "month_of_year")
  private Integer month;

  @Column(name = "day_of_month")
  private Integer day;

  @Column(name = "working_days")
  private Integer workingDays;

  @Column(name = "year_offset", nullable = false)
  private int yearOffset;

  @Column(name = "remind_days_before", nullable = false)
  private int remindDaysBefore;

  @Column(nullable = false)
  private String source;

  @Column(nullable = false)
  private boolean confirmed;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected DeadlineRule() {}

  public DeadlineRule(String procedure, UnitKind.Tier unitTier, DeadlineKind kind, Long provinceId,
      Integer assessmentYear, int month, int day, int yearOffset, int remindDaysBefore, String source,
      boolean confirmed) {
    this.procedure = procedure;
    this.unitTier = unitTier;
    this.kind = kind;
    this.provinceId = provinceId;
    this.assessmentYear = assessmentYear;
    this.month = month;
    this.day = day;
    this.yearOffset = yearOffset;
    this.remindDaysBefore = remindDaysBefore;
    this.source = source;
    this.confirmed = confirmed;
  }

  /** A deadline of so many working days from the day the complete, valid dossier was received. */
  public static DeadlineRule workingDays(String procedure, UnitKind.Tier unitTier, DeadlineKind kind,
      Long provinceId, Integer assessmentYear, int workingDays, int remindDaysBefore, String source,
      boolean confirmed) {
    DeadlineRule rule = new DeadlineRule();
    rule.procedure = procedure;
    rule.unitTier = unitTier;
    rule.kind = kind;
    rule.provinceId = provinceId;
    rule.assessmentYear = assessmentYear;
    rule.workingDays = workingDays;
    rule.yearOffset = 0;
    rule.remindDaysBefore = remindDaysBefore;
    rule.source = source;
    rule.confirmed = confirmed;
    return rule;
  }

  /** A copy of a national rule for one province (every year), to be given its own date by {@link #set}. */
  static DeadlineRule overrideOf(DeadlineRule national, Long provinceId) {
    DeadlineRule rule = new DeadlineRule();
    rule.procedure = national.procedure;
    rule.unitTier = national.unitTier;
    rule.kind = national.kind;
    rule.provinceId = provinceId;
    return rule;
  }

  /** Sets the date (day/month of year N + offset) or, with a null month, the number of working days. */
  void set(Integer month, Integer day, int yearOffset, Integer workingDays, int remindDaysBefore, String source,
      boolean confirmed) {
    this.month = month;
    this.day = day;
    this.yearOffset = yearOffset;
    this.workingDays = workingDays;
    this.remindDaysBefore = remindDaysBefore;
    this.source = source;
    this.confirmed = confirmed;
  }

  public Long getId() {
    return id;
  }

  public String getProcedure() {
    return procedure;
  }

  public UnitKind.Tier getUnitTier() {
    return unitTier;
  }

  public DeadlineKind getKind() {
    return kind;
  }

  public Long getProvinceId() {
    return provinceId;
  }

  public Integer getAssessmentYear() {
    return assessmentYear;
  }

  public Integer getMonth() {
    return month;
  }

  public Integer getDay() {
    return day;
  }

  public Integer getWorkingDays() {
    return workingDays;
  }

  public int getYearOffset() {
    return yearOffset;
  }

  public int getRemindDaysBefore() {
    return remindDaysBefore;
  }

  public String getSource() {
    return source;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public long getRowVersion() {
    return rowVersion;
  }

  /** Whether the rule names a day of the year (not working days, not "no date in the text"). */
  public boolean dated() {
    return month != null && day != null;
  }
}
