package vn.hoctap.criteria;

/**
 * How an indicator (chỉ tiêu) is decided. TT 24/2023 has conditions and percentage thresholds, no points, so each
 * kind maps to one small evaluator in {@link CriteriaEvaluator}.
 */
public enum RuleKind {
  /** A condition that is either fulfilled or not (IndicatorInput.yes). */
  BOOLEAN,
  /** met / total × 100 must reach the threshold (a percentage). */
  PERCENT_AT_LEAST,
  /** The unit's emulation title must be at least the threshold ({@link EmulationTitle} name). */
  EMULATION_TITLE_AT_LEAST,
  /** The unit's digital-transformation level must be at least the threshold ({@link DigitalLevel} name). */
  DIGITAL_LEVEL_AT_LEAST,
  /** No measurable rule: a person decides (used for indicators whose official text is awaited). */
  JUDGEMENT
}
