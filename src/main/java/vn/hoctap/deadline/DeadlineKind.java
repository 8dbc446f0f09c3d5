package vn.hoctap.deadline;

public enum DeadlineKind {
  /** Hạn nộp hồ sơ (e.g. 15/01 of N+1 for Đơn vị học tập). */
  SUBMISSION("Hạn nộp hồ sơ"),
  /** Hạn ra quyết định công nhận (e.g. 15/02 of N+1 for district units). */
  DECISION("Hạn ra quyết định công nhận");

  private final String label;

  DeadlineKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
