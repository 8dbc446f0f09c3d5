package vn.hoctap.report;

/**
 * What a plan target measures (chỉ tiêu): a title (danh hiệu) or another indicator of the movement. Only titles whose
 * recognitions are recorded by hoctap can be counted; the others show "chưa có dữ liệu" until their data exists.
 */
public enum Measure {
  LEARNING_UNIT("Đơn vị học tập", "LEARNING_UNIT"),
  LEARNING_COMMUNITY("Cộng đồng học tập", "LEARNING_COMMUNITY"),
  LEARNING_CITIZEN("Công dân học tập", null),
  LEARNING_FAMILY("Gia đình học tập", null),
  LEARNING_CLAN("Dòng họ học tập", null),
  DIGITAL_SKILLS("Người dân có kỹ năng số", null),
  ASSESSMENT_ORGANISED("Tổ chức đánh giá, công nhận", null);

  private final String label;
  /** The recognition.title value that counts for this measure; null while hoctap does not record it. */
  private final String recognitionTitle;

  Measure(String label, String recognitionTitle) {
    this.label = label;
    this.recognitionTitle = recognitionTitle;
  }

  public String label() {
    return label;
  }

  public String recognitionTitle() {
    return recognitionTitle;
  }
}
