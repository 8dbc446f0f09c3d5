package vn.hoctap.org;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The type of an administrative unit in the official list of 2025 (QĐ 19/2025/QĐ-TTg, "Bảng danh mục và mã số các
 * đơn vị hành chính Việt Nam"; NQ 126/NQ-CP: 2,636 xã, 672 phường and 13 đặc khu, 3,321 commune-level units under
 * 34 provinces). It refines a tier rather than adding one: a đặc khu is a commune-level unit, so everything that
 * handles communes (CĐHT xã dossiers and rounds, routing, dashboards) handles it unchanged.
 *
 * <p>Typed units carry the official code: 2 digits for a province, 5 for a commune-level unit. Units recorded
 * before the list (demo data, district-era trees) have no type and keep their free-form codes.
 */
public enum AdministrativeType {
  TINH("Tỉnh", OrgKind.PROVINCE),
  THANH_PHO("Thành phố", OrgKind.PROVINCE),
  XA("Xã", OrgKind.COMMUNE),
  PHUONG("Phường", OrgKind.COMMUNE),
  DAC_KHU("Đặc khu", OrgKind.COMMUNE);

  private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
  private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");

  private final String label;
  private final OrgKind tier;

  AdministrativeType(String label, OrgKind tier) {
    this.label = label;
    this.tier = tier;
  }

  /** "Đặc khu": the word the official list writes in its "Cấp" column and in front of the unit's name. */
  public String label() {
    return label;
  }

  public OrgKind tier() {
    return tier;
  }

  /** Whether the code has the official form of this tier: 2 digits (province) or 5 digits (commune level). */
  public boolean validCode(String code) {
    return code != null && (tier == OrgKind.PROVINCE ? PROVINCE_CODE : COMMUNE_CODE).matcher(code).matches();
  }

  /** Why the code is not an official code of this type, in Vietnamese, or null when it is. */
  public String codeProblem(String code) {
    if (validCode(code)) {
      return null;
    }
    return tier == OrgKind.PROVINCE
        ? "Mã " + label.toLowerCase(Locale.ROOT) + " theo danh mục QĐ 19/2025/QĐ-TTg gồm đúng 2 chữ số (ví dụ 01);"
            + " \"" + code + "\" không đúng."
        : "Mã " + label.toLowerCase(Locale.ROOT) + " theo danh mục QĐ 19/2025/QĐ-TTg gồm đúng 5 chữ số (ví dụ"
            + " 00004); \"" + code + "\" không đúng.";
  }

  /** The full name: the type word in front unless the name starts with it ("Côn Đảo" → "Đặc khu Côn Đảo"). */
  public String fullName(String name) {
    if (name == null) {
      return null;
    }
    return key(name).startsWith(key(label) + " ") ? name : label + " " + name;
  }

  /** The type for its Vietnamese word or constant name, case and spacing ignored ("đặc khu", "DAC_KHU"). */
  public static Optional<AdministrativeType> of(String word) {
    if (word == null) {
      return Optional.empty();
    }
    String k = key(word);
    for (AdministrativeType t : values()) {
      if (k.equals(key(t.label)) || k.equals(key(t.name()))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static String key(String s) {
    return Normalizer.normalize(s.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
