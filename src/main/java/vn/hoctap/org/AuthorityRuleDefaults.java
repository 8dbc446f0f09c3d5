package vn.hoctap.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The authority rules of a province as the 2023 circulars wrote them, each in force from its circular's effective
 * date (TT24 26/01/2024, Điều 22 K1; TT25 12/02/2024, Điều 25 K1). For a province organised in two tiers from
 * 01/07/2025 the steps of the district tier end on 30/06/2025 and their re-assignment follows, unconfirmed: no
 * official text re-assigning them has been read (LEGAL-TEXTS.md §4.1), so the pages show "chờ xác nhận văn bản".
 */
public final class AuthorityRuleDefaults {

  public static final LocalDate TT24_IN_FORCE = LocalDate.of(2024, 1, 26);
  public static final LocalDate TT25_IN_FORCE = LocalDate.of(2024, 2, 12);
  /** The two-tier local government and NĐ 129/2025, NĐ 152/2025 take effect. */
  public static final LocalDate TWO_TIER_FROM = LocalDate.of(2025, 7, 1);

  private static final String LU = "LEARNING_UNIT";
  private static final String LC = "LEARNING_COMMUNITY";

  private AuthorityRuleDefaults() {}

  /** The rules for a province; {@code twoTier}: the province has had no district tier since 01/07/2025. */
  public static List<AuthorityRule> forProvince(Long provinceId, boolean twoTier) {
    LocalDate districtEnds = twoTier ? TWO_TIER_FROM.minusDays(1) : null;
    List<AuthorityRule> rules = new ArrayList<>();
    rules.add(new AuthorityRule(provinceId, LU, UnitKind.Tier.DISTRICT, OrgKind.DISTRICT, "Phòng GDĐT",
        OrgKind.DISTRICT, "signer", "Chủ tịch UBND cấp huyện", "QĐ-UBND", true,
        "TT 24/2023/TT-BGDĐT, Điều 5 khoản 1 và Điều 10", TT24_IN_FORCE, districtEnds));
    rules.add(new AuthorityRule(provinceId, LU, UnitKind.Tier.PROVINCE, OrgKind.PROVINCE, "Sở GDĐT",
        OrgKind.PROVINCE, "signer", "Chủ tịch UBND cấp tỉnh", "QĐ-UBND", true,
        "TT 24/2023/TT-BGDĐT, Điều 11 khoản 1 và Điều 16 (Giám đốc Sở GDĐT trình, Chủ tịch UBND tỉnh quyết định)",
        TT24_IN_FORCE, null));
    rules.add(new AuthorityRule(provinceId, LC, UnitKind.Tier.COMMUNE, OrgKind.DISTRICT, "Phòng GDĐT",
        OrgKind.DISTRICT, "director", "Trưởng phòng GDĐT", "QĐ-PGDĐT", true,
        "TT 25/2023/TT-BGDĐT, Điều 9 khoản 2", TT25_IN_FORCE, districtEnds));
    rules.add(new AuthorityRule(provinceId, LC, UnitKind.Tier.DISTRICT, OrgKind.PROVINCE, "Sở GDĐT",
        OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", true,
        "TT 25/2023/TT-BGDĐT, Điều 14", TT25_IN_FORCE, districtEnds));
    rules.add(new AuthorityRule(provinceId, LC, UnitKind.Tier.PROVINCE, OrgKind.NATION, "Bộ GDĐT",
        OrgKind.NATION, "signer", "Bộ trưởng Bộ GDĐT", "QĐ-BGDĐT", true,
        "TT 25/2023/TT-BGDĐT, Điều 19", TT25_IN_FORCE, null));
    if (twoTier) {
      rules.add(new AuthorityRule(provinceId, LU, UnitKind.Tier.DISTRICT, OrgKind.COMMUNE,
          "Phòng Văn hóa - Xã hội (UBND cấp xã)", OrgKind.COMMUNE, "signer", "Chủ tịch UBND cấp xã", "QĐ-UBND",
          false, "Từ 01/07/2025 không còn cấp huyện: việc của cấp huyện chuyển về cấp xã theo các thông tư phân"
              + " cấp năm 2025 (TT 11/2025, TT 26/2025; nguồn thứ cấp). Chưa đọc được văn bản giao bước này:"
              + " chờ xác nhận văn bản.", TWO_TIER_FROM, null));
      rules.add(new AuthorityRule(provinceId, LC, UnitKind.Tier.COMMUNE, OrgKind.PROVINCE, "Sở GDĐT",
          OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", false,
          "Từ 01/07/2025 không còn Phòng GDĐT. Không áp dụng cách thay cụm từ chung (xã không tự công nhận mình);"
              + " chưa có văn bản giao việc công nhận: cấu hình của tỉnh, chờ xác nhận văn bản.",
          TWO_TIER_FROM, null));
    }
    return rules;
  }
}
