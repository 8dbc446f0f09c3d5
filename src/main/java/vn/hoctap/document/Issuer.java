package vn.hoctap.document;

import java.util.List;
import vn.hoctap.org.OrgKind;

/**
 * The body that issues a document and how NĐ 30 prints it: cơ quan chủ quản and cơ quan ban hành in the header,
 * the thẩm quyền line above the căn cứ, the signer's block (quyền hạn, chức vụ), the place of the date line, the
 * name on its seal.
 */
public record Issuer(String superior, String body, String authority, List<String> block, String place,
    String sealName, Long orgId, String orgCode) {

  /**
   * For a recognition decision: the People's Committee for its chairman ("signer"), the education office under it
   * for its head ("director"), the Ministry by its own name.
   */
  public static Issuer of(long orgId, String orgCode, String orgName, OrgKind kind, String role) {
    String place = Nd30.place(orgName);
    if (kind == OrgKind.NATION) {
      return new Issuer(null, orgName, "BỘ TRƯỞNG " + Nd30.upper(orgName), List.of("Bộ trưởng"), place, orgName,
          orgId, orgCode);
    }
    String committee = "Ủy ban nhân dân " + lowerFirst(orgName);
    if ("director".equals(role)) {
      boolean province = kind == OrgKind.PROVINCE;
      String office = (province ? "Sở" : "Phòng") + " Giáo dục và Đào tạo";
      String head = province ? "Giám đốc" : "Trưởng phòng";
      return new Issuer(committee, office, Nd30.upper(head + " " + office), List.of(head), place,
          office + " " + place, orgId, orgCode);
    }
    if (kind == OrgKind.UNIT) {
      return unit(orgId, orgCode, orgName, "Thủ trưởng", place);
    }
    // the chairman decides in his own name (the authority line says so): his title alone, no "TM." (which NĐ 30
    // keeps for signing on behalf of the committee as a collective)
    return new Issuer(null, committee, "CHỦ TỊCH " + Nd30.upper(committee), List.of("Chủ tịch"), place, committee,
        orgId, orgCode);
  }

  /** The Prime Minister (Bằng khen của Thủ tướng Chính phủ). */
  public static Issuer primeMinister(long orgId, String orgCode) {
    return new Issuer(null, "Thủ tướng Chính phủ", "THỦ TƯỚNG CHÍNH PHỦ", List.of("Thủ tướng"), "Hà Nội",
        "Chính phủ", orgId, orgCode);
  }

  /** A school or agency deciding by its head ("Hiệu trưởng Trường …"). */
  public static Issuer unit(long orgId, String orgCode, String unitName, String headTitle, String place) {
    return new Issuer(null, unitName, Nd30.upper(headTitle + " " + unitName), List.of(headTitle), place, unitName,
        orgId, orgCode);
  }

  static String lowerFirst(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    // "Huyện Thanh Trì" → "huyện Thanh Trì"; "UBND …" and proper names keep their capitals
    String first = s.split(" ", 2)[0];
    if (first.length() > 1 && Character.isUpperCase(first.charAt(1))) {
      return s;
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
