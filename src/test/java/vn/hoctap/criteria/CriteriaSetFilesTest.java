package vn.hoctap.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.criteria.CriteriaFixtures.BUNDLED;
import static vn.hoctap.criteria.CriteriaFixtures.JSON;
import static vn.hoctap.criteria.CriteriaFixtures.set;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.hoctap.org.UnitKind;

class CriteriaSetFilesTest {

  @Test
  void theTt24SetsAreBundledWithTheirHeader() {
    List<CriteriaSet> tt24 = BUNDLED.stream().filter(s -> s.code().startsWith("tt24-")).toList();
    assertThat(tt24).extracting(CriteriaSet::code)
        .containsExactly("tt24-district-l1", "tt24-district-l2", "tt24-province-l1", "tt24-province-l2");
    for (CriteriaSet s : tt24) {
      assertThat(s.title()).isEqualTo(CriteriaSet.LEARNING_UNIT);
      assertThat(s.version()).isEqualTo(1);
      assertThat(s.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 26));
      assertThat(s.source()).isEqualTo("Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023");
      assertThat(s.criteria()).extracting(Criterion::code).containsExactly("TC1", "TC2", "TC3");
    }
    assertThat(set("tt24-district-l1").tier()).isEqualTo(UnitKind.Tier.DISTRICT);
    assertThat(set("tt24-district-l2").level()).isEqualTo(2);
    assertThat(set("tt24-province-l1").tier()).isEqualTo(UnitKind.Tier.PROVINCE);
    assertThat(set("tt24-province-l2").level()).isEqualTo(2);
  }

  @Test
  void theTt25SetsCoverEveryTierAndLevelAndConfirmOnlyTheCommuneLevel1Indicators() {
    List<CriteriaSet> tt25 = BUNDLED.stream().filter(s -> s.code().startsWith("tt25-")).toList();
    assertThat(tt25).extracting(CriteriaSet::code).containsExactly("tt25-commune-l1", "tt25-commune-l2",
        "tt25-district-l1", "tt25-district-l2", "tt25-province-l1", "tt25-province-l2");
    for (CriteriaSet s : tt25) {
      assertThat(s.title()).isEqualTo("LEARNING_COMMUNITY");
      assertThat(s.source()).isEqualTo("Thông tư 25/2023/TT-BGDĐT ngày 27/12/2023");
      for (Indicator i : s.indicators()) {
        // no threshold is invented for TT25: yes/no indicators or a person's judgement only
        assertThat(i.threshold()).as(s.code() + " " + i.code()).isNull();
        boolean confirmed = s.code().equals("tt25-commune-l1") && !i.code().endsWith(".KHAC");
        assertThat(i.confirmed()).as(s.code() + " " + i.code()).isEqualTo(confirmed);
      }
    }
    assertThat(set("tt25-commune-l1").criteria()).extracting(Criterion::code)
        .containsExactly("TC1", "TC2", "TC3", "TC4", "TC5");
    assertThat(set("tt25-commune-l1").tier()).isEqualTo(UnitKind.Tier.COMMUNE);
  }

  @Test
  void indicatorCodesAreUniqueAndCiteTheCircular() {
    for (CriteriaSet s : BUNDLED) {
      Set<String> codes = new HashSet<>();
      String circular = s.code().startsWith("tt24-") ? "TT 24/2023/TT-BGDĐT" : "TT 25/2023/TT-BGDĐT";
      for (Indicator i : s.indicators()) {
        assertThat(codes.add(i.code())).as(s.code() + " " + i.code()).isTrue();
        assertThat(i.source()).startsWith(circular + ", Tiêu chí " + i.code().charAt(2));
        assertThat(i.source()).doesNotContain("Điều");
        assertThat(i.text()).isNotBlank();
      }
    }
  }

  @Test
  void districtSetsHaveTheAgreedCodesRulesAndThresholds() {
    List<String> codes = List.of("TC1.CT1", "TC1.CT2", "TC1.CT2.MN", "TC1.CT3", "TC1.CT4", "TC1.CT5", "TC2.CT1",
        "TC2.CT2", "TC2.KHAC", "TC3.CT1", "TC3.KHAC");
    CriteriaSet l1 = set("tt24-district-l1");
    CriteriaSet l2 = set("tt24-district-l2");
    assertThat(l1.indicators()).extracting(Indicator::code).containsExactlyElementsOf(codes);
    assertThat(l2.indicators()).extracting(Indicator::code).containsExactlyElementsOf(codes);
    assertThat(l1.indicators()).extracting(Indicator::rule).containsExactlyElementsOf(
        l2.indicators().stream().map(Indicator::rule).toList());

    assertThat(describe(l1)).containsExactly(
        "TC1.CT1 BOOLEAN null true", "TC1.CT2 BOOLEAN null true", "TC1.CT2.MN BOOLEAN null true",
        "TC1.CT3 BOOLEAN null true", "TC1.CT4 BOOLEAN null true", "TC1.CT5 BOOLEAN null true",
        "TC2.CT1 PERCENT_AT_LEAST 90 true", "TC2.CT2 PERCENT_AT_LEAST 90 true", "TC2.KHAC JUDGEMENT null false",
        "TC3.CT1 PERCENT_AT_LEAST null false", "TC3.KHAC JUDGEMENT null false");
    // TT24 district level 2 could not be checked: nothing confirmed, no threshold invented.
    assertThat(l2.indicators()).allSatisfy(i -> {
      assertThat(i.confirmed()).isFalse();
      assertThat(i.threshold()).isNull();
    });
    assertThat(l1.indicator("TC1.CT2.MN").orElseThrow().appliesTo().unitKinds()).containsExactly(UnitKind.PRESCHOOL);
    assertThat(l1.indicator("TC1.CT3").orElseThrow().appliesTo().publicOnly()).isTrue();
    assertThat(l2.indicator("TC1.CT3").orElseThrow().appliesTo().publicOnly()).isTrue();
  }

  @Test
  void provinceSetsHaveTheAgreedCodesRulesAndThresholds() {
    assertThat(describe(set("tt24-province-l1"))).containsExactly(
        "TC1.CT1 BOOLEAN null true", "TC1.CT2 BOOLEAN null true", "TC1.CT3 BOOLEAN null true",
        "TC1.CT4 BOOLEAN null true", "TC1.CT5 BOOLEAN null true",
        "TC2.CT1 PERCENT_AT_LEAST 90 true", "TC2.CT2 PERCENT_AT_LEAST 90 true", "TC2.KHAC JUDGEMENT null false",
        "TC3.CT1 PERCENT_AT_LEAST 90 true", "TC3.CT1.HS PERCENT_AT_LEAST 95 true", "TC3.CT2 BOOLEAN null true",
        "TC3.CT3 EMULATION_TITLE_AT_LEAST TAP_THE_LAO_DONG_TIEN_TIEN true",
        "TC3.CT4 DIGITAL_LEVEL_AT_LEAST BASIC true", "TC3.CT5 DIGITAL_LEVEL_AT_LEAST BASIC true",
        "TC3.CT6 BOOLEAN null true");
    assertThat(describe(set("tt24-province-l2"))).containsExactly(
        "TC1.CT1 BOOLEAN null true", "TC1.CT2 BOOLEAN null true", "TC1.CT3 BOOLEAN null true",
        "TC1.CT4 BOOLEAN null true", "TC1.CT5 BOOLEAN null true",
        "TC2.CT1 PERCENT_AT_LEAST null false", "TC2.CT2 PERCENT_AT_LEAST null false",
        "TC2.KHAC JUDGEMENT null false",
        "TC3.CT1 PERCENT_AT_LEAST 95 true", "TC3.CT1.HS PERCENT_AT_LEAST 97 true", "TC3.CT2 BOOLEAN null false",
        "TC3.CT3 EMULATION_TITLE_AT_LEAST TAP_THE_LAO_DONG_XUAT_SAC false",
        "TC3.CT4 DIGITAL_LEVEL_AT_LEAST null false", "TC3.CT5 DIGITAL_LEVEL_AT_LEAST null false",
        "TC3.CT6 BOOLEAN null false");
    for (String code : List.of("tt24-province-l1", "tt24-province-l2")) {
      CriteriaSet s = set(code);
      assertThat(s.indicator("TC3.CT4").orElseThrow().appliesTo().unitKinds())
          .containsExactly(UnitKind.UPPER_SECONDARY, UnitKind.MULTI_LEVEL, UnitKind.CONTINUING_EDUCATION_CENTRE);
      assertThat(s.indicator("TC3.CT5").orElseThrow().appliesTo().unitKinds()).containsExactly(UnitKind.UNIVERSITY);
      assertThat(s.indicator("TC3.CT6").orElseThrow().appliesTo().unitKinds())
          .containsExactly(UnitKind.VOCATIONAL_SCHOOL);
      assertThat(s.indicator("TC3.CT1.HS").orElseThrow().appliesTo().educationInstitutionOnly()).isTrue();
    }
  }

  @Test
  void formKeyIsTheLowercasedCodeWithUnderscores() {
    assertThat(set("tt24-province-l1").indicator("TC3.CT1.HS").orElseThrow().formKey()).isEqualTo("tc3_ct1_hs");
    assertThat(set("tt24-district-l1").indicator("TC1.CT2.MN").orElseThrow().formKey()).isEqualTo("tc1_ct2_mn");
  }

  @Test
  void aSetSurvivesAJsonRoundTripUnchanged() {
    for (CriteriaSet s : BUNDLED) {
      String written = JSON.write(s);
      assertThat(JSON.read(written)).isEqualTo(s);
      assertThat(written).doesNotContain("formKey").doesNotContain("percentThreshold");
    }
    assertThat(JSON.write(set("tt24-province-l1"))).contains("\"threshold\" : 90,")
        .contains("\"threshold\" : \"TAP_THE_LAO_DONG_TIEN_TIEN\"");
  }

  @Test
  void badDataIsRejectedWhenLoading() {
    String valid = JSON.write(set("tt24-province-l1"));
    assertThatThrownBy(() -> JSON.read(valid.replace("\"threshold\" : 95", "\"threshold\" : 150")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("không quá 100");
    assertThatThrownBy(() -> JSON.read(valid.replace("TAP_THE_LAO_DONG_TIEN_TIEN", "GIOI")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("GIOI");
    // A confirmed percentage without a threshold could not be decided automatically.
    assertThatThrownBy(() -> JSON.read(valid.replace("\"threshold\" : 95", "\"threshold\" : null")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("chưa có ngưỡng");
    assertThatThrownBy(() -> JSON.read(valid.replace("TC3.CT2", "TC3.CT1")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("trùng");
    assertThatThrownBy(() -> JSON.read(valid.replace("\"confirmed\"", "\"confirmd\"")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static List<String> describe(CriteriaSet s) {
    return s.indicators().stream()
        .map(i -> i.code() + " " + i.rule() + " " + i.threshold() + " " + i.confirmed())
        .collect(Collectors.toList());
  }
}
