package vn.hoctap.citizen;

/** What an assessment round (đợt đánh giá) recognises, and so who prepares, reviews and decides it. */
public enum RoundKind {
  /** "Công dân học tập" (QĐ 324/QĐ-KHVN): a unit's members, or the residents of a commune. */
  CITIZEN("Công dân học tập"),
  /** "Gia đình học tập", "Dòng họ học tập" and "Cộng đồng học tập" of a village (Hội Khuyến học Việt Nam). */
  VILLAGE("Gia đình học tập, Dòng họ học tập, Cộng đồng học tập cấp thôn");

  private final String label;

  RoundKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
