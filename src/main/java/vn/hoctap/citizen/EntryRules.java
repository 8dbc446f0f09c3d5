package vn.hoctap.citizen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;
import vn.hoctap.citizen.ScoreSheet.Judgement;

/**
 * The checks of one entry, the same for a spreadsheet row and the entry form: identity number format, name,
 * year of birth, each score within its indicator's range, the judgement where the pass rule awaits the official
 * text. Every problem is reported against its field, so that a spreadsheet row can name the column.
 */
final class EntryRules {

  static final Pattern PERSON_ID = Pattern.compile("\\d{12}");
  static final int MAX_NAME = 200;

  /** A field of an entry: "identity", "name", "birthYear", "judgement" or an indicator code. */
  record FieldError(String field, String message) {}

  /** A valid entry, scored. */
  record Parsed(String identity, String name, Integer birthYear, BigDecimal[] scores, Judgement judgement,
      ScoreSheet.Score score) {

    String scoresText() {
      StringBuilder sb = new StringBuilder();
      for (BigDecimal s : scores) {
        if (sb.length() > 0) {
          sb.append(';');
        }
        sb.append(s.stripTrailingZeros().toPlainString());
      }
      return sb.toString();
    }
  }

  static final String IDENTITY = "identity";
  static final String NAME = "name";
  static final String BIRTH_YEAR = "birthYear";
  static final String JUDGEMENT = "judgement";

  private EntryRules() {}

  /**
   * Parses and scores one entry; returns null and adds to {@code errors} if anything is wrong. Raw values are
   * text as typed (a number cell's value, or "9,5" with a decimal comma).
   */
  static Parsed parse(ScoreSheet sheet, String villageCode, int currentYear, String identity, String name,
      String birthYear, String[] scores, String judgement, List<FieldError> errors) {
    int before = errors.size();
    Subject subject = sheet.subject();
    String id = identity(subject, villageCode, identity, errors);
    String n = name == null ? null : name.strip();
    if (n == null || n.isEmpty()) {
      errors.add(new FieldError(NAME, "Thiếu \"" + subject.nameHeader() + "\"."));
    } else if (n.length() > MAX_NAME) {
      errors.add(new FieldError(NAME, "\"" + subject.nameHeader() + "\" dài quá " + MAX_NAME + " ký tự."));
    }
    Integer year = null;
    if (birthYear != null && !birthYear.isBlank()) {
      BigDecimal y = number(birthYear);
      if (y == null || y.stripTrailingZeros().scale() > 0 || y.compareTo(BigDecimal.valueOf(1900)) < 0
          || y.compareTo(BigDecimal.valueOf(currentYear)) > 0) {
        errors.add(new FieldError(BIRTH_YEAR, "Năm sinh \"" + birthYear.strip() + "\" không hợp lệ (từ 1900 đến "
            + currentYear + ")."));
      } else {
        year = y.intValue();
      }
    }
    BigDecimal[] values = new BigDecimal[sheet.indicators().size()];
    for (int i = 0; i < values.length; i++) {
      ScoreSheet.Item item = sheet.indicators().get(i);
      String raw = i < scores.length ? scores[i] : null;
      if (raw == null || raw.isBlank()) {
        errors.add(new FieldError(item.code(), "Thiếu điểm chỉ tiêu " + item.code() + " (0 đến "
            + ScoreSheet.plain(item.max()) + ")."));
        continue;
      }
      BigDecimal v = number(raw);
      if (v == null) {
        errors.add(new FieldError(item.code(), "Điểm chỉ tiêu " + item.code() + " phải là số, đang là \""
            + raw.strip() + "\"."));
      } else if (v.signum() < 0 || v.compareTo(item.max()) > 0) {
        errors.add(new FieldError(item.code(), "Điểm chỉ tiêu " + item.code() + " phải từ 0 đến "
            + ScoreSheet.plain(item.max()) + ", đang là " + raw.strip() + "."));
      } else {
        values[i] = v.setScale(2, RoundingMode.HALF_UP);
      }
    }
    Judgement j = null;
    if (sheet.needsJudgement()) {
      j = Judgement.parse(judgement);
      if (j == null) {
        errors.add(new FieldError(JUDGEMENT, (judgement == null || judgement.isBlank() ? "Thiếu nhận định"
            : "Nhận định \"" + judgement.strip() + "\" không hợp lệ") + ": ngưỡng đạt " + ScoreSheet.PENDING
            + ", cần ghi Đạt hoặc Không đạt."));
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new Parsed(id, n, year, values, j, sheet.evaluate(values, j));
  }

  private static String identity(Subject subject, String villageCode, String raw, List<FieldError> errors) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) {
      errors.add(new FieldError(IDENTITY, "Thiếu \"" + subject.identityHeader() + "\"."));
      return null;
    }
    if (!subject.personId()) {
      if (!s.equals(villageCode)) {
        errors.add(new FieldError(IDENTITY, "Mã thôn phải là " + villageCode + " (thôn của đợt đánh giá), đang là \""
            + s + "\"."));
      }
      return s;
    }
    if (!PERSON_ID.matcher(s).matches()) {
      String hint = s.matches("\\d{1,11}") ? " Nếu số bắt đầu bằng 0, hãy định dạng ô là Văn bản (Text) để giữ số 0."
          : "";
      errors.add(new FieldError(IDENTITY, "Số định danh cá nhân phải gồm đúng 12 chữ số, đang là \"" + s + "\"."
          + hint));
    }
    return s;
  }

  /** A number typed with a decimal point or a decimal comma; null if it is not one. */
  static BigDecimal number(String raw) {
    String s = raw.strip().replace(',', '.');
    if (s.isEmpty() || s.length() > 40) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
