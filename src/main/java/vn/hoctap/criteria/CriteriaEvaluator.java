package vn.hoctap.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hoctap.criteria.IndicatorResult.Outcome;
import vn.hoctap.org.UnitProfile;

/**
 * Evaluates a unit's indicator values against a criteria set (đánh giá theo bộ tiêu chí). Stateless; usable as a
 * plain object in tests and as a Spring bean in delegates.
 *
 * <p>Confirmed indicators are decided by their rule. Indicators awaiting the official text ("chờ xác nhận văn
 * bản") and qualitative ones (rule JUDGEMENT) are decided only by an explicit human judgement; the configured
 * threshold, if any, is shown as a hint but never decides. Where the set requires evidence (TT24 Điều 9 khoản 3),
 * the {@link EvidenceCheck} says whether missing evidence only warns (self-assessment) or decides (appraisal).
 */
@Component
public class CriteriaEvaluator {

  static final String AWAITING_TEXT = "chờ xác nhận văn bản";

  public EvaluationResult evaluate(CriteriaSet set, UnitProfile unit, Map<String, IndicatorInput> valuesByCode) {
    return evaluate(set, unit, valuesByCode, EvidenceCheck.NOT_CHECKED);
  }

  public EvaluationResult evaluate(CriteriaSet set, UnitProfile unit, Map<String, IndicatorInput> valuesByCode,
      EvidenceCheck evidence) {
    if (set.tier() != unit.tier()) {
      // A wrong set would give a confident but meaningless result; fail instead.
      throw new IllegalArgumentException("Bộ tiêu chí " + set.code() + " dành cho " + set.tier().label()
          + ", không dùng được cho " + (unit.kind() == null ? "" : unit.kind().label() + " ") + "("
          + unit.tier().label() + ")");
    }
    EvidenceCheck.Mode mode = set.evidenceRequired() && evidence != null ? evidence.mode() : EvidenceCheck.Mode.NONE;
    Map<String, IndicatorInput> values = valuesByCode == null ? Map.of() : valuesByCode;
    List<IndicatorResult> results = new ArrayList<>();
    for (Criterion criterion : set.criteria()) {
      for (Indicator indicator : criterion.indicators()) {
        IndicatorResult r = evaluate(criterion, indicator, unit, values.get(indicator.code()));
        results.add(mode == EvidenceCheck.Mode.NONE ? r : withEvidence(set, r, evidence.of(indicator.code()), mode));
      }
    }
    EvaluationResult.Outcome outcome = overall(results);
    return new EvaluationResult(set.code(), set.version(), outcome, summary(set, outcome, results, mode), results);
  }

  private IndicatorResult evaluate(Criterion criterion, Indicator declared, UnitProfile unit, IndicatorInput input) {
    Indicator i = declared.forUnit(unit);
    RuleEvaluator rule = RuleEvaluator.forKind(i.rule());
    String threshold = rule.threshold(i) + (declared.usesDifficultAreaThreshold(unit)
        ? " (xã thuộc vùng khó khăn)" : "");
    Optional<String> notApplicable = i.appliesTo().notApplicableReason(unit);
    if (notApplicable.isPresent()) {
      return result(criterion, i, false, null, threshold, Outcome.NOT_APPLICABLE,
          RuleEvaluator.name(i) + ": không áp dụng – " + notApplicable.get() + ".");
    }
    List<InputError> problems = rule.check(i, input);
    if (!problems.isEmpty()) {
      // Also for unconfirmed indicators: the person judging needs the measured value as evidence.
      String why = problems.stream().map(InputError::message).collect(Collectors.joining(" "));
      return result(criterion, i, true, null, threshold, Outcome.MISSING,
          "Thiếu giá trị hợp lệ (yêu cầu: " + threshold + "). " + why + " Căn cứ: " + i.source() + ".");
    }
    String measured = rule.measured(i, input);
    boolean byPerson = !i.confirmed() || i.rule() == RuleKind.JUDGEMENT;
    if (byPerson) {
      return judged(criterion, i, rule, input, measured, threshold);
    }
    boolean met = rule.meets(i, input);
    String explanation = RuleEvaluator.name(i) + ": đo được " + measured + ", yêu cầu " + threshold + " → "
        + (met ? "đạt" : "không đạt") + ". Căn cứ: " + i.source() + ".";
    return result(criterion, i, true, measured, threshold, met ? Outcome.MET : Outcome.NOT_MET, explanation);
  }

