package vn.hoctap.org;

/**
 * What kind of school or agency an organisation unit is. The kind decides which tier assesses it under
 * TT 24/2023/TT-BGDĐT (district-level or province-level unit) and which unit-kind indicators apply.
 */
public enum UnitKind {
  /** Trường mầm non. */
  PRESCHOOL(Tier.DISTRICT, true, "Trường mầm non"),
  /** Trường tiểu học. */
  PRIMARY(Tier.DISTRICT, true, "Trường tiểu học"),
  /** Trường trung học cơ sở. */
  LOWER_SECONDARY(Tier.DISTRICT, true, "Trường trung học cơ sở"),
  /** Trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cấp huyện. */
  DISTRICT_VOCATIONAL_CONTINUING_CENTRE(Tier.DISTRICT, true, "Trung tâm GDNN-GDTX cấp huyện"),
  /** UBND xã, cơ quan chuyên môn và đơn vị cấp huyện. */
  DISTRICT_AGENCY(Tier.DISTRICT, false, "Cơ quan, đơn vị cấp huyện / xã"),
  /** Trường trung học phổ thông. */
  UPPER_SECONDARY(Tier.PROVINCE, true, "Trường trung học phổ thông"),
  /** Trường phổ thông nhiều cấp học có cấp học cao nhất là THPT. */
  MULTI_LEVEL(Tier.PROVINCE, true, "Trường phổ thông nhiều cấp học (cao nhất THPT)"),
  /** Trung tâm giáo dục thường xuyên cấp tỉnh. */
  CONTINUING_EDUCATION_CENTRE(Tier.PROVINCE, true, "Trung tâm giáo dục thường xuyên"),
  /** Trường cao đẳng, trung cấp (giáo dục nghề nghiệp). */
  VOCATIONAL_SCHOOL(Tier.PROVINCE, true, "Trường cao đẳng, trung cấp"),
  /** Đại học, trường đại học. */
  UNIVERSITY(Tier.PROVINCE, true, "Trường đại học"),
  /** Sở, ban, ngành và đơn vị cấp tỉnh. */
  PROVINCE_AGENCY(Tier.PROVINCE, false, "Cơ quan, đơn vị cấp tỉnh");

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
  private final String label;

  UnitKind(Tier assessmentTier, boolean educationInstitution, String label) {
    this.assessmentTier = assessmentTier;
    this.educationInstitution = educationInstitution;
    this.label = label;
  }

  public Tier assessmentTier() {
    return assessmentTier;
  }

  /** Education institutions have learners, so TT24 also counts their learners' "Công dân học tập" ratio. */
  public boolean educationInstitution() {
    return educationInstitution;
  }

  public String label() {
    return label;
  }
}
