package vn.hoctap.dossier;

/** Where a dossier stands; the current task itself is the engine's business. */
public enum DossierStatus {
  PREPARING("Đơn vị đang lập hồ sơ", true),
  SUBMITTED("Đã nộp, chờ kiểm tra", true),
  RETURNED("Trả lại để bổ sung", true),
  IN_APPRAISAL("Đang thẩm định", true),
  AWAITING_DECISION("Chờ quyết định", true),
  RECOGNISED("Đã công nhận", false),
  REFUSED("Không công nhận", false),
  WITHDRAWN("Đã rút hồ sơ", false);

  private final String label;
  private final boolean open;

  DossierStatus(String label, boolean open) {
    this.label = label;
    this.open = open;
  }

  public String label() {
    return label;
  }

  public boolean open() {
    return open;
  }
}
