package vn.hoctap.criteria;

/**
 * Digital-transformation level (mức độ chuyển đổi số) of a school under QĐ 4725/QĐ-BGDĐT (general schools, GDTX) or
 * QĐ 4740/QĐ-BGDĐT (universities), both of 30/12/2022. TT24 names two levels, "mức đáp ứng cơ bản" (level 1) and
 * "mức đáp ứng tốt" (level 2); whether the decisions have a level between them is not known (chờ xác nhận văn bản):
 * declared from lowest to highest, "at least" comparisons use the declaration order.
 */
public enum DigitalLevel {
  NOT_REACHED("Chưa đạt mức đáp ứng cơ bản"),
  BASIC("Mức đáp ứng cơ bản"),
  GOOD("Mức đáp ứng tốt");

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
