package vn.hoctap.award;

/** Who an award goes to: tập thể, hộ gia đình, cá nhân. */
public enum CandidateKind {
  COLLECTIVE("Tập thể"),
  HOUSEHOLD("Hộ gia đình"),
  INDIVIDUAL("Cá nhân");

  private final String label;

  CandidateKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
