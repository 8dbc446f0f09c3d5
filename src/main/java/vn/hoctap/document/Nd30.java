package vn.hoctap.document;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Nghị định 30/2020/NĐ-CP (Phụ lục I) writes the parts of an administrative document: the date line, the
 * number, the place name, upper case with Vietnamese rules.
 */
public final class Nd30 {

  public static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
  static final Locale VI = Locale.forLanguageTag("vi");
  private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)(/.*)$");
  private static final Pattern ADMIN_PREFIX = Pattern.compile(
      "^(Thành phố|Tỉnh|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Thôn|Tổ dân phố|Bản|Ấp)\\s+", Pattern.CASE_INSENSITIVE);

  private Nd30() {}

  /**
   * "ngày 05 tháng 3 năm 2027": a zero before days 1 to 9 and months 1 and 2 only (NĐ 30, Phụ lục I, mục I.5.b).
   */
  public static String date(LocalDate d) {
    int m = d.getMonthValue();
    return "ngày " + String.format("%02d", d.getDayOfMonth()) + " tháng " + (m <= 2 ? "0" + m : String.valueOf(m))
        + " năm " + d.getYear();
  }

  /** "Thanh Trì, ngày 05 tháng 3 năm 2027". */
  public static String placeAndDate(String place, LocalDate d) {
    return place + ", " + date(d);
  }

  /** The number as printed: "Số: 05/QĐ-UBND" (a zero before numbers below 10, NĐ 30 Phụ lục I, mục I.3). */
  public static String numberLine(String number) {
    return "Số: " + number(number);
  }

  /** "5/QĐ-UBND" → "05/QĐ-UBND"; numbers from 10 on and anything else unchanged. */
  public static String number(String number) {
    if (number == null) {
      return "";
    }
    Matcher m = LEADING_NUMBER.matcher(number.strip());
    if (m.matches() && m.group(1).length() == 1) {
      return "0" + m.group(1) + m.group(2);
    }
    return number.strip();
  }

  /**
   * The place name of the date line: the administrative unit's own name without its kind ("Huyện Thanh Trì" →
   * "Thanh Trì", "Thành phố Hà Nội" → "Hà Nội"); the Ministry writes "Hà Nội".
   */
  public static String place(String orgName) {
    if (orgName == null || orgName.isBlank()) {
      return "";
    }
    if (orgName.startsWith("Bộ ")) {
      return "Hà Nội";
    }
    String s = orgName.strip();
    for (int i = 0; i < 2; i++) {
      s = ADMIN_PREFIX.matcher(s).replaceFirst("");
    }
    return s;
  }

  public static String upper(String s) {
    return s == null ? null : s.toUpperCase(VI);
  }
}
