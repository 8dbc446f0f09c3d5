package vn.hoctap.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.criteria.CriteriaFixtures.allMet;
import static vn.hoctap.criteria.CriteriaFixtures.privateUnit;
import static vn.hoctap.criteria.CriteriaFixtures.publicUnit;
import static vn.hoctap.criteria.CriteriaFixtures.set;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoctap.criteria.IndicatorInput.Judgement;
import vn.hoctap.criteria.IndicatorResult.Outcome;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;

class CriteriaEvaluatorTest {

  private final CriteriaEvaluator evaluator = new CriteriaEvaluator();

  private static final CriteriaSet PROVINCE_L1 = set("tt24-province-l1");
  private static final CriteriaSet PROVINCE_L2 = set("tt24-province-l2");
  private static final CriteriaSet DISTRICT_L1 = set("tt24-district-l1");
  private static final CriteriaSet DISTRICT_L2 = set("tt24-district-l2");

  private static final UnitProfile AGENCY = publicUnit(UnitKind.PROVINCE_AGENCY);
  private static final UnitProfile HIGH_SCHOOL = publicUnit(UnitKind.UPPER_SECONDARY);

  private EvaluationResult withValue(CriteriaSet set, UnitProfile unit, String code, IndicatorInput input) {
    Map<String, IndicatorInput> values = allMet(set, unit);
    values.put(code, input);
    return evaluator.evaluate(set, unit, values);
  }

