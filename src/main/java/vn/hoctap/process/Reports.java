package vn.hoctap.process;

import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.IndicatorResult;

/**
 * Plain-text views of stored results, for read-only fields of the Tasklist forms. They are process variables, which
 * the engine stores in 4000 characters: met indicators are listed with their value only (the page's table has every
 * explanation), and a text that would still be longer is cut with a pointer to the dossier's page.
 */
final class Reports {

  /** ACT_RU_VARIABLE.TEXT_ is varchar(4000). */
  static final int MAX = 3900;

  private Reports() {}

  static String fit(String text) {
    if (text == null || text.length() <= MAX) {
      return text;
    }
    String more = "\n… (còn tiếp: xem đầy đủ ở mục «Các chỉ tiêu» của trang hồ sơ)";
    int cut = text.lastIndexOf('\n', MAX - more.length());
    return text.substring(0, cut < 0 ? MAX - more.length() : cut) + more;
  }

  static String evaluation(EvaluationResult result) {
    if (result == null) {
      return "Chưa có kết quả đánh giá.";
    }
    StringBuilder sb = new StringBuilder(result.summary()).append('\n');
    for (IndicatorResult r : result.indicators()) {
      if (r.outcome() == IndicatorResult.Outcome.NOT_APPLICABLE) {
        continue;
      }
      boolean met = r.outcome() == IndicatorResult.Outcome.MET || r.outcome() == IndicatorResult.Outcome.JUDGED_MET;
      sb.append(mark(r.outcome())).append(' ').append(r.code()).append(": ")
          .append(met && !r.evidenceMissing() ? (r.measured() == null ? "đạt" : r.measured()) : r.explanation())
          .append('\n');
    }
    return fit(sb.toString().strip());
  }

  private static String mark(IndicatorResult.Outcome o) {
    return switch (o) {
      case MET, JUDGED_MET -> "[ĐẠT]";
      case NOT_MET, JUDGED_NOT_MET -> "[KHÔNG ĐẠT]";
      case MISSING -> "[THIẾU SỐ LIỆU]";
      case AWAITING_JUDGEMENT -> "[CHỜ NHẬN ĐỊNH]";
      case NOT_APPLICABLE -> "";
    };
  }
}
