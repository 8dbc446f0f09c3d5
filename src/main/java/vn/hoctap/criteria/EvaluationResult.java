package vn.hoctap.criteria;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The outcome of evaluating one dossier's values against one criteria set version. Stored as JSON on the dossier,
 * so it carries its own explanation and the set code and version it was computed with.
 */
public record EvaluationResult(
    String setCode, int setVersion, Outcome outcome, String summary, List<IndicatorResult> indicators) {

  public enum Outcome {
    /** Every applicable indicator met (confirmed ones by rule, the others by a person's judgement). */
    MET,
    /** At least one indicator not met (by rule or by judgement). */
    NOT_MET,
    /** Confirmed indicators all met, but some indicators still await a person's judgement. */
    NEEDS_JUDGEMENT,
    /** Some applicable indicator has no valid value yet. */
    INCOMPLETE
  }

  public EvaluationResult {
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }

  @JsonIgnore
  public List<IndicatorResult> withOutcome(IndicatorResult.Outcome wanted) {
    return indicators.stream().filter(r -> r.outcome() == wanted).toList();
  }

  public IndicatorResult indicator(String code) {
    return indicators.stream().filter(r -> r.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Không có chỉ tiêu " + code + " trong kết quả"));
  }
}
