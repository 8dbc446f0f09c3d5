package vn.hoctap.dossier;

import java.util.Locale;
import vn.hoctap.common.DomainException;

/**
 * What a dossier asks for (TT24 Điều 5, 10 khoản 4, Điều 11, 16 khoản 4; TT25 Điều 9, 14, 19 khoản 4): the first
 * recognition, a new recognition once the previous one's retention has run out, or level 2 after level 1.
 */
public enum DossierKind {
  /** Công nhận lần đầu. */
  FIRST("Công nhận lần đầu"),
  /** Công nhận lại: after the previous recognition's 03 years (36 months) of retention. */
  RENEWAL("Công nhận lại"),
  /** Công nhận nâng mức độ: level 2, at least 12 months after the level-1 decision. */
  UPGRADE("Công nhận nâng mức độ");

  private final String label;

  DossierKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The kind a caller names (the enum name, any case), or null when it names none: hoctap then derives it from
   * the applicant's recognitions.
   */
  public static DossierKind parse(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return valueOf(value.toString().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("Loại hồ sơ \"" + value + "\" không có. Chọn FIRST (công nhận lần đầu),"
          + " RENEWAL (công nhận lại) hoặc UPGRADE (công nhận nâng mức độ).");
    }
  }
}
