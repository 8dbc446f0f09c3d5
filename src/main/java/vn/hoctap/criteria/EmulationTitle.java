package vn.hoctap.criteria;

/**
 * Collective emulation titles (danh hiệu thi đua tập thể, Luật Thi đua, Khen thưởng số 06/2022/QH15) that TT24
 * TC3.CT3 asks for "từ “Tập thể lao động tiên tiến” … trở lên" at both levels. Declared from lowest to highest:
 * "at least" comparisons use the declaration order.
 */
public enum EmulationTitle {
  NONE("Chưa có danh hiệu"),
  TAP_THE_LAO_DONG_TIEN_TIEN("Tập thể lao động tiên tiến"),
  TAP_THE_LAO_DONG_XUAT_SAC("Tập thể lao động xuất sắc");

  private final String label;

  EmulationTitle(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean atLeast(EmulationTitle other) {
    return compareTo(other) >= 0;
  }
}