  @Test
  void everythingMetGivesMet() {
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, HIGH_SCHOOL, allMet(PROVINCE_L1, HIGH_SCHOOL));
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
    assertThat(r.setCode()).isEqualTo("tt24-province-l1");
    assertThat(r.setVersion()).isEqualTo(1);
    assertThat(r.summary()).startsWith("Đạt mức độ 1");
    assertThat(r.indicators()).hasSize(PROVINCE_L1.indicators().size());
  }

  @ParameterizedTest(name = "{0} {1}/{2} → {3}")
  @CsvSource({
      "TC2.CT1, 90, 100, MET", "TC2.CT1, 9, 10, MET", "TC2.CT1, 899, 1000, NOT_MET", "TC2.CT1, 100, 100, MET",
      "TC2.CT2, 90, 100, MET", "TC2.CT2, 9, 10, MET", "TC2.CT2, 899, 1000, NOT_MET", "TC2.CT2, 0, 10, NOT_MET",
      "TC3.CT1, 90, 100, MET", "TC3.CT1, 9, 10, MET", "TC3.CT1, 899, 1000, NOT_MET",
      "TC3.CT1, 8999999, 10000000, NOT_MET"})
  void provinceLevel1MembersThresholdIsNinetyPercent(String code, long met, long total, Outcome expected) {
    EvaluationResult r = withValue(PROVINCE_L1, AGENCY, code, IndicatorInput.ofCounts(met, total));
    assertThat(r.indicator(code).outcome()).isEqualTo(expected);
    assertThat(r.outcome()).isEqualTo(
        expected == Outcome.MET ? EvaluationResult.Outcome.MET : EvaluationResult.Outcome.NOT_MET);
  }

  @ParameterizedTest(name = "district {0} {1}/{2} → {3}")
  @CsvSource({"TC2.CT1, 90, 100, MET", "TC2.CT1, 899, 1000, NOT_MET", "TC2.CT2, 9, 10, MET",
      "TC2.CT2, 899, 1000, NOT_MET"})
  void districtLevel1MembersThresholdIsNinetyPercent(String code, long met, long total, Outcome expected) {
    UnitProfile school = publicUnit(UnitKind.PRIMARY);
    EvaluationResult r = withValue(DISTRICT_L1, school, code, IndicatorInput.ofCounts(met, total));
    assertThat(r.indicator(code).outcome()).isEqualTo(expected);
  }

  @Test
  void percentExplanationShowsValueThresholdAndSource() {
    IndicatorResult ok = withValue(PROVINCE_L1, AGENCY, "TC2.CT1", IndicatorInput.ofCounts(45, 50))
        .indicator("TC2.CT1");
    assertThat(ok.measured()).isEqualTo("45/50 = 90,00 %");
    assertThat(ok.threshold()).isEqualTo("≥ 90 %");
    assertThat(ok.explanation()).contains("TC2.CT1", "45/50 = 90,00 %", "≥ 90 %", "→ đạt",
        "TT 24/2023/TT-BGDĐT, Tiêu chí 2, Chỉ tiêu 1 (cấp tỉnh, mức độ 1)");

    IndicatorResult ko = withValue(PROVINCE_L1, AGENCY, "TC2.CT1", IndicatorInput.ofCounts(89_999, 100_000))
        .indicator("TC2.CT1");
    // Truncated for display, so a failing value never reads as 90,00 %.
    assertThat(ko.measured()).isEqualTo("89999/100000 = 89,99 %");
    assertThat(ko.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(ko.explanation()).contains("→ không đạt");
  }

  @ParameterizedTest(name = "learners {0}/{1} at {2} → {3}")
  @CsvSource({"95, 100, tt24-province-l1, MET", "949, 1000, tt24-province-l1, NOT_MET",
      "19, 20, tt24-province-l1, MET", "97, 100, tt24-province-l2, MET", "969, 1000, tt24-province-l2, NOT_MET"})
  void learnersThresholdForEducationInstitutions(long met, long total, String setCode, Outcome expected) {
    EvaluationResult r = withValue(set(setCode), HIGH_SCHOOL, "TC3.CT1.HS", IndicatorInput.ofCounts(met, total));
    assertThat(r.indicator("TC3.CT1.HS").outcome()).isEqualTo(expected);
    assertThat(r.indicator("TC3.CT1.HS").applicable()).isTrue();
    if (expected == Outcome.NOT_MET) {
      assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.NOT_MET);
      assertThat(r.summary()).contains("TC3.CT1.HS");
    }
  }

  @ParameterizedTest(name = "members {0}/{1} at province level 2 → {2}")
  @CsvSource({"95, 100, MET", "19, 20, MET", "949, 1000, NOT_MET", "90, 100, NOT_MET"})
  void provinceLevel2MembersThresholdIsNinetyFivePercent(long met, long total, Outcome expected) {
    EvaluationResult r = withValue(PROVINCE_L2, AGENCY, "TC3.CT1", IndicatorInput.ofCounts(met, total));
    assertThat(r.indicator("TC3.CT1").outcome()).isEqualTo(expected);
    assertThat(r.indicator("TC3.CT1").threshold()).isEqualTo("≥ 95 %");
  }

  @Test
  void learnersIndicatorDoesNotApplyToAnAgency() {
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, AGENCY, allMet(PROVINCE_L1, AGENCY));
    IndicatorResult hs = r.indicator("TC3.CT1.HS");
    assertThat(hs.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(hs.applicable()).isFalse();
    assertThat(hs.explanation()).contains("Chỉ áp dụng cho cơ sở giáo dục");
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
  }

  @Test
  void stateBudgetIndicatorOnlyForPublicUnits() {
    UnitProfile privateSchool = privateUnit(UnitKind.UPPER_SECONDARY);
    Map<String, IndicatorInput> values = allMet(PROVINCE_L1, privateSchool);
    assertThat(values).doesNotContainKey("TC1.CT3");
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, privateSchool, values);
    assertThat(r.indicator("TC1.CT3").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(r.indicator("TC1.CT3").explanation()).contains("Chỉ áp dụng cho đơn vị công lập");
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);

    // Even a "no" is ignored for a private unit...
    values.put("TC1.CT3", IndicatorInput.ofYes(false));
    assertThat(evaluator.evaluate(PROVINCE_L1, privateSchool, values).outcome())
        .isEqualTo(EvaluationResult.Outcome.MET);
    // ...but decides for a public one, and leaving it out makes the dossier incomplete.
    assertThat(withValue(PROVINCE_L1, HIGH_SCHOOL, "TC1.CT3", IndicatorInput.ofYes(false)).outcome())
        .isEqualTo(EvaluationResult.Outcome.NOT_MET);
    Map<String, IndicatorInput> publicValues = allMet(PROVINCE_L1, HIGH_SCHOOL);
    publicValues.remove("TC1.CT3");
    EvaluationResult incomplete = evaluator.evaluate(PROVINCE_L1, HIGH_SCHOOL, publicValues);
    assertThat(incomplete.indicator("TC1.CT3").outcome()).isEqualTo(Outcome.MISSING);
    assertThat(incomplete.outcome()).isEqualTo(EvaluationResult.Outcome.INCOMPLETE);
  }

  @ParameterizedTest
  @EnumSource(value = UnitKind.class, names = {"PRESCHOOL", "PRIMARY", "LOWER_SECONDARY",
      "DISTRICT_VOCATIONAL_CONTINUING_CENTRE", "DISTRICT_AGENCY"})
  void preschoolSupportIndicatorOnlyForPreschools(UnitKind kind) {
    UnitProfile unit = publicUnit(kind);
    EvaluationResult r = withValue(DISTRICT_L1, unit, "TC1.CT2.MN", IndicatorInput.ofYes(false));
    if (kind == UnitKind.PRESCHOOL) {
      assertThat(r.indicator("TC1.CT2.MN").outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.NOT_MET);
    } else {
      assertThat(r.indicator("TC1.CT2.MN").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(r.indicator("TC1.CT2.MN").explanation()).contains("Trường mầm non");
      assertThat(r.outcome()).isNotEqualTo(EvaluationResult.Outcome.NOT_MET);
    }
  }

  @ParameterizedTest
  @EnumSource(value = UnitKind.class, names = {"UPPER_SECONDARY", "MULTI_LEVEL", "CONTINUING_EDUCATION_CENTRE",
      "VOCATIONAL_SCHOOL", "UNIVERSITY", "PROVINCE_AGENCY"})
  void unitKindIndicatorsOfCriterionThree(UnitKind kind) {
    UnitProfile unit = publicUnit(kind);
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, unit, allMet(PROVINCE_L1, unit));
    boolean school = kind == UnitKind.UPPER_SECONDARY || kind == UnitKind.MULTI_LEVEL
        || kind == UnitKind.CONTINUING_EDUCATION_CENTRE;
    assertThat(r.indicator("TC3.CT4").applicable()).isEqualTo(school);
    assertThat(r.indicator("TC3.CT5").applicable()).isEqualTo(kind == UnitKind.UNIVERSITY);
    assertThat(r.indicator("TC3.CT6").applicable()).isEqualTo(kind == UnitKind.VOCATIONAL_SCHOOL);
    assertThat(r.indicator("TC3.CT1.HS").applicable()).isEqualTo(kind != UnitKind.PROVINCE_AGENCY);
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
  }

  @Test
  void digitalLevelMustReachBasic() {
    UnitProfile university = publicUnit(UnitKind.UNIVERSITY);
    IndicatorResult below = withValue(PROVINCE_L1, university, "TC3.CT5",
        IndicatorInput.ofChoice(DigitalLevel.NOT_REACHED.name())).indicator("TC3.CT5");
    assertThat(below.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(below.measured()).isEqualTo("Chưa đạt");
    assertThat(below.threshold()).isEqualTo("≥ Mức cơ bản");
    assertThat(withValue(PROVINCE_L1, university, "TC3.CT5", IndicatorInput.ofChoice("BASIC"))
        .indicator("TC3.CT5").outcome()).isEqualTo(Outcome.MET);
    UnitProfile vocational = publicUnit(UnitKind.VOCATIONAL_SCHOOL);
    assertThat(withValue(PROVINCE_L1, vocational, "TC3.CT6", IndicatorInput.ofYes(false)).outcome())
        .isEqualTo(EvaluationResult.Outcome.NOT_MET);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"NONE, NOT_MET", "TAP_THE_LAO_DONG_TIEN_TIEN, MET", "TAP_THE_LAO_DONG_XUAT_SAC, MET"})
  void emulationTitleAtLeastAdvancedCollective(EmulationTitle title, Outcome expected) {
    IndicatorResult r = withValue(PROVINCE_L1, AGENCY, "TC3.CT3", IndicatorInput.ofChoice(title.name()))
        .indicator("TC3.CT3");
    assertThat(r.outcome()).isEqualTo(expected);
    assertThat(r.measured()).isEqualTo(title.label());
    assertThat(r.threshold()).isEqualTo("≥ Tập thể lao động tiên tiến");
  }

  @Test
  void emulationTitlesAndDigitalLevelsAreOrdered() {
    assertThat(EmulationTitle.TAP_THE_LAO_DONG_XUAT_SAC.atLeast(EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN)).isTrue();
    assertThat(EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN.atLeast(EmulationTitle.TAP_THE_LAO_DONG_XUAT_SAC)).isFalse();
    assertThat(EmulationTitle.NONE.atLeast(EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN)).isFalse();
    assertThat(EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN.label()).isEqualTo("Tập thể lao động tiên tiến");
    assertThat(DigitalLevel.LEVEL_2.atLeast(DigitalLevel.BASIC)).isTrue();
    assertThat(DigitalLevel.NOT_REACHED.atLeast(DigitalLevel.BASIC)).isFalse();
    assertThat(DigitalLevel.BASIC.label()).isEqualTo("Mức cơ bản");
  }

  @Test
  void unconfirmedIndicatorWithoutJudgementNeedsJudgement() {
    UnitProfile school = publicUnit(UnitKind.PRIMARY);
    Map<String, IndicatorInput> values = allMet(DISTRICT_L1, school);
    values.put("TC2.KHAC", new IndicatorInput(null, null, null, null, null, null));
    values.put("TC3.CT1", IndicatorInput.ofCounts(10, 100));
    EvaluationResult r = evaluator.evaluate(DISTRICT_L1, school, values);
    IndicatorResult khac = r.indicator("TC2.KHAC");
    IndicatorResult ct1 = r.indicator("TC3.CT1");
    assertThat(khac.outcome()).isEqualTo(Outcome.AWAITING_JUDGEMENT);
    // 10 % would fail any threshold, yet without a confirmed text only a person may decide.
    assertThat(ct1.outcome()).isEqualTo(Outcome.AWAITING_JUDGEMENT);
    assertThat(ct1.measured()).isEqualTo("10/100 = 10,00 %");
    assertThat(ct1.threshold()).isEqualTo("chưa có ngưỡng");
    assertThat(ct1.explanation()).contains("chờ xác nhận văn bản", "10/100 = 10,00 %", "chưa có ngưỡng");
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.NEEDS_JUDGEMENT);
    assertThat(r.summary()).contains("TC2.KHAC", "TC3.CT1");
  }

  @Test
  void judgedNotMetGivesNotMetAndJudgedMetGivesMet() {
    UnitProfile school = publicUnit(UnitKind.PRIMARY);
    EvaluationResult no = withValue(DISTRICT_L1, school, "TC3.CT1",
        IndicatorInput.ofCounts(99, 100).withJudgement(Judgement.NOT_MET).withNote("Chưa đủ minh chứng"));
    assertThat(no.indicator("TC3.CT1").outcome()).isEqualTo(Outcome.JUDGED_NOT_MET);
    assertThat(no.indicator("TC3.CT1").explanation())
        .contains("Người đánh giá kết luận: không đạt", "chờ xác nhận văn bản", "99/100 = 99,00 %", "Chưa đủ minh chứng");
    assertThat(no.outcome()).isEqualTo(EvaluationResult.Outcome.NOT_MET);

    EvaluationResult yes = withValue(DISTRICT_L1, school, "TC3.CT1",
        IndicatorInput.ofCounts(50, 100).withJudgement(Judgement.MET));
    assertThat(yes.indicator("TC3.CT1").outcome()).isEqualTo(Outcome.JUDGED_MET);
    assertThat(yes.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
  }

  @Test
  void unconfirmedThresholdIsAHintNeverADecision() {
    // Province level 2 TC3.CT3: "Tập thể lao động xuất sắc" is likely but unconfirmed.
    IndicatorResult r = withValue(PROVINCE_L2, AGENCY, "TC3.CT3",
        IndicatorInput.ofChoice(EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN.name())).indicator("TC3.CT3");
    assertThat(r.outcome()).isEqualTo(Outcome.AWAITING_JUDGEMENT);
    assertThat(r.confirmed()).isFalse();
    assertThat(r.threshold()).isEqualTo("≥ Tập thể lao động xuất sắc");
    assertThat(r.explanation()).contains("tham khảo, chưa xác nhận: không đạt");
  }

  @Test
  void districtLevel2IsDecidedOnlyByJudgement() {
    UnitProfile school = publicUnit(UnitKind.LOWER_SECONDARY);
    Map<String, IndicatorInput> values = allMet(DISTRICT_L2, school);
    values.replaceAll((code, in) -> in.withJudgement(null));
    EvaluationResult r = evaluator.evaluate(DISTRICT_L2, school, values);
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.NEEDS_JUDGEMENT);
    assertThat(r.indicators()).filteredOn(IndicatorResult::applicable)
        .allSatisfy(i -> assertThat(i.outcome()).isEqualTo(Outcome.AWAITING_JUDGEMENT));
    assertThat(evaluator.evaluate(DISTRICT_L2, school, allMet(DISTRICT_L2, school)).outcome())
        .isEqualTo(EvaluationResult.Outcome.MET);
  }

  @Test
  void missingValueGivesIncomplete() {
    Map<String, IndicatorInput> values = allMet(PROVINCE_L1, AGENCY);
    values.remove("TC2.CT2");
    values.put("TC3.CT3", IndicatorInput.ofChoice(EmulationTitle.NONE.name()));
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, AGENCY, values);
    assertThat(r.indicator("TC2.CT2").outcome()).isEqualTo(Outcome.MISSING);
    assertThat(r.indicator("TC2.CT2").explanation()).contains("Chưa nhập số đạt", "≥ 90 %");
    // Missing data wins over a failure: nothing can be concluded yet.
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.INCOMPLETE);
    assertThat(r.summary()).contains("TC2.CT2", "TC3.CT3");
  }

  @Test
  void invalidCountsAreTreatedAsMissing() {
    EvaluationResult r = withValue(PROVINCE_L1, AGENCY, "TC2.CT1", IndicatorInput.ofCounts(60, 50));
    assertThat(r.indicator("TC2.CT1").outcome()).isEqualTo(Outcome.MISSING);
    assertThat(r.indicator("TC2.CT1").explanation()).contains("lớn hơn tổng số");
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.INCOMPLETE);
  }

  @Test
  void aSetOfTheWrongTierIsRefused() {
    assertThatThrownBy(() -> evaluator.evaluate(PROVINCE_L1, publicUnit(UnitKind.PRESCHOOL), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cấp tỉnh");
  }

  @Test
  void resultSurvivesJsonRoundTrip() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, IndicatorInput> values = allMet(PROVINCE_L1, HIGH_SCHOOL);
    values.remove("TC2.KHAC");
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, HIGH_SCHOOL, values);
    String json = mapper.writeValueAsString(r);
    assertThat(mapper.readValue(json, EvaluationResult.class)).isEqualTo(r);
    assertThat(json).contains("\"outcome\":\"NEEDS_JUDGEMENT\"", "\"setCode\":\"tt24-province-l1\"");
  }
}
