package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/** Cockpit in Vietnamese shows its table timestamps as dd/MM/yyyy HH:mm:ss, not ISO (scripts/hoctap-date-format.js). */
@HoctapTest
class CockpitDatesBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;

  @Test
  void processInstanceTimestampsReadDayMonthYear() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    ProcessInstance pi = chains.submitted(school, year);
    String today = LocalDate.now(EngineClock.ZONE).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    try (BrowserSession b = new BrowserSession()) {
      b.driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      b.type(By.cssSelector("input[type='text']"), "admin");
      b.type(By.cssSelector("input[type='password']"), DemoData.PASSWORD);
      b.click(By.cssSelector("button[type='submit']"));
      b.visible(By.xpath("//*[contains(text(), 'Định nghĩa quy trình') or contains(text(), 'Quy trình')]"));
      b.driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/"
          + pi.getProcessDefinitionId() + "/runtime");
      b.visible(By.xpath("//a[contains(@href, '" + pi.getId() + "')]"));
      b.angularIdle();
      String text = b.bodyText();
      b.screenshot("cockpit-ngay-thang");
      assertThat(text).contains(today).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    }
  }
}
