package vn.hoctap.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.criteria.CriteriaFixtures.BUNDLED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hoctap.common.Dates;

/**
 * Writes docs/criteria.md from the bundled criteria sets (src/main/resources/criteria/*.json): every indicator with
 * its official text, article, rule, applicability and status, and the items awaiting the official text ("chờ xác
 * nhận văn bản") with their count. Run it alone with
 * {@code mvn -q -o test -DskipPostgresTests -Dtest=CriteriaDocsTest}; the file is rewritten on every run, so a
 * change of the data shows in the file's diff.
 */
class CriteriaDocsTest {

  static final Path FILE = Path.of("docs", "criteria.md");

  @Test
  void docsCriteriaMdIsWrittenFromTheData() throws IOException {
    String md = render(BUNDLED);
    Files.writeString(FILE, md, StandardCharsets.UTF_8);

    assertThat(md).contains("Số mục “chờ xác nhận văn bản”: **22**");
    assertThat(md).contains("| tt24-district-l1 | Thông tư 24/2023/TT-BGDĐT | cấp huyện | 1 | 2 | 26/01/2024 | 3 | 15 |"
        + " 18 | có (Thông tư 24/2023/TT-BGDĐT, Điều 9, khoản 3) |");
    assertThat(md).contains("| **Tổng** | | | | | | 38 | 150 | 162 | |");
    for (CriteriaSet s : BUNDLED) {
      for (Indicator i : s.indicators()) {
        assertThat(md).contains(i.text()).contains(i.source());
      }
    }
    assertThat(md).doesNotContain("UNCONFIRMED").doesNotContain("null");
  }

  static String render(List<CriteriaSet> sets) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Bộ tiêu chí đánh giá, công nhận “Đơn vị học tập” và “Cộng đồng học tập”\n\n");
    sb.append("Tệp này được tạo tự động từ dữ liệu `src/main/resources/criteria/*.json` bằng lệnh\n"
        + "`mvn -q -o test -DskipPostgresTests -Dtest=CriteriaDocsTest` — đừng sửa tay. Nội dung chỉ tiêu chép nguyên"
        + " văn\nThông tư 24/2023/TT-BGDĐT (“Đơn vị học tập” cấp huyện, tỉnh) và Thông tư 25/2023/TT-BGDĐT (“Cộng đồng"
        + " học tập”\ncấp xã, huyện, tỉnh). Một chỉ tiêu của văn bản có thể gồm hai mục kiểm tra khi văn bản yêu cầu"
        + " hai điều\nkhác nhau (ví dụ TC3.CT1 cho Thành viên và TC3.CT1.HS cho Người học).\n\n");
    List<String[]> pending = new ArrayList<>();
    Set<String> distinct = new LinkedHashSet<>();
    int pendingIndicators = 0;
    for (CriteriaSet s : sets) {
      for (Indicator i : s.indicators()) {
        for (String p : i.pending()) {
          pending.add(new String[] {s.code(), i.code(), p});
          distinct.add(p);
        }
        pendingIndicators += i.pending().isEmpty() ? 0 : 1;
      }
    }
    sb.append("Số mục “chờ xác nhận văn bản”: **").append(pending.size()).append("** (trên ")
        .append(pendingIndicators).append(" mục kiểm tra, ").append(distinct.size())
        .append(" nội dung khác nhau; danh sách ở cuối tệp). Mọi chỉ tiêu đều có trong văn bản; chỉ những điểm văn"
            + " bản\nđể ngỏ mới là dữ liệu chờ xác nhận văn bản.\n\n");
    sb.append("| Bộ tiêu chí | Văn bản | Cấp | Mức độ | Phiên bản | Hiệu lực từ | Tiêu chí | Chỉ tiêu | Mục kiểm tra |"
        + " Minh chứng bắt buộc |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
    int criteria = 0;
    int chiTieu = 0;
    int checks = 0;
    for (CriteriaSet s : sets) {
      int ct = (int) s.indicators().stream().map(Indicator::indicatorNumber).distinct().count();
      criteria += s.criteria().size();
      chiTieu += ct;
      checks += s.indicators().size();
      sb.append("| ").append(s.code()).append(" | ").append(s.source().replaceFirst(" ngày.*", "")).append(" | ")
          .append(s.tier().label()).append(" | ").append(s.level()).append(" | ").append(s.version()).append(" | ")
          .append(Dates.vn(s.effectiveFrom())).append(" | ").append(s.criteria().size()).append(" | ").append(ct)
          .append(" | ").append(s.indicators().size()).append(" | ")
          .append(s.evidenceRequired() ? "có (" + s.evidenceSource() + ")" : "không (văn bản không quy định)")
          .append(" |\n");
    }
    sb.append("| **Tổng** | | | | | | ").append(criteria).append(" | ").append(chiTieu).append(" | ").append(checks)
        .append(" | |\n\n");

    for (CriteriaSet s : sets) {
      sb.append("## ").append(s.code()).append(" — ")
          .append(s.title().equals(CriteriaSet.LEARNING_UNIT) ? "“Đơn vị học tập” " : "“Cộng đồng học tập” ")
          .append(s.tier().label()).append(", mức độ ").append(s.level()).append("\n\n");
      sb.append(s.source()).append("; phiên bản ").append(s.version()).append(", áp dụng cho hồ sơ lập từ ngày ")
          .append(Dates.vn(s.effectiveFrom())).append(" (hồ sơ giữ phiên bản khi lập).");
      if (s.evidenceRequired()) {
        sb.append(" Chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt (").append(s.evidenceSource())
            .append(").");
      }
      sb.append("\n\n");
      for (Criterion c : s.criteria()) {
        sb.append("### ").append(c.name()).append("\n\n");
        sb.append("Căn cứ: ").append(c.source()).append(".");
        if (c.remark() != null) {
          sb.append(" Ghi chú: ").append(c.remark());
        }
        sb.append("\n\n");
        for (Indicator i : c.indicators()) {
          sb.append("- **").append(i.code()).append("**");
          if (i.part() != null) {
            sb.append(" (").append(i.part()).append(")");
          }
          sb.append(" — ").append(i.text()).append("\n");
          sb.append("  - Căn cứ: ").append(i.source()).append("\n");
          sb.append("  - Yêu cầu: ").append(Requirements.of(i, null)).append("\n");
          sb.append("  - Áp dụng: ").append(i.appliesTo().describe()).append("\n");
          if (i.feed() != null) {
            sb.append("  - Số liệu hoctap điền sẵn: ").append(i.feed().label()).append("\n");
          } else if (i.rule() == RuleKind.YEAR_ON_YEAR) {
            sb.append("  - Số liệu hoctap điền sẵn: số liệu năm trước lấy từ hồ sơ năm trước của đơn vị\n");
          }
          if (i.remark() != null) {
            sb.append("  - Ghi chú: ").append(i.remark()).append("\n");
          }
          sb.append("  - Trạng thái: ").append(!i.confirmed() ? "chờ xác nhận văn bản (người đánh giá kết luận)"
              : i.pending().isEmpty() ? "theo văn bản" : "theo văn bản; có " + i.pending().size()
                  + " điểm chờ xác nhận văn bản").append("\n");
        }
        sb.append("\n");
      }
    }
    sb.append("## Các mục chờ xác nhận văn bản\n\n");
    sb.append("| Bộ tiêu chí | Mục kiểm tra | Nội dung |\n|---|---|---|\n");
    for (String[] p : pending) {
      sb.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(p[2]).append(" |\n");
    }
    return sb.toString();
  }
}
