package vn.hoctap.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.Route;

/** Hồ sơ đề nghị: one request of one unit for one title, level and assessment year. */
@Entity
@Table(name = "dossier")
public class Dossier {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Title title;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "unit_id")
  private OrgUnit unit;

  @Column(nullable = false)
  private int level;

  @Column(name = "assessment_year", nullable = false)
  private int assessmentYear;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DossierKind kind = DossierKind.FIRST;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DossierStatus status;

  @Column(name = "criteria_set_id", nullable = false)
  private long criteriaSetId;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "receiving_org_id")
  private OrgUnit receivingOrg;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "signer_org_id")
  private OrgUnit signerOrg;

  @Column(name = "signer_title", nullable = false)
  private String signerTitle;

  @Column(name = "decision_code", nullable = false)
  private String decisionCode;

  @Column(name = "signer_role", nullable = false)
  private String signerRole;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "open_key")
  private String openKey;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  /** The day the receiving body received the complete, valid dossier (start of a working-day deadline). */
  @Column(name = "complete_received_on")
  private java.time.LocalDate completeReceivedOn;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Dossier() {}

  public Dossier(Title title, DossierKind kind, OrgUnit unit, int level, int assessmentYear, long criteriaSetId,
      Route route, String createdBy, Instant now) {
    this.title = title;
    this.kind = kind;
    this.unit = unit;
    this.level = level;
    this.assessmentYear = assessmentYear;
    this.criteriaSetId = criteriaSetId;
    this.receivingOrg = route.receiving();
    this.signerOrg = route.signer();
    this.signerRole = route.signerRole();
    this.signerTitle = route.signerTitle();
    this.decisionCode = route.decisionCode();
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
    this.status = DossierStatus.PREPARING;
    this.openKey = openKey(title, unit, assessmentYear);
  }

  /** A reorganisation moved the competence: the open dossier continues at the new receiving body and signer. */
  public void reroute(Route route, Instant now) {
    if (!status.open()) {
      throw new IllegalStateException("Hồ sơ " + id + " đã kết thúc: giữ nguyên cơ quan đã xử lý");
    }
    this.receivingOrg = route.receiving();
    this.signerOrg = route.signer();
    this.signerRole = route.signerRole();
    this.signerTitle = route.signerTitle();
    this.decisionCode = route.decisionCode();
    this.updatedAt = now;
  }

  /** One open dossier per unit, title and year: the unique key that enforces it while the dossier is open. */
  static String openKey(Title title, OrgUnit unit, int assessmentYear) {
    return title + ":" + unit.getId() + ":" + assessmentYear;
  }

  /** Moves the dossier on; a closed dossier frees its (unit, title, year) slot for a new request. */
  void moveTo(DossierStatus next, Instant now) {
    if (!status.open()) {
      // reached when two people act on the same step at once and the other one's action closed the dossier first
      throw DomainException.conflict("Hồ sơ số " + id + " đã kết thúc (" + status.label() + "): người khác vừa"
          + " xử lý xong. Hãy tải lại để xem trạng thái mới. (Closed by someone else meanwhile: reload.)");
    }
    status = next;
    updatedAt = now;
    if (next == DossierStatus.SUBMITTED && submittedAt == null) {
      submittedAt = now;
    }
    if (!next.open()) {
      openKey = null;
      closedAt = now;
    }
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public Title getTitle() {
    return title;
  }

  public OrgUnit getUnit() {
    return unit;
  }

  public DossierKind getKind() {
    return kind;
  }

  public int getLevel() {
    return level;
  }

  public int getAssessmentYear() {
    return assessmentYear;
  }

  public DossierStatus getStatus() {
    return status;
  }

  public long getCriteriaSetId() {
    return criteriaSetId;
  }

  public OrgUnit getReceivingOrg() {
    return receivingOrg;
  }

  public OrgUnit getSignerOrg() {
    return signerOrg;
  }

  public String getSignerTitle() {
    return signerTitle;
  }

  public String getSignerRole() {
    return signerRole;
  }

  public String getDecisionCode() {
    return decisionCode;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public java.time.LocalDate getCompleteReceivedOn() {
    return completeReceivedOn;
  }

  /** Records the day the complete, valid dossier was received (the completeness check accepted it). */
  public void receivedComplete(java.time.LocalDate day) {
    this.completeReceivedOn = day;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** "Trường Tiểu học Tam Hiệp — Đơn vị học tập mức độ 1, năm 2025". */
  public String describe() {
    return unit.getName() + " — " + title.label() + " mức độ " + level + ", năm " + assessmentYear
        + (kind == DossierKind.FIRST ? "" : " (" + kind.label().toLowerCase(java.util.Locale.ROOT) + ")");
  }
}
