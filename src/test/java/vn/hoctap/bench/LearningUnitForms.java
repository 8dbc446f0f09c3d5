package vn.hoctap.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the users submit at each step of the application's chain: the same values as the process tests
 * (src/test/java/vn/hoctap/support/Fixtures#districtLevel1Met). Copied rather than referenced so that the
 * benchmarks never break the test build; if the forms change, the chain benchmarks fail loudly at run time.
 */
final class LearningUnitForms {

  private LearningUnitForms() {}

  static Map<String, Object> start(String unitCode) {
    Map<String, Object> v = new HashMap<>();
    v.put("unitCode", unitCode);
    v.put("level", 1);
    v.put("assessmentYear", 2026);
    return v;
  }

  static Map<String, Object> districtLevel1Met() {
    Map<String, Object> v = new HashMap<>();
    for (String k : List.of("tc1_ct1", "tc1_ct2", "tc1_ct2_mn", "tc1_ct3", "tc1_ct4", "tc1_ct5")) {
      v.put(k, "true");
    }
    v.put("tc2_ct1_met", 45L);
    v.put("tc2_ct1_total", 50L);
    v.put("tc2_ct2_met", 50L);
    v.put("tc2_ct2_total", 50L);
    v.put("tc3_ct1_met", 40L);
    v.put("tc3_ct1_total", 50L);
    for (String k : List.of("tc2_khac", "tc3_ct1", "tc3_khac")) {
      v.put(k + "_judgement", "MET");
    }
    v.put("tc1_ct1_note", "Kế hoạch số 01/KH ngày 05/01");
    return v;
  }

  static Map<String, Object> form(ChainDriver.Step step) {
    return switch (step) {
      case SELF_ASSESSMENT -> districtLevel1Met();
      case HEAD_REVIEW -> Map.of("headDecision", "SUBMIT", "headComment", "Tờ trình số 7/TTr");
      case CHECK_COMPLETENESS -> Map.of("completeness", "COMPLETE");
      case APPRAISE -> {
        Map<String, Object> v = districtLevel1Met();
        v.put("appraisalRecommendation", "RECOGNISE");
        yield v;
      }
      case DECIDE -> Map.of("signerDecision", "APPROVE");
    };
  }
}
