package vn.hoctap.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.hoctap.org.UnitKind;

/**
 * A deadline as data: day and month of year N + offset, nationally or for one province and/or one year.
 * A null province or year means "any"; the most specific matching rule wins.
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

  @Column(name = "month_of_year", nullable = false)
  private int month;

  @Column(name = "day_of_month", nullable = false)
  private int day;

  @Column(name = "year_offset", nullable = false)
  private int yearOffset;

  @Column(name = "remind_days_before", nullable = false)
  private int remindDaysBefore;

  @Column(nullable = false)
  private String source;

  @Column(nullable = false)
  private boolean confirmed;

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
}
