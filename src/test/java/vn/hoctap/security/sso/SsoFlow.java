package vn.hoctap.security.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client over real HTTP (cookies of hoctap and of Keycloak, redirects followed one by one so that
 * each is visible): hoctap's single sign-on button, Keycloak's real login form, the way back.
 */
class SsoFlow {

  /** One answer: where it came from, its status, its Location and body. */
  record Step(String url, int status, String location, String body) {
    boolean redirect() {
      return status >= 300 && status < 400 && location != null;
    }
  }

  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  final HttpClient client = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  final String app;

  SsoFlow(int appPort) {
    this.app = "http://127.0.0.1:" + appPort;
  }

  /** hoctap's button, Keycloak's form with these credentials, and every redirect back; the last answer. */
  Step signIn(String user, String password) {
    Step s = follow(get(app + "/dang-nhap/mot-lan/tinh"));
    if (s.body().contains("kc-form-login")) {
      s = follow(submitKeycloakLogin(s, user, password));
    }
    return s;
  }

  /** Posts Keycloak's login form of this page. */
  Step submitKeycloakLogin(Step page, String user, String password) {
    Matcher m = FORM_ACTION.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no Keycloak login form at " + page.url() + ":\n" + page.body());
    }
    return post(m.group(1).replace("&amp;", "&"), Map.of("username", user, "password", password,
        "credentialId", ""));
  }

  /** Follows redirects (hoctap's and Keycloak's) until an answer that is not one. */
  Step follow(Step s) {
    int hops = 0;
    while (s.redirect()) {
      if (++hops > 20) {
        throw new AssertionError("too many redirects, last " + s.url());
      }
      s = get(URI.create(s.url()).resolve(s.location()).toString());
    }
    return s;
  }

  Step get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
  }

  /** A GET of a hoctap path. */
  Step page(String path) {
    return get(app + path);
  }

  Step post(String url, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())), url);
  }

  /** Posts a form of hoctap's with the CSRF token of the page at {@code pagePath}. */
  Step submit(String pagePath, String action, Map<String, String> fields) {
    Matcher m = CSRF.matcher(page(pagePath).body());
    if (!m.find()) {
      throw new AssertionError("no CSRF token on " + pagePath);
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", m.group(1));
    return post(app + action, all);
  }

  private Step send(HttpRequest.Builder b, String url) {
    b.header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "vi");
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Step(url, r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Cookies as a browser keeps them for http://127.0.0.1, a "potentially trustworthy" origin where browsers also
   * send Secure cookies (Keycloak marks its own Secure); Java's cookie manager sends them over https only.
   */
  static final class LoopbackCookies extends CookieManager {
    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      Map<String, List<String>> kept = new LinkedHashMap<>();
      headers.forEach((name, values) -> kept.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
          && "127.0.0.1".equals(uri.getHost())
          ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
      super.put(uri, kept);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
