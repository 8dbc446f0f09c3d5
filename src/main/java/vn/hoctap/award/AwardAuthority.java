package vn.hoctap.award;

import java.time.LocalDate;
import vn.hoctap.common.Dates;
import vn.hoctap.org.OrgKind;
import vn.hoctap.common.Periods;

/**
 * Who signs an award of one form proposed by a body of one kind, from {@code validFrom} to {@code validTo} (both
 * included, null = no bound), nationally ({@code provinceId} null) or for one province (winning over the national
 * row of the same day); a row not {@code confirmed} rests on no official text read ("chờ xác nhận văn bản").
 * Table award_authority (V59; LEGAL-TEXTS.md §4.2).
 */
public record AwardAuthority(Long id, AwardForm form, OrgKind proposerKind, Long provinceId, String provinceName,
    LocalDate validFrom, LocalDate validTo, Signer signer, String refusal, String source, boolean confirmed,
    long version) {

  /** Who signs, relative to the proposing body. */
  public enum Signer {
    OWN("Thủ trưởng / Chủ tịch UBND của chính đơn vị, địa phương đề nghị"),
    PROVINCE("Chủ tịch UBND tỉnh / thành phố"),
    NATION("Thủ tướng Chính phủ"),
    NONE("Không ai có thẩm quyền: từ chối đề nghị");

    private final String label;

    Signer(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The kinds of proposing body a row may name (villages propose through their commune). */
  public static final OrgKind[] PROPOSER_KINDS = {OrgKind.UNIT, OrgKind.COMMUNE, OrgKind.DISTRICT, OrgKind.PROVINCE};

  public boolean inForceOn(LocalDate day) {
    return Periods.contains(validFrom, validTo, day);
  }

  /** Whether this row's period and {@code [from, to]} share a day (null = no bound). */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return Periods.overlap(validFrom, validTo, from, to);
  }

  /** "từ 01/07/2025", "đến 30/06/2025", "không giới hạn thời gian". */
  public String period() {
    return period(validFrom, validTo);
  }

  public static String period(LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return "không giới hạn thời gian";
    }
    return (from == null ? "" : "từ " + Dates.vn(from)) + (from != null && to != null ? " " : "")
        + (to == null ? "" : "đến " + Dates.vn(to));
  }

  /** "Giấy khen, Huyện / quận, đến 30/06/2025 (toàn quốc)": how a refusal names another row. */
  public String words() {
    return form.label() + ", " + proposerKind.label().toLowerCase() + ", " + period() + " ("
        + (provinceName == null ? "toàn quốc" : provinceName) + ")";
  }
}
