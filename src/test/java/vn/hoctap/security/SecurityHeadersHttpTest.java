package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * The headers of hoctap's pages, API, downloads and public certificate check (CSP without inline script,
 * Referrer-Policy, Permissions-Policy, no HSTS outside production), no Basic challenge anywhere, and no server
 * session for anonymous requests to protected paths.
 */
@HoctapTest
class SecurityHeadersHttpTest {

  @LocalServerPort int port;

  static void assertStrictHeaders(HttpResponse<?> r, String what) {
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).as(what).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("script-src 'self' 'unsafe-inline'", "unsafe-eval");
    assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
    assertThat(r.headers().firstValue("Permissions-Policy").orElse("")).as(what).contains("camera=()");
    assertThat(r.headers().firstValue("WWW-Authenticate")).as(what).isEmpty();
  }

  @Test
  void pagesTheApiDownloadsAndTheCertificateCheckSendTheStrictHeaders() {
    BrowserLike browser = new BrowserLike(port, true);
    HttpResponse<String> login = browser.get("/dang-nhap");
    assertThat(login.statusCode()).isEqualTo(200);
    assertStrictHeaders(login, "login page");
    assertThat(login.body()).doesNotContain("<script>", "onchange=", "onclick=");
    assertThat(browser.login("admin", DemoData.PASSWORD).headers().firstValue("Location").orElse(""))
        .endsWith("/trang-chu");
    HttpResponse<String> home = browser.get("/trang-chu");
    assertThat(home.statusCode()).isEqualTo(200);
    assertStrictHeaders(home, "home page");
    HttpResponse<String> dashboard = browser.get("/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertStrictHeaders(dashboard, "dashboard");
    assertThat(dashboard.body()).as("no inline script or handler").doesNotContainPattern("<script>|<script [^>]*>[^<]")
        .doesNotContain("onchange=").containsPattern("/js/tu-dong-gui(-[0-9a-f]{32})?\\.js");
    assertThat(browser.get("/js/tu-dong-gui.js").statusCode()).isEqualTo(200);

    BrowserLike api = new BrowserLike(port, false);
    String admin = BrowserLike.basic("admin", DemoData.PASSWORD);
    HttpResponse<String> json = api.get("/api/notifications", "Authorization", admin, "Accept", "application/json");
    assertThat(json.statusCode()).isEqualTo(200);
    assertStrictHeaders(json, "API answer");
    HttpResponse<String> download = api.get("/api/admin/import/template", "Authorization", admin);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    assertStrictHeaders(download, "download");
    HttpResponse<String> check = api.get("/kiem-tra/KHONG-CO-MA-NAY");
    assertStrictHeaders(check, "certificate check (" + check.statusCode() + ")");
    assertThat(json.headers().firstValue("Strict-Transport-Security")).as("HSTS only in production").isEmpty();
    // the Camunda webapps keep their own policy
    HttpResponse<String> cockpit = api.get("/camunda/app/cockpit/default/");
    assertThat(cockpit.headers().firstValue("Content-Security-Policy").orElse("")).contains("strict-dynamic")
        .doesNotContain(SecurityHeaders.CSP);
  }

  @Test
  void anonymousRequestsToProtectedPathsLeaveNoSessionAndAreNeverChallengedWithBasic() {
    BrowserLike anonymous = new BrowserLike(port, false);
    HttpResponse<String> page = anonymous.get("/dashboard");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/dang-nhap");
    assertThat(BrowserLike.createsSession(page)).as("Set-Cookie " + BrowserLike.setCookies(page)).isFalse();
    for (String path : new String[] {"/api/dossiers", "/engine-rest/task", "/trang-chu", "/swagger-ui.html"}) {
      for (String accept : new String[] {"text/html", "application/json", "*/*"}) {
        HttpResponse<String> r = anonymous.get(path, "Accept", accept, "X-Requested-With", "XMLHttpRequest");
        assertThat(r.statusCode()).as(path).isIn(302, 401);
        assertThat(BrowserLike.createsSession(r)).as(path + " " + BrowserLike.setCookies(r)).isFalse();
        assertThat(r.headers().firstValue("WWW-Authenticate")).as(path + " " + accept).isEmpty();
      }
    }
    HttpResponse<String> wrong = anonymous.get("/api/dossiers", "Authorization",
        BrowserLike.basic("khong-co-ai", "sai-mat-khau"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(wrong.body()).contains("Cần đăng nhập");

    // "log in, then land where you wanted" still works: the wanted page is kept in a cookie, not a session
    BrowserLike browser = new BrowserLike(port, true);
    assertThat(browser.get("/dashboard").statusCode()).isEqualTo(302);
    assertThat(browser.login("admin", DemoData.PASSWORD).headers().firstValue("Location").orElse(""))
        .contains("/dashboard");
  }
}
