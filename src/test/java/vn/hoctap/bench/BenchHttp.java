package vn.hoctap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP client: Basic auth as a (demo) user, JSON in and out, as the Tasklist and API clients call. */
final class BenchHttp {

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    Response expect(int... statuses) {
      for (int s : statuses) {
        if (s == status) {
          return this;
        }
      }
      throw new IllegalStateException("HTTP " + status + ": " + body);
    }
  }

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private final HttpClient client;
  private final String base;
  private final CookieManager cookies;
  private String xsrf;

  BenchHttp(int port) {
    this(port, null);
  }

  private BenchHttp(int port, CookieManager cookies) {
    this.base = "http://127.0.0.1:" + port;
    this.cookies = cookies;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    client = (cookies == null ? b : b.cookieHandler(cookies)).build();
  }

  /**
   * A Tasklist session, as the browser has one: the webapp's login (once, session cookie) and its CSRF token.
   * Requests go to the Tasklist's own engine API (/camunda/api/engine/engine/default/...) without HTTP Basic.
   */
  static BenchHttp tasklistSession(int port, String user) {
    BenchHttp h = new BenchHttp(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    h.send(HttpRequest.newBuilder(URI.create(h.base + "/camunda/app/tasklist/default/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(Province.PASSWORD, StandardCharsets.UTF_8);
    h.send(h.session("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))).expect(200);
    // the login starts a new session: its first request receives the session's token
    h.send(h.session("/camunda/api/engine/engine/default/filter").GET()).expect(200);
    return h;
  }

  /**
   * A session on hoctap's own pages, as a browser has one: the login form (its CSRF token, then the POST) once,
   * then every page with the session cookie, no password check per request.
   */
  static BenchHttp pageSession(int port, String user) {
    BenchHttp h = new BenchHttp(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    Matcher m = CSRF.matcher(h.page("/dang-nhap").expect(200).body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(Province.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
        + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> r = h.raw(HttpRequest.newBuilder(URI.create(h.base + "/dang-nhap"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    String location = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException(user + " could not log in to the pages: HTTP " + r.statusCode() + " " + location);
    }
    return h;
  }

  /** A page of the session (HTML, as a browser asks for it; redirects are not followed). */
  Response page(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Accept", "text/html,application/xhtml+xml").GET());
  }

  /**
   * A page's multipart form with one file, as a browser sends it: the fields, the file part and the CSRF token read
   * from the page at {@code pagePath} (read before, so that only the upload itself is in the caller's timing when
   * the returned request is sent with {@link #send(Prepared)}).
   */
  Prepared pageUpload(String pagePath, String action, Map<String, String> fields, String part, String fileName,
      java.nio.file.Path file) throws IOException {
    Matcher m = CSRF.matcher(page(pagePath).expect(200).body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + pagePath);
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", m.group(1));
    String boundary = "hoctapBench" + System.nanoTime();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) java.nio.file.Files.size(file) + 4096);
    for (Map.Entry<String, String> f : all.entrySet()) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
          + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    java.nio.file.Files.copy(file, out);
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Prepared(HttpRequest.newBuilder(URI.create(base + action)).timeout(Duration.ofSeconds(600))
        .header("Accept", "text/html,application/xhtml+xml")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  /** A request built beforehand. */
  record Prepared(HttpRequest.Builder request) {}

  /** Sends a prepared request: the status and, for a redirect, where it goes (body otherwise). */
  Response send(Prepared p) {
    HttpResponse<String> r = raw(p.request());
    return new Response(r.statusCode(), r.headers().firstValue("Location").map(l -> "Location: " + l)
        .orElse(r.body()));
  }

  private void refreshXsrf() {
    xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse(xsrf);
  }

  /** A POST of the Tasklist session, answered in HAL. */
  Response sessionPostHal(String path, Object body) {
    return send(session(path).header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  private HttpRequest.Builder session(String path) {
    refreshXsrf(); // the webapp hands out a new token with a new session, as the browser reads it from the cookie
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (xsrf != null) {
      b.header("X-XSRF-TOKEN", xsrf);
    }
    return b;
  }

  Response get(String user, String path) {
    return send(request(user, path).GET());
  }

  Response post(String user, String path, Object body) {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** A POST answered in HAL (application/hal+json), as the Tasklist asks for its task pages. */
  Response postHal(String user, String path, Object body) {
    return send(request(user, path).header("Content-Type", "application/json")
        .header("Accept", "application/hal+json").POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** A file upload (multipart/form-data), as our API takes evidence. */
  Response upload(String user, String path, String fileName, byte[] content, Map<String, String> fields) {
    String boundary = "----hoctap" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
            + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Camunda REST form submission, as the Tasklist does it. */
  Response submitForm(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header(vn.hoctap.security.ApiClientHeader.NAME, vn.hoctap.security.ApiClientHeader.VALUE);
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + Province.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private Response send(HttpRequest.Builder b) {
    HttpResponse<String> r = raw(b);
    return new Response(r.statusCode(), r.body());
  }

  private HttpResponse<String> raw(HttpRequest.Builder b) {
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String write(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
