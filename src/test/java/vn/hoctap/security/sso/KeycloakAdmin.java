package vn.hoctap.security.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Keycloak's own APIs, for what the tests check on the provider's side: tokens of a realm, a user's sessions. */
final class KeycloakAdmin {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final KeycloakServer server;

  KeycloakAdmin(KeycloakServer server) {
    this.server = server;
  }

  /** Tokens of a realm's user, straight from its token endpoint (password grant of the test client). */
  JsonNode tokens(String realm, String user, String password) {
    return form(server.issuer(realm) + "/protocol/openid-connect/token", Map.of("grant_type", "password",
        "client_id", KeycloakServer.CLIENT, "client_secret", KeycloakServer.SECRET, "username", user,
        "password", password, "scope", "openid profile"), null);
  }

  /** How many sessions the provider holds for this user of the realm. */
  int sessions(String realm, String userId) {
    return call("GET", "/admin/realms/" + realm + "/users/" + userId + "/sessions").size();
  }

  private JsonNode call(String method, String path) {
    String token = form(server.issuer("master") + "/protocol/openid-connect/token", Map.of("grant_type", "password",
        "client_id", "admin-cli", "username", KeycloakServer.ADMIN, "password", server.adminPassword()), null)
        .get("access_token").asText();
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build();
    return send(r);
  }

  private static JsonNode form(String url, Map<String, String> fields, String bearer) {
    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return send(b.build());
  }

  private static JsonNode send(HttpRequest r) {
    try {
      HttpResponse<String> a = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
      if (a.statusCode() >= 300) {
        throw new AssertionError(r.uri() + " answered " + a.statusCode() + ": " + a.body());
      }
      return JSON.readTree(a.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
