package vn.hoctap.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.criteria.CriteriaFixtures.BUNDLED;
import static vn.hoctap.criteria.CriteriaFixtures.JSON;
import static vn.hoctap.criteria.CriteriaFixtures.set;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoctap.org.UnitKind;

/** The bundled criteria sets as data: their headers, their shape as the texts give it, and what loading refuses. */
class CriteriaSetFilesTest {

  @Test
  @DisplayName("TT24 (11/12/2023, in force 26/01/2024): four sets, version 2, evidence required by Điều 9 / 15 khoản 3")
  void theTt24SetsAreBundledWithTheirHeader() {
    List<CriteriaSet> tt24 = BUNDLED.stream().filter(s -> s.code().startsWith("tt24-")).toList();
    assertThat(tt24).extracting(CriteriaSet::code)
        .containsExactly("tt24-district-l1", "tt24-district-l2", "tt24-province-l1", "tt24-province-l2");
    for (CriteriaSet s : tt24) {
      assertThat(s.title()).isEqualTo(CriteriaSet.LEARNING_UNIT);
      assertThat(s.version()).isEqualTo(2);
      assertThat(s.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 26));
      assertThat(s.source()).isEqualTo("Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023");
      assertThat(s.evidenceRequired()).isTrue();
      assertThat(s.evidenceSource()).isEqualTo("Thông tư 24/2023/TT-BGDĐT, Điều "
          + (s.tier() == UnitKind.Tier.DISTRICT ? "9" : "15") + ", khoản 3");
      assertThat(s.criteria()).extracting(Criterion::code).containsExactly("TC1", "TC2", "TC3");
    }
    assertThat(set("tt24-district-l1").tier()).isEqualTo(UnitKind.Tier.DISTRICT);
    assertThat(set("tt24-district-l2").level()).isEqualTo(2);
    assertThat(set("tt24-province-l1").tier()).isEqualTo(UnitKind.Tier.PROVINCE);
    assertThat(set("tt24-province-l2").level()).isEqualTo(2);
  }

  @Test
  @DisplayName("TT25 (27/12/2023, in force 12/02/2024): six sets; commune 5 criteria, district and province 4")
  void theTt25SetsCoverEveryTierAndLevel() {
    List<CriteriaSet> tt25 = BUNDLED.stream().filter(s -> s.code().startsWith("tt25-")).toList();
    assertThat(tt25).extracting(CriteriaSet::code).containsExactly("tt25-commune-l1", "tt25-commune-l2",
        "tt25-district-l1", "tt25-district-l2", "tt25-province-l1", "tt25-province-l2");
    for (CriteriaSet s : tt25) {
      assertThat(s.title()).isEqualTo(CriteriaSet.LEARNING_COMMUNITY);
      assertThat(s.version()).isEqualTo(2);
      assertThat(s.effectiveFrom()).isEqualTo(LocalDate.of(2024, 2, 12));
      assertThat(s.source()).isEqualTo("Thông tư 25/2023/TT-BGDĐT ngày 27/12/2023");
      // TT25 has no "không có minh chứng phù hợp → không đạt" clause
      assertThat(s.evidenceRequired()).isFalse();
    }
    assertThat(set("tt25-commune-l1").criteria()).extracting(Criterion::code)
        .containsExactly("TC1", "TC2", "TC3", "TC4", "TC5");
    assertThat(set("tt25-district-l2").criteria()).extracting(Criterion::code)
        .containsExactly("TC1", "TC2", "TC3", "TC4");
    assertThat(set("tt25-province-l1").criteria()).extracting(Criterion::code)
        .containsExactly("TC1", "TC2", "TC3", "TC4");
  }

  @Test
  @DisplayName("The number of chỉ tiêu per criterion is the texts' (TT24 5+5+5; TT25 xã 3+3+3+4+2, huyện 3+4+3+3,"
      + " tỉnh 3+5+5+3)")
  void everyChiTieuOfTheTextsIsThere() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("tt24-district-l1", "5+5+5");
    expected.put("tt24-district-l2", "5+5+5");
    expected.put("tt24-province-l1", "5+5+6");
    expected.put("tt24-province-l2", "5+5+6");
    expected.put("tt25-commune-l1", "3+3+3+4+2");
    expected.put("tt25-commune-l2", "3+3+3+4+2");
    expected.put("tt25-district-l1", "3+4+3+3");
    expected.put("tt25-district-l2", "3+4+3+3");
    expected.put("tt25-province-l1", "3+5+5+3");
    expected.put("tt25-province-l2", "3+5+5+3");
    int total = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      List<String> counts = set(e.getKey()).criteria().stream().map(c -> String.valueOf(
          c.indicators().stream().map(Indicator::indicatorNumber).distinct().count())).toList();
      assertThat(String.join("+", counts)).as(e.getKey()).isEqualTo(e.getValue());
      total += counts.stream().mapToInt(Integer::parseInt).sum();
    }
    assertThat(total).isEqualTo(150);
    assertThat(BUNDLED.stream().mapToInt(s -> s.indicators().size()).sum()).isEqualTo(162);
  }

  @Test
  void codesAreUniqueAndEveryIndicatorCitesItsArticleClauseAndPoint() {
    for (CriteriaSet s : BUNDLED) {
      Set<String> codes = new LinkedHashSet<>();
      String circular = s.code().startsWith("tt24-") ? "Thông tư 24/2023/TT-BGDĐT" : "Thông tư 25/2023/TT-BGDĐT";
      for (Criterion c : s.criteria()) {
        assertThat(c.name()).startsWith("Tiêu chí " + c.code().substring(2));
        assertThat(c.source()).startsWith(circular + ", Điều ").contains("khoản " + c.code().substring(2));
        for (Indicator i : c.indicators()) {
          assertThat(codes.add(i.code())).as(s.code() + " " + i.code()).isTrue();
          assertThat(i.source()).as(s.code() + " " + i.code()).startsWith(circular + ", Điều ")
              .containsPattern("điểm [a-zđ]\\)?$");
          assertThat(i.text()).isNotBlank().doesNotStartWith("a)").doesNotContain("Chỉ tiêu 1:");
          assertThat(i.confirmed()).isTrue();
        }
      }
    }
  }

  @Test
  @DisplayName("TT24 Điều 6, 12 khoản 2: TC2 has five indicators over Thành viên, CT4 (language) not for economic"
      + " organisations")
  void criterionTwoOfTt24HasFiveIndicators() {
    for (String code : List.of("tt24-district-l1", "tt24-district-l2", "tt24-province-l1", "tt24-province-l2")) {
      Criterion tc2 = set(code).criteria().get(1);
      assertThat(tc2.indicators()).extracting(Indicator::code)
          .containsExactly("TC2.CT1", "TC2.CT2", "TC2.CT3", "TC2.CT4", "TC2.CT5");
      assertThat(tc2.indicators()).allSatisfy(i -> assertThat(i.population()).isEqualTo(Population.MEMBERS));
      assertThat(tc2.indicators().get(3).appliesTo().notEconomic()).isTrue();
      assertThat(tc2.indicators().get(4).text()).contains("“Lao động tiên tiến”");
    }
    assertThat(set("tt24-district-l1").indicator("TC2.CT4").orElseThrow().text())
        .contains("chứng nhận hoặc chứng chỉ ngoại ngữ hoặc tiếng dân tộc thiểu số");
    assertThat(set("tt24-district-l2").indicator("TC2.CT4").orElseThrow().text())
        .contains("trình độ ngoại ngữ hoặc tiếng dân tộc thiểu số");
  }

  @Test
  @DisplayName("Only what the texts leave open is marked “chờ xác nhận văn bản”: 22 points on 16 indicators")
  void openPointsAreWhereTheTextsLeaveThemOpen() {
    Map<String, Integer> pending = new LinkedHashMap<>();
    for (CriteriaSet s : BUNDLED) {
      for (Indicator i : s.indicators()) {
        if (!i.pending().isEmpty()) {
          pending.put(s.code() + " " + i.code(), i.pending().size());
        }
      }
    }
    assertThat(pending).containsExactly(
        Map.entry("tt24-district-l1 TC3.CT4", 1), Map.entry("tt24-district-l2 TC3.CT4", 1),
        Map.entry("tt24-province-l1 TC3.CT4", 1), Map.entry("tt24-province-l1 TC3.CT5", 1),
        Map.entry("tt24-province-l2 TC3.CT4", 1), Map.entry("tt24-province-l2 TC3.CT5", 1),
        Map.entry("tt25-commune-l1 TC5.CT1", 1), Map.entry("tt25-commune-l1 TC5.CT2", 2),
        Map.entry("tt25-commune-l1 TC5.CT2.DH", 2), Map.entry("tt25-commune-l2 TC5.CT1", 1),
        Map.entry("tt25-commune-l2 TC5.CT2", 2), Map.entry("tt25-commune-l2 TC5.CT2.DH", 2),
        Map.entry("tt25-district-l1 TC4.CT1", 1), Map.entry("tt25-district-l2 TC4.CT1", 1),
        Map.entry("tt25-province-l1 TC3.CT1", 1), Map.entry("tt25-province-l1 TC4.CT1", 1),
        Map.entry("tt25-province-l2 TC3.CT1", 1), Map.entry("tt25-province-l2 TC4.CT1", 1));
    assertThat(pending.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(22);
    assertThat(set("tt25-commune-l1").indicator("TC5.CT2").orElseThrow().pending())
        .anySatisfy(p -> assertThat(p).contains("xã thuộc vùng khó khăn", "Điều 2"));
  }

  @Test
  @DisplayName("TT25 Điều 12, 17: the drafting slips of the text are kept and flagged, not silently corrected")
  void draftingSlipsAreFlagged() {
    for (String code : List.of("tt25-district-l2", "tt25-province-l2")) {
      CriteriaSet s = set(code);
      assertThat(s.criteria().get(0).name()).endsWith("chính quyền cấp xã");
      assertThat(s.criteria().get(0).remark()).contains("lỗi soạn thảo");
      Indicator ct1 = s.indicator("TC4.CT1").orElseThrow();
      assertThat(ct1.text()).contains("điểm b khoản 2 Điều");
      assertThat(ct1.remark()).contains("điểm b khoản 1 Điều");
    }
  }

  @Test
  void formKeyIsTheLowercasedCodeWithUnderscores() {
    assertThat(set("tt24-province-l1").indicator("TC3.CT1.HS").orElseThrow().formKey()).isEqualTo("tc3_ct1_hs");
    assertThat(set("tt24-district-l1").indicator("TC1.CT2.MN").orElseThrow().formKey()).isEqualTo("tc1_ct2_mn");
    assertThat(set("tt24-district-l1").indicator("TC1.CT2.MN").orElseThrow().indicatorNumber()).isEqualTo("TC1.CT2");
  }

  @Test
  void aSetSurvivesAJsonRoundTripUnchanged() {
    for (CriteriaSet s : BUNDLED) {
      String written = JSON.write(s);
      assertThat(JSON.read(written)).isEqualTo(s);
      assertThat(written).doesNotContain("formKey").doesNotContain("percentThreshold").doesNotContain("shortText");
    }
    assertThat(JSON.write(set("tt24-province-l1"))).contains("\"threshold\" : 90,")
        .contains("\"threshold\" : \"TAP_THE_LAO_DONG_TIEN_TIEN\"");
  }

  @Test
  void aVersionStoredBeforeIssue19IsStillRead() {
    // the shape of the version-1 files: no population, feed, pending, evidence rule or criterion source
    CriteriaSet old = JSON.read("""
        {"code": "tt24-district-l1", "title": "LEARNING_UNIT", "tier": "DISTRICT", "level": 1, "version": 1,
         "effectiveFrom": "2024-01-26", "source": "Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023",
         "criteria": [{"code": "TC3", "name": "Tiêu chí 3", "indicators": [
           {"code": "TC3.CT1.HS", "text": "Tỷ lệ học sinh", "rule": "PERCENT_AT_LEAST", "threshold": 95,
            "appliesTo": {"educationInstitutionOnly": true}, "confirmed": true, "source": "TT 24/2023/TT-BGDĐT"},
           {"code": "TC3.KHAC", "text": "Các chỉ tiêu khác", "rule": "JUDGEMENT", "threshold": null,
            "confirmed": false, "source": "TT 24/2023/TT-BGDĐT"}]}]}""");
    assertThat(old.evidenceRequired()).isFalse();
    assertThat(old.indicator("TC3.CT1.HS").orElseThrow().appliesTo().educationInstitutionOnly()).isTrue();
    assertThat(old.indicator("TC3.KHAC").orElseThrow().pending()).isEmpty();
  }

  @Test
  void badDataIsRejectedWhenLoading() {
    String valid = JSON.write(set("tt24-province-l1"));
    assertThatThrownBy(() -> JSON.read(valid.replace("\"threshold\" : 95", "\"threshold\" : 150")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("không quá 100");
    assertThatThrownBy(() -> JSON.read(valid.replace("TAP_THE_LAO_DONG_TIEN_TIEN", "GIOI")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("GIOI");
    // A confirmed percentage without a threshold could not be decided automatically.
    assertThatThrownBy(() -> JSON.read(valid.replace("\"threshold\" : 95,", "")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("chưa có ngưỡng");
    assertThatThrownBy(() -> JSON.read(valid.replace("TC3.CT2", "TC3.CT1")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("trùng");
    assertThatThrownBy(() -> JSON.read(valid.replace("\"confirmed\"", "\"confirmd\"")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JSON.read(valid.replace("\"evidenceSource\" : \"Thông tư 24/2023/TT-BGDĐT, Điều 15,"
        + " khoản 3\",", ""))).isInstanceOf(IllegalStateException.class).hasMessageContaining("evidenceSource");
    String commune = JSON.write(set("tt25-district-l1"));
    assertThatThrownBy(() -> JSON.read(commune.replace("\"INCREASE\"", "\"UP\"")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("INCREASE");
  }
}
