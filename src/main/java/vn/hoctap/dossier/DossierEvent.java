package vn.hoctap.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a dossier's audit trail: who did what, when, at which step, and why. */
@Entity
@Table(name = "dossier_event")
public class DossierEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dossier_id", nullable = false)
  private Long dossierId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  private String step;

  private String comment;

  private String details;

  protected DossierEvent() {}

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getStep() {
    return step;
  }

  public String getComment() {
    return comment;
  }

  public String getDetails() {
    return details;
  }
}
