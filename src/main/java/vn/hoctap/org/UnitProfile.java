package vn.hoctap.org;

/**
 * The facts about an applicant that decide which criteria set and indicators apply: the tier whose procedure
 * applies to it, for a school or agency its kind and whether it is public, and for a commune whether it lies in a
 * difficult area ("xã thuộc vùng khó khăn", TT25 Điều 6 khoản 5 điểm b: lower thresholds). A commune, district or
 * province applying for "Cộng đồng học tập" has a tier but no unit kind.
 */
public record UnitProfile(UnitKind kind, boolean publicUnit, UnitKind.Tier tier, boolean difficultArea) {

  public UnitProfile(UnitKind kind, boolean publicUnit, UnitKind.Tier tier) {
    this(kind, publicUnit, tier, false);
  }

  /** A school or agency: its kind decides its tier. */
  public UnitProfile(UnitKind kind, boolean publicUnit) {
    this(kind, publicUnit, kind.assessmentTier(), false);
  }

  /** An applicant that is a level of local government. */
  public static UnitProfile government(UnitKind.Tier tier) {
    return new UnitProfile(null, true, tier, false);
  }

  /** A commune in a difficult area (or not). */
  public static UnitProfile commune(boolean difficultArea) {
    return new UnitProfile(null, true, UnitKind.Tier.COMMUNE, difficultArea);
  }

  public boolean economicOrganisation() {
    return kind != null && kind.economicOrganisation();
  }

  /** "Cơ quan, đơn vị sự nghiệp công lập": a public body that is not an economic organisation. */
  public boolean publicAgency() {
    return kind != null && publicUnit && !kind.economicOrganisation();
  }
}
