package vn.hoctap.award;

/** The documents uploaded with a proposal list: the tờ trình and the báo cáo thành tích. */
public enum ProposalFileKind {
  SUBMISSION("Tờ trình"),
  REPORT("Báo cáo thành tích");

  private final String label;

  ProposalFileKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
