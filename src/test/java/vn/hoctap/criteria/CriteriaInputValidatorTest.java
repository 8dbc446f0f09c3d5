package vn.hoctap.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.criteria.CriteriaFixtures.allMet;
import static vn.hoctap.criteria.CriteriaFixtures.privateUnit;
import static vn.hoctap.criteria.CriteriaFixtures.publicUnit;
import static vn.hoctap.criteria.CriteriaFixtures.set;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;

class CriteriaInputValidatorTest {

  private final CriteriaInputValidator validator = new CriteriaInputValidator();
  private static final CriteriaSet PROVINCE_L1 = set("tt24-province-l1");
  private static final UnitProfile AGENCY = publicUnit(UnitKind.PROVINCE_AGENCY);

  private List<InputError> validateWith(String code, IndicatorInput input) {
    Map<String, IndicatorInput> values = allMet(PROVINCE_L1, AGENCY);
    values.put(code, input);
    return validator.validate(PROVINCE_L1, AGENCY, values);
  }

  @Test
  void completeValuesHaveNoErrors() {
    assertThat(validator.validate(PROVINCE_L1, AGENCY, allMet(PROVINCE_L1, AGENCY))).isEmpty();
  }

  @Test
  void metGreaterThanTotal() {
    assertThat(validateWith("TC2.CT1", IndicatorInput.ofCounts(55, 50))).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("TC2.CT1");
      assertThat(e.field()).isEqualTo("met");
      assertThat(e.message()).isEqualTo("Số đạt (55) của chỉ tiêu TC2.CT1 «Tối thiểu 90% Thành viên trong đơn vị"
          + " tuân thủ kỷ luật lao động, nội quy làm việc trong …» lớn hơn tổng số (50): số đạt không được"
          + " vượt tổng số, hãy kiểm tra lại hai số này.");
    });
  }

  @Test
  void negativeCounts() {
    List<InputError> errors = validateWith("TC2.CT2", IndicatorInput.ofCounts(-3, -1));
    assertThat(errors).extracting(InputError::field).containsExactly("met", "total");
    assertThat(errors.get(0).message()).contains("TC2.CT2", "không được âm", "-3", "hãy nhập số từ 0 trở lên");
    assertThat(errors.get(1).message()).contains("Tổng số", "không được âm", "-1");
  }

  @Test
  void totalZero() {
    assertThat(validateWith("TC3.CT1", IndicatorInput.ofCounts(0, 0))).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("total");
      assertThat(e.message()).contains("TC3.CT1", "bằng 0", "không tính được tỷ lệ", "lớn hơn 0");
    });
  }

  @Test
  void unknownChoiceOfTheRightEnum() {
    // A DigitalLevel name is not an EmulationTitle.
    assertThat(validateWith("TC3.CT3", IndicatorInput.ofChoice("BASIC"))).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("choice");
      assertThat(e.message()).contains("«BASIC» không hợp lệ", "TC3.CT3", "Chưa có danh hiệu",
          "Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc");
    });
    UnitProfile school = publicUnit(UnitKind.UPPER_SECONDARY);
    Map<String, IndicatorInput> values = allMet(PROVINCE_L1, school);
    values.put("TC3.CT4", IndicatorInput.ofChoice("MUC_4"));
    assertThat(validator.validate(PROVINCE_L1, school, values)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("«MUC_4»", "Mức đáp ứng cơ bản", "Mức đáp ứng tốt"));
  }

  @Test
  void missingValuesOfApplicableIndicators() {
    Map<String, IndicatorInput> values = allMet(PROVINCE_L1, AGENCY);
    values.remove("TC1.CT1");
    values.remove("TC2.CT1");
    values.remove("TC3.CT3");
    List<InputError> errors = validator.validate(PROVINCE_L1, AGENCY, values);
    assertThat(errors).extracting(e -> e.code() + "." + e.field())
        .containsExactly("TC1.CT1.yes", "TC2.CT1.met", "TC2.CT1.total", "TC3.CT3.choice");
    assertThat(errors.get(0).message()).contains("Chưa trả lời", "hãy chọn Có hoặc Không");
    assertThat(errors.get(3).message()).contains("Chưa chọn danh hiệu thi đua");
  }

  @Test
  void notApplicableIndicatorsAreNotRequired() {
    UnitProfile privateAgency = privateUnit(UnitKind.PROVINCE_AGENCY);
    Map<String, IndicatorInput> values = allMet(PROVINCE_L1, privateAgency);
    assertThat(values).doesNotContainKeys("TC1.CT3", "TC3.CT1.HS", "TC3.CT4", "TC3.CT5", "TC3.CT6");
    assertThat(validator.validate(PROVINCE_L1, privateAgency, values)).isEmpty();
  }

  @Test
  void yearOnYearAndCountValues() {
    CriteriaSet province = set("tt25-province-l1");
    UnitProfile unit = UnitProfile.government(UnitKind.Tier.PROVINCE);
    Map<String, IndicatorInput> values = allMet(province, unit);
    values.put("TC4.CT2", IndicatorInput.ofYears("-1", null));
    values.put("TC3.CT4", new IndicatorInput(null, null, null, null, null, null));
    values.put("TC3.CT5", IndicatorInput.ofCount(-2));
    List<InputError> errors = validator.validate(province, unit, values);
    assertThat(errors).extracting(e -> e.code() + "." + e.field())
        .containsExactly("TC3.CT4.met", "TC3.CT5.met", "TC4.CT2.current", "TC4.CT2.previous");
    assertThat(errors.get(0).message()).contains("Chưa nhập số lượng");
    assertThat(errors.get(2).message()).contains("năm đánh giá", "không được âm");
    assertThat(errors.get(3).message()).contains("Chưa nhập số liệu năm trước liền kề");
  }

  @Test
  void unknownIndicatorCode() {
    Map<String, IndicatorInput> values = allMet(PROVINCE_L1, AGENCY);
    values.put("TC1.CT2.MN", IndicatorInput.ofYes(true)); // exists only in the district sets
    assertThat(validator.validate(PROVINCE_L1, AGENCY, values)).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("TC1.CT2.MN");
      assertThat(e.field()).isEqualTo("code");
      assertThat(e.message()).contains("không có trong bộ tiêu chí tt24-province-l1", "hãy bỏ giá trị này");
    });
  }
}
