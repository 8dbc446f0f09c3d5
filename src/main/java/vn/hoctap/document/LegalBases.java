package vn.hoctap.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Căn cứ ban hành, in one place: the legal text of each decision comes from the criteria data (the source of the
 * criteria set the dossier was assessed with, e.g. "Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023"), printed as NĐ 30
 * writes a citation ("Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023 của Bộ trưởng …"). Only texts
 * confirmed in LEGAL-TEXTS.md are cited.
 */
@Component
public class LegalBases {

  private static final Pattern CITATION = Pattern.compile(
      "(Thông tư|Nghị định|Quyết định|Luật)\\s+(?:số\\s+)?(\\S+)\\s+ngày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  /** What each text is, after its number and date (the issuer and its title). */
  private static final Map<String, String> WHAT = Map.of(
      "24/2023/TT-BGDĐT", "của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định về đánh giá, công nhận “Đơn vị"
          + " học tập” cấp huyện, tỉnh",
      "25/2023/TT-BGDĐT", "của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định về đánh giá, công nhận “Cộng"
          + " đồng học tập” cấp xã, huyện, tỉnh",
      "324/QĐ-KHVN", "của Ban chấp hành Trung ương Hội Khuyến học Việt Nam ban hành Bộ tiêu chí và hướng dẫn đánh"
          + " giá, công nhận danh hiệu “Công dân học tập” giai đoạn 2021-2030");

  private final JdbcTemplate jdbc;

  LegalBases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The source of a criteria set version, as stored with it. */
  public String criteriaSource(long criteriaSetId) {
    return jdbc.query("select source from criteria_set_version where id = ?", (rs, i) -> rs.getString(1),
        criteriaSetId).stream().findFirst().orElse(null);
  }

  /**
   * "Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023" → "Thông tư số 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023 của Bộ
   * trưởng Bộ Giáo dục và Đào tạo ban hành …"; a source it cannot read is printed as written.
   */
  public static String citation(String source) {
    if (source == null) {
      return null;
    }
    Matcher m = CITATION.matcher(source);
    if (!m.find()) {
      return source.strip();
    }
    LocalDate d = LocalDate.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(4)),
        Integer.parseInt(m.group(3)));
    String what = WHAT.get(m.group(2));
    return m.group(1) + " số " + m.group(2) + " " + Nd30.date(d) + (what == null ? "" : " " + what);
  }

  /** The căn cứ of a recognition decision (Quyết định công nhận) of a dossier. */
  public List<String> recognition(long criteriaSetId, String unitName, String proposer) {
    String citation = citation(criteriaSource(criteriaSetId));
    List<String> lines = new java.util.ArrayList<>();
    if (citation != null) {
      lines.add("Căn cứ " + citation + ";");
    }
    lines.add("Căn cứ kết quả thẩm định hồ sơ đề nghị công nhận của " + unitName + (proposer == null ? "." : ";"));
    if (proposer != null) {
      lines.add("Theo đề nghị của " + proposer + ".");
    }
    return lines;
  }

  /** The căn cứ of the decision recognising a round (Công dân học tập and the Hội Khuyến học titles). */
  public List<String> round(String kindLabel) {
    return List.of("Căn cứ Quyết định số 324/QĐ-KHVN " + Nd30.date(LocalDate.of(2023, 10, 25)) + " "
        + WHAT.get("324/QĐ-KHVN") + ";", "Căn cứ kết quả đánh giá " + kindLabel + " của đợt đánh giá.");
  }

  /** The căn cứ of a revoking decision: the decision it revokes. */
  public List<String> revocation(String decisionLine, String reason) {
    return List.of("Căn cứ " + decisionLine + ";", "Xét " + reason + ".");
  }
}
