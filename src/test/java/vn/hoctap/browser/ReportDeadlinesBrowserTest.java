package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.deadline.DeadlineRules;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.report.ReportReminders;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.HoctapTest;

/**
 * In headless Chromium at 360 × 740: the administrator gives a three-tier province its own date for the Phòng
 * GDĐT's report to the Sở (TT24 Điều 20 khoản 3) — 31/02 is refused next to the field with the rest kept and
 * nothing saved, then 10/03 is saved; on the reminder date the district's Phòng GDĐT finds the task in its inbox,
 * opens it in hoctap's page, is refused without "sent", then records the report sent; the Sở is told.
 */
@HoctapTest
class ReportDeadlinesBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired DeadlineRules rules;
  @Autowired OrgUnitRepository orgs;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void setClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @Test
  void aProvinceDateIsSavedAfterARefusalAndTheDistrictSendsItsReport() throws Exception {
    setClock(LocalDate.of(2027, 1, 4));
    TestBody province = fx.newProvinceForUnits(true);
    TestBody district = fx.newBody(province.code(), OrgKind.DISTRICT);
    long provinceId = orgs.findByCode(province.code()).orElseThrow().getId();
    long districtId = orgs.findByCode(district.code()).orElseThrow().getId();
    long national = jdbc.queryForObject("select id from deadline_rule where procedure = 'LEARNING_UNIT' and"
        + " unit_tier = 'DISTRICT' and kind = 'REPORT' and province_id is null", Long.class);
    String provinceName = "Tỉnh thử " + province.code();
    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.manage().window().setSize(new Dimension(360, 740));
        b.logIn(url("/dang-nhap"), "admin");
        b.driver.get(url("/quan-tri/thoi-han"));
        assertThat(b.visible(By.id("thoi-han-toan-quoc")).getText()).contains("TT 24/2023/TT-BGDĐT, Điều 20 khoản 3",
            "Trước ngày 15/03 năm N + 1", "Văn bản không ghi ngày — chờ cấu hình ngày", "chưa tạo việc báo cáo");
        Accessibility.check(b, "quan-tri-thoi-han", true);

        new Select(b.driver.findElement(By.id("th-quy-dinh"))).selectByValue(String.valueOf(national));
        new Select(b.driver.findElement(By.id("th-tinh"))).selectByVisibleText(provinceName);
        b.type(By.id("th-ngay"), "31");
        b.type(By.id("th-thang"), "2");
        b.driver.findElement(By.id("th-nhac")).clear();
        b.type(By.id("th-nhac"), "7");
        b.type(By.id("th-can-cu"), "Công văn thử số 5/SGDĐT");
        b.click(By.id("luu-thoi-han"));
        assertThat(b.visible(By.id("loi-day")).getText()).isEqualTo("Ngày 31/02 không có thật: tháng 2 chỉ có 28"
            + " ngày.");
        assertThat(b.driver.findElement(By.id("th-ngay")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.driver.findElement(By.id("th-ngay")).getAttribute("aria-describedby")).isEqualTo("loi-day");
        assertThat(b.driver.findElement(By.id("th-can-cu")).getAttribute("value"))
            .isEqualTo("Công văn thử số 5/SGDĐT");
        assertThat(new Select(b.driver.findElement(By.id("th-tinh"))).getFirstSelectedOption().getText())
            .isEqualTo(provinceName);
        assertThat(b.visible(By.id("loi")).getText()).isEqualTo("Chưa thêm được thời hạn.");
        assertThat(rules.overrides()).noneMatch(r -> r.getProvinceId() == provinceId);
        Accessibility.check(b, "quan-tri-thoi-han-loi", false);

        b.driver.findElement(By.id("th-ngay")).clear();
        b.type(By.id("th-ngay"), "10");
        b.driver.findElement(By.id("th-thang")).clear();
        b.type(By.id("th-thang"), "3");
        b.click(By.id("luu-thoi-han"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText()).isEqualTo("Đã thêm thời hạn Đơn vị học tập, cấp"
            + " huyện: Hạn báo cáo kết quả: Trước ngày 10/03 năm N + 1.");
        assertThat(b.visible(By.id("thoi-han-tinh")).getText()).contains(provinceName, "Trước ngày 10/03 năm N + 1",
            "Công văn thử số 5/SGDĐT — chờ xác nhận văn bản");
        assertThat(rules.overrides()).filteredOn(r -> r.getProvinceId() == provinceId).singleElement()
            .satisfies(r -> assertThat(r.getDay()).isEqualTo(10));
      } catch (Throwable e) {
        b.screenshot("failure-report-deadlines-admin");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage() + "\n"
            + b.bodyText(), e);
      }
    }

    // saving the date scheduled the district's report; seven days before 10/03/2027 the task appears
    String key = ReportReminders.textKey(national, districtId, 2026);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    assertThat(pi).isNotNull();
    setClock(LocalDate.of(2027, 3, 3));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(ReportReminders.TIMER_REMIND).singleResult().getId());

    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.manage().window().setSize(new Dimension(360, 740));
        b.logIn(url("/dang-nhap"), district.reviewer());
        b.driver.get(url("/viec-can-lam"));
        b.click(By.cssSelector("a[href^='/bao-cao/viec/']"));
        assertThat(b.visible(By.tagName("h1")).getText()).isEqualTo("Báo cáo kết quả công nhận “Đơn vị học tập” cấp"
            + " huyện năm 2026 gửi Sở GDĐT " + provinceName + " trước ngày 10/03/2027 (TT 24/2023/TT-BGDĐT, Điều 20"
            + " khoản 3)");
        assertThat(b.visible(By.id("tai-excel")).getAttribute("href")).endsWith("/bao-cao/" + district.code()
            + "/2026.xlsx");
        Accessibility.check(b, "bao-cao-viec", true);

        b.type(By.id("so-van-ban"), "Số 7/BC-PGDĐT ngày 05/03/2027");
        b.click(By.id("ghi-nhan-gui"));
        assertThat(b.visible(By.id("loi-reportSent")).getText()).startsWith("Hãy đánh dấu khi báo cáo đã được ký");
        assertThat(b.driver.findElement(By.id("so-van-ban")).getAttribute("value"))
            .isEqualTo("Số 7/BC-PGDĐT ngày 05/03/2027");
        assertThat(b.driver.findElement(By.id("da-gui-bao-cao")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        Accessibility.check(b, "bao-cao-viec-loi", false);

        b.click(By.id("da-gui-bao-cao"));
        b.click(By.id("ghi-nhan-gui"));
        assertThat(b.visible(By.id("da-gui")).getText()).contains("Đã gửi báo cáo", "Sở GDĐT " + provinceName,
            "Số 7/BC-PGDĐT ngày 05/03/2027", "10/03/2027");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
      } catch (Throwable e) {
        b.screenshot("failure-report-deadlines-task");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage() + "\n"
            + b.bodyText(), e);
      }
    }
    assertThat(notifications.forGroups(List.of(Groups.reviewer(province.code()))))
        .anySatisfy(n -> assertThat(n.getSubject()).startsWith("Đã nhận báo cáo: Báo cáo kết quả công nhận"));
  }
}
