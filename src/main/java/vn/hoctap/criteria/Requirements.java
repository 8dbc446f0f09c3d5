package vn.hoctap.criteria;

import vn.hoctap.org.UnitProfile;

/** What an indicator asks for, in words, for forms, pages and docs/criteria.md (the evaluator uses the same texts). */
public final class Requirements {

  private Requirements() {}

  /**
   * E.g. "≥ 50 % Thành viên trong đơn vị", "tăng so với năm trước liền kề", "≥ Mức đáp ứng cơ bản"; for a commune in
   * a difficult area its own threshold. Without a unit ({@code null}) both thresholds are named.
   */
  public static String of(Indicator i, UnitProfile unit) {
    if (i.rule() == RuleKind.BOOLEAN) {
      return "đạt yêu cầu (Có)";
    }
    String text = RuleEvaluator.forKind(i.rule()).threshold(i.forUnit(unit));
    if (i.usesDifficultAreaThreshold(unit)) {
      return text + " (xã thuộc vùng khó khăn)";
    }
    if (unit == null && i.difficultAreaThreshold() != null) {
      Indicator difficult = i.forUnit(UnitProfile.commune(true));
      return text + "; xã thuộc vùng khó khăn: " + RuleEvaluator.forKind(i.rule()).threshold(difficult);
    }
    return text;
  }

  /** The label of an enum value the forms offer (emulation title, digital level), or the value itself. */
  public static String choiceLabel(String value) {
    if (value == null) {
      return null;
    }
    for (EmulationTitle t : EmulationTitle.values()) {
      if (t.name().equals(value)) {
        return t.label();
      }
    }
    for (DigitalLevel l : DigitalLevel.values()) {
      if (l.name().equals(value)) {
        return l.label();
      }
    }
    return value;
  }
}
