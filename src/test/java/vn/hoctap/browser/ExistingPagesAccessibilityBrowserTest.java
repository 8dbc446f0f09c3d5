package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * The pages that came before the work surface, as their users open them: the login page, the dashboard, the
 * administration and the public certificate check. axe-core finds no serious or critical
 * violation on any of them, and each fits a 360 px phone.
 */
@HoctapTest
class ExistingPagesAccessibilityBrowserTest {

  @LocalServerPort int port;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void login(BrowserSession b, String user) {
    b.driver.manage().deleteAllCookies();
    b.driver.get(url("/dang-nhap"));
    b.type(By.id("username"), user);
    b.type(By.id("password"), DemoData.PASSWORD);
    b.click(By.id("dang-nhap"));
    b.wait.until(d -> !d.getCurrentUrl().contains("/dang-nhap"));
  }

  /** Every page is checked, and every problem of every page is reported at the end. */
  final List<String> problems = new ArrayList<>();

  void check(BrowserSession b, String name, String path) {
    b.driver.get(url(path));
    try {
      assertThat(b.driver.getTitle()).as(name).contains("hoctap");
      Accessibility.assertNoSeriousViolations(b.driver, name);
      Accessibility.assertFitsAPhone(b, name);
    } catch (AssertionError e) {
      problems.add(e.getMessage());
    }
  }

  @Test
  void everyEarlierPageIsAccessibleAndFitsAPhone() throws Exception {
    try (BrowserSession b = new BrowserSession()) {
      check(b, "login", "/dang-nhap");
      check(b, "certificate check", "/kiem-tra");
      check(b, "unknown certificate", "/kiem-tra/KHONG-CO-MA-NAY");

      login(b, "phonggd");
      Map<String, String> reviewer = new LinkedHashMap<>();
      reviewer.put("dashboard", "/dashboard");
      reviewer.put("dashboard of a district", "/dashboard?org=HN-TT");
      for (Map.Entry<String, String> p : reviewer.entrySet()) {
        check(b, p.getKey(), p.getValue());
      }

      login(b, "admin");
      Map<String, String> admin = new LinkedHashMap<>();
      admin.put("administration", "/quan-tri");
      admin.put("org units", "/quan-tri/don-vi");
      admin.put("users", "/quan-tri/nguoi-dung");
      admin.put("one user", "/quan-tri/nguoi-dung/todanhgia");
      admin.put("import", "/quan-tri/nhap");
      admin.put("audit log", "/quan-tri/nhat-ky");
      admin.put("reorganisation", "/quan-tri/sap-xep");
      for (Map.Entry<String, String> p : admin.entrySet()) {
        check(b, p.getKey(), p.getValue());
      }
    }
    assertThat(problems).isEmpty();
  }
}
