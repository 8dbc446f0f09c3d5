package vn.hoctap.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An administrator's extension of one deadline for one unit and assessment year (gia hạn). */
@Entity
@Table(name = "deadline_extension")
public class DeadlineExtension {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "unit_id", nullable = false)
  private Long unitId;

  @Column(nullable = false)
  private String procedure;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeadlineKind kind;

  @Column(name = "assessment_year", nullable = false)
  private int assessmentYear;

  @Column(name = "extended_until", nullable = false)
  private LocalDate extendedUntil;

  @Column(nullable = false)
  private String reason;

  @Column(name = "granted_by", nullable = false)
  private String grantedBy;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  protected DeadlineExtension() {}

  public DeadlineExtension(Long unitId, String procedure, DeadlineKind kind, int assessmentYear,
      LocalDate extendedUntil, String reason, String grantedBy, Instant grantedAt) {
    this.unitId = unitId;
    this.procedure = procedure;
    this.kind = kind;
    this.assessmentYear = assessmentYear;
    this.extendedUntil = extendedUntil;
    this.reason = reason;
    this.grantedBy = grantedBy;
    this.grantedAt = grantedAt;
  }

  public Long getId() {
    return id;
  }

  public LocalDate getExtendedUntil() {
    return extendedUntil;
  }

  public String getReason() {
    return reason;
  }

  public String getGrantedBy() {
    return grantedBy;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }
}
