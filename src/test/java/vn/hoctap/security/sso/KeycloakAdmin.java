package vn.hoctap.security.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  /** The provider session ids (the ID tokens' {@code sid}) of this user of the realm. */
  List<String> sessionIds(String realm, String userId) {
    List<String> ids = new ArrayList<>();
    call("GET", "/admin/realms/" + realm + "/users/" + userId + "/sessions").forEach(s -> ids.add(s.get("id")
        .asText()));
    return ids;
  }

  /** An administrator of the provider ends one session (Keycloak then sends its back-channel logout). */
  void endSession(String realm, String sid) {
    call("DELETE", "/admin/realms/" + realm + "/sessions/" + sid);
  }

  /**
   * Points the hoctap client's back-channel logout URL (the realm file's is the demo's, port 8080) at the
   * application under test.
   */
  void backChannelLogoutTo(int appPort) {
    JsonNode client = call("GET", "/admin/realms/" + KeycloakServer.REALM + "/clients?clientId="
        + KeycloakServer.CLIENT).get(0);
    ((ObjectNode) client.get("attributes")).put("backchannel.logout.url", "http://127.0.0.1:" + appPort
        + "/logout/connect/back-channel/tinh");
    call("PUT", "/admin/realms/" + KeycloakServer.REALM + "/clients/" + client.get("id").asText(), client);
  }

  /** A new enabled user of the realm with the test password and this name claim; its id (the {@code sub}). */
  String createUser(String realm, String username, String fullName, String orgCode, String password) {
    ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
        .put("emailVerified", true).put("email", username + "@sso.hoctap.vn");
    names(user, fullName, orgCode);
    user.putArray("credentials").addObject().put("type", "password").put("value", password)
        .put("temporary", false);
    call("POST", "/admin/realms/" + realm + "/users", user);
    return call("GET", "/admin/realms/" + realm + "/users?exact=true&username=" + username).get(0).get("id")
        .asText();
  }

  /** Changes the person's name (the name claim, Keycloak's first and last name) and unit at the provider. */
  void rename(String realm, String userId, String fullName, String orgCode) {
    ObjectNode user = (ObjectNode) call("GET", "/admin/realms/" + realm + "/users/" + userId);
    names(user, fullName, orgCode);
    call("PUT", "/admin/realms/" + realm + "/users/" + userId, user);
  }

  private static void names(ObjectNode user, String fullName, String orgCode) {
    int space = fullName.lastIndexOf(' ');
    user.put("firstName", fullName.substring(space + 1)).put("lastName", fullName.substring(0, space));
    ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject(
        "attributes");
    attributes.putArray("ho_ten").add(fullName);
    attributes.putArray("ma_don_vi").add(orgCode);
  }

  private JsonNode call(String method, String path) {
    return call(method, path, null);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    String token = form(server.issuer("master") + "/protocol/openid-connect/token", Map.of("grant_type", "password",
        "client_id", "admin-cli", "username", KeycloakServer.ADMIN, "password", server.adminPassword()), null)
        .get("access_token").asText();
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + token);
    if (body == null) {
      r.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
          body.toString(), StandardCharsets.UTF_8));
    }
    return send(r.build());
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
      return a.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(a.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
