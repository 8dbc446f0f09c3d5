package vn.hoctap.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Per-province configuration of who receives and who signs a procedure for units of one tier. The tiers name the
 * level of government (DISTRICT or PROVINCE); a DISTRICT body falls back to the province where the tree has no
 * district, as in the two-tier local government since 07/2025.
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

  protected AuthorityRule() {}

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
