package vn.hoctap.org;

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
import java.time.Instant;

/**
 * A node of the organisation tree: province, optional district, commune, village, or a school/agency (UNIT)
 * attached to the tier that manages it.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrgKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "unit_kind")
  private UnitKind unitKind;

  /** Tỉnh, Thành phố, Xã, Phường or Đặc khu as in the official list of 2025; null for units recorded before it. */
  @Enumerated(EnumType.STRING)
  @Column(name = "admin_type")
  private AdministrativeType adminType;

  @Column(name = "public_unit", nullable = false)
  private boolean publicUnit = true;

  /** A commune "thuộc vùng khó khăn" (TT25: lower thresholds of TC5.CT2), with the document it rests on. */
  @Column(name = "difficult_area", nullable = false)
  private boolean difficultArea;

  @Column(name = "difficult_area_basis")
  private String difficultAreaBasis;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "parent_id")
  private OrgUnit parent;

  @Column(nullable = false)
  private String path;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Set when a reorganisation dissolved this body; it stays for the history of closed dossiers. */
  @Column(name = "dissolved_at")
  private Instant dissolvedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "successor_id")
  private OrgUnit successor;

  protected OrgUnit() {}

  public OrgUnit(String code, String name, OrgKind kind, UnitKind unitKind, boolean publicUnit, OrgUnit parent,
      Instant createdAt) {
    if ((kind == OrgKind.UNIT) != (unitKind != null)) {
      throw new IllegalArgumentException("Chỉ trường / cơ quan (UNIT) mới có loại đơn vị: " + code);
    }
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.unitKind = unitKind;
    this.publicUnit = publicUnit;
    this.parent = parent;
    this.path = (parent == null ? "/" : parent.path) + code + "/";
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public OrgKind getKind() {
    return kind;
  }

  public UnitKind getUnitKind() {
    return unitKind;
  }

  public AdministrativeType getAdminType() {
    return adminType;
  }

  /** Records the unit's type in the official list; it must be a type of the unit's tier. */
  public void typeAs(AdministrativeType type) {
    if (type != null && type.tier() != kind) {
      throw new IllegalArgumentException(type.label() + " không phải " + kind.label() + ": " + code);
    }
    this.adminType = type;
  }

  /** "Đặc khu", "Phường", … when the official type is recorded, otherwise the tier's label. */
  public String kindLabel() {
    return adminType != null ? adminType.label() : kind.label();
  }

  public boolean isPublicUnit() {
    return publicUnit;
  }

  public boolean isDifficultArea() {
    return difficultArea;
  }

  public String getDifficultAreaBasis() {
    return difficultAreaBasis;
  }

  /** Records whether the commune lies in a difficult area, and the document that says so. */
  public void markDifficultArea(boolean difficult, String basis) {
    this.difficultArea = difficult;
    this.difficultAreaBasis = basis;
  }

  /** "/HN/HN-TT/HN-TT-TH01/": every descendant's path starts with this one. */
  public String getPath() {
    return path;
  }

  public OrgUnit getParent() {
    return parent;
  }

  public boolean isDissolved() {
    return dissolvedAt != null;
  }

  public Instant getDissolvedAt() {
    return dissolvedAt;
  }

  /** Marks the body dissolved; its children have been attached to the successor. */
  public void dissolveInto(OrgUnit successor, Instant at) {
    this.successor = successor;
    this.dissolvedAt = at;
  }

  /** The tier whose procedure and criteria apply when this node applies for a title; null if it cannot apply. */
  public UnitKind.Tier assessmentTier() {
    return switch (kind) {
      case UNIT -> unitKind.assessmentTier();
      case COMMUNE -> UnitKind.Tier.COMMUNE;
      case DISTRICT -> UnitKind.Tier.DISTRICT;
      case PROVINCE -> UnitKind.Tier.PROVINCE;
      case NATION, VILLAGE -> null;
    };
  }

  public UnitProfile profile() {
    if (kind == OrgKind.UNIT) {
      return new UnitProfile(unitKind, publicUnit);
    }
    return new UnitProfile(null, true, assessmentTier(), kind == OrgKind.COMMUNE && difficultArea);
  }

  /** The nearest ancestor (or this node) of the given tier, or null. */
  public OrgUnit nearest(OrgKind tier) {
    for (OrgUnit n = this; n != null; n = n.parent) {
      if (n.kind == tier) {
        return n;
      }
    }
    return null;
  }

  public OrgUnit province() {
    OrgUnit p = nearest(OrgKind.PROVINCE);
    if (p == null) {
      throw new IllegalStateException("Đơn vị " + code + " không thuộc tỉnh / thành phố nào");
    }
    return p;
  }
}
