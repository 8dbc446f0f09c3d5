package vn.hoctap.criteria;

/**
 * Where hoctap already holds an indicator's value, so that the form opens with it filled in (with its source) and a
 * person changing it has to say why.
 */
public enum Feed {
  /** Members holding "Công dân học tập": the unit's latest decided round (QĐ 324/QĐ-KHVN). */
  ROUND_MEMBERS("đợt đánh giá “Công dân học tập” của đơn vị"),
  /** Learners holding "Công dân học tập": the unit's latest decided round, learners' entries. */
  ROUND_LEARNERS("đợt đánh giá “Công dân học tập” của đơn vị (người học)"),
  /** Citizens holding "Công dân học tập": the commune's latest decided round of residents (numerator only). */
  ROUND_CITIZENS("đợt đánh giá “Công dân học tập” của xã"),
  /** Communes of the district holding "Cộng đồng học tập" cấp xã at the level asked, from hoctap's decisions. */
  RECOGNISED_COMMUNES("quyết định công nhận “Cộng đồng học tập” cấp xã trong hoctap"),
  /** Districts of the province holding "Cộng đồng học tập" cấp huyện at the level asked. */
  RECOGNISED_DISTRICTS("quyết định công nhận “Cộng đồng học tập” cấp huyện trong hoctap");

  private final String label;

  Feed(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
