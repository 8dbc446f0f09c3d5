package vn.hoctap.criteria;

/**
 * How one indicator came out, with enough text to explain it to the unit and the reviewer without opening the
 * criteria set: what was measured, against which threshold, why, and the legal source.
 */
public record IndicatorResult(
    String code,
    String criterionCode,
    String text,
    RuleKind rule,
    boolean applicable,
    boolean confirmed,
    String measured,
    String threshold,
    Outcome outcome,
    String explanation,
    String source) {

  public enum Outcome {
    MET,
    NOT_MET,
    /** No (valid) value entered for an applicable indicator. */
    MISSING,
    NOT_APPLICABLE,
    /** Decided by a person because the indicator awaits the official text or is qualitative. */
    JUDGED_MET,
    JUDGED_NOT_MET,
    /** Needs a person's judgement that has not been given yet. */
    AWAITING_JUDGEMENT
  }
}
