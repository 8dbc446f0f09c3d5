package vn.hoctap.criteria;

/**
 * How one indicator came out, with enough text to explain it to the unit and the reviewer without opening the
 * criteria set: what was measured, against which threshold, why, the legal source, and the evidence seen ({@code
 * evidence}, null where evidence was not looked at; {@code evidenceMissing} when none was suitable).
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
    String source,
    String evidence,
    boolean evidenceMissing) {

  public enum Outcome {
    MET,
    /** Not met by its rule, or (TT24 Điều 9 khoản 3) for want of suitable evidence at appraisal. */
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
