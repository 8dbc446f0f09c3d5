package vn.hoctap.award;

/** Where a candidate of a proposal list stands. */
public enum CandidateStatus {
  PROPOSED("Đã đề nghị"),
  INELIGIBLE("Không đủ điều kiện"),
  IN_COUNCIL("Hội đồng đang xét"),
  NOT_PASSED("Hội đồng không thông qua"),
  AWAITING_SIGNATURE("Chờ người có thẩm quyền ký"),
  AWARDED("Đã khen thưởng"),
  SIGNER_REFUSED("Người có thẩm quyền không đồng ý");

  private final String label;

  CandidateStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
