package vn.hoctap.process;

import java.util.Map;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.org.UnitProfile;

/**
 * Reads indicator values from what a page is about to submit, the same way the indicator-values listener will,
 * so the page can evaluate the criteria on them and warn before a step that ends a dossier. Stores nothing.
 */
public final class IndicatorPreview {

  private IndicatorPreview() {}

  public static Map<String, IndicatorInput> read(CriteriaSet set, UnitProfile unit, Map<String, Object> values) {
    return IndicatorForm.read(set, unit, new FormValues(values));
  }

  /** The other way round: the form fields a person fills in to enter these values (as the step's form shows them). */
  public static Map<String, Object> fields(CriteriaSet set, Map<String, IndicatorInput> values) {
    return IndicatorForm.prefill(set, values);
  }
}
