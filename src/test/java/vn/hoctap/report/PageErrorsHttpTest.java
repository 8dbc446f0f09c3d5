package vn.hoctap.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/** Browsers get Vietnamese error pages without technical details; the login form needs its CSRF token. */
@HoctapTest
class PageErrorsHttpTest {

  @LocalServerPort int port;

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpRequest.Builder page(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html");
  }

  @Test
  void vietnameseErrorPagesAndCsrfOnTheLoginForm() throws Exception {
    HttpResponse<String> missing = send(page("/dashboard/khong-co").header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(("admin:" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8))));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Không tìm thấy trang").doesNotContain("Whitelabel", "Exception");

    HttpResponse<String> unknownDossier = send(page("/ho-so/999999999").header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(("admin:" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8))));
    assertThat(unknownDossier.statusCode()).isEqualTo(404);
    assertThat(unknownDossier.body()).contains("Không tìm thấy").doesNotContain("Exception");

    HttpResponse<String> login = send(page("/dang-nhap"));
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("name=\"_csrf\"", "Tên đăng nhập", "Mật khẩu");
    // a login post without the token is refused
    HttpResponse<String> forged = send(page("/dang-nhap").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + DemoData.PASSWORD)));
    assertThat(forged.statusCode()).isEqualTo(403);
  }
}
