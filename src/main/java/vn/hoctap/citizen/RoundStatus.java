package vn.hoctap.citizen;

/** Where a round stands. Entries can be imported while PREPARING, and only the returned ones corrected while RETURNED. */
public enum RoundStatus {
  PREPARING("Đang lập danh sách, tự đánh giá"),
  IN_REVIEW("Đang xét duyệt"),
  RETURNED("Trả lại để sửa các mục được nêu"),
  AWAITING_DECISION("Chờ quyết định công nhận"),
  RECOGNISED("Đã có quyết định công nhận"),
  REFUSED("Không công nhận");

  private final String label;

  RoundStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean closed() {
    return this == RECOGNISED || this == REFUSED;
  }
}
