package vn.hoctap.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Cuộc họp thống nhất kết quả tự đánh giá: when, who attended, the minutes, and whether it agreed. */
@Entity
@Table(name = "dossier_meeting")
public class DossierMeeting {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dossier_id", nullable = false)
  private Long dossierId;

  @Column(name = "held_on", nullable = false)
  private LocalDate heldOn;

  @Column(nullable = false)
  private String attendees;

  @Column(nullable = false)
  private String outcome;

  @Column(name = "minutes_evidence_id", nullable = false)
  private Long minutesEvidenceId;

  private String comment;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected DossierMeeting() {}

  DossierMeeting(Long dossierId, LocalDate heldOn, String attendees, boolean agreed, Long minutesEvidenceId,
      String comment, String recordedBy, Instant recordedAt) {
    this.dossierId = dossierId;
    this.heldOn = heldOn;
    this.attendees = attendees;
    this.outcome = agreed ? "AGREED" : "NOT_AGREED";
    this.minutesEvidenceId = minutesEvidenceId;
    this.comment = comment;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getDossierId() {
    return dossierId;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public String getAttendees() {
    return attendees;
  }

  public boolean agreed() {
    return "AGREED".equals(outcome);
  }

  public Long getMinutesEvidenceId() {
    return minutesEvidenceId;
  }

  public String getComment() {
    return comment;
  }
}
