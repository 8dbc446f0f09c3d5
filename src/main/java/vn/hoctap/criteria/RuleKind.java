package vn.hoctap.criteria;

/**
 * How an indicator (chỉ tiêu) is decided. TT 24/2023 and TT 25/2023 have conditions, ratios with thresholds, levels,
 * counts and year-on-year comparisons, no points, so each kind maps to one small evaluator in {@link RuleEvaluator}.
 */
public enum RuleKind {
  /** A condition that is either fulfilled or not (IndicatorInput.yes). */
  BOOLEAN,
  /** met / total × 100 must reach the threshold (a percentage) over the indicator's population. */
  PERCENT_AT_LEAST,
  /** The unit's emulation title must be at least the threshold ({@link EmulationTitle} name). */
  EMULATION_TITLE_AT_LEAST,
  /** The unit's digital-transformation level must be at least the threshold ({@link DigitalLevel} name). */
  DIGITAL_LEVEL_AT_LEAST,
  /** A count (IndicatorInput.met), e.g. programmes in the year, must reach the threshold (a whole number). */
  COUNT_AT_LEAST,
  /**
   * This year's figure (IndicatorInput.current) compared with the previous year's (IndicatorInput.previous): the
   * threshold is INCREASE ("tăng so với năm trước liền kề") or DECREASE ("giảm …"); equal is neither.
   */
  YEAR_ON_YEAR,
  /** No measurable rule: a person decides (used for indicators whose official text is awaited). */
  JUDGEMENT
}
