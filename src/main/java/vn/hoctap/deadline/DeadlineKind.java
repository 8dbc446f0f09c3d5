package vn.hoctap.deadline;

public enum DeadlineKind {
  /** Hạn nộp hồ sơ (e.g. 15/01 of N+1 for Đơn vị học tập). */
  SUBMISSION("Hạn nộp hồ sơ", true),
  /** Hạn ra quyết định công nhận (e.g. 15/02 of N+1 for district units). */
  DECISION("Hạn ra quyết định công nhận", true),
  /**
   * Hạn báo cáo kết quả lên cấp trên (e.g. the Phòng GDĐT to the Sở before 15/03, TT24 Điều 20 K3): a deadline of the
   * receiving body for the year's results, not of one dossier.
   */
  REPORT("Hạn báo cáo kết quả", false);

  private final String label;
  private final boolean dossier;

  DeadlineKind(String label, boolean dossier) {
    this.label = label;
    this.dossier = dossier;
  }

  public String label() {
    return label;
  }

  /** Whether each dossier has a deadline of this kind (its timers and tasks are dated by it). */
  public boolean dossier() {
    return dossier;
  }

  /** The kinds every dossier has: submission and decision. */
  public static java.util.List<DeadlineKind> ofDossiers() {
    return java.util.Arrays.stream(values()).filter(DeadlineKind::dossier).toList();
  }
}
