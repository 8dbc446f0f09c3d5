package vn.hoctap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hoctap.demo.DemoData;

/** A small real-HTTP client for the API tests: Basic auth as a (demo) user, JSON in and out. */
public class Http {

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Response get(String user, String path) {
    return send(request(user, path).GET());
  }

  public Response post(String user, String path, Object body) {
    return postRaw(user, path, body instanceof String s ? s : write(body));
  }

  public Response put(String user, String path, Object body) {
    return send(request(user, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  public Response postRaw(String user, String path, String json) {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A multipart upload with one file part and text fields. */
  public Response upload(String user, String path, String fileName, byte[] content, Map<String, String> fields) {
    String boundary = "hoctapTestBoundary" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
            + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  /** Camunda REST form submission, as the Tasklist does it. */
  public Response submitForm(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  private HttpRequest.Builder request(String user, String path) {
    // the header every state-changing API request needs (ApiClientHeader), as an API client sends it
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header(vn.hoctap.security.ApiClientHeader.NAME, vn.hoctap.security.ApiClientHeader.VALUE);
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)));
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

  static String write(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
