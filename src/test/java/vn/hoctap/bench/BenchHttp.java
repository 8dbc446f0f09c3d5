package vn.hoctap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

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
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  BenchHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
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

  /** Camunda REST form submission, as the Tasklist does it. */
  Response submitForm(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + Province.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
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