  /** Adds what the evidence says: a warning at self-assessment, "không đạt" at appraisal when none is suitable. */
  private static IndicatorResult withEvidence(CriteriaSet set, IndicatorResult r, EvidenceCheck.IndicatorEvidence e,
      EvidenceCheck.Mode mode) {
    if (!r.applicable()) {
      return r;
    }
    boolean missing = !e.suitable();
    String explanation = r.explanation();
    Outcome outcome = r.outcome();
    if (missing && r.outcome() != Outcome.MISSING) {
      String what = e.rejectedReasons().isEmpty() ? "chưa có tệp minh chứng nào cho chỉ tiêu này"
          : "các minh chứng đã nộp bị đánh giá không phù hợp: " + String.join("; ", e.rejectedReasons());
      if (mode == EvidenceCheck.Mode.DECIDE) {
        outcome = Outcome.NOT_MET;
        explanation = r.code() + ": không có minh chứng phù hợp (" + what + ") → không đạt. Căn cứ: "
            + set.evidenceSource() + ". Số liệu đã nhập: " + (r.measured() == null ? "—" : r.measured()) + ".";
      } else {
        explanation = explanation + " Lưu ý: " + what + "; khi thẩm định, chỉ tiêu không có minh chứng phù hợp được"
            + " đánh giá là không đạt (" + set.evidenceSource() + ").";
      }
    }
    return new IndicatorResult(r.code(), r.criterionCode(), r.text(), r.rule(), r.applicable(), r.confirmed(),
        r.measured(), r.threshold(), outcome, explanation, r.source(), e.describe(), missing);
  }

  private IndicatorResult judged(Criterion criterion, Indicator i, RuleEvaluator rule, IndicatorInput input,
      String measured, String threshold) {
    String why = i.confirmed()
        ? "chỉ tiêu định tính nên do người đánh giá kết luận"
        : "chỉ tiêu " + AWAITING_TEXT + " nên do người đánh giá kết luận, không tự động đạt hay không đạt";
    StringBuilder text = new StringBuilder(RuleEvaluator.name(i)).append(": ").append(why).append(". ");
    if (i.rule() != RuleKind.JUDGEMENT) {
      text.append("Đo được ").append(measured).append(", ngưỡng cấu hình: ").append(threshold);
      if (!threshold.startsWith(RuleEvaluator.NO_THRESHOLD)) {
        // A hint for the person judging; it never decides an unconfirmed indicator.
        text.append(" (tham khảo, chưa xác nhận: ").append(rule.meets(i, input) ? "đạt" : "không đạt").append(")");
      }
      text.append(". ");
    }
    IndicatorInput.Judgement judgement = input == null ? null : input.judgement();
    Outcome outcome;
    if (judgement == null) {
      outcome = Outcome.AWAITING_JUDGEMENT;
      text.append("Chưa có kết luận: cần người đánh giá kết luận đạt hay không đạt.");
    } else {
      outcome = judgement == IndicatorInput.Judgement.MET ? Outcome.JUDGED_MET : Outcome.JUDGED_NOT_MET;
      text.append("Người đánh giá kết luận: ").append(outcome == Outcome.JUDGED_MET ? "đạt" : "không đạt").append('.');
      if (input.note() != null && !input.note().isBlank() && i.rule() != RuleKind.JUDGEMENT) {
        text.append(" Ghi chú: ").append(input.note().strip()).append('.');
      }
    }
    text.append(" Căn cứ: ").append(i.source()).append('.');
    return result(criterion, i, true, measured, threshold, outcome, text.toString());
  }

