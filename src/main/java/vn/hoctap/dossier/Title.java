package vn.hoctap.dossier;

import vn.hoctap.org.Groups;

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

  /** Who prepares an applicant's dossier of this title: a school's Tổ đánh giá, a People's Committee's staff. */
  public String preparers(String applicantCode) {
    return this == LEARNING_UNIT ? Groups.team(applicantCode) : Groups.committee(applicantCode);
  }

  /** The applicant's head: a school's principal, a People's Committee's chair. */
  public String head(String applicantCode) {
    return this == LEARNING_UNIT ? Groups.head(applicantCode) : Groups.chair(applicantCode);
  }
}
