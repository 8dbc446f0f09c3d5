package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.browser.BrowserSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * The attack of the issue in a real (headless Chromium) browser: the administrator is logged in to hoctap's pages;
 * a page of another origin (another port of the same host: the same site, so even SameSite=Lax cookies go along)
 * auto-submits a multipart form with a spreadsheet that creates a reviewer of Hà Nội. Refused with the session
 * alone and with cached Basic credentials as well; only the header a form cannot send (added here by the
 * browser's DevTools, as a control that the forged request is otherwise complete) gets through.
 */
@HoctapTest
class CsrfBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  static String attackPage(int port, byte[] xlsx) {
    return "<!DOCTYPE html><html><body><form id=f method=post enctype=multipart/form-data action=\"http://127.0.0.1:"
        + port + "/api/admin/import\"><input type=file name=file id=file></form><script>"
        + "var bytes = Uint8Array.from(atob('" + Base64.getEncoder().encodeToString(xlsx) + "'), c => c.charCodeAt(0));"
        + "var dt = new DataTransfer(); dt.items.add(new File([bytes], 'nhap.xlsx',"
        + " {type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}));"
        + "document.getElementById('file').files = dt.files; document.getElementById('f').submit();"
        + "</script></body></html>";
  }

  boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  @Test
  void aFormOfAnotherSiteCannotImportUsersAsTheLoggedInAdministrator() throws Exception {
    String victim = "kegian.tr" + System.nanoTime() % 1_000_000;
    byte[] page = attackPage(port, ApiForgeryHttpTest.importOf(port, victim)).getBytes(StandardCharsets.UTF_8);
    HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    attacker.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    attacker.start();
    String evil = "http://127.0.0.1:" + attacker.getAddress().getPort() + "/";
    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.get("http://127.0.0.1:" + port + "/dang-nhap");
        b.type(By.id("username"), "admin");
        b.type(By.id("password"), DemoData.PASSWORD);
        b.driver.findElement(By.id("dang-nhap")).click();
        b.wait.until(d -> d.getCurrentUrl().endsWith("/trang-chu"));

        // 1. the page session alone
        b.driver.get(evil);
        b.wait.until(d -> d.getCurrentUrl().contains("/api/admin/import"));
        assertThat(b.bodyText()).contains("X-Requested-By");
        assertThat(exists(victim)).isFalse();

        // 2. plus cached Basic credentials, as after a Basic prompt: the browser sends them with every request
        ChromeDriver chrome = (ChromeDriver) b.driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
            Map.of("Authorization", BrowserLike.basic("admin", DemoData.PASSWORD))));
        b.driver.get(evil);
        b.wait.until(d -> d.getCurrentUrl().contains("/api/admin/import"));
        assertThat(b.bodyText()).contains("X-Requested-By");
        assertThat(exists(victim)).as("nothing created").isFalse();

        // control: with the header no form can send, the very same submission would import
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
            Map.of("Authorization", BrowserLike.basic("admin", DemoData.PASSWORD),
                ApiClientHeader.NAME, ApiClientHeader.VALUE)));
        b.driver.get(evil);
        b.wait.until(d -> d.getCurrentUrl().contains("/api/admin/import"));
        assertThat(exists(victim)).as("the forged request is complete but for the header").isTrue();
      } catch (Throwable e) {
        b.screenshot("csrf-failure");
        throw e;
      }
    } finally {
      attacker.stop(0);
    }
  }
}
