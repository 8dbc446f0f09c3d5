package vn.hoctap.criteria;

/** Whom a ratio indicator counts, in the words of the texts (TT24 Điều 2 khoản 7, 8; TT25 Điều 6, 11, 16). */
public enum Population {
  /** "Thành viên trong đơn vị" = cán bộ công nhân viên + người lao động (TT24 Điều 2 khoản 7). */
  MEMBERS("Thành viên trong đơn vị", "thành viên"),
  /** "Người học" (TT24 Điều 2 khoản 8: not the pupils of nhà trẻ, mầm non, tiểu học, THCS). */
  LEARNERS("Người học", "người học"),
  /** "Công dân trong xã" (TT25 Điều 6 khoản 5). */
  CITIZENS("công dân trong xã", "công dân"),
  /** The communes of the district (TT25 Điều 11, 12 khoản 4 điểm a). */
  COMMUNES("số xã trên địa bàn huyện", "xã"),
  /** The districts of the province (TT25 Điều 16, 17 khoản 4 điểm a). */
  DISTRICTS("số huyện trên địa bàn tỉnh", "huyện");

  private final String label;
  private final String noun;

  Population(String label, String noun) {
    this.label = label;
    this.noun = noun;
  }

  public String label() {
    return label;
  }

  /** "thành viên", "xã": what one counted item is called, e.g. "45/50 thành viên". */
  public String noun() {
    return noun;
  }
}
