package vn.hoctap.admin;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;

/**
 * The words administrators use for roles, tiers and unit kinds, in one place: the Vietnamese label of each role
 * (group "&lt;role&gt;-&lt;orgCode&gt;", {@link Groups#ROLES}), what it may do, and the spellings a spreadsheet may use for
 * a role, a tier (OrgKind) or a unit kind (UnitKind): the English name or the Vietnamese label, in any case, with or
 * without spaces.
 */
public final class Roles {

  /** One role: its name (group prefix), Vietnamese label and what its holders do. */
  public record Role(String name, String label, String may) {}

  public static final List<Role> ALL = List.of(
      new Role("team", "Tổ đánh giá", "Tự đánh giá các chỉ tiêu của trường / cơ quan, tải minh chứng."),
      new Role("head", "Thủ trưởng/Hiệu trưởng", "Xem xét kết quả tự đánh giá, ký Tờ trình và nộp hồ sơ của đơn vị."),
      new Role("reviewer", "Chuyên viên thẩm định",
          "Phòng / Sở / Bộ GDĐT: kiểm tra tính đầy đủ, yêu cầu bổ sung, thẩm định hồ sơ và minh chứng."),
      new Role("signer", "Người ký", "Chủ tịch UBND (hoặc Bộ trưởng): ký quyết định công nhận hoặc từ chối."),
      new Role("director", "Giám đốc/Trưởng phòng",
          "Trưởng phòng / Giám đốc Sở GDĐT: ký quyết định ở nơi cơ quan giáo dục tự quyết định."),
      new Role("committee", "Cán bộ UBND",
          "Cán bộ UBND xã / huyện / tỉnh: lập hồ sơ \"Cộng đồng học tập\" của địa phương."),
      new Role("chair", "Chủ tịch UBND", "Chủ trì họp thống nhất và nộp hồ sơ \"Cộng đồng học tập\" của địa phương."),
      new Role("viewer", "Xem báo cáo", "Theo dõi hồ sơ, bảng tổng hợp và báo cáo; không xử lý công việc."),
      new Role("council", "Thành viên Hội đồng",
          "Hội đồng Thi đua - Khen thưởng: bỏ phiếu từng ứng viên khen thưởng; xét đợt đánh giá Công dân học tập."),
      new Role("secretary", "Thư ký Hội đồng", "Thư ký Hội đồng Thi đua - Khen thưởng: kết thúc phiên họp, lập biên"
          + " bản xét khen thưởng."),
      new Role("branch", "Chi hội khuyến học",
          "Chi hội khuyến học thôn / tổ dân phố: xét danh sách Gia đình, Dòng họ học tập và thôn."),
      new Role("citizen", "Công dân", "Tự đánh giá \"Công dân học tập\" của chính mình trong các đợt của đơn vị (thành"
          + " viên) hoặc xã, phường (người dân); cần số định danh cá nhân. Không xem dữ liệu nào khác."));

  /** The tiers a spreadsheet may create (the national level exists once and is not imported). */
  public static final List<OrgKind> IMPORTABLE_KINDS = List.of(OrgKind.PROVINCE, OrgKind.DISTRICT, OrgKind.COMMUNE,
      OrgKind.VILLAGE, OrgKind.UNIT);

  private static final Map<String, String> ROLE_WORDS = new LinkedHashMap<>();
  private static final Map<String, OrgKind> KIND_WORDS = new LinkedHashMap<>();
  private static final Map<String, UnitKind> UNIT_KIND_WORDS = new LinkedHashMap<>();

  static {
    if (!java.util.Set.copyOf(ALL.stream().map(Role::name).toList()).equals(java.util.Set.copyOf(Groups.ROLES))) {
      throw new IllegalStateException("Roles.ALL and Groups.ROLES name different roles");
    }
    for (Role r : ALL) {
      ROLE_WORDS.put(key(r.name()), r.name());
      ROLE_WORDS.put(key(r.label()), r.name());
      for (String part : r.label().split("/")) {
        ROLE_WORDS.put(key(part), r.name());
      }
    }
    Map<OrgKind, String> short_ = Map.of(OrgKind.PROVINCE, "Tỉnh/Thành phố", OrgKind.DISTRICT, "Huyện",
        OrgKind.COMMUNE, "Xã/Phường", OrgKind.VILLAGE, "Thôn/Tổ dân phố", OrgKind.UNIT, "Trường/Cơ quan");
    for (OrgKind k : IMPORTABLE_KINDS) {
      KIND_WORDS.put(key(k.name()), k);
      KIND_WORDS.put(key(k.label()), k);
      KIND_WORDS.put(key(short_.get(k)), k);
      for (String part : (k.label() + "/" + short_.get(k)).split("/")) {
        KIND_WORDS.putIfAbsent(key(part), k);
      }
    }
    // "Đặc khu" (a part of COMMUNE's label) is a commune-level unit too: "Xã/Phường/Đặc khu"
    KIND_WORDS.putIfAbsent(key("Xã/Phường/Đặc khu"), OrgKind.COMMUNE);
    for (UnitKind k : UnitKind.values()) {
      UNIT_KIND_WORDS.put(key(k.name()), k);
      UNIT_KIND_WORDS.put(key(k.label()), k);
    }
  }

  private Roles() {}

  /** The role's name ("reviewer") for its name or Vietnamese label, or empty. */
  public static Optional<String> role(String word) {
    return Optional.ofNullable(word == null ? null : ROLE_WORDS.get(key(word)));
  }

  public static Optional<OrgKind> kind(String word) {
    return Optional.ofNullable(word == null ? null : KIND_WORDS.get(key(word)));
  }

  public static Optional<UnitKind> unitKind(String word) {
    return Optional.ofNullable(word == null ? null : UNIT_KIND_WORDS.get(key(word)));
  }

  /** The Vietnamese label of a role name; the name itself if unknown. */
  public static String label(String role) {
    return ALL.stream().filter(r -> r.name().equals(role)).map(Role::label).findFirst().orElse(role);
  }

  /** "Tổ đánh giá (team)" for a list of choices. */
  public static String choices() {
    StringBuilder b = new StringBuilder();
    for (Role r : ALL) {
      b.append(b.isEmpty() ? "" : ", ").append(r.label()).append(" (").append(r.name()).append(')');
    }
    return b.toString();
  }

  /** Lower case, composed Unicode, no spaces: "Tỉnh / thành phố" and "tỉnh/Thành Phố" are the same word. */
  static String key(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
  }
}
