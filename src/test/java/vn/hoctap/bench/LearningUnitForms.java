package vn.hoctap.bench;

import java.util.HashMap;
import java.util.Map;
import vn.hoctap.support.Fixtures;

/**
 * What the users submit at each step of the application's chain: the process tests' values
 * ({@link Fixtures#districtLevel1Met}), so a change of the forms changes both at once.
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

  static Map<String, Object> form(ChainDriver.Step step) {
    return switch (step) {
      case SELF_ASSESSMENT -> Fixtures.districtLevel1Met();
      case HEAD_REVIEW -> Map.of("headDecision", "SUBMIT", "headComment", "Tờ trình số 7/TTr");
      case CHECK_COMPLETENESS -> Map.of("completeness", "COMPLETE");
      case APPRAISE -> {
        Map<String, Object> v = Fixtures.districtLevel1Met();
        v.put("appraisalRecommendation", "RECOGNISE");
        yield v;
      }
      case DECIDE -> Map.of("signerDecision", "APPROVE");
    };
  }
}
