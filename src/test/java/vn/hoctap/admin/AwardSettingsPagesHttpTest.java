package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.award.AwardSettings;
import vn.hoctap.common.Dates;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * "Thẩm quyền và mức tiền thưởng" over real HTTP: the figures an official checks for a day (Giấy khen 0,15 × mức
 * lương cơ sở on 30/06/2025 under NĐ 98/2023, 0,3 × from 01/07/2025 under NĐ 152/2025 Điều 54 K1, a household 1,5 ×
 * the individual), a period overlapping another row refused naming it, a coefficient of 0 refused, and an edit made
 * on a stale version refused with the input kept and nothing overwritten. Base salaries created here start after
 * 2300, so no other test sees them.
 */
@HoctapTest
class AwardSettingsPagesHttpTest {

  static final String PAGE = "/quan-tri/khen-thuong-tham-quyen";

  @LocalServerPort int port;
  @Autowired AwardSettings settings;
  @Autowired JdbcTemplate jdbc;

  private PageSession admin() {
    PageSession admin = new PageSession(port);
    assertThat(admin.login("admin", DemoData.PASSWORD).status()).isEqualTo(302);
    return admin;
  }

  /** The row of the figures table for a form ("giay_khen"), as text without tags. */
  private static String figures(String html, String form) {
    int at = html.indexOf("id=\"tinh-" + form + "\"");
    assertThat(at).as("row of " + form).isPositive();
    return html.substring(at, html.indexOf("</tr>", at)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
  }

  static LocalDate farDay() {
    return LocalDate.of(2300, 1, 1).plusDays(System.nanoTime() % 150_000);
  }

  @Test
  void nd98_2023_nd152_2025Dieu54K1_thePageComputes015Before01072025And03FromThenAndTheHousehold15Times() {
    PageSession admin = admin();
    String before = admin.get(PAGE + "?ngay=30/06/2025").body();
    assertThat(before).contains("Tiền thưởng áp dụng ngày 30/06/2025");
    assertThat(figures(before, "giay_khen")).contains("351.000 đồng", "0,15 × mức lương cơ sở 2.340.000 đồng",
        "chờ xác nhận văn bản");
    // NĐ 98/2023 household multiple: no text in the project, so not guessed
    assertThat(figures(before, "giay_khen")).contains("Chưa xác định");

    String after = admin.get(PAGE + "?ngay=01/07/2025").body();
    assertThat(figures(after, "giay_khen")).contains("702.000 đồng", "0,3 × mức lương cơ sở 2.340.000 đồng",
        "1.053.000 đồng", "1,5 × 702.000 đồng của cá nhân");
    assertThat(figures(after, "bang_khen_tinh")).contains("3.510.000 đồng", "5.265.000 đồng");
    assertThat(figures(after, "bang_khen_ttg")).contains("7.020.000 đồng", "10.530.000 đồng");
    // every table with its source; the NĐ 129/2025 refusal of a district's Giấy khen shown as awaiting the text
    assertThat(after).contains("Nghị định 129/2025/NĐ-CP", "NĐ 152/2025/NĐ-CP Điều 54 khoản 1", "NĐ 73/2024/NĐ-CP",
        "2.340.000 đồng", "chờ xác nhận văn bản");
    assertThat(admin.get(PAGE + "?ngay=31/02/2025").body()).contains("id=\"loi-ngay\"",
        "31/02/2025", "không hợp lệ: nhập ngày/tháng/năm");
  }

  @Test
  void nd152_2025Dieu54K1_anOverlappingPeriodIsRefusedNamingTheRow_andACoefficientOf0_nothingSaved() {
    PageSession admin = admin();
    int rows = jdbc.queryForObject("select count(*) from award_amount", Integer.class);
    Long current = jdbc.queryForObject("select id from award_amount where form = 'GIAY_KHEN' and candidate_kind = "
        + "'INDIVIDUAL' and valid_from = date '2025-07-01'", Long.class);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("form", "GIAY_KHEN");
    f.put("candidateKind", "INDIVIDUAL");
    f.put("coefficient", "0");
    f.put("householdMultiple", "");
    f.put("validFrom", "01/01/2026");
    f.put("validTo", "");
    f.put("source", "Văn bản thử");
    Response zero = admin.submit(PAGE + "/muc-tien/moi", PAGE + "/muc-tien/moi", f);
    assertThat(zero.status()).isEqualTo(200);
    assertThat(zero.body()).contains("id=\"loi-coefficient\"", "Hệ số phải lớn hơn 0.",
        "Chưa lưu được mức tiền thưởng.",
        "value=\"01/01/2026\"", "value=\"Văn bản thử\"");

    f.put("coefficient", "0,5");
    Response overlap = admin.submit(PAGE + "/muc-tien/moi", PAGE + "/muc-tien/moi", f);
    assertThat(overlap.body()).contains("id=\"loi-validFrom\"", "Trùng thời gian hiệu lực với mức tiền thưởng số "
        + current + " (Giấy khen, cá nhân, từ 01/07/2025 (0,3 × mức lương cơ sở)). Sửa ngày của dòng đó trước.",
        "value=\"0,5\"");
    assertThat(jdbc.queryForObject("select count(*) from award_amount", Integer.class)).as("nothing saved")
        .isEqualTo(rows);
  }

  @Test
  void aStaleEditIsRefusedWithTheInputKept_theOtherAdministratorsChangeStays_andEachSaveIsAudited() {
    LocalDate day = farDay();
    AwardSettings.SalaryRow row = settings.saveSalary("admin", null, new AwardSettings.SalaryEdit(Dates.vn(day),
        "3.000.000", "Nghị định thử", false, null));
    PageSession admin = admin();
    String edit = admin.get(PAGE + "/luong-co-so/" + row.id()).body();
    Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(edit);
    assertThat(version.find()).isTrue();
    assertThat(edit).contains("value=\"" + Dates.vn(day) + "\"", "value=\"3000000\"");

    // meanwhile another administrator confirms it with its source
    settings.saveSalary("admin2", row.id(), new AwardSettings.SalaryEdit(Dates.vn(day), "3.100.000",
        "Nghị định thử, Điều 3", true, row.version()));

    Response stale = admin.submit(PAGE + "/luong-co-so/" + row.id(), PAGE + "/luong-co-so/" + row.id(), Map.of(
        "validFrom", Dates.vn(day), "amount", "3.200.000", "source", "Nghị định thử của tôi", "version",
        version.group(1)));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains("id=\"loi\"", "Người khác vừa sửa dòng này", "Tải lại trang",
        "value=\"3.200.000\"", "value=\"Nghị định thử của tôi\"");
    AwardSettings.SalaryRow kept = settings.salary(row.id());
    assertThat(kept.amount()).isEqualTo(3_100_000L);
    assertThat(kept.source()).isEqualTo("Nghị định thử, Điều 3");
    assertThat(kept.confirmed()).isTrue();
    assertThat(jdbc.queryForList("select action from audit_log where target_type = 'BASE_SALARY' and target_id = ? "
        + "order by id", String.class, String.valueOf(row.id())))
        .containsExactly("BASE_SALARY_ADDED", "BASE_SALARY_CHANGED");

    // reloaded, the page shows the new version; the edit goes through
    Response fresh = admin.submit(PAGE + "/luong-co-so/" + row.id(), PAGE + "/luong-co-so/" + row.id(), Map.of(
        "validFrom", Dates.vn(day), "amount", "3.200.000", "source", "Nghị định thử của tôi", "confirmed", "true",
        "version", String.valueOf(kept.version())));
    assertThat(fresh.status()).isEqualTo(302);
    assertThat(settings.salary(row.id()).amount()).isEqualTo(3_200_000L);
    assertThat(admin.get(PAGE).body()).contains("Đã lưu mức lương cơ sở.", "3.200.000 đồng");
  }
}
