package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 17, a file over the limit in a browser with script turned off: the evidence page's plain form sends a
 * 30 MB file (above the multipart limit, which the page's script would have refused before sending); the browser
 * gets the evidence page back with the limit and what to do next to the upload form, nothing is stored, and a
 * file within the limit is then taken by the same form.
 */
@HoctapTest
class EvidenceWithoutScriptBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired JdbcTemplate jdbc;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  int stored(long id) {
    return jdbc.queryForObject("select count(*) from evidence where dossier_id = ?", Integer.class, id);
  }

  static Path pdf(Path dir, String name, long size) throws Exception {
    Path p = dir.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
      f.setLength(size);
    }
    return p;
  }

  @Test
  void aFileOverTheLimitSentWithoutScriptComesBackAsTheEvidencePageWithTheLimit() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.openWithoutEvidence(school.team(), school.code(), 1, LocalDate.now(EngineClock.ZONE).getYear());
    long id = Long.parseLong(pi.getBusinessKey());
    Path dir = Files.createTempDirectory("qua-dung-luong-");
    Path big = pdf(dir, "ghi-hinh-buoi-hoc.pdf", 30L * 1024 * 1024);
    Path small = pdf(dir, "to-trinh.pdf", 50_000);

    try (BrowserSession b = new BrowserSession(false)) {
      b.driver.get(url("/dang-nhap"));
      b.type(By.id("username"), school.team());
      b.type(By.id("password"), DemoData.PASSWORD);
      b.click(By.id("dang-nhap"));
      b.wait.until(d -> d.getCurrentUrl().endsWith("/trang-chu"));

      b.driver.get(url("/ho-so/" + id + "/minh-chung"));
      b.visible(By.id("mc-tai-len"));
      assertThat(((JavascriptExecutor) b.driver).executeScript("return window.hoctapMinhChung === undefined"))
          .as("the page's own script did not run").isEqualTo(true);
      new Select(b.driver.findElement(By.id("mc-muc"))).selectByValue("ho-so:TO_TRINH");
      b.driver.findElement(By.id("mc-tep")).sendKeys(big.toAbsolutePath().toString());
      b.click(By.id("mc-gui"));
      b.wait.until(d -> d.getCurrentUrl().contains("qua-dung-luong="));
      String refusal = b.visible(By.id("mc-loi")).getText();
      assertThat(refusal).contains("Lần tải lên vừa rồi (khoảng 30 MB) vượt quá dung lượng cho phép",
          "không tệp nào được lưu", "Mỗi tệp tối đa 20 MB", "mỗi lần tải tối đa 25 MB", "Hãy nén hoặc tách tệp");
      assertThat((Boolean) ((JavascriptExecutor) b.driver).executeScript(
          "return document.getElementById('mc-loi').nextElementSibling.id === 'mc-tai-len';")).isTrue();
      assertThat(b.driver.findElement(By.id("minh-chung")).getText()).contains("Chưa có tệp nào.")
          .doesNotContain("ghi-hinh-buoi-hoc.pdf");
      assertThat(stored(id)).isZero();
      Accessibility.assertNoSeriousViolations(b.driver, "minh chứng quá dung lượng");
      Accessibility.keep(b.screenshot("minh-chung-qua-dung-luong"), "minh-chung-qua-dung-luong");
      Accessibility.assertFitsAPhone(b, "minh chứng quá dung lượng");
      Dimension before = b.driver.manage().window().getSize();
      b.driver.manage().window().setSize(new Dimension(360, 740));
      b.driver.navigate().refresh();
      b.visible(By.id("mc-loi"));
      Accessibility.keep(b.screenshot("minh-chung-qua-dung-luong-360"), "minh-chung-qua-dung-luong-360");
      b.driver.manage().window().setSize(before);

      // the same form then takes a file within the limit
      b.driver.get(url("/ho-so/" + id + "/minh-chung"));
      new Select(b.visible(By.id("mc-muc"))).selectByValue("ho-so:TO_TRINH");
      b.driver.findElement(By.id("mc-tep")).sendKeys(small.toAbsolutePath().toString());
      b.click(By.id("mc-gui"));
      b.wait.until(d -> d.getCurrentUrl().contains("da-tai=1"));
      assertThat(b.visible(By.id("mc-thong-bao")).getText()).isEqualTo("Đã tải lên 1 tệp.");
      assertThat(b.driver.findElements(By.id("mc-loi"))).isEmpty();
      assertThat(stored(id)).isEqualTo(1);
    }
  }
}