  private static IndicatorResult result(Criterion c, Indicator i, boolean applicable, String measured,
      String threshold, Outcome outcome, String explanation) {
    return new IndicatorResult(i.code(), c.code(), i.text(), i.rule(), applicable, i.confirmed(), measured,
        threshold, outcome, explanation, i.source(), null, false);
  }

  /** Missing data first (nothing can be concluded), then failures, then open judgements. */
  static EvaluationResult.Outcome overall(List<IndicatorResult> results) {
    if (any(results, Outcome.MISSING)) {
      return EvaluationResult.Outcome.INCOMPLETE;
    }
    if (any(results, Outcome.NOT_MET) || any(results, Outcome.JUDGED_NOT_MET)) {
      return EvaluationResult.Outcome.NOT_MET;
    }
    if (any(results, Outcome.AWAITING_JUDGEMENT)) {
      return EvaluationResult.Outcome.NEEDS_JUDGEMENT;
    }
    return EvaluationResult.Outcome.MET;
  }

  private static boolean any(List<IndicatorResult> results, Outcome outcome) {
    return results.stream().anyMatch(r -> r.outcome() == outcome);
  }

  private static String summary(CriteriaSet set, EvaluationResult.Outcome outcome, List<IndicatorResult> results,
      EvidenceCheck.Mode mode) {
    String what = "mức độ " + set.level() + " (bộ tiêu chí " + set.code() + ", phiên bản " + set.version() + ")";
    long applicable = results.stream().filter(IndicatorResult::applicable).count();
    List<String> failed = codes(results, Outcome.NOT_MET, Outcome.JUDGED_NOT_MET);
    List<String> awaiting = codes(results, Outcome.AWAITING_JUDGEMENT);
    List<String> noEvidence = results.stream().filter(r -> r.evidenceMissing() && r.outcome() != Outcome.MISSING)
        .map(IndicatorResult::code).toList();
    String text = switch (outcome) {
      case MET -> "Đạt " + what + ": cả " + applicable + " chỉ tiêu áp dụng đều đạt.";
      case NOT_MET -> "Chưa đạt " + what + ": " + failed.size() + " chỉ tiêu không đạt (" + String.join(", ", failed)
          + ")" + (awaiting.isEmpty() ? "" : "; " + awaiting.size() + " chỉ tiêu còn chờ người đánh giá kết luận ("
          + String.join(", ", awaiting) + ")") + ".";
      case NEEDS_JUDGEMENT -> "Các chỉ tiêu đã xác nhận đều đạt " + what + "; còn " + awaiting.size()
          + " chỉ tiêu cần người đánh giá kết luận (" + String.join(", ", awaiting) + ").";
      case INCOMPLETE -> {
        List<String> missing = codes(results, Outcome.MISSING);
        yield "Chưa đủ dữ liệu để đánh giá " + what + ": thiếu giá trị hợp lệ của " + missing.size() + " chỉ tiêu ("
            + String.join(", ", missing) + ")" + (failed.isEmpty() ? "" : "; đã có " + failed.size()
            + " chỉ tiêu không đạt (" + String.join(", ", failed) + ")") + ".";
      }
    };
    if (!noEvidence.isEmpty()) {
      text += mode == EvidenceCheck.Mode.DECIDE
          ? " Trong đó " + noEvidence.size() + " chỉ tiêu không đạt vì không có minh chứng phù hợp ("
              + String.join(", ", noEvidence) + "; " + set.evidenceSource() + ")."
          : " Lưu ý: " + noEvidence.size() + " chỉ tiêu chưa có minh chứng (" + String.join(", ", noEvidence)
              + "); khi thẩm định, chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt ("
              + set.evidenceSource() + ").";
    }
    return text;
  }

  private static List<String> codes(List<IndicatorResult> results, Outcome... wanted) {
    List<Outcome> w = List.of(wanted);
    return results.stream().filter(r -> w.contains(r.outcome())).map(IndicatorResult::code).toList();
  }
}
