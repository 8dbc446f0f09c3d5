package vn.hoctap.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import vn.hoctap.support.Http.Response;

/** Any method, any password: what the support Http client (demo password, GET/POST) does not cover. */
public class RawHttp {

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public RawHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Response send(String method, String user, String password, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header(ApiClientHeader.NAME, ApiClientHeader.VALUE);
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
