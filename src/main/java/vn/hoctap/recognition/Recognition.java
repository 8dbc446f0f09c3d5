package vn.hoctap.recognition;

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
import vn.hoctap.dossier.Title;

/** Quyết định công nhận as recorded: the title a unit holds, by which decision, and until when. */
@Entity
@Table(name = "recognition")
public class Recognition {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dossier_id", nullable = false)
  private Long dossierId;

  @Column(name = "unit_id", nullable = false)
  private Long unitId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Title title;

  @Column(nullable = false)
  private int level;

  @Column(name = "assessment_year", nullable = false)
  private int assessmentYear;

  @Column(name = "decision_no", nullable = false)
  private String decisionNo;

  @Column(name = "decision_date", nullable = false)
  private LocalDate decisionDate;

  @Column(name = "decision_year", nullable = false)
  private int decisionYear;

  @Column(name = "signer_org_id", nullable = false)
  private Long signerOrgId;

  @Column(name = "signer_title", nullable = false)
  private String signerTitle;

  @Column(name = "signed_by", nullable = false)
  private String signedBy;

  @Column(name = "valid_until", nullable = false)
  private LocalDate validUntil;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Recognition() {}

  Recognition(Long dossierId, Long unitId, Title title, int level, int assessmentYear, String decisionNo,
      LocalDate decisionDate, Long signerOrgId, String signerTitle, String signedBy, LocalDate validUntil,
      Instant createdAt) {
    this.dossierId = dossierId;
    this.unitId = unitId;
    this.title = title;
    this.level = level;
    this.assessmentYear = assessmentYear;
    this.decisionNo = decisionNo;
    this.decisionDate = decisionDate;
    this.decisionYear = decisionDate.getYear();
    this.signerOrgId = signerOrgId;
    this.signerTitle = signerTitle;
    this.signedBy = signedBy;
    this.validUntil = validUntil;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getDossierId() {
    return dossierId;
  }

  public Long getUnitId() {
    return unitId;
  }

  public Title getTitle() {
    return title;
  }

  public int getLevel() {
    return level;
  }

  public int getAssessmentYear() {
    return assessmentYear;
  }

  public String getDecisionNo() {
    return decisionNo;
  }

  public LocalDate getDecisionDate() {
    return decisionDate;
  }

  public String getSignerTitle() {
    return signerTitle;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }
}
