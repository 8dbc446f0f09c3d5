package vn.hoctap.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every form of forms/ parses, with each of its hide conditions; the renderer's conversions. */
class StepFormsTest {

  final StepForms forms = new StepForms(new ObjectMapper());

  @Test
  void everyFormAndEveryHideConditionParses() {
    assertThat(forms.all()).containsKeys("lu-indicator-values", "lc-indicator-values", "lu-head-review",
        "completeness-check", "recognition-decision", "lc-meeting");
    long conditions = forms.all().values().stream().flatMap(f -> f.all().stream())
        .filter(f -> f.hide() != null).count();
    assertThat(conditions).isGreaterThan(60);
    assertThatThrownBy(() -> StepForm.Hide.parse("=a > 3")).hasMessageContaining("chưa hỗ trợ");
  }

  @Test
  void hideConditionsFollowTheVariables() {
    StepForm f = forms.get("lu-indicator-values");
    Map<String, Object> vars = Map.of("applicableCodes", ";TC1.CT1;TC1.CT1=BOOLEAN;TC3.CT5;TC3.CT5=BOOLEAN;",
        "pendingCodes", ";", "formStage", "SELF", "returnReasons", "");
    var keys = f.shownEditable(vars).stream().map(StepForm.Field::key).toList();
    assertThat(keys).contains("tc1_ct1", "tc1_ct1_note", "assessmentComment", "tc3_ct5")
        .doesNotContain("tc1_ct1_judgement", "tc1_ct2", "appraisalRecommendation", "correctionReason",
            "tc3_ct5_level");
    // the same code with another rule in another set (a university's digital level at province, TT24 Điều 12)
    var province = f.shownEditable(Map.of("applicableCodes", ";TC3.CT5;TC3.CT5=DIGITAL_LEVEL_AT_LEAST;",
        "pendingCodes", ";", "formStage", "SELF")).stream().map(StepForm.Field::key).toList();
    assertThat(province).contains("tc3_ct5_level", "tc3_ct5_note").doesNotContain("tc3_ct5");
    var appraisal = f.shownEditable(Map.of("applicableCodes", ";TC1.CT1;TC1.CT1=BOOLEAN;", "pendingCodes", ";TC1.CT1;",
        "formStage", "APPRAISAL")).stream().map(StepForm.Field::key).toList();
    assertThat(appraisal).contains("tc1_ct1_judgement", "appraisalRecommendation", "correctionReason")
        .doesNotContain("assessmentComment");
  }

  @Test
  void datesAreTypedDayMonthYearAndSentAsIsoDates() {
    StepForm meeting = forms.get("lc-meeting");
    var ok = forms.convert(meeting, Map.of(), Map.of("meetingDate", "04/12/2026"));
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.values()).containsEntry("meetingDate", "2026-12-04");
    var wrong = forms.convert(meeting, Map.of(), Map.of("meetingDate", "31/02/2026"));
    assertThat(wrong.problems().get("meetingDate")).singleElement().asString().contains("31/02/2026", "ngày");
    assertThat(StepForms.display(meeting.all().stream().filter(x -> "meetingDate".equals(x.key())).findFirst()
        .orElseThrow(), "2026-12-04")).isEqualTo("04/12/2026");
  }

  @Test
  void textBlocksLoseMarkdownMarksAndApiNotes() {
    assertThat(StepForm.plain("# Số liệu\nTải lên trong trang hồ sơ (API /api/dossiers/{id}/evidence)."))
        .isEqualTo("Số liệu\nTải lên trong trang hồ sơ.");
  }
}
