package vn.hoctap.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * The dashboard over real HTTP: a commune of its own under Thanh Trì with two schools, one recognised and one
 * returned for supplement; counts, steps, drill-down, the plan target ratio, and who may see what.
 */
@HoctapTest
class DashboardHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    Chains.setClock(Chains.DAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String card(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(html);
    assertThat(m.find()).as("card " + id).isTrue();
    return m.group(1);
  }

  /** Dossiers, open, returned, recognised of the row of the drill-down table (id don-vi) for an organisation. */
  static String childCounts(String html, String name) {
    Matcher m = Pattern.compile(">" + Pattern.quote(name) + "</a></td>\\s*<td>[^<]*</td>\\s*<td class=\"num\">(\\d+)"
        + "</td><td class=\"num\">(\\d+)</td>\\s*<td class=\"num\">(\\d+)</td><td class=\"num\">(\\d+)</td>")
        .matcher(html);
    assertThat(m.find()).as("row of " + name).isTrue();
    return m.group(1) + "/" + m.group(2) + "/" + m.group(3) + "/" + m.group(4);
  }

  @Test
  void anEscalatedDossierIsCountedAndListedAsOverdue() {
    TestUnit commune = fx.newLocality("HN-TT", OrgKind.COMMUNE);
    TestUnit late = fx.newUnit(commune.code(), UnitKind.PRIMARY, true);
    TestUnit onTime = fx.newUnit(commune.code(), UnitKind.PRIMARY, true);
    ProcessInstance overdue = fx.open(late.team(), late.code(), 1, 2026);
    fx.open(onTime.team(), onTime.code(), 1, 2026);
    // the submission deadline (15/01/2027) passes: the timer escalates the dossier to the district office
    Job timer = management.createJobQuery().processInstanceId(overdue.getId())
        .activityId(RecognitionProcess.TIMER_SUBMISSION_OVERDUE).timers().singleResult();
    Chains.setClock(java.time.LocalDate.of(2027, 1, 16));
    management.executeJob(timer.getId());

    String html = http.get("phonggd", "/dashboard?org=" + commune.code()).body();
    assertThat(card(html, "qua-han")).isEqualTo("1");
    assertThat(card(html, "dang-xu-ly")).isEqualTo("2");
    assertThat(html).contains("/ho-so/" + overdue.getBusinessKey(), "16/01/2027").doesNotContain("qua-han-mot-phan");
    int table = html.indexOf("id=\"qua-han-bang\"");
    assertThat(table).isPositive();
    assertThat(html.substring(table, html.indexOf("</table>", table))).contains("Đơn vị thử " + late.code())
        .doesNotContain("Đơn vị thử " + onTime.code());
  }

  @Test
  void aCommuneWithOneRecognisedAndOneReturnedSchool() {
    TestUnit commune = fx.newLocality("HN-TT", OrgKind.COMMUNE);
    TestUnit a = fx.newUnit(commune.code(), UnitKind.PRIMARY, true);
    TestUnit b = fx.newUnit(commune.code(), UnitKind.LOWER_SECONDARY, true);
    ProcessInstance recognised = chains.recognised(a, 2026);
    ProcessInstance returned = chains.returned(b, 2026, "Thiếu biên bản họp Tổ đánh giá");

    Response page = http.get("admin", "/dashboard?org=" + commune.code());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    String html = page.body();
    assertThat(card(html, "tong-ho-so")).isEqualTo("2");
    assertThat(card(html, "tra-lai")).isEqualTo("1");
    assertThat(card(html, "da-cong-nhan")).isEqualTo("1");
    assertThat(card(html, "dang-xu-ly")).isEqualTo("1");
    // drill-down rows for both schools, the step the returned one waits at, links to it and to Cockpit
    assertThat(html).contains("Đơn vị thử " + a.code(), "Đơn vị thử " + b.code(), "Bổ sung hồ sơ theo yêu cầu",
        "/dashboard?org=" + a.code(), "/ho-so/" + returned.getBusinessKey(),
        "/camunda/app/cockpit/default/#/process-instance/" + returned.getId());
    // Thanh Trì's plan: every education unit a "Đơn vị học tập" by 2025 and 2030 — here 1 of 2
    assertThat(html).contains("Kế hoạch xây dựng xã hội học tập giai đoạn 2024–2030", "1 / 2", "50,0 %",
        "Chưa đạt");
    // targets without data say so instead of showing a number: digital skills (not recorded), and "Công dân học
    // tập" of the education staff while no school of the commune has a decided assessment round
    assertThat(html).contains("Người dân có kỹ năng số", "Công dân học tập", "chưa có dữ liệu",
        "Chưa có cơ quan, đơn vị nào trong phạm vi có đợt đánh giá đã có quyết định công nhận đến ngày 02/11/2026.");
    // each row counts its own subtree: the schools here, the commune among Thanh Trì's communes
    assertThat(childCounts(html, "Đơn vị thử " + a.code())).isEqualTo("1/0/0/1");
    assertThat(childCounts(html, "Đơn vị thử " + b.code())).isEqualTo("1/1/1/0");
    assertThat(childCounts(http.get("admin", "/dashboard?org=HN-TT").body(), "Địa phương thử " + commune.code()))
        .isEqualTo("2/1/1/1");
    assertThat(childCounts(http.get("admin", "/dashboard?org=HN-TT&year=2025").body(), "Địa phương thử "
        + commune.code())).isEqualTo("0/0/0/0");
    // a year's view counts that year's dossiers and still offers every year of the area's dossiers to choose from
    String year2026 = http.get("admin", "/dashboard?org=" + commune.code() + "&year=2026").body();
    assertThat(card(year2026, "tong-ho-so")).isEqualTo("2");
    assertThat(childCounts(year2026, "Đơn vị thử " + b.code())).isEqualTo("1/1/1/0");
    assertThat(year2026).contains("<option value=\"2026\" selected=\"selected\">2026</option>");
    assertThat(http.get("admin", "/dashboard?org=" + commune.code() + "&year=2025").body())
        .contains("<option value=\"2026\">2026</option>");
    // breadcrumb from the province down
    assertThat(html).contains("/dashboard?org=HN", "/dashboard?org=HN-TT");

    // the district office sees it; Ninh Bình's reviewer does not, and their own top level shows only Ninh Bình
    assertThat(http.get("phonggd", "/dashboard?org=" + commune.code()).status()).isEqualTo(200);
    Response foreign = http.get("sogd.nb", "/dashboard?org=" + commune.code());
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).contains("Không tìm thấy đơn vị").doesNotContain("Exception");
    String nb = http.get("sogd.nb", "/dashboard").body();
    assertThat(nb).contains("Tỉnh Ninh Bình").doesNotContain("Huyện Thanh Trì");
    // a school head in Ninh Bình: the Sở's plan counted over their own school
    String head = http.get("hieutruong.nb", "/dashboard").body();
    assertThat(head).contains("Trường Tiểu học Đinh Tiên Hoàng", "Kế hoạch xây dựng xã hội học tập ngành Giáo dục"
        + " Ninh Bình").doesNotContain("Thành phố Hà Nội");
    // the whole tree for administrators, with the plans of bodies outside the demo tree
    String all = http.get("admin", "/dashboard").body();
    assertThat(all).contains("Thành phố Hà Nội", "Tỉnh Ninh Bình", "Sở Giáo dục và Đào tạo TP Hồ Chí Minh");
    assertThat(childCounts(all, "Thành phố Hà Nội")).isEqualTo(jdbc.queryForObject("select count(*) || '/'"
        + " || sum(case when d.open_key is not null then 1 else 0 end) || '/'"
        + " || sum(case when d.status = 'RETURNED' then 1 else 0 end) || '/'"
        + " || sum(case when d.status = 'RECOGNISED' then 1 else 0 end) from dossier d join org_unit u"
        + " on u.id = d.unit_id where u.path like '/HN/%'", String.class));
    // a year filter and a bad year
    assertThat(card(http.get("admin", "/dashboard?org=" + commune.code() + "&year=2025").body(), "tong-ho-so"))
        .isEqualTo("0");
    Response badYear = http.get("admin", "/dashboard?year=abc");
    assertThat(badYear.status()).isEqualTo(400);
    assertThat(badYear.body()).contains("năm phải là số");
    // the dossier page: where it stands, who holds it, why it was returned; the decision's documents
    Response dossier = http.get("phonggd", "/ho-so/" + returned.getBusinessKey());
    assertThat(dossier.status()).isEqualTo(200);
    assertThat(dossier.body()).contains("Trả lại để bổ sung", "Bổ sung hồ sơ theo yêu cầu",
        "Tổ đánh giá — Đơn vị thử " + b.code(), "Thiếu biên bản họp Tổ đánh giá", "Lê Văn Cường");
    assertThat(http.get("sogd.nb", "/ho-so/" + returned.getBusinessKey()).status()).isEqualTo(404);
    assertThat(http.get("phonggd", "/ho-so/" + recognised.getBusinessKey()).body()).contains("Đã công nhận",
        "/QĐ-UBND", "/tai-lieu/" + recognised.getBusinessKey() + "/quyet-dinh.pdf", "giay-chung-nhan.pdf");
    // no login, no dashboard
    assertThat(http.get(null, "/dashboard").status()).isIn(302, 401);
  }
}
