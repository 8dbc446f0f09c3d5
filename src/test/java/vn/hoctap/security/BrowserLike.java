package vn.hoctap.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real HTTP with the whole response (headers too), redirects not followed, and optionally a cookie jar (a browser's
 * session on our pages, logged in through the form with its CSRF token).
 */
class BrowserLike {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  final String base;
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  BrowserLike(int port, boolean keepCookies) {
    base = "http://127.0.0.1:" + port;
    HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
    client = (keepCookies ? b.cookieHandler(cookies) : b).build();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = request(path).header("Accept", "text/html,application/xhtml+xml");
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return send(b.GET());
  }

  String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in " + html);
    }
    return m.group(1);
  }

  /** The login form, as a browser fills it; returns the answer (302 to where the user wanted, or /trang-chu). */
  HttpResponse<String> login(String user, String password) {
    String token = csrf(get("/dang-nhap").body());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token,
        StandardCharsets.UTF_8);
    return send(request("/dang-nhap").header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  static List<String> setCookies(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie");
  }

  static boolean createsSession(HttpResponse<?> r) {
    return setCookies(r).stream().anyMatch(c -> c.startsWith("JSESSIONID="));
  }
}
