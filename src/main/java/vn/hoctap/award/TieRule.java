package vn.hoctap.award;

/** What a council does when the votes for exactly equal the pass ratio (e.g. 2 for, 2 against at 1/2). */
public enum TieRule {
  /** The side the council chair voted for wins (the chair must have voted). */
  CHAIR_DECIDES("Theo ý kiến của Chủ tịch Hội đồng"),
  PASSES("Thông qua"),
  FAILS("Không thông qua");

  private final String label;

  TieRule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
