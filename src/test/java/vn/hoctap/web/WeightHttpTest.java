package vn.hoctap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 17 item 8 (weight) and the public check page's box: pages compressed, the style sheet under a
 * content-versioned URL cacheable for a long time, a favicon, and /kiem-tra with a box and a Vietnamese 404 for an
 * unknown code.
 */
@HoctapTest
class WeightHttpTest {

  @LocalServerPort int port;
  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String text(HttpResponse<byte[]> r) throws Exception {
    byte[] body = r.body();
    if (r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
      body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  static long maxAge(HttpResponse<?> r) {
    Matcher m = Pattern.compile("max-age=(\\d+)").matcher(r.headers().firstValue("Cache-Control").orElse(""));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  @Test
  void pagesAreCompressedAndTheStyleSheetIsVersionedAndCacheable() throws Exception {
    HttpResponse<byte[]> login = get("/dang-nhap", "Accept-Encoding", "gzip");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String html = text(login);
    assertThat(html).contains("Đăng nhập hoctap").contains("rel=\"icon\"");

    Matcher css = Pattern.compile("href=\"(/css/hoctap-[0-9a-f]{32}\\.css)\"").matcher(html);
    assertThat(css.find()).as("versioned style sheet URL in " + html).isTrue();
    HttpResponse<byte[]> sheet = get(css.group(1), "Accept-Encoding", "gzip");
    assertThat(sheet.statusCode()).isEqualTo(200);
    assertThat(maxAge(sheet)).isGreaterThanOrEqualTo(86_400);
    assertThat(sheet.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store", "no-cache");
    assertThat(sheet.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(text(sheet)).contains(".tha-tep");

    // the page itself stays private: never cached
    assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
  }

  @Test
  void theTasklistsBundlesAreCachedAndCompressedAndItsVendorNoticeHidden() throws Exception {
    HttpResponse<byte[]> deps = get("/camunda/lib/deps.js?bust=7.24.0", "Accept-Encoding", "gzip");
    assertThat(deps.statusCode()).isEqualTo(200);
    assertThat(maxAge(deps)).isGreaterThanOrEqualTo(31_536_000);
    assertThat(deps.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
    assertThat(deps.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(deps.body().length).isLessThan(2_000_000);
    // hoctap's own overrides are revalidated, never stored stale
    HttpResponse<byte[]> config = get("/camunda/app/tasklist/scripts/config.js");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.headers().firstValue("Cache-Control")).hasValue("no-cache");
    HttpResponse<byte[]> styles = get("/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0");
    assertThat(text(styles)).contains(".ce-eol-banner", "display: none");
    // the index page keeps the webapps' own headers
    assertThat(get("/camunda/app/tasklist/default/").headers().firstValue("Cache-Control").orElse(""))
        .doesNotContain("max-age=31536000");
  }

  @Test
  void aFaviconForEveryPage() throws Exception {
    HttpResponse<byte[]> svg = get("/favicon.svg");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    assertThat(maxAge(svg)).isGreaterThanOrEqualTo(86_400);
    HttpResponse<byte[]> ico = get("/favicon.ico");
    assertThat(ico.statusCode()).isEqualTo(200);
    assertThat(ico.body()).startsWith(0, 0, 1, 0);
    assertThat(text(get("/kiem-tra"))).contains("rel=\"icon\"");
  }

  @Test
  void thePublicCheckHasABoxAndAVietnamese404ForAnUnknownCode() throws Exception {
    HttpResponse<byte[]> box = get("/kiem-tra");
    assertThat(box.statusCode()).isEqualTo(200);
    assertThat(text(box)).contains("<form", "action=\"/kiem-tra\"", "method=\"get\"", "name=\"ma\"",
        "<label for=\"ma\">", "Kiểm tra giấy chứng nhận");

    HttpResponse<byte[]> typed = get("/kiem-tra?ma=+KHONGCO12345+");
    assertThat(typed.statusCode()).isEqualTo(302);
    assertThat(typed.headers().firstValue("Location").orElse("")).endsWith("/kiem-tra/KHONGCO12345");

    HttpResponse<byte[]> unknown = get("/kiem-tra/KHONGCO12345");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(text(unknown)).contains("Không tìm thấy giấy chứng nhận có mã", "KHONGCO12345",
        "data-verdict=\"NOT_FOUND\"", "name=\"ma\"");
    HttpResponse<byte[]> script = get("/kiem-tra/%3Cscript%3Ealert(1)");
    assertThat(script.statusCode()).isEqualTo(404);
    assertThat(text(script)).doesNotContain("<script>alert").contains("&lt;script&gt;");
  }
}
