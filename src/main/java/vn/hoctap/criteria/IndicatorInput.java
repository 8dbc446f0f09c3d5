package vn.hoctap.criteria;

/**
 * One indicator's value as entered by the assessment team or corrected by a reviewer. Which fields are used
 * depends on the indicator's rule kind: {@code yes} for BOOLEAN, {@code met}/{@code total} for PERCENT_AT_LEAST,
 * {@code choice} (an enum name) for EMULATION_TITLE_AT_LEAST and DIGITAL_LEVEL_AT_LEAST. {@code judgement} is the
 * explicit human judgement required for indicators still awaiting the official text ("chờ xác nhận văn bản").
 */
public record IndicatorInput(Boolean yes, Long met, Long total, String choice, Judgement judgement, String note) {

  public enum Judgement { MET, NOT_MET }

  public static IndicatorInput ofYes(boolean yes) {
    return new IndicatorInput(yes, null, null, null, null, null);
  }

  public static IndicatorInput ofCounts(long met, long total) {
    return new IndicatorInput(null, met, total, null, null, null);
  }

  public static IndicatorInput ofChoice(String choice) {
    return new IndicatorInput(null, null, null, choice, null, null);
  }

  public IndicatorInput withJudgement(Judgement j) {
    return new IndicatorInput(yes, met, total, choice, j, note);
  }

  public IndicatorInput withNote(String n) {
    return new IndicatorInput(yes, met, total, choice, judgement, n);
  }
}
