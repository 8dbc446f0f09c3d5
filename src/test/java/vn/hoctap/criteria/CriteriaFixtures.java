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
   * The set with one indicator turned into one awaiting the official text ("chờ xác nhận văn bản"), with that
   * threshold: the bundled sets follow the texts and have none, but a revision or an amendment may bring one.
   */
  static CriteriaSet withUnconfirmed(CriteriaSet set, String code, String threshold) {
    Indicator i = set.indicator(code).orElseThrow();
    return set.withIndicator(new Indicator(i.code(), i.text(), i.part(), i.rule(), threshold, null, i.population(),
        i.unit(), i.appliesTo(), i.feed(), false, i.source(), i.remark(), i.pending()));
  }

  /** Evidence for every indicator of the set: one file each, none marked "không phù hợp". */
  static EvidenceCheck evidenceForAll(CriteriaSet set, EvidenceCheck.Mode mode) {
    Map<String, EvidenceCheck.IndicatorEvidence> byCode = new LinkedHashMap<>();
    set.indicators().forEach(i -> byCode.put(i.code(), new EvidenceCheck.IndicatorEvidence(1, List.of(), null)));
    return new EvidenceCheck(mode, byCode);
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
        case DIGITAL_LEVEL_AT_LEAST -> IndicatorInput.ofChoice(DigitalLevel.GOOD.name());
        case COUNT_AT_LEAST -> IndicatorInput.ofCount(12);
        case YEAR_ON_YEAR -> Indicator.DECREASE.equals(i.threshold()) ? IndicatorInput.ofYears("3.1", "4.2")
            : IndicatorInput.ofYears("70.5", "65.2");
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
