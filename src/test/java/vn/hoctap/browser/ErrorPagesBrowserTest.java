package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * The error pages as users meet them, logged in and anonymously: our pages' own (templates/error-page.html: an
 * unknown dossier 404, the administration for a non-administrator 403, an address with a wrong number 400) and the
 * container's (templates/error.html: an unknown address 404, a form's address opened by GET 405, a form sent
 * without its security token 403, the error address itself 500). Each is in Vietnamese with what to do and a way back, has the status its title says,
 * passes axe-core with no serious or critical violation and fits a 360 px phone; screenshots of each kind.
 */
@HoctapTest
class ErrorPagesBrowserTest {

  @LocalServerPort int port;

  final List<String> problems = new ArrayList<>();

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

  /** The status of the page as the browser received it (Navigation Timing), not as our server meant it. */
  static long status(BrowserSession b) {
    return (Long) ((JavascriptExecutor) b.driver).executeScript(
        "return performance.getEntriesByType('navigation')[0].responseStatus;");
  }

  /** A form without the page's security token, posted as a forged or stale form would be. */
  static void postWithoutToken(BrowserSession b, String action) {
    ((JavascriptExecutor) b.driver).executeScript("var f = document.createElement('form'); f.method = 'post';"
        + " f.action = arguments[0]; document.body.appendChild(f); f.submit();", action);
    b.wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete")
        && !d.findElements(By.tagName("h1")).isEmpty()
        && d.findElement(By.tagName("h1")).getText().contains("quyền"));
  }

  /** What the page says, its status, axe-core, 360 px, and the screenshots (desktop and -360) when named. */
  void check(BrowserSession b, String what, int expected, String heading, String text, String shot) throws Exception {
    check(b, what, expected, heading, text, shot, true);
  }

  void check(BrowserSession b, String what, int expected, String heading, String text, String shot,
      boolean reachedByGet) throws Exception {
    try {
      assertThat(status(b)).as(what + ": status").isEqualTo(expected);
      assertThat(b.driver.getTitle()).as(what).isEqualTo("Không thực hiện được — hoctap");
      assertThat(b.visible(By.tagName("h1")).getText()).as(what).contains(heading);
      assertThat(b.driver.findElement(By.id("loi-noi-dung")).getText()).as(what).contains(text);
      assertThat(b.driver.findElement(By.linkText("Về trang chủ")).getAttribute("href")).endsWith("/trang-chu");
      assertThat(b.bodyText()).as(what).doesNotContain("Exception", "Whitelabel", "Tasklist", "/api/",
          "Internal Server Error", "Forbidden");
      Accessibility.assertNoSeriousViolations(b.driver, what);
      if (shot != null) {
        Accessibility.keep(b.screenshot(shot), shot);
      }
      if (reachedByGet) {
        Accessibility.assertFitsAPhone(b, what);
      }
      // a refused post is not sent twice: the page as it is, narrowed to 360 px
      Dimension before = b.driver.manage().window().getSize();
      b.driver.manage().window().setSize(new Dimension(360, 740));
      try {
        Long overflow = (Long) ((JavascriptExecutor) b.driver).executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as(what + " scrolls sideways at 360 px").isLessThanOrEqualTo(0L);
        if (shot != null) {
          Accessibility.keep(b.screenshot(shot + "-360"), shot + "-360");
        }
      } finally {
        b.driver.manage().window().setSize(before);
      }
    } catch (AssertionError e) {
      problems.add(e.getMessage());
    }
  }

  @Test
  void everyErrorPageSaysWhatHappenedInVietnamesePassesAxeAndFitsAPhone() throws Exception {
    try (BrowserSession b = new BrowserSession()) {
      // anonymous: the error address itself, and a login form sent without its token (a stale login page)
      b.driver.get(url("/error"));
      check(b, "500 (khách)", 500, "Không thực hiện được (mã 500)", "chưa có gì được lưu", "trang-loi-500-khach");
      b.driver.get(url("/dang-nhap"));
      postWithoutToken(b, "/dang-nhap");
      check(b, "403 (khách)", 403, "Bạn không có quyền", "phiên làm việc đã hết hạn", "trang-loi-403-khach",
          false);

      login(b, "phonggd");
      b.driver.get(url("/ho-so/999999999"));
      check(b, "404 hồ sơ", 404, "Không tìm thấy", "Không tìm thấy hồ sơ số 999999999", "trang-loi-404");
      b.driver.get(url("/quan-tri"));
      check(b, "403 quản trị", 403, "Bạn không có quyền", "quản trị viên", "trang-loi-403");
      b.driver.get(url("/ho-so/mot-tram"));
      check(b, "400 số hồ sơ", 400, "Không thực hiện được (mã 400)", "tham số không hợp lệ", "trang-loi-400");
      b.driver.get(url("/khong-co-trang-nay"));
      check(b, "404 địa chỉ", 404, "Không tìm thấy trang", "Địa chỉ không đúng", "trang-loi-404-dia-chi");
      // the address of a form's answer opened again (a step's post, by GET): the error page, not JSON
      b.driver.get(url("/ho-so/1/buoc/123"));
      check(b, "405 địa chỉ của biểu mẫu", 405, "Không thực hiện được (mã 405)", "chưa có gì được lưu", null);
      b.driver.get(url("/viec-can-lam"));
      postWithoutToken(b, "/thong-bao/da-doc-tat-ca");
      check(b, "403 biểu mẫu", 403, "Bạn không có quyền", "Hãy tải lại trang", null, false);
      b.driver.get(url("/error"));
      check(b, "500", 500, "Không thực hiện được (mã 500)", "báo quản trị viên", "trang-loi-500");
      assertThat(b.driver.findElement(By.id("chuong")).getText()).as("the header of a logged-in user")
          .contains("Thông báo");
    }
    // the same statuses reach a script as well (not only the browser's rendering)
    HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(url("/error"))).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(500);
    assertThat(unknown.body()).contains("Không thực hiện được (mã 500)").doesNotContain("999");
    assertThat(problems).isEmpty();
  }
}
