package vn.hoctap.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a dossier's indicator values. Versions are never changed: a resubmission or a reviewer's
 * correction adds a new one, so what each person saw stays visible.
 */
@Entity
@Table(name = "dossier_revision")
public class DossierRevision {

  /** SELF: the unit's own values. VERIFIED: the values after appraisal, with the reviewer's corrections. */
  public enum Stage { SELF, VERIFIED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dossier_id", nullable = false)
  private Long dossierId;

  @Column(name = "revision_no", nullable = false)
  private int revisionNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Stage stage;

  @Column(name = "values_json", nullable = false)
  private String valuesJson;

  @Column(name = "corrections_json")
  private String correctionsJson;

  private String comment;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected DossierRevision() {}

  DossierRevision(Long dossierId, int revisionNo, Stage stage, String valuesJson, String correctionsJson,
      String comment, String createdBy, Instant createdAt) {
    this.dossierId = dossierId;
    this.revisionNo = revisionNo;
    this.stage = stage;
    this.valuesJson = valuesJson;
    this.correctionsJson = correctionsJson;
    this.comment = comment;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getDossierId() {
    return dossierId;
  }

  public int getRevisionNo() {
    return revisionNo;
  }

  public Stage getStage() {
    return stage;
  }

  public String getValuesJson() {
    return valuesJson;
  }

  public String getCorrectionsJson() {
    return correctionsJson;
  }

  public String getComment() {
    return comment;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
