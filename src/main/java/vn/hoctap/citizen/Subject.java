package vn.hoctap.citizen;

/**
 * Who or what one entry of a round is: a person of one of the four populations of "Công dân học tập" (each with
 * its own criteria sheet, QĐ 324/QĐ-KHVN), or a household, clan or village assessed by the Hội Khuyến học.
 */
public enum Subject {
  RESIDENT(RoundKind.CITIZEN, "Người dân cư trú trên địa bàn xã, phường", "Họ và tên", true, true),
  WORKER(RoundKind.CITIZEN, "Người lao động", "Họ và tên", true, true),
  OFFICIAL(RoundKind.CITIZEN, "Cán bộ, công chức, viên chức, doanh nhân", "Họ và tên", true, true),
  LEARNER(RoundKind.CITIZEN, "Học sinh, sinh viên, người học", "Họ và tên", true, false),
  /** Gia đình học tập: identified by the household head's personal identification number. */
  FAMILY(RoundKind.VILLAGE, "Gia đình (hộ gia đình)", "Họ và tên chủ hộ", true, false),
  /** Dòng họ học tập: identified by the clan head's (trưởng họ) personal identification number. */
  CLAN(RoundKind.VILLAGE, "Dòng họ", "Tên dòng họ (họ và tên trưởng họ)", true, false),
  /** The village itself (Cộng đồng học tập cấp thôn): identified by its org code. */
  VILLAGE(RoundKind.VILLAGE, "Thôn, tổ dân phố", "Tên thôn, tổ dân phố", false, false);

  private final RoundKind kind;
  private final String label;
  private final String nameHeader;
  private final boolean personId;
  private final boolean member;

  Subject(RoundKind kind, String label, String nameHeader, boolean personId, boolean member) {
    this.kind = kind;
    this.label = label;
    this.nameHeader = nameHeader;
    this.personId = personId;
    this.member = member;
  }

  public RoundKind kind() {
    return kind;
  }

  public String label() {
    return label;
  }

  /** The header of the name column in the spreadsheet. */
  public String nameHeader() {
    return nameHeader;
  }

  /** Identified by a 12-digit personal identification number (CCCD); otherwise by the village's org code. */
  public boolean personId() {
    return personId;
  }

  /** Counts as a member (thành viên) of a unit for TC3.CT1 of "Đơn vị học tập"; learners count for TC3.CT1.HS. */
  public boolean member() {
    return member;
  }

  public String identityHeader() {
    return personId ? (this == FAMILY ? "Số định danh cá nhân của chủ hộ (12 chữ số)"
        : this == CLAN ? "Số định danh cá nhân của trưởng họ (12 chữ số)" : "Số định danh cá nhân (12 chữ số)")
        : "Mã thôn, tổ dân phố";
  }
}
