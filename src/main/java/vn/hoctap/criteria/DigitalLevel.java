package vn.hoctap.criteria;

/**
 * Digital-transformation level (mức độ chuyển đổi số) of a school. Declared from lowest to highest: "at least"
 * comparisons use the declaration order.
 */
public enum DigitalLevel {
  NOT_REACHED("Chưa đạt"),
  BASIC("Mức cơ bản"),
  LEVEL_2("Mức 2"),
  LEVEL_3("Mức 3");

  private final String label;

  DigitalLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean atLeast(DigitalLevel other) {
    return compareTo(other) >= 0;
  }
}
