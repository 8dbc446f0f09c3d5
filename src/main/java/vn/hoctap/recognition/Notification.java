package vn.hoctap.recognition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message to a group (the unit, a reviewer office, a supervisor), read in the application's inbox. */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dossier_id")
  private Long dossierId;

  @Column(name = "recipient_group", nullable = false)
  private String recipientGroup;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Notification() {}

  Notification(Long dossierId, String recipientGroup, String kind, String subject, String body, Instant createdAt) {
    this.dossierId = dossierId;
    this.recipientGroup = recipientGroup;
    this.kind = kind;
    this.subject = subject;
    this.body = body;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getDossierId() {
    return dossierId;
  }

  public String getRecipientGroup() {
    return recipientGroup;
  }

  public String getKind() {
    return kind;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
