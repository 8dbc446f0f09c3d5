package vn.hoctap.citizen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hoctap.demo.DemoData;

/**
 * A browser-like session on the round pages: the login form, the session cookie, forms and multipart uploads posted
 * with the CSRF token read from the page, redirects not followed (so tests see them).
 */
final class RoundPageSession {

  /** An answer: status, where it redirects, the body as text (HTML entities read back) and as bytes. */
  record Answer(int status, String location, String body, byte[] bytes, String type, String disposition) {}

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  RoundPageSession(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Signed in through the login form as the (demo or test) user. */
  static RoundPageSession as(int port, String user) {
    RoundPageSession s = new RoundPageSession(port);
    Answer a = s.post("/dang-nhap", "/dang-nhap", Map.of("username", user, "password", DemoData.PASSWORD));
    if (a.status() != 302 || a.location() == null || a.location().contains("error")) {
      throw new AssertionError(user + " could not sign in: " + a.status() + " " + a.location());
    }
    return s;
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in the page: " + html);
    }
    return m.group(1);
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** The form posted with the CSRF token of the page at {@code pagePath}. */
  Answer post(String pagePath, String action, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf(get(pagePath).body()));
    StringBuilder body = new StringBuilder();
    all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return send(HttpRequest.newBuilder(URI.create(base + action))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A multipart form: the fields, one file part named {@code part}, and the page's CSRF token. */
  Answer upload(String pagePath, String action, Map<String, String> fields, String part, String fileName,
      byte[] content) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf(get(pagePath).body()));
    String boundary = "hoctapRoundPage" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> f : all.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
            + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
          + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(base + action))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Answer send(HttpRequest.Builder b) {
    b.header("Accept", "text/html,application/xhtml+xml"); // as a browser asks (login page rather than 401)
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null),
          unescape(new String(r.body(), StandardCharsets.UTF_8)), r.body(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Content-Disposition").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
