package vn.hoctap.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.HoctapTest;

/**
 * The pages around the texts' deadlines over real HTTP: /quan-tri/thoi-han is for administrators only; the
 * calendar page warns about a year without its five Tết days and two Quốc khánh days (Bộ luật Lao động 2019 Điều
 * 112 khoản 1); a report sent is listed and downloadable by the receiving Sở and the district, by nobody else.
 */
@HoctapTest
class ReportDeadlinePagesHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired ReportReminders reminders;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired OrgUnitRepository orgs;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void onlyAdministratorsSeeTheDeadlineRulesPage() {
    PageSession reviewer = new PageSession(port);
    assertThat(reviewer.login("phonggd", DemoData.PASSWORD).status()).isEqualTo(302);
    assertThat(reviewer.get("/quan-tri/thoi-han").status()).isEqualTo(403);
    assertThat(reviewer.submit("/trang-chu", "/quan-tri/thoi-han", Map.of("day", "1", "month", "3", "source", "x"))
        .status()).isEqualTo(403);
    PageSession admin = new PageSession(port);
    assertThat(admin.login("admin", DemoData.PASSWORD).status()).isEqualTo(302);
    assertThat(admin.get("/quan-tri/thoi-han").body()).contains("TT 24/2023/TT-BGDĐT, Điều 20 khoản 3",
        "Văn bản không ghi ngày — chờ cấu hình ngày");
  }

  @Test
  void theCalendarPageWarnsAboutAYearWithoutItsTếtAndQuốcKhánhDays() {
    PageSession admin = new PageSession(port);
    assertThat(admin.login("admin", DemoData.PASSWORD).status()).isEqualTo(302);
    String y2027 = admin.get("/quan-tri/lich-lam-viec?nam=2027").body();
    assertThat(y2027).contains("id=\"lich-chua-du\"", "Lịch năm 2027 chưa đủ ngày nghỉ lễ, tết",
        "Tết Âm lịch: lịch có 3 ngày, luật quy định 5 ngày (Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b)",
        "Quốc khánh: lịch có 1 ngày, luật quy định 2 ngày");
    String y2026 = admin.get("/quan-tri/lich-lam-viec?nam=2026").body();
    assertThat(y2026).contains("16/02/2026", "20/02/2026", "Phương án nghỉ Tết Bính Ngọ 2026")
        .doesNotContain("Tết Âm lịch: lịch có").contains("Quốc khánh: lịch có 1 ngày");
    String y2025 = admin.get("/quan-tri/lich-lam-viec?nam=2025").body();
    assertThat(y2025).contains("id=\"lich-du\"").doesNotContain("id=\"lich-chua-du\"");
  }

  @Test
  void theSởAndTheDistrictSeeTheReportSentAndNobodyElse() {
    Chains.setClock(LocalDate.of(2027, 1, 4));
    TestBody province = fx.newProvinceForUnits(true);
    TestBody district = fx.newBody(province.code(), OrgKind.DISTRICT);
    TestBody stranger = fx.newProvinceForUnits(true);
    long provinceId = orgs.findByCode(province.code()).orElseThrow().getId();
    long districtId = orgs.findByCode(district.code()).orElseThrow().getId();
    long national = jdbc.queryForObject("select id from deadline_rule where procedure = 'LEARNING_UNIT' and"
        + " unit_tier = 'DISTRICT' and kind = 'REPORT' and province_id is null", Long.class);
    reminders.scheduleTexts(2026, provinceId);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(
        ReportReminders.textKey(national, districtId, 2026)).singleResult();
    Chains.setClock(LocalDate.of(2027, 3, 9));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(ReportReminders.TIMER_REMIND).singleResult().getId());
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();

    PageSession outsider = new PageSession(port);
    assertThat(outsider.login(stranger.reviewer(), DemoData.PASSWORD).status()).isEqualTo(302);
    assertThat(outsider.get("/bao-cao/viec/" + task.getId()).status()).as("not their task").isEqualTo(404);

    PageSession phong = new PageSession(port);
    assertThat(phong.login(district.viewer(), DemoData.PASSWORD).status()).isEqualTo(302);
    assertThat(phong.get("/bao-cao/viec/" + task.getId()).body()).contains("trước ngày 15/03/2027");
    assertThat(phong.submit("/bao-cao/viec/" + task.getId(), "/bao-cao/viec/" + task.getId(),
        Map.of("reportSent", "true", "reportNote", "Số 3/BC ngày 09/03/2027")).status()).isEqualTo(302);
    long id = sent.byKey(ReportReminders.textKey(national, districtId, 2026)).orElseThrow().id();

    PageSession so = new PageSession(port);
    assertThat(so.login(province.reviewer(), DemoData.PASSWORD).status()).isEqualTo(302);
    assertThat(so.get("/bao-cao/da-nhan").body()).contains("Địa bàn thử " + district.code(),
        "Số 3/BC ngày 09/03/2027");
    assertThat(so.get("/bao-cao/da-gui/" + id + ".xlsx").body()).startsWith("PK");
    assertThat(so.get("/thong-bao").body()).contains("Đã nhận báo cáo: Báo cáo kết quả công nhận");
    assertThat(phong.get("/bao-cao/da-gui/" + id + ".xlsx").status()).isEqualTo(200);
    assertThat(outsider.get("/bao-cao/da-nhan").body()).doesNotContain("Địa bàn thử " + district.code());
    assertThat(outsider.get("/bao-cao/da-gui/" + id + ".xlsx").status()).isEqualTo(404);
  }

  @Autowired ReportsSent sent;
}
