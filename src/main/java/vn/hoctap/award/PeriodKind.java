package vn.hoctap.award;

/** When awards are given: every year, at the 2025 mid-term review and at the 2030 final review (§1, §3). */
public enum PeriodKind {
  YEARLY("Tổng kết năm"),
  MID_TERM("Sơ kết giữa kỳ (2025)"),
  FINAL("Tổng kết giai đoạn (2030)");

  private final String label;

  PeriodKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
