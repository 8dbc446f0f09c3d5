package vn.hoctap.admin;

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
import vn.hoctap.support.Http.Response;

/**
 * A browser-like session on our own pages: the login form with its CSRF token, the session cookie, and forms
 * posted with the token read from the page (redirects are not followed, so tests see them).
 */
public class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  public PageSession(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Logs in through the form; returns the response of the POST (a redirect to /trang-chu when it worked). */
  public Response login(String user, String password) {
    String token = csrf(get("/dang-nhap").body());
    return post("/dang-nhap", Map.of("username", user, "password", password, "_csrf", token));
  }

  public static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in the page: " + html);
    }
    return m.group(1);
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A form post; the token, if wanted, is one of the fields. */
  public Response post(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Fills and posts the form on the page at {@code pagePath}, with the page's CSRF token. */
  public Response submit(String pagePath, String action, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf(get(pagePath).body()));
    return post(action, all);
  }

  /** A multipart form with one file and the page's CSRF token. */
  Response upload(String pagePath, String action, String fileName, byte[] content) {
    String token = csrf(get(pagePath).body());
    String boundary = "hoctapPage" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(base + action))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Response send(HttpRequest.Builder b) {
    b.header("Accept", "text/html,application/xhtml+xml"); // as a browser does (decides login page vs 401)
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String location = r.headers().firstValue("Location").orElse(null);
      return new Response(r.statusCode(), location != null ? "Location: " + location + "\n" + r.body() : r.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
