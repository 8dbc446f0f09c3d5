package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * "Việc cần làm" in a real browser: the district reviewer (phonggd) finds two schools' submitted dossiers named in
 * words, filters them, claims one and hands it back, accepts both completeness checks at once (each dossier then at
 * the appraisal step, each with its own audit line), and finds them under "Đã xử lý"; a school's team sees its own
 * self-assessment. Every page passes axe-core and fits 360 px; screenshots go to docs/screenshots.
 */
@HoctapTest
class InboxBrowserTest {

  static final Path DOCS = Path.of("docs", "screenshots");

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired DossierService dossiers;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void login(BrowserSession b, String user) {
    b.driver.get(url("/dang-nhap"));
    b.type(By.id("username"), user);
    b.type(By.id("password"), DemoData.PASSWORD);
    b.driver.findElement(By.id("dang-nhap")).click();
    b.wait.until(d -> d.getCurrentUrl().endsWith("/trang-chu"));
  }

  /** axe-core, 360 px, and the page's picture on a desktop and on a phone in docs/screenshots. */
  static void check(BrowserSession b, String name) throws Exception {
    Accessibility.assertNoSeriousViolations(b.driver, name);
    Files.createDirectories(DOCS);
    Files.copy(b.screenshot(name), DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    Dimension before = b.driver.manage().window().getSize();
    b.driver.manage().window().setSize(new Dimension(360, 740));
    try {
      Files.copy(b.screenshot(name + "-360"), DOCS.resolve(name + "-360.png"), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      b.driver.manage().window().setSize(before);
    }
    Accessibility.assertFitsAPhone(b, name);
  }

  int count(BrowserSession b, String scope) {
    return Integer.parseInt(b.driver.findElement(By.cssSelector("#pham-vi-" + scope + " .count")).getText());
  }

  @Test
  void theReviewerWorksThroughTheInboxAndASchoolSeesItsOwnWork() throws Exception {
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    TestUnit a = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    TestUnit c = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pa = chains.submitted(a, year);
    ProcessInstance pc = chains.submitted(c, year);
    Task ta = fx.task("phonggd", pa, RecognitionProcess.TASK_CHECK_COMPLETENESS);
    Task tc = fx.task("phonggd", pc, RecognitionProcess.TASK_CHECK_COMPLETENESS);
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance own = fx.open(school.team(), school.code(), 1, year);

    try (BrowserSession b = new BrowserSession()) {
      try {
        login(b, "phonggd");
        assertThat(b.bodyText()).contains("Chuyên viên thẩm định — Huyện Thanh Trì", "Việc đang chờ bạn");
        check(b, "trang-chu");
        b.driver.get(url("/viec-can-lam?buoc=" + RecognitionProcess.TASK_CHECK_COMPLETENESS + "&nam=" + year
            + "&danh-hieu=LEARNING_UNIT"));
        String row = b.visible(By.id("viec-" + ta.getId())).getText();
        assertThat(row).contains("Đơn vị thử " + a.code(), "Đơn vị học tập mức 1, năm " + year,
            "hồ sơ số " + pa.getBusinessKey(), "Kiểm tra tính đầy đủ của hồ sơ", "Chưa ai nhận", "Nhận việc")
            .doesNotContain("reviewer-", "Task_");
        assertThat(b.driver.findElement(By.cssSelector("#viec-" + ta.getId() + " a")).getAttribute("href"))
            .endsWith("/ho-so/" + pa.getBusinessKey());
        assertThat(b.driver.findElements(By.id("viec-" + tc.getId()))).hasSize(1);
        int all = count(b, "all");
        int mine = count(b, "mine");
        assertThat(all).isGreaterThanOrEqualTo(2);
        assertThat(count(b, "group")).isEqualTo(all - mine);
        check(b, "viec-can-lam");

        // a filter that matches neither: another step
        b.driver.get(url("/viec-can-lam?buoc=" + RecognitionProcess.TASK_DECIDE + "&nam=" + year));
        assertThat(b.driver.findElements(By.id("viec-" + ta.getId()))).isEmpty();

        // claim, then hand back
        b.driver.get(url("/viec-can-lam?buoc=" + RecognitionProcess.TASK_CHECK_COMPLETENESS + "&nam=" + year));
        b.click(By.cssSelector("#viec-" + ta.getId() + " button.nhan"));
        assertThat(b.visible(By.id("thong-diep")).getText()).contains("đã nhận công việc");
        assertThat(count(b, "mine")).isEqualTo(mine + 1);
        assertThat(b.visible(By.id("viec-" + ta.getId())).getText()).contains("Tôi (Lê Văn Cường)");
        b.click(By.cssSelector("#viec-" + ta.getId() + " button.tra-lai"));
        assertThat(b.visible(By.id("thong-diep")).getText()).contains("trả công việc về cho nhóm");
        assertThat(count(b, "mine")).isEqualTo(mine);
        assertThat(b.visible(By.id("viec-" + ta.getId())).getText()).contains("Chưa ai nhận");

        // accept both completeness checks at once
        b.driver.get(url("/viec-can-lam?buoc=" + RecognitionProcess.TASK_CHECK_COMPLETENESS + "&nam=" + year));
        for (Task t : List.of(ta, tc)) {
          b.click(By.cssSelector("#viec-" + t.getId() + " input[type=checkbox]"));
        }
        b.click(By.id("tiep-nhan-nut"));
        String results = b.visible(By.id("ket-qua")).getText();
        assertThat(results).contains("Hồ sơ số " + pa.getBusinessKey() + " (Đơn vị thử " + a.code()
            + "): đã tiếp nhận hồ sơ đầy đủ", "Hồ sơ số " + pc.getBusinessKey() + " (Đơn vị thử " + c.code()
            + "): đã tiếp nhận hồ sơ đầy đủ");
        for (ProcessInstance pi : List.of(pa, pc)) {
          long id = Long.parseLong(pi.getBusinessKey());
          assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.IN_APPRAISAL);
          assertThat(dossiers.history(id)).filteredOn(e -> e.getAction().equals("ACCEPTED_COMPLETE"))
              .singleElement().satisfies(e -> assertThat(e.getActor()).isEqualTo("phonggd"));
          assertThat(fx.task("phonggd", pi, RecognitionProcess.TASK_APPRAISE)).isNotNull();
        }
        assertThat(b.driver.findElements(By.id("viec-" + ta.getId()))).isEmpty();

        b.driver.get(url("/viec-can-lam/da-xu-ly"));
        String done = b.visible(By.id("da-xu-ly")).getText();
        assertThat(done).contains("Tiếp nhận hồ sơ đầy đủ", "Đơn vị thử " + a.code(), "Đơn vị thử " + c.code());
        check(b, "da-xu-ly");

        b.driver.get(url("/thong-bao"));
        b.visible(By.tagName("h1"));
        assertThat(b.bodyText()).contains("Hồ sơ mới");
        check(b, "thong-bao");
      } catch (Throwable e) {
        b.screenshot("failure-inbox");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }

    try (BrowserSession b = new BrowserSession()) {
      try {
        login(b, school.team());
        assertThat(b.visible(By.id("vai-tro")).getText()).contains("Tổ đánh giá — Đơn vị thử " + school.code());
        b.click(By.linkText("Việc cần làm"));
        String row = b.visible(By.id("danh-sach")).getText();
        assertThat(row).contains("Đơn vị thử " + school.code(), "hồ sơ số " + own.getBusinessKey(),
            "ự đánh giá", "15/01/" + (year + 1));
        assertThat(b.bodyText()).doesNotContain("Đơn vị thử " + a.code());
        check(b, "viec-can-lam-truong");
      } catch (Throwable e) {
        b.screenshot("failure-inbox-school");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
