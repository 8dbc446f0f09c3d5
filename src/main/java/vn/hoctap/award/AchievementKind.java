package vn.hoctap.award;

/** What a proposing body certifies about a candidate for one year; the eligibility rules count these. */
public enum AchievementKind {
  RATING_COMPLETED("Hoàn thành nhiệm vụ"),
  RATING_GOOD("Hoàn thành tốt nhiệm vụ"),
  RATING_EXCELLENT("Hoàn thành xuất sắc nhiệm vụ"),
  CSTD_CO_SO("Chiến sĩ thi đua cơ sở"),
  GIAY_KHEN("Giấy khen"),
  BANG_KHEN_TINH("Bằng khen của Chủ tịch UBND tỉnh"),
  BANG_KHEN_BO("Bằng khen cấp bộ, ban, ngành");

  private final String label;

  AchievementKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
