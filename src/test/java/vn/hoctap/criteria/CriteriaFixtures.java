package vn.hoctap.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;

/** The real bundled criteria sets and a value map that passes everything, for tests to spoil one value at a time. */
final class CriteriaFixtures {

  static final CriteriaSetJson JSON = new CriteriaSetJson();
  static final List<CriteriaSet> BUNDLED = JSON.readBundled();

  private CriteriaFixtures() {}

  static CriteriaSet set(String code) {
    return BUNDLED.stream().filter(s -> s.code().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("missing bundled set " + code));
  }

  static UnitProfile publicUnit(UnitKind kind) {
    return new UnitProfile(kind, true);
  }

  static UnitProfile privateUnit(UnitKind kind) {
    return new UnitProfile(kind, false);
  }

  /**
   * Best possible values for every indicator applicable to the unit, with a MET judgement on those that need a
   * person. The map is mutable so a test can replace one entry.
   */
  static Map<String, IndicatorInput> allMet(CriteriaSet set, UnitProfile unit) {
    Map<String, IndicatorInput> values = new LinkedHashMap<>();
    for (Indicator i : set.indicators()) {
      if (!i.appliesTo(unit)) {
        continue;
      }
      IndicatorInput in = switch (i.rule()) {
        case BOOLEAN -> IndicatorInput.ofYes(true);
        case PERCENT_AT_LEAST -> IndicatorInput.ofCounts(100, 100);
        case EMULATION_TITLE_AT_LEAST -> IndicatorInput.ofChoice(EmulationTitle.TAP_THE_LAO_DONG_XUAT_SAC.name());
        case DIGITAL_LEVEL_AT_LEAST -> IndicatorInput.ofChoice(DigitalLevel.LEVEL_3.name());
        case JUDGEMENT -> new IndicatorInput(null, null, null, null, null, null);
      };
      if (!i.confirmed() || i.rule() == RuleKind.JUDGEMENT) {
        in = in.withJudgement(IndicatorInput.Judgement.MET);
      }
      values.put(i.code(), in);
    }
    return values;
  }
}
