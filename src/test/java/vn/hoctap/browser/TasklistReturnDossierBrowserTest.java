package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.report.Chains;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;

/**
 * In a real (headless Chromium) browser: a district reviewer logs in to the Camunda Tasklist, which speaks
 * Vietnamese, opens the completeness check of a school's dossier, fills the form to return it with a reason and
 * completes it; then an administrator logs in to the dashboard and sees the dossier returned, at the step
 * "Bổ sung hồ sơ theo yêu cầu". Also the public certificate check page. Screenshots go to target/screenshots.
 */
@HoctapTest
class TasklistReturnDossierBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired IdentityProvisioning provisioning;
  @Autowired DossierService dossiers;
  @Autowired JdbcTemplate jdbc;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void reviewerReturnsADossierInTheTasklistAndTheAdminSeesItOnTheDashboard() throws Exception {
    // a district of its own (so its reviewer has exactly this task) with one school that has submitted
    TestUnit district = fx.newLocality("HN", OrgKind.DISTRICT);
    String reviewer = "thamdinh." + district.code().toLowerCase();
    provisioning.ensureUserSharingPassword(reviewer, "Thẩm", "Nguyễn Văn", reviewer + "@test.hoctap.vn",
        DemoData.PASSWORD);
    provisioning.ensureGroup(Groups.reviewer(district.code()), Groups.reviewer(district.code()), "WORKFLOW");
    provisioning.ensureMembership(reviewer, Groups.reviewer(district.code()));
    TestUnit school = fx.newUnit(district.code(), UnitKind.PRIMARY, true);
    // the real clock (the browser and the job executor live in it): this year's dossier, due 15/01 next year
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    ProcessInstance pi = chains.submitted(school, year);
    long dossierId = Long.parseLong(pi.getBusinessKey());
    Task check = fx.task(reviewer, pi, RecognitionProcess.TASK_CHECK_COMPLETENESS);
    assertThat(check).isNotNull();
    String dashboard = "/dashboard?org=" + district.code();
    assertThat(new Http(port).get("admin", dashboard).body()).contains("id=\"tra-lai\">0<");

    java.nio.file.Files.deleteIfExists(BrowserSession.SCREENSHOTS.resolve("failure.png"));
    try (BrowserSession b = new BrowserSession()) {
      try {
        walkThrough(b, reviewer, year, dossierId, dashboard, district);
      } catch (Throwable e) {
        b.screenshot("failure");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
    assertThat(Map.of("status", dossiers.get(dossierId).getStatus())).containsEntry("status",
        DossierStatus.RETURNED);
  }

  void walkThrough(BrowserSession b, String reviewer, int year, long dossierId, String dashboard,
      TestUnit district) throws Exception {
    {
      // the Tasklist login, in Vietnamese
      b.driver.get(url("/camunda/app/tasklist/default/"));
      b.visible(By.cssSelector("input[type='password']"));
      b.angularIdle();
      assertThat(b.bodyText()).contains("Đăng nhập");
      b.type(By.cssSelector("input[type='text']"), reviewer);
      b.type(By.cssSelector("input[type='password']"), DemoData.PASSWORD);
      b.click(By.cssSelector("button[type='submit']"));
      b.click(By.xpath("//*[contains(text(), 'Tất cả việc tôi được xem')]"));
      b.visible(By.xpath("//*[contains(@class, 'task')]//*[contains(normalize-space(), "
          + "'Kiểm tra tính đầy đủ của hồ sơ')]"));
      b.angularIdle();
      assertThat(b.bodyText()).contains("Bắt đầu quy trình", "Việc của tôi", "Tạo công việc");
      b.screenshot("tasklist-danh-sach-viec");

      // open the task, claim it, fill the form: incomplete, with the reason
      b.click(By.xpath("//*[contains(@class, 'task')]//*[contains(text(), 'Kiểm tra tính đầy đủ của hồ sơ')]"));
      b.angularIdle();
      b.click(By.xpath("//button[contains(normalize-space(), 'Nhận việc')] | //a[contains(normalize-space(),"
          + " 'Nhận việc')]"));
      b.angularIdle();
      b.visible(By.xpath("//*[contains(normalize-space(), 'Kết quả kiểm tra')]"));
      b.click(By.xpath("//label[contains(normalize-space(), 'Thiếu, trả lại để bổ sung')]"));
      b.type(By.xpath("//label[contains(normalize-space(), 'Nội dung yêu cầu bổ sung')]/following::textarea[1]"),
          "Thiếu biên bản họp Tổ đánh giá và minh chứng chỉ tiêu TC2.CT1");
      b.screenshot("tasklist-form-filled");
      b.click(By.xpath("//button[normalize-space() = 'Hoàn thành']"));
      b.wait.until(d -> dossiers.get(dossierId).getStatus() == DossierStatus.RETURNED);
      assertThat(dossiers.history(dossierId)).anySatisfy(e -> {
        assertThat(e.getActor()).isEqualTo(reviewer);
        assertThat(e.getComment()).contains("Thiếu biên bản họp Tổ đánh giá");
      });

      // a school of Thanh Trì recognised meanwhile, for the plan targets and the certificate check below
      TestUnit recognised = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
      ProcessInstance done = chains.recognised(recognised, year);

      // the administrator's dashboard, behind our own Vietnamese login form
      b.driver.get(url(dashboard));
      b.visible(By.id("username"));
      assertThat(b.bodyText()).contains("Tên đăng nhập", "Mật khẩu");
      b.type(By.id("username"), "admin");
      b.type(By.id("password"), DemoData.PASSWORD);
      b.click(By.id("dang-nhap"));
      b.wait.until(d -> d.findElements(By.id("tra-lai")).size() == 1
          && d.findElement(By.id("tra-lai")).getText().equals("1"));
      assertThat(b.driver.findElement(By.id("tieu-de")).getText()).isEqualTo("Địa phương thử " + district.code());
      assertThat(b.bodyText()).contains("Bổ sung hồ sơ theo yêu cầu", "Trả lại để bổ sung",
          "Tỉ lệ công nhận so với chỉ tiêu kế hoạch");
      b.screenshot("dashboard-district");
      // the dossier's own page from the dashboard: returned, waiting for the school, with the reason
      b.click(By.cssSelector("#ho-so-mo a[href='/ho-so/" + dossierId + "']"));
      assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Trả lại để bổ sung");
      assertThat(b.driver.findElement(By.id("buoc")).getText()).isEqualTo("Bổ sung hồ sơ theo yêu cầu");
      assertThat(b.driver.findElement(By.id("lich-su")).getText()).contains("Nguyễn Văn Thẩm",
          "Thiếu biên bản họp Tổ đánh giá");
      b.screenshot("ho-so-tra-lai");
      b.driver.get(url("/dashboard"));
      b.visible(By.id("chi-tieu"));
      b.screenshot("dashboard-all");
      b.click(By.linkText("Thành phố Hà Nội"));
      b.visible(By.id("don-vi"));
      b.click(By.linkText("Huyện Thanh Trì"));
      b.scrollTo(By.id("chi-tieu"));
      assertThat(b.bodyText()).contains("Kế hoạch xây dựng xã hội học tập giai đoạn 2024–2030", "chưa có dữ liệu");
      b.screenshot("dashboard-chi-tieu");

      // the public check page of a real certificate, and of a forged code
      String code = jdbc.queryForObject("select c.verification_code from certificate c join recognition r"
          + " on r.id = c.recognition_id where r.dossier_id = ?", String.class, Long.parseLong(done.getBusinessKey()));
      b.click(By.xpath("//button[normalize-space() = 'Đăng xuất']"));
      b.visible(By.xpath("//*[contains(text(), 'Bạn đã đăng xuất.')]"));
      b.driver.get(url("/kiem-tra/" + code));
      assertThat(b.visible(By.id("ket-qua")).getAttribute("data-verdict")).isEqualTo("VALID");
      b.screenshot("kiem-tra-giay-chung-nhan");
      b.driver.get(url("/kiem-tra/GIA" + code.substring(3)));
      assertThat(b.visible(By.id("ket-qua")).getAttribute("data-verdict")).isEqualTo("NOT_FOUND");
      b.screenshot("kiem-tra-ma-gia");
    }
  }
}
