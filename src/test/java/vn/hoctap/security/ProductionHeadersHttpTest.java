package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.TestProfiles;

/**
 * The production profile behind its TLS proxy: X-Forwarded-Proto: https from the proxy (a local address) makes
 * the request secure, and then HSTS is sent; a plain http request gets none. One extra application context, whose
 * engine has a name of its own (letters only: Camunda ignores a name with a hyphen): the Camunda REST API finds its
 * engine by name in a JVM-wide registry, and a second "default" engine would answer the other tests' REST calls
 * (without their login). The context stays in the test context cache (closing it took the registry's default
 * engine away from the tests after it).
 */
@HoctapTest
@ActiveProfiles(resolver = ProductionHeadersHttpTest.WithProduction.class)
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=productionheaders",
    "hoctap.public-url=https://hoctap.example.vn",
    "camunda.bpm.job-execution.enabled=false"})
class ProductionHeadersHttpTest {

  /** The run's profiles (H2 or PostgreSQL) plus production. */
  public static class WithProduction extends TestProfiles {
    @Override
    public String[] resolve(Class<?> testClass) {
      return Stream.concat(Arrays.stream(super.resolve(testClass)), Stream.of("production")).toArray(String[]::new);
    }
  }

  @LocalServerPort int port;

  @Test
  void behindTheTlsProxyEveryAnswerCarriesHsts() {
    BrowserLike client = new BrowserLike(port, false);
    String admin = BrowserLike.basic("admin", DemoData.PASSWORD);
    for (String path : new String[] {"/api/notifications", "/trang-chu", "/dang-nhap", "/kiem-tra/KHONG-CO"}) {
      HttpResponse<String> secure = client.get(path, "Authorization", admin, "X-Forwarded-Proto", "https");
      assertThat(secure.headers().firstValue("Strict-Transport-Security").orElse("")).as(path)
          .contains("max-age=31536000");
      SecurityHeadersHttpTest.assertStrictHeaders(secure, path);
      HttpResponse<String> plain = client.get(path, "Authorization", admin);
      assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path + " over http").isEmpty();
    }
  }
}
