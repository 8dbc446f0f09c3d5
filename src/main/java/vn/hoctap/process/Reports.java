package vn.hoctap.process;

import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.IndicatorResult;

/** Plain-text views of stored results, for read-only fields of the Tasklist forms. */
final class Reports {

  private Reports() {}

  static String evaluation(EvaluationResult result) {
    if (result == null) {
      return "Chưa có kết quả đánh giá.";
    }
    StringBuilder sb = new StringBuilder(result.summary()).append('\n');
    for (IndicatorResult r : result.indicators()) {
      if (r.outcome() == IndicatorResult.Outcome.NOT_APPLICABLE) {
        continue;
      }
      sb.append(mark(r.outcome())).append(' ').append(r.code()).append(": ").append(r.explanation()).append('\n');
    }
    return sb.toString().strip();
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
