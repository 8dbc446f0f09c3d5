package vn.hoctap.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoctap.common.Dates;

/**
 * The cash that goes with an award on a given day, from data (tables base_salary and award_amount, LEGAL-TEXTS
 * §4.2): an individual gets coefficient × mức lương cơ sở in force that day (Giấy khen 0,15 before 01/07/2025
 * under NĐ 98/2023, 0,3 from then under NĐ 152/2025 Điều 54), a household a multiple of the individual's amount
 * (1,5 from 01/07/2025). Where the data has no value for the form, kind or day, the amount is unknown and says so;
 * nothing is guessed.
 */
@Service
public class AwardAmounts {

  /** An amount in đồng (null when unknown), how it is computed, its source and whether the text is confirmed. */
  public record Amount(Long dong, String explanation, String source, boolean confirmed, LocalDate day) {

    /** "702.000 đồng" or "chưa xác định". */
    public String text() {
      return dong == null ? "Chưa xác định" : money(dong);
    }
  }

  private final JdbcTemplate jdbc;

  AwardAmounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Amount of(AwardForm form, CandidateKind kind, LocalDate day) {
    List<Map<String, Object>> salary = jdbc.queryForList("select amount, source, confirmed from base_salary where "
        + "valid_from <= ? order by valid_from desc limit 1", day);
    if (salary.isEmpty()) {
      return new Amount(null, "Chưa có mức lương cơ sở áp dụng ngày " + Dates.vn(day) + " trong dữ liệu.", "",
          false, day);
    }
    BigDecimal base = BigDecimal.valueOf(((Number) salary.get(0).get("amount")).longValue());
    boolean baseConfirmed = Boolean.TRUE.equals(salary.get(0).get("confirmed"));
    String baseWords = "mức lương cơ sở " + money(base.longValue()) + " (" + salary.get(0).get("source") + ")";
    Map<String, Object> individual = row(form, CandidateKind.INDIVIDUAL, day);
    Map<String, Object> own = kind == CandidateKind.INDIVIDUAL ? individual : row(form, kind, day);
    if (own == null || own.get("coefficient") == null
        && (individual == null || individual.get("coefficient") == null || own.get("household_multiple") == null)) {
      return new Amount(null, "Chưa có mức tiền thưởng " + form.label() + " cho " + kind.label().toLowerCase()
          + " áp dụng ngày " + Dates.vn(day) + ": chờ xác nhận văn bản.", "", false, day);
    }
    if (own.get("coefficient") != null) {
      BigDecimal k = (BigDecimal) own.get("coefficient");
      long dong = k.multiply(base).setScale(0, RoundingMode.HALF_UP).longValue();
      return new Amount(dong, number(k) + " × " + baseWords, (String) own.get("source"),
          baseConfirmed && Boolean.TRUE.equals(own.get("confirmed")), day);
    }
    BigDecimal k = (BigDecimal) individual.get("coefficient");
    BigDecimal multiple = (BigDecimal) own.get("household_multiple");
    long single = k.multiply(base).setScale(0, RoundingMode.HALF_UP).longValue();
    long dong = multiple.multiply(BigDecimal.valueOf(single)).setScale(0, RoundingMode.HALF_UP).longValue();
    return new Amount(dong, number(multiple) + " × " + money(single) + " của cá nhân (" + number(k) + " × "
        + baseWords + ")", own.get("source") + "; " + individual.get("source"),
        baseConfirmed && Boolean.TRUE.equals(own.get("confirmed")) && Boolean.TRUE.equals(individual.get("confirmed")),
        day);
  }

  private Map<String, Object> row(AwardForm form, CandidateKind kind, LocalDate day) {
    return jdbc.queryForList("select coefficient, household_multiple, source, confirmed from award_amount where "
        + "form = ? and candidate_kind = ? and (valid_from is null or valid_from <= ?) and (valid_to is null or "
        + "valid_to >= ?) order by valid_from desc nulls last", form.name(), kind.name(), day, day)
        .stream().findFirst().orElse(null);
  }

  /** 702000 → "702.000 đồng" (Vietnamese digit grouping). */
  static String money(long dong) {
    DecimalFormatSymbols s = new DecimalFormatSymbols();
    s.setGroupingSeparator('.');
    return new DecimalFormat("#,##0", s).format(dong) + " đồng";
  }

  /** 0.300 → "0,3". */
  static String number(BigDecimal k) {
    return k.stripTrailingZeros().toPlainString().replace('.', ',');
  }
}
