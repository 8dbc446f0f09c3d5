package vn.hoctap.dossier;

/** The recognition titles (danh hiệu) a dossier can request. */
public enum Title {
  /** Đơn vị học tập (TT 24/2023/TT-BGDĐT). */
  LEARNING_UNIT("Đơn vị học tập", "learning-unit-recognition"),
  /** Cộng đồng học tập of a commune, district or province (TT 25/2023/TT-BGDĐT). */
  LEARNING_COMMUNITY("Cộng đồng học tập", "learning-community-recognition");

  private final String label;
  private final String processKey;

  Title(String label, String processKey) {
    this.label = label;
    this.processKey = processKey;
  }

  /** The process that carries dossiers of this title. */
  public String processKey() {
    return processKey;
  }

  public String label() {
    return label;
  }
}
