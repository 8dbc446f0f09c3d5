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

/** A stored, self-explaining criteria result of one revision (which indicator, value, threshold, source). */
@Entity
@Table(name = "criteria_evaluation")
public class CriteriaEvaluationRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dossier_id", nullable = false)
  private Long dossierId;

  @Column(name = "revision_id", nullable = false)
  private Long revisionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DossierRevision.Stage stage;

  @Column(name = "criteria_set_id", nullable = false)
  private long criteriaSetId;

  @Column(nullable = false)
  private String outcome;

  @Column(name = "result_json", nullable = false)
  private String resultJson;

  @Column(name = "evaluated_at", nullable = false)
  private Instant evaluatedAt;

  protected CriteriaEvaluationRecord() {}

  public Long getId() {
    return id;
  }

  public Long getRevisionId() {
    return revisionId;
  }

  public DossierRevision.Stage getStage() {
    return stage;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getResultJson() {
    return resultJson;
  }

  public Instant getEvaluatedAt() {
    return evaluatedAt;
  }
}
