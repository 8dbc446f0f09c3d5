package vn.hoctap.award;

import vn.hoctap.org.OrgKind;

/**
 * Award forms used by the movement (RECOGNITION.md §3, Luật Thi đua, khen thưởng 2022 Điều 80): who signs each
 * is a tier of the tree, resolved from the proposing body at run time.
 */
public enum AwardForm {
  /** Giấy khen of the head of the proposing unit or the chairman of the proposing commune or district. */
  GIAY_KHEN("Giấy khen", null),
  /** Bằng khen của Chủ tịch UBND tỉnh. */
  BANG_KHEN_TINH("Bằng khen của Chủ tịch UBND tỉnh", OrgKind.PROVINCE),
  /** Bằng khen của Thủ tướng Chính phủ: beyond the province, at the national level. */
  BANG_KHEN_TTG("Bằng khen của Thủ tướng Chính phủ", OrgKind.NATION);

  private final String label;
  private final OrgKind signingTier;

  AwardForm(String label, OrgKind signingTier) {
    this.label = label;
    this.signingTier = signingTier;
  }

  public String label() {
    return label;
  }

  /** The tier whose head signs, or null where the proposing body signs itself (Giấy khen). */
  public OrgKind signingTier() {
    return signingTier;
  }
}
