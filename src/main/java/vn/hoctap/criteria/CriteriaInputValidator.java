package vn.hoctap.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoctap.org.UnitProfile;

/**
 * Checks entered indicator values before they are saved, with messages that tell the assessment team what to fix.
 * Judgements are not required here: they are given later by the person judging.
 */
@Component
public class CriteriaInputValidator {

  public List<InputError> validate(CriteriaSet set, UnitProfile unit, Map<String, IndicatorInput> valuesByCode) {
    Map<String, IndicatorInput> values = valuesByCode == null ? Map.of() : valuesByCode;
    List<InputError> errors = new ArrayList<>();
    for (String code : values.keySet()) {
      if (set.indicator(code).isEmpty()) {
        errors.add(new InputError(code, "code", "Chỉ tiêu «" + code + "» không có trong bộ tiêu chí " + set.code()
            + " (phiên bản " + set.version() + "): hãy bỏ giá trị này hoặc kiểm tra lại mã chỉ tiêu."));
      }
    }
    for (Indicator indicator : set.indicators()) {
      // Values of indicators that do not apply to this unit are ignored, not rejected: forms may send them.
      if (indicator.appliesTo(unit)) {
        errors.addAll(RuleEvaluator.forKind(indicator.rule()).check(indicator, values.get(indicator.code())));
      }
    }
    return errors;
  }
}
