package vn.hoctap.org;

/** The tiers of the organisation tree (RECOGNITION.md §4); UNIT is a school or agency attached to a tier. */
public enum OrgKind {
  /** The national level: Bộ Giáo dục và Đào tạo receives province-level "Cộng đồng học tập" dossiers. */
  NATION("Trung ương"),
  PROVINCE("Tỉnh / thành phố"),
  DISTRICT("Huyện / quận"),
  /** Xã, phường and, since 2025, đặc khu (see {@link AdministrativeType}): the commune level. */
  COMMUNE("Xã / phường / đặc khu"),
  VILLAGE("Thôn / tổ dân phố"),
  UNIT("Trường / cơ quan, đơn vị");

  private final String label;

  OrgKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
