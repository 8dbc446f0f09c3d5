package vn.hoctap.org;

/**
 * What kind of school or agency an organisation unit is. The kind decides which tier assesses it under
 * TT 24/2023/TT-BGDĐT (district-level or province-level unit) and which unit-kind indicators apply.
 */
public enum UnitKind {
  /** Trường mầm non. */
  PRESCHOOL(Tier.DISTRICT, true, false, false, "Trường mầm non"),
  /** Trường tiểu học. */
  PRIMARY(Tier.DISTRICT, true, false, false, "Trường tiểu học"),
  /** Trường trung học cơ sở. */
  LOWER_SECONDARY(Tier.DISTRICT, true, false, false, "Trường trung học cơ sở"),
  /** Trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cấp huyện. */
  DISTRICT_VOCATIONAL_CONTINUING_CENTRE(Tier.DISTRICT, true, true, false, "Trung tâm GDNN-GDTX cấp huyện"),
  /** UBND xã, cơ quan chuyên môn và đơn vị cấp huyện. */
  DISTRICT_AGENCY(Tier.DISTRICT, false, false, false, "Cơ quan, đơn vị cấp huyện / xã"),
  /**
   * Doanh nghiệp, hợp tác xã, tổ chức kinh tế thuộc thẩm quyền quản lý của UBND cấp huyện (TT24 Điều 2 khoản 3):
   * TC2.CT4 does not count its members, TC1.CT3 and level-2 TC3.CT3 ask for public agencies only.
   */
  DISTRICT_ECONOMIC(Tier.DISTRICT, false, false, true, "Doanh nghiệp, hợp tác xã, tổ chức kinh tế cấp huyện"),
  /** Trường trung học phổ thông. */
  UPPER_SECONDARY(Tier.PROVINCE, true, true, false, "Trường trung học phổ thông"),
  /** Trường phổ thông nhiều cấp học có cấp học cao nhất là THPT. */
  MULTI_LEVEL(Tier.PROVINCE, true, true, false, "Trường phổ thông nhiều cấp học (cao nhất THPT)"),
  /** Trung tâm giáo dục thường xuyên cấp tỉnh. */
  CONTINUING_EDUCATION_CENTRE(Tier.PROVINCE, true, true, false, "Trung tâm giáo dục thường xuyên"),
  /** Trường cao đẳng, trung cấp (giáo dục nghề nghiệp). */
  VOCATIONAL_SCHOOL(Tier.PROVINCE, true, true, false, "Trường cao đẳng, trung cấp"),
  /** Đại học, trường đại học. */
  UNIVERSITY(Tier.PROVINCE, true, true, false, "Trường đại học"),
  /** Sở, ban, ngành và đơn vị cấp tỉnh. */
  PROVINCE_AGENCY(Tier.PROVINCE, false, false, false, "Cơ quan, đơn vị cấp tỉnh"),
  /** Doanh nghiệp, ban quản lý khu công nghiệp…, tổ chức kinh tế thuộc thẩm quyền quản lý của UBND cấp tỉnh. */
  PROVINCE_ECONOMIC(Tier.PROVINCE, false, false, true, "Doanh nghiệp, tổ chức kinh tế cấp tỉnh");

  /** The tier whose criteria set and procedure apply to an applicant (schools and agencies: district or province). */
  public enum Tier {
    COMMUNE("cấp xã"), DISTRICT("cấp huyện"), PROVINCE("cấp tỉnh");

    private final String label;

    Tier(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Tier assessmentTier;
  private final boolean educationInstitution;
  private final boolean learners;
  private final boolean economic;
  private final String label;

  UnitKind(Tier assessmentTier, boolean educationInstitution, boolean learners, boolean economic, String label) {
    this.assessmentTier = assessmentTier;
    this.educationInstitution = educationInstitution;
    this.learners = learners;
    this.economic = economic;
    this.label = label;
  }

  public Tier assessmentTier() {
    return assessmentTier;
  }

  /** A school or centre (cơ sở giáo dục), whatever its pupils' age. */
  public boolean educationInstitution() {
    return educationInstitution;
  }

  /**
   * Whether the unit has "Người học" in the sense of TT24 Điều 2 khoản 8: pupils of nhà trẻ, mầm non, tiểu học,
   * THCS (and multi-level schools up to THCS, PTDTBT, PTDTNT huyện) are excluded, so only GDNN-GDTX centres at
   * district level and every province-level institution have a learners' ratio (TC3.CT1).
   */
  public boolean hasLearners() {
    return learners;
  }

  /** A business, cooperative or other economic organisation (tổ chức kinh tế). */
  public boolean economicOrganisation() {
    return economic;
  }

  public String label() {
    return label;
  }
}
