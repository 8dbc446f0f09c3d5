package vn.hoctap.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.criteria.CriteriaFixtures.allMet;
import static vn.hoctap.criteria.CriteriaFixtures.evidenceForAll;
import static vn.hoctap.criteria.CriteriaFixtures.privateUnit;
import static vn.hoctap.criteria.CriteriaFixtures.publicUnit;
import static vn.hoctap.criteria.CriteriaFixtures.set;
import static vn.hoctap.criteria.CriteriaFixtures.withUnconfirmed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoctap.criteria.EvidenceCheck.IndicatorEvidence;
import vn.hoctap.criteria.EvidenceCheck.Mode;
import vn.hoctap.criteria.IndicatorInput.Judgement;
import vn.hoctap.criteria.IndicatorResult.Outcome;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;

/**
 * How the evaluator decides: explanations, applicability by unit kind, missing and invalid values, judgements of
 * indicators awaiting the text, and the evidence rule of TT24 Điều 9 khoản 3. The threshold of every indicator of
 * every set is tested at its boundary in {@link CriteriaBoundaryTest}.
 */
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
    assertThat(r.setVersion()).isEqualTo(2);
    assertThat(r.summary()).startsWith("Đạt mức độ 1");
    assertThat(r.indicators()).hasSize(PROVINCE_L1.indicators().size());
  }

  @Test
  @DisplayName("TT24 Điều 12 khoản 2 (nội dung tại Điều 6 khoản 2 điểm a): the explanation shows value, threshold over"
      + " Thành viên, and the article")
  void percentExplanationShowsValueThresholdPopulationAndSource() {
    IndicatorResult ok = withValue(PROVINCE_L1, AGENCY, "TC2.CT1", IndicatorInput.ofCounts(45, 50))
        .indicator("TC2.CT1");
    assertThat(ok.measured()).isEqualTo("45/50 thành viên = 90,00 %");
    assertThat(ok.threshold()).isEqualTo("≥ 90 % Thành viên trong đơn vị");
    assertThat(ok.explanation()).contains("TC2.CT1", "45/50 thành viên = 90,00 %", "→ đạt",
        "Thông tư 24/2023/TT-BGDĐT, Điều 12, khoản 2 (nội dung tại Điều 6, khoản 2, điểm a)");

    IndicatorResult ko = withValue(PROVINCE_L1, AGENCY, "TC2.CT1", IndicatorInput.ofCounts(89_999, 100_000))
        .indicator("TC2.CT1");
    // Truncated for display, so a failing value never reads as 90,00 %.
    assertThat(ko.measured()).isEqualTo("89999/100000 thành viên = 89,99 %");
    assertThat(ko.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(ko.explanation()).contains("→ không đạt");
  }

  @ParameterizedTest(name = "TT24 Điều 2 khoản 8 — Người học: {0} {1} → ratio applies: {2}")
  @CsvSource({"tt24-district-l1, PRESCHOOL, false", "tt24-district-l1, PRIMARY, false",
      "tt24-district-l1, LOWER_SECONDARY, false", "tt24-district-l1, DISTRICT_VOCATIONAL_CONTINUING_CENTRE, true",
      "tt24-district-l1, DISTRICT_AGENCY, false", "tt24-district-l2, PRIMARY, false",
      "tt24-district-l2, DISTRICT_VOCATIONAL_CONTINUING_CENTRE, true", "tt24-province-l1, UPPER_SECONDARY, true",
      "tt24-province-l1, MULTI_LEVEL, true", "tt24-province-l1, CONTINUING_EDUCATION_CENTRE, true",
      "tt24-province-l1, VOCATIONAL_SCHOOL, true", "tt24-province-l1, UNIVERSITY, true",
      "tt24-province-l2, UNIVERSITY, true", "tt24-province-l1, PROVINCE_AGENCY, false",
      "tt24-province-l1, PROVINCE_ECONOMIC, false"})
  void learnersRatioOnlyWhereThereAreNguoiHoc(String setCode, UnitKind kind, boolean applies) {
    CriteriaSet s = set(setCode);
    UnitProfile unit = publicUnit(kind);
    IndicatorResult hs = evaluator.evaluate(s, unit, allMet(s, unit)).indicator("TC3.CT1.HS");
    assertThat(hs.applicable()).isEqualTo(applies);
    if (!applies) {
      assertThat(hs.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(hs.explanation()).contains("Người học", "khoản 8 Điều 2");
    }
    // members always count
    assertThat(evaluator.evaluate(s, unit, allMet(s, unit)).indicator("TC3.CT1").applicable()).isTrue();
  }

  @ParameterizedTest(name = "TT24 Điều 6 khoản 1 điểm c — state budget for training: {0}, public={1} → applies: {2}")
  @CsvSource({"DISTRICT_AGENCY, true, true", "PRIMARY, true, true", "PRIMARY, false, false",
      "DISTRICT_ECONOMIC, true, false", "DISTRICT_ECONOMIC, false, false"})
  void stateBudgetIndicatorOnlyForPublicAgencies(UnitKind kind, boolean pub, boolean applies) {
    UnitProfile unit = new UnitProfile(kind, pub);
    Map<String, IndicatorInput> values = allMet(DISTRICT_L1, unit);
    assertThat(values.containsKey("TC1.CT3")).isEqualTo(applies);
    values.put("TC1.CT3", IndicatorInput.ofYes(false));
    EvaluationResult r = evaluator.evaluate(DISTRICT_L1, unit, values);
    assertThat(r.indicator("TC1.CT3").applicable()).isEqualTo(applies);
    // a "no" decides for a public agency and is ignored for the others
    assertThat(r.outcome()).isEqualTo(applies ? EvaluationResult.Outcome.NOT_MET : EvaluationResult.Outcome.MET);
    if (!applies) {
      assertThat(r.indicator("TC1.CT3").explanation()).contains("cơ quan, đơn vị sự nghiệp công lập");
    }
  }

  @Test
  @DisplayName("TT24 Điều 6 khoản 1 điểm c: leaving out an applicable indicator makes the dossier incomplete")
  void aMissingApplicableValueGivesIncomplete() {
    Map<String, IndicatorInput> publicValues = allMet(PROVINCE_L1, HIGH_SCHOOL);
    publicValues.remove("TC1.CT3");
    EvaluationResult incomplete = evaluator.evaluate(PROVINCE_L1, HIGH_SCHOOL, publicValues);
    assertThat(incomplete.indicator("TC1.CT3").outcome()).isEqualTo(Outcome.MISSING);
    assertThat(incomplete.outcome()).isEqualTo(EvaluationResult.Outcome.INCOMPLETE);
  }

  @ParameterizedTest(name = "TT24 Điều 6 khoản 1 điểm b, khoản 3 điểm b — public preschools only: {0}, public={1}")
  @CsvSource({"PRESCHOOL, true, true", "PRESCHOOL, false, false", "PRIMARY, true, false",
      "LOWER_SECONDARY, true, false", "DISTRICT_VOCATIONAL_CONTINUING_CENTRE, true, false",
      "DISTRICT_AGENCY, true, false"})
  void preschoolSupportIndicatorsOnlyForPublicPreschools(UnitKind kind, boolean pub, boolean applies) {
    UnitProfile unit = new UnitProfile(kind, pub);
    for (String code : List.of("TC1.CT2.MN", "TC3.CT2.MN")) {
      EvaluationResult r = withValue(DISTRICT_L1, unit, code, IndicatorInput.ofYes(false));
      if (applies) {
        assertThat(r.indicator(code).outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.NOT_MET);
      } else {
        assertThat(r.indicator(code).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
      }
    }
  }

  @ParameterizedTest(name = "TT24 Điều 6 khoản 2 điểm d, Điều 7 khoản 2 điểm d — no language ratio for an economic"
      + " organisation: {0}, {1}")
  @CsvSource({"tt24-district-l1, DISTRICT_ECONOMIC, false", "tt24-district-l1, DISTRICT_AGENCY, true",
      "tt24-district-l2, DISTRICT_ECONOMIC, false", "tt24-province-l1, PROVINCE_ECONOMIC, false",
      "tt24-province-l2, PROVINCE_ECONOMIC, false", "tt24-province-l2, UNIVERSITY, true"})
  void languageRatioExcludesEconomicOrganisations(String setCode, UnitKind kind, boolean applies) {
    CriteriaSet s = set(setCode);
    UnitProfile unit = publicUnit(kind);
    EvaluationResult r = withValue(s, unit, "TC2.CT4", IndicatorInput.ofCounts(0, 10));
    assertThat(r.indicator("TC2.CT4").applicable()).isEqualTo(applies);
    assertThat(r.outcome()).isEqualTo(applies ? EvaluationResult.Outcome.NOT_MET : EvaluationResult.Outcome.MET);
    if (!applies) {
      assertThat(r.indicator("TC2.CT4").explanation()).contains("tổ chức kinh tế");
    }
  }

  @ParameterizedTest(name = "TT24 Điều 7 khoản 3 điểm c — level-2 emulation title only for public agencies: {0}, "
      + "public={1}")
  @CsvSource({"DISTRICT_AGENCY, true, true", "PRIMARY, true, true", "PRIMARY, false, false",
      "DISTRICT_ECONOMIC, true, false"})
  void districtLevel2EmulationTitleOnlyForPublicAgencies(UnitKind kind, boolean pub, boolean applies) {
    UnitProfile unit = new UnitProfile(kind, pub);
    EvaluationResult l2 = withValue(DISTRICT_L2, unit, "TC3.CT3", IndicatorInput.ofChoice("NONE"));
    assertThat(l2.indicator("TC3.CT3").applicable()).isEqualTo(applies);
    // at district level 1 (Điều 6 khoản 3 điểm c) every unit needs the title
    EvaluationResult l1 = withValue(DISTRICT_L1, unit, "TC3.CT3", IndicatorInput.ofChoice("NONE"));
    assertThat(l1.indicator("TC3.CT3").outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @ParameterizedTest(name = "TT24 Điều 6 khoản 3 điểm d, đ — district unit-kind indicators: {0}")
  @EnumSource(value = UnitKind.class, names = {"PRESCHOOL", "PRIMARY", "LOWER_SECONDARY",
      "DISTRICT_VOCATIONAL_CONTINUING_CENTRE", "DISTRICT_AGENCY", "DISTRICT_ECONOMIC"})
  void districtUnitKindIndicators(UnitKind kind) {
    UnitProfile unit = publicUnit(kind);
    EvaluationResult r = evaluator.evaluate(DISTRICT_L1, unit, allMet(DISTRICT_L1, unit));
    boolean general = kind == UnitKind.PRIMARY || kind == UnitKind.LOWER_SECONDARY;
    assertThat(r.indicator("TC3.CT4").applicable()).as("cơ sở giáo dục phổ thông").isEqualTo(general);
    assertThat(r.indicator("TC3.CT5").applicable()).as("cơ sở giáo dục nghề nghiệp")
        .isEqualTo(kind == UnitKind.DISTRICT_VOCATIONAL_CONTINUING_CENTRE);
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
  }

  @ParameterizedTest(name = "TT24 Điều 12 khoản 3 điểm d, đ, e — province unit-kind indicators: {0}")
  @EnumSource(value = UnitKind.class, names = {"UPPER_SECONDARY", "MULTI_LEVEL", "CONTINUING_EDUCATION_CENTRE",
      "VOCATIONAL_SCHOOL", "UNIVERSITY", "PROVINCE_AGENCY", "PROVINCE_ECONOMIC"})
  void provinceUnitKindIndicators(UnitKind kind) {
    UnitProfile unit = publicUnit(kind);
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, unit, allMet(PROVINCE_L1, unit));
    boolean school = kind == UnitKind.UPPER_SECONDARY || kind == UnitKind.MULTI_LEVEL
        || kind == UnitKind.CONTINUING_EDUCATION_CENTRE;
    assertThat(r.indicator("TC3.CT4").applicable()).as("THPT, nhiều cấp đến THPT, GDTX (QĐ 4725)").isEqualTo(school);
    assertThat(r.indicator("TC3.CT5").applicable()).as("đại học (QĐ 4740)").isEqualTo(kind == UnitKind.UNIVERSITY);
    assertThat(r.indicator("TC3.CT6").applicable()).isEqualTo(kind == UnitKind.VOCATIONAL_SCHOOL);
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
  }

  @Test
  @DisplayName("TT24 Điều 12, 13 khoản 3 điểm đ: a university's digital level under QĐ 4740 — “mức đáp ứng cơ bản”,"
      + " then “mức đáp ứng tốt”")
  void digitalLevelNamesAndOrder() {
    UnitProfile university = publicUnit(UnitKind.UNIVERSITY);
    IndicatorResult below = withValue(PROVINCE_L1, university, "TC3.CT5",
        IndicatorInput.ofChoice(DigitalLevel.NOT_REACHED.name())).indicator("TC3.CT5");
    assertThat(below.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(below.measured()).isEqualTo("Chưa đạt mức đáp ứng cơ bản");
    assertThat(below.threshold()).isEqualTo("≥ Mức đáp ứng cơ bản");
    assertThat(PROVINCE_L1.indicator("TC3.CT5").orElseThrow().text()).contains("4740/QĐ-BGDĐT", "“mức đáp ứng cơ bản”");
    IndicatorResult l2 = withValue(PROVINCE_L2, university, "TC3.CT5", IndicatorInput.ofChoice("BASIC"))
        .indicator("TC3.CT5");
    assertThat(l2.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(l2.threshold()).isEqualTo("≥ Mức đáp ứng tốt");
    assertThat(DigitalLevel.GOOD.atLeast(DigitalLevel.BASIC)).isTrue();
    assertThat(DigitalLevel.NOT_REACHED.atLeast(DigitalLevel.BASIC)).isFalse();
    assertThat(EmulationTitle.TAP_THE_LAO_DONG_XUAT_SAC.atLeast(EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN)).isTrue();
    assertThat(EmulationTitle.NONE.atLeast(EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN)).isFalse();
  }

  @ParameterizedTest(name = "TT24 Điều 13 khoản 3 điểm c — level 2 needs only “Tập thể lao động tiên tiến”: {0} → {1}")
  @CsvSource({"NONE, NOT_MET", "TAP_THE_LAO_DONG_TIEN_TIEN, MET", "TAP_THE_LAO_DONG_XUAT_SAC, MET"})
  void level2DoesNotNeedAHigherEmulationTitle(EmulationTitle title, Outcome expected) {
    IndicatorResult r = withValue(PROVINCE_L2, AGENCY, "TC3.CT3", IndicatorInput.ofChoice(title.name()))
        .indicator("TC3.CT3");
    assertThat(r.outcome()).isEqualTo(expected);
    assertThat(r.measured()).isEqualTo(title.label());
    assertThat(r.threshold()).isEqualTo("≥ Tập thể lao động tiên tiến");
  }

  @Test
  @DisplayName("TT25 Điều 6 khoản 5 điểm b: a commune in a difficult area is measured against 40 % / 10 %, and says so")
  void difficultAreaThresholdIsNamedInTheResult() {
    CriteriaSet commune = set("tt25-commune-l1");
    UnitProfile difficult = UnitProfile.commune(true);
    IndicatorResult r = withValue(commune, difficult, "TC5.CT2", IndicatorInput.ofCounts(40, 100)).indicator("TC5.CT2");
    assertThat(r.outcome()).isEqualTo(Outcome.MET);
    assertThat(r.threshold()).isEqualTo("≥ 40 % công dân trong xã (xã thuộc vùng khó khăn)");
    assertThat(Requirements.of(commune.indicator("TC5.CT2").orElseThrow(), null))
        .isEqualTo("≥ 50 % công dân trong xã; xã thuộc vùng khó khăn: ≥ 40 % công dân trong xã");
  }

  @Test
  @DisplayName("TT25 Điều 11 khoản 4 điểm b: year-on-year figures are shown with their unit and the direction")
  void yearOnYearExplanation() {
    CriteriaSet district = set("tt25-district-l1");
    UnitProfile unit = UnitProfile.government(UnitKind.Tier.DISTRICT);
    IndicatorResult equal = withValue(district, unit, "TC4.CT2", IndicatorInput.ofYears("65.2", "65.20"))
        .indicator("TC4.CT2");
    assertThat(equal.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(equal.measured()).isEqualTo("năm đánh giá 65,2 triệu đồng/người/năm, năm trước liền kề 65,20"
        + " triệu đồng/người/năm (bằng nhau, không tăng cũng không giảm)");
    assertThat(equal.threshold()).isEqualTo("tăng so với năm trước liền kề");
    EvaluationResult missing = withValue(district, unit, "TC4.CT3", IndicatorInput.ofYears("61", null));
    assertThat(missing.indicator("TC4.CT3").outcome()).isEqualTo(Outcome.MISSING);
    assertThat(missing.indicator("TC4.CT3").explanation()).contains("năm trước liền kề");
    assertThat(withValue(district, unit, "TC4.CT3", IndicatorInput.ofYears("101", "99")).indicator("TC4.CT3")
        .explanation()).contains("tỷ lệ nên không quá 100");
  }

  // evidence (TT24 Điều 9 khoản 3, Điều 15 khoản 3) ------------------------------------------------------------

  private EvaluationResult withEvidence(CriteriaSet set, UnitProfile unit, Mode mode, String code,
      IndicatorEvidence e) {
    Map<String, IndicatorEvidence> byCode = new HashMap<>(evidenceForAll(set, mode).byCode());
    if (e == null) {
      byCode.remove(code);
    } else {
      byCode.put(code, e);
    }
    return evaluator.evaluate(set, unit, allMet(set, unit), new EvidenceCheck(mode, byCode));
  }

  @Test
  @DisplayName("TT24 Điều 9 khoản 3: at appraisal an indicator with no evidence is “không đạt”, with that reason")
  void noEvidenceAtAppraisalIsNotMet() {
    UnitProfile school = publicUnit(UnitKind.PRIMARY);
    EvaluationResult r = withEvidence(DISTRICT_L1, school, Mode.DECIDE, "TC2.CT4", null);
    IndicatorResult i = r.indicator("TC2.CT4");
    assertThat(i.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(i.evidenceMissing()).isTrue();
    assertThat(i.evidence()).isEqualTo("chưa có minh chứng");
    assertThat(i.explanation()).contains("không có minh chứng phù hợp", "chưa có tệp minh chứng nào", "→ không đạt",
        "Thông tư 24/2023/TT-BGDĐT, Điều 9, khoản 3", "100/100 thành viên");
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.NOT_MET);
    assertThat(r.summary()).contains("1 chỉ tiêu không đạt vì không có minh chứng phù hợp (TC2.CT4");
    // every other indicator has its file and stays "đạt"
    assertThat(r.indicators()).filteredOn(x -> !x.code().equals("TC2.CT4") && x.applicable())
        .allSatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.MET));
  }

  @Test
  @DisplayName("TT24 Điều 15 khoản 3: a file the reviewer marked “không phù hợp” is not evidence; an unmarked one is")
  void rejectedEvidenceDoesNotCount() {
    EvaluationResult rejected = withEvidence(PROVINCE_L1, HIGH_SCHOOL, Mode.DECIDE, "TC3.CT4",
        new IndicatorEvidence(0, List.of("tệp “bao-cao.pdf”: không phải báo cáo chuyển đổi số"), null));
    assertThat(rejected.indicator("TC3.CT4").outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(rejected.indicator("TC3.CT4").explanation())
        .contains("bị đánh giá không phù hợp: tệp “bao-cao.pdf”: không phải báo cáo chuyển đổi số",
            "Thông tư 24/2023/TT-BGDĐT, Điều 15, khoản 3");
    EvaluationResult oneGood = withEvidence(PROVINCE_L1, HIGH_SCHOOL, Mode.DECIDE, "TC3.CT4",
        new IndicatorEvidence(1, List.of("tệp “cu.pdf”: bản cũ"), null));
    assertThat(oneGood.indicator("TC3.CT4").outcome()).isEqualTo(Outcome.MET);
    assertThat(oneGood.indicator("TC3.CT4").evidence()).isEqualTo("1 tệp minh chứng; 1 tệp bị đánh giá không phù hợp"
        + " (tệp “cu.pdf”: bản cũ)");
    assertThat(oneGood.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
  }

  @Test
  @DisplayName("TT24 Điều 9 khoản 3: a value hoctap supplied from its own decision stands on that decision")
  void hoctapsOwnDecisionIsEvidence() {
    UnitProfile school = publicUnit(UnitKind.PRIMARY);
    EvaluationResult r = withEvidence(DISTRICT_L1, school, Mode.DECIDE, "TC3.CT1",
        new IndicatorEvidence(0, List.of(), "Quyết định công nhận “Công dân học tập” số 5/QĐ lưu trong hoctap"));
    assertThat(r.indicator("TC3.CT1").outcome()).isEqualTo(Outcome.MET);
    assertThat(r.indicator("TC3.CT1").evidence()).contains("5/QĐ");
  }

  @Test
  @DisplayName("TT24 Điều 9 khoản 3: at the unit's self-assessment missing evidence warns and decides nothing")
  void noEvidenceAtSelfAssessmentOnlyWarns() {
    UnitProfile school = publicUnit(UnitKind.PRIMARY);
    EvaluationResult r = withEvidence(DISTRICT_L1, school, Mode.WARN, "TC1.CT1", null);
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
    assertThat(r.indicator("TC1.CT1").outcome()).isEqualTo(Outcome.MET);
    assertThat(r.indicator("TC1.CT1").evidenceMissing()).isTrue();
    assertThat(r.indicator("TC1.CT1").explanation()).contains("Lưu ý: chưa có tệp minh chứng",
        "khi thẩm định, chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt");
    assertThat(r.summary()).contains("Lưu ý: 1 chỉ tiêu chưa có minh chứng (TC1.CT1)");
  }

  @Test
  @DisplayName("TT25 Điều 8, 13, 18 have no evidence clause: a learning community is not refused for evidence")
  void tt25DoesNotDecideOnEvidence() {
    CriteriaSet commune = set("tt25-commune-l1");
    UnitProfile unit = UnitProfile.commune(false);
    EvaluationResult r = evaluator.evaluate(commune, unit, allMet(commune, unit), new EvidenceCheck(Mode.DECIDE,
        Map.of()));
    assertThat(commune.evidenceRequired()).isFalse();
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
    assertThat(r.indicators()).allSatisfy(i -> assertThat(i.evidence()).isNull());
  }

  @Test
  void notApplicableIndicatorsNeedNoEvidence() {
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, AGENCY, allMet(PROVINCE_L1, AGENCY),
        new EvidenceCheck(Mode.DECIDE, Map.of("TC1.CT1", new IndicatorEvidence(1, List.of(), null))));
    assertThat(r.indicator("TC3.CT1.HS").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(r.indicator("TC3.CT1.HS").evidence()).isNull();
    assertThat(r.indicator("TC1.CT1").outcome()).isEqualTo(Outcome.MET);
  }

  // indicators awaiting the text (none in the bundled sets; a revision may bring one) ----------------------------

  @Test
  void unconfirmedIndicatorWithoutJudgementNeedsJudgement() {
    UnitProfile school = publicUnit(UnitKind.PRIMARY);
    CriteriaSet s = withUnconfirmed(DISTRICT_L1, "TC3.CT1", null);
    Map<String, IndicatorInput> values = allMet(DISTRICT_L1, school);
    values.put("TC3.CT1", IndicatorInput.ofCounts(10, 100));
    EvaluationResult r = evaluator.evaluate(s, school, values);
    IndicatorResult ct1 = r.indicator("TC3.CT1");
    // 10 % would fail any threshold, yet without a confirmed text only a person may decide.
    assertThat(ct1.outcome()).isEqualTo(Outcome.AWAITING_JUDGEMENT);
    assertThat(ct1.measured()).isEqualTo("10/100 thành viên = 10,00 %");
    assertThat(ct1.threshold()).isEqualTo("chưa có ngưỡng");
    assertThat(ct1.explanation()).contains("chờ xác nhận văn bản", "10/100 thành viên = 10,00 %", "chưa có ngưỡng");
    assertThat(r.outcome()).isEqualTo(EvaluationResult.Outcome.NEEDS_JUDGEMENT);
    assertThat(r.summary()).contains("TC3.CT1");
  }

  @Test
  void judgedNotMetGivesNotMetAndJudgedMetGivesMet() {
    UnitProfile school = publicUnit(UnitKind.PRIMARY);
    CriteriaSet s = withUnconfirmed(DISTRICT_L1, "TC3.CT1", "80");
    Map<String, IndicatorInput> values = allMet(DISTRICT_L1, school);
    values.put("TC3.CT1", IndicatorInput.ofCounts(99, 100).withJudgement(Judgement.NOT_MET)
        .withNote("Chưa đủ minh chứng"));
    EvaluationResult no = evaluator.evaluate(s, school, values);
    assertThat(no.indicator("TC3.CT1").outcome()).isEqualTo(Outcome.JUDGED_NOT_MET);
    assertThat(no.indicator("TC3.CT1").explanation()).contains("Người đánh giá kết luận: không đạt",
        "chờ xác nhận văn bản", "tham khảo, chưa xác nhận: đạt", "Chưa đủ minh chứng");
    assertThat(no.outcome()).isEqualTo(EvaluationResult.Outcome.NOT_MET);

    values.put("TC3.CT1", IndicatorInput.ofCounts(50, 100).withJudgement(Judgement.MET));
    EvaluationResult yes = evaluator.evaluate(s, school, values);
    assertThat(yes.indicator("TC3.CT1").outcome()).isEqualTo(Outcome.JUDGED_MET);
    assertThat(yes.outcome()).isEqualTo(EvaluationResult.Outcome.MET);
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
    values.remove("TC2.CT3");
    EvaluationResult r = evaluator.evaluate(PROVINCE_L1, HIGH_SCHOOL, values,
        evidenceForAll(PROVINCE_L1, Mode.WARN));
    String json = mapper.writeValueAsString(r);
    assertThat(mapper.readValue(json, EvaluationResult.class)).isEqualTo(r);
    assertThat(json).contains("\"outcome\":\"INCOMPLETE\"", "\"setCode\":\"tt24-province-l1\"",
        "\"evidence\":\"1 tệp minh chứng\"");
  }

  @Test
  void privateUnitsAreNotPublicAgencies() {
    assertThat(privateUnit(UnitKind.UPPER_SECONDARY).publicAgency()).isFalse();
    assertThat(publicUnit(UnitKind.PROVINCE_ECONOMIC).publicAgency()).isFalse();
    assertThat(publicUnit(UnitKind.PROVINCE_AGENCY).publicAgency()).isTrue();
  }
}
