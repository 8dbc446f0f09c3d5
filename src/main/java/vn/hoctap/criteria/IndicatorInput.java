package vn.hoctap.criteria;

import java.math.BigDecimal;

/**
 * One indicator's value as entered by the assessment team or corrected by a reviewer. Which fields are used
 * depends on the indicator's rule kind: {@code yes} for BOOLEAN, {@code met}/{@code total} for PERCENT_AT_LEAST,
 * {@code met} alone (the count) for COUNT_AT_LEAST, {@code choice} (an enum name) for EMULATION_TITLE_AT_LEAST and
 * DIGITAL_LEVEL_AT_LEAST, {@code current}/{@code previous} (this year's and the previous year's figure) for
 * YEAR_ON_YEAR. {@code judgement} is the explicit human judgement required for indicators still awaiting the
 * official text ("chờ xác nhận văn bản"); {@code note} names the evidence, or why a value hoctap knew was changed.
 */
public record IndicatorInput(Boolean yes, Long met, Long total, String choice, Judgement judgement, String note,
    BigDecimal current, BigDecimal previous) {

  public enum Judgement { MET, NOT_MET }

  public IndicatorInput(Boolean yes, Long met, Long total, String choice, Judgement judgement, String note) {
    this(yes, met, total, choice, judgement, note, null, null);
  }

  public static IndicatorInput ofYes(boolean yes) {
    return new IndicatorInput(yes, null, null, null, null, null);
  }

  public static IndicatorInput ofCounts(long met, long total) {
    return new IndicatorInput(null, met, total, null, null, null);
  }

  public static IndicatorInput ofCount(long count) {
    return new IndicatorInput(null, count, null, null, null, null);
  }

  public static IndicatorInput ofChoice(String choice) {
    return new IndicatorInput(null, null, null, choice, null, null);
  }

  public static IndicatorInput ofYears(BigDecimal current, BigDecimal previous) {
    return new IndicatorInput(null, null, null, null, null, null, current, previous);
  }

  public static IndicatorInput ofYears(String current, String previous) {
    return ofYears(current == null ? null : new BigDecimal(current), previous == null ? null : new BigDecimal(previous));
  }

  public IndicatorInput withJudgement(Judgement j) {
    return new IndicatorInput(yes, met, total, choice, j, note, current, previous);
  }

  public IndicatorInput withNote(String n) {
    return new IndicatorInput(yes, met, total, choice, judgement, n, current, previous);
  }
}
