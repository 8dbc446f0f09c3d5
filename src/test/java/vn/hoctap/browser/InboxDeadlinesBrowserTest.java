package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * A school with a dossier of two years ago (overdue since 15/01 of last year) and this year's (due 15/01 next
 * year): hoctap's inbox lists the late one first, marked overdue, and the overdue filter shows it alone; the Camunda
 * Tasklist shows the same two due dates (its tooltip, dd/MM/yyyy HH:mm in Vietnam time) and marks the same one
 * overdue. axe-core, 360 px and screenshots for the inbox.
 */
@HoctapTest
class InboxDeadlinesBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void theInboxAndTheTasklistShowTheSameDueDatesAndTheSameOverdueTask() throws Exception {
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance late = fx.open(school.team(), school.code(), 1, year - 2);
    ProcessInstance current = fx.open(school.team(), school.code(), 1, year);
    Task lateTask = fx.task(school.team(), late, RecognitionProcess.TASK_SELF_ASSESSMENT);
    Task currentTask = fx.task(school.team(), current, RecognitionProcess.TASK_SELF_ASSESSMENT);
    String lateDay = "15/01/" + (year - 1);
    String currentDay = "15/01/" + (year + 1);

    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.get(url("/dang-nhap"));
        b.type(By.id("username"), school.team());
        b.type(By.id("password"), DemoData.PASSWORD);
        b.click(By.id("dang-nhap"));
        b.wait.until(d -> d.getCurrentUrl().endsWith("/trang-chu"));
        b.driver.get(url("/viec-can-lam"));
        List<WebElement> rows = b.visible(By.id("danh-sach")).findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getAttribute("id")).isEqualTo("viec-" + lateTask.getId());
        assertThat(rows.get(0).getText()).contains(lateDay, "quá hạn", "năm " + (year - 2));
        assertThat(rows.get(1).getText()).contains(currentDay, "năm " + year).doesNotContain("quá hạn");
        assertThat(b.driver.findElement(By.id("so-qua-han")).getText()).isEqualTo("1");
        assertThat(b.driver.findElement(By.cssSelector("#loc-sap-xep option:checked")).getText())
            .isEqualTo("Hạn gần nhất trước");
        InboxBrowserTest.check(b, "viec-can-lam-han");

        b.click(By.id("loc-qua-han"));
        b.click(By.id("loc-xem"));
        b.wait.until(d -> d.getCurrentUrl().contains("qua-han=1"));
        rows = b.visible(By.id("danh-sach")).findElements(By.cssSelector("tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("id")).containsExactly("viec-" + lateTask.getId());

        // the Camunda Tasklist reads the same due date
        b.driver.get(url("/camunda/app/tasklist/default/"));
        b.visible(By.cssSelector("input[type='password']"));
        b.angularIdle();
        b.type(By.cssSelector("input[type='text']"), school.team());
        b.type(By.cssSelector("input[type='password']"), DemoData.PASSWORD);
        b.click(By.cssSelector("button[type='submit']"));
        b.click(By.xpath("//*[contains(text(), 'Tất cả việc tôi được xem')]"));
        b.wait.until(d -> d.findElements(By.cssSelector(".tasks-list .due-date span[uib-tooltip]")).size() == 2);
        b.angularIdle();
        List<WebElement> due = b.driver.findElements(By.cssSelector(".tasks-list .due-date"));
        assertThat(due).hasSize(2);
        WebElement overdue = due.stream().filter(e -> e.getAttribute("class").contains("overdue")).findFirst()
            .orElseThrow(() -> new AssertionError("no task marked overdue in the Tasklist"));
        WebElement onTime = due.stream().filter(e -> !e.getAttribute("class").contains("overdue")).findFirst()
            .orElseThrow(() -> new AssertionError("both tasks marked overdue in the Tasklist"));
        assertThat(overdue.findElement(By.cssSelector("span[uib-tooltip]")).getAttribute("uib-tooltip"))
            .contains(lateDay + " 23:59");
        assertThat(onTime.findElement(By.cssSelector("span[uib-tooltip]")).getAttribute("uib-tooltip"))
            .contains(currentDay + " 23:59");
        assertThat(overdue.getText()).contains("Hạn");
        b.screenshot("tasklist-han-xu-ly");
      } catch (Throwable e) {
        b.screenshot("failure-inbox-deadlines");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
