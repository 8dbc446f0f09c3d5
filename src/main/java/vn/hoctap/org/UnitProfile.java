package vn.hoctap.org;

/**
 * The facts about an applicant that decide which criteria set and indicators apply: the tier whose procedure
 * applies to it, and for a school or agency its kind and whether it is public. A commune, district or province
 * applying for "Cộng đồng học tập" has a tier but no unit kind.
 */
public record UnitProfile(UnitKind kind, boolean publicUnit, UnitKind.Tier tier) {

  /** A school or agency: its kind decides its tier. */
  public UnitProfile(UnitKind kind, boolean publicUnit) {
    this(kind, publicUnit, kind.assessmentTier());
  }

  /** An applicant that is a level of local government. */
  public static UnitProfile government(UnitKind.Tier tier) {
    return new UnitProfile(null, true, tier);
  }
}
