package vn.hoctap.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import vn.hoctap.common.Periods;

/**
 * Per-province configuration of who receives and who signs a procedure for units of one tier. The tiers name the
 * level of government (DISTRICT or PROVINCE); a DISTRICT body falls back to the province where the tree has no
 * district, as in the two-tier local government since 07/2025. A rule is in force from {@code validFrom} to
 * {@code validTo}, both days included (null: no bound), so a province keeps the rule of TT24/TT25 as written next to
 * the re-assignment it made when its district tier ended; an unconfirmed rule ("chờ xác nhận văn bản") rests on no
 * official text read by the project.
 */
@Entity
@Table(name = "authority_rule")
public class AuthorityRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "province_id", nullable = false)
  private Long provinceId;

  @Column(nullable = false)
  private String procedure;

  @Enumerated(EnumType.STRING)
  @Column(name = "unit_tier", nullable = false)
  private UnitKind.Tier unitTier;

  @Enumerated(EnumType.STRING)
  @Column(name = "reviewer_tier", nullable = false)
  private OrgKind reviewerTier;

  @Enumerated(EnumType.STRING)
  @Column(name = "signer_tier", nullable = false)
  private OrgKind signerTier;

  @Column(name = "reviewer_title", nullable = false)
  private String reviewerTitle;

  @Column(name = "signer_title", nullable = false)
  private String signerTitle;

  @Column(name = "decision_code", nullable = false)
  private String decisionCode;

  @Column(name = "signer_role", nullable = false)
  private String signerRole;

  @Column(nullable = false)
  private boolean confirmed;

  private String note;

  @Column(name = "valid_from")
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Version
  private long version;

  protected AuthorityRule() {}

  /** A rule in force from {@code validFrom} to {@code validTo} (both inclusive, null = no bound). */
  public AuthorityRule(Long provinceId, String procedure, UnitKind.Tier unitTier, OrgKind reviewerTier,
      String reviewerTitle, OrgKind signerTier, String signerRole, String signerTitle, String decisionCode,
      boolean confirmed, String note, LocalDate validFrom, LocalDate validTo) {
    this(provinceId, procedure, unitTier, reviewerTier, reviewerTitle, signerTier, signerRole, signerTitle,
        decisionCode, confirmed, note);
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  public AuthorityRule(Long provinceId, String procedure, UnitKind.Tier unitTier, OrgKind reviewerTier,
      String reviewerTitle, OrgKind signerTier, String signerRole, String signerTitle, String decisionCode,
      boolean confirmed, String note) {
    this.provinceId = provinceId;
    this.signerRole = signerRole;
    this.procedure = procedure;
    this.unitTier = unitTier;
    this.reviewerTier = reviewerTier;
    this.reviewerTitle = reviewerTitle;
    this.signerTier = signerTier;
    this.signerTitle = signerTitle;
    this.decisionCode = decisionCode;
    this.confirmed = confirmed;
    this.note = note;
  }

  /** Replaces what an administrator edits; the province, procedure and applicant tier stay. */
  public void update(OrgKind reviewerTier, String reviewerTitle, OrgKind signerTier, String signerRole,
      String signerTitle, String decisionCode, boolean confirmed, String note, LocalDate validFrom,
      LocalDate validTo) {
    this.reviewerTier = reviewerTier;
    this.reviewerTitle = reviewerTitle;
    this.signerTier = signerTier;
    this.signerRole = signerRole;
    this.signerTitle = signerTitle;
    this.decisionCode = decisionCode;
    this.confirmed = confirmed;
    this.note = note;
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  /** Whether the rule is in force on that day. */
  public boolean inForceOn(LocalDate day) {
    return Periods.contains(validFrom, validTo, day);
  }

  /** Whether this rule's period and {@code [from, to]} share a day (null = no bound). */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return Periods.overlap(validFrom, validTo, from, to);
  }

  public Long getId() {
    return id;
  }

  public Long getProvinceId() {
    return provinceId;
  }

  public String getProcedure() {
    return procedure;
  }

  public UnitKind.Tier getUnitTier() {
    return unitTier;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public LocalDate getValidTo() {
    return validTo;
  }

  public long getVersion() {
    return version;
  }

  public OrgKind getReviewerTier() {
    return reviewerTier;
  }

  public OrgKind getSignerTier() {
    return signerTier;
  }

  public String getReviewerTitle() {
    return reviewerTitle;
  }

  public String getSignerTitle() {
    return signerTitle;
  }

  /** "signer" (Chủ tịch UBND, Bộ trưởng) or "director" (Trưởng phòng / Giám đốc Sở GDĐT). */
  public String getSignerRole() {
    return signerRole;
  }

  public String getDecisionCode() {
    return decisionCode;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public String getNote() {
    return note;
  }
}
