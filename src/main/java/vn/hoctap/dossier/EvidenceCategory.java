package vn.hoctap.dossier;

/** What a file of the whole dossier (not of one indicator) is. */
public enum EvidenceCategory {
  TO_TRINH("Tờ trình"),
  BAO_CAO_TU_DANH_GIA("Báo cáo tự đánh giá"),
  BIEN_BAN_HOP("Biên bản họp"),
  KHAC("Tài liệu khác");

  private final String label;

  EvidenceCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label of a stored category; a whole-dossier file uploaded without one (by the API) is "khác". */
  public static String labelOf(String stored) {
    for (EvidenceCategory c : values()) {
      if (c.name().equals(stored)) {
        return c.label;
      }
    }
    return KHAC.label;
  }
}
