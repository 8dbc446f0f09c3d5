package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.Http.Response;

/**
 * A Camunda Tasklist session as the browser has one: the webapp's login form, the JSESSIONID cookie and the
 * XSRF-TOKEN cookie echoed in X-XSRF-TOKEN; requests go to the webapps' own engine API, without HTTP Basic.
 */
final class TasklistSession {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  TasklistSession(int port, String user) {
    base = "http://127.0.0.1:" + port;
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(DemoData.PASSWORD, StandardCharsets.UTF_8);
    Response login = send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(login.status()).as(user + " logs in to the Tasklist: " + login.body()).isEqualTo(200);
    // the login starts a new session: its first request receives the session's token
    assertThat(get(ENGINE + "/filter").status()).isEqualTo(200);
  }

  Response get(String path) {
    return send(request(path).header("Accept", "application/json").GET());
  }

  Response post(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the session carries a CSRF token at all (the refusals must not be CSRF refusals). */
  boolean hasXsrfToken() {
    return xsrf() != null;
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    String token = xsrf();
    if (token != null) {
      b.header("X-XSRF-TOKEN", token);
    }
    return b;
  }

  private Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
