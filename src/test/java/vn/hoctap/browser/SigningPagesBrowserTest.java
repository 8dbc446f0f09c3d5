package vn.hoctap.browser;

import static vn.hoctap.browser.Accessibility.check;
import static vn.hoctap.browser.Accessibility.keep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * The pages of signed documents in the browser: anyone uploads the signed decision (NGUYÊN VẸN) and a copy with one
 * byte changed (ĐÃ BỊ SỬA ĐỔI); the check by code lists the signed documents; an administrator's signing page and
 * revocation page. axe-core finds no serious violation, each page fits 360 px; screenshots to docs/screenshots.
 */
@HoctapTest
class SigningPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }


  @Test
  void anyoneChecksAFileAndAnAdministratorManagesSignatures() throws Exception {
    Chains.setClock(Chains.DAY);
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.recognised(u, 2026);
    String code = jdbc.queryForObject("select c.verification_code from certificate c join recognition r on"
        + " r.id = c.recognition_id where r.dossier_id = ?", String.class, Long.parseLong(pi.getBusinessKey()));
    byte[] pdf = jdbc.queryForObject("select d.pdf from issued_document d where d.check_code = ? and d.kind ="
        + " 'QUYET_DINH'", byte[].class, code);
    Path genuine = Files.createTempFile("quyet-dinh-", ".pdf");
    Files.write(genuine, pdf);
    byte[] changed = pdf.clone();
    changed[pdf.length / 2] ^= 0x01;
    Path altered = Files.createTempFile("quyet-dinh-sua-", ".pdf");
    Files.write(altered, changed);

    try (BrowserSession b = new BrowserSession()) {
      b.driver.get(url("/kiem-tra/van-ban"));
      check(b, "kiem-tra-van-ban", true);
      b.driver.findElement(By.id("tep")).sendKeys(genuine.toString());
      b.click(By.id("kiem-tra-tep"));
      assertThat(b.visible(By.id("ket-qua")).getText()).contains("NGUYÊN VẸN", "Phạm Văn Dũng");
      check(b, "kiem-tra-van-ban-nguyen-ven", false);
      b.driver.findElement(By.id("tep")).sendKeys(altered.toString());
      b.click(By.id("kiem-tra-tep"));
      b.wait.until(d -> d.findElement(By.id("ket-qua")).getText().contains("ĐÃ BỊ SỬA ĐỔI"));
      check(b, "kiem-tra-van-ban-bi-sua", false);

      b.driver.get(url("/kiem-tra/" + code));
      assertThat(b.visible(By.id("van-ban-ky-so")).getText()).contains("Phạm Văn Dũng");
      check(b, "kiem-tra-ky-so", true);

      b.driver.get(url("/dang-nhap"));
      b.type(By.id("username"), "admin");
      b.type(By.id("password"), DemoData.PASSWORD);
      b.click(By.id("dang-nhap"));
      b.wait.until(d -> !d.getCurrentUrl().contains("/dang-nhap"));
      b.driver.get(url("/quan-tri/chu-ky-so"));
      assertThat(b.visible(By.id("nguoi-ky")).getText()).contains("Phạm Văn Dũng");
      check(b, "quan-tri-chu-ky-so", true);
      b.driver.get(url("/quan-tri/thu-hoi?ma=" + code));
      assertThat(b.visible(By.id("thu-hoi")).getText()).contains("Lý do thu hồi");
      check(b, "quan-tri-thu-hoi", true);
    } finally {
      Files.deleteIfExists(genuine);
      Files.deleteIfExists(altered);
    }
  }
}
