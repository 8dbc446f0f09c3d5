package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/** Errors of our API and of the Camunda REST API never show stack traces, exception class names or SQL. */
@HoctapTest
class ErrorBodiesTest {

  static final List<String> LEAKS = List.of("Exception", "at vn.", "SQL", "org.hibernate", "org.camunda",
      "java.", "###");

  @LocalServerPort int port;

  record Call(String method, String path, String json, int... expected) {}

  @Test
  void errorBodiesLeakNothing() {
    RawHttp http = new RawHttp(port);
    List<Call> calls = List.of(
        new Call("GET", "/api/dossiers/abc", null, 400),
        new Call("GET", "/api/dossiers/987654321", null, 404),
        new Call("GET", "/api/no-such-thing", null, 404),
        new Call("DELETE", "/api/notifications", null, 405),
        new Call("POST", "/api/dossiers", "{\"unitCode\": ", 400),
        new Call("POST", "/api/admin/org-units", "{\"code\":\"X\",\"kind\":\"GALAXY\"}", 400),
        new Call("GET", "/engine-rest/task/no-such-task", null, 404),
        new Call("GET", "/engine-rest/task?sortBy=nonsense&sortOrder=asc", null, 400),
        new Call("POST", "/engine-rest/task/no-such-task/complete", "{}", 404, 500),
        new Call("POST", "/engine-rest/process-definition/key/no-such-process/start", "{}", 404),
        new Call("POST", "/engine-rest/process-definition/key/learning-unit-recognition/start",
            "{\"variables\":{\"level\":{\"value\":\"một\",\"type\":\"Integer\"}}}", 400, 500),
        new Call("GET", "/engine-rest/process-instance?variables=broken", null, 400),
        new Call("DELETE", "/engine-rest/task", null, 405),
        new Call("GET", "/engine-rest/no-such-resource", null, 404));
    for (Call c : calls) {
      Response r = http.send(c.method(), "admin", DemoData.PASSWORD, c.path(), c.json());
      assertThat(r.status()).as(c.method() + " " + c.path() + " -> " + r.body()).isIn(box(c.expected()));
      // Camunda's REST contract names the error kind in "type" (e.g. InvalidRequestException); nothing else leaks
      String body = r.body().replaceAll("\"type\"\\s*:\\s*\"\\w+\"", "");
      for (String leak : LEAKS) {
        assertThat(body).as(c.method() + " " + c.path() + " -> " + r.body()).doesNotContain(leak);
      }
    }
  }

  @Test
  void sanitizerReplacesInternalsAndKeepsPlainMessages() {
    EngineRestErrorBodies f = new EngineRestErrorBodies();
    String sql = f.sanitize(500, ("{\"type\":\"ProcessEngineException\",\"message\":\"ENGINE-03004 Exception while"
        + " executing Database Operation 'INSERT' ### SQL: insert into ACT_RU_TASK\",\"code\":0}").getBytes());
    assertThat(sql).contains("\"type\":\"ProcessEngineException\"").contains("Lỗi hệ thống").contains("\"code\":0")
        .doesNotContain("SQL").doesNotContain("###");
    String plain = f.sanitize(404, "{\"type\":\"InvalidRequestException\",\"message\":\"No matching task\"}"
        .getBytes());
    assertThat(plain).contains("\"type\":\"InvalidRequestException\"").contains("No matching task");
    assertThat(f.sanitize(500, "java.lang.IllegalStateException\n\tat vn.hoctap.X".getBytes()))
        .doesNotContain("java.").doesNotContain("at vn.");
  }

  static Integer[] box(int[] a) {
    Integer[] b = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i];
    }
    return b;
  }
}
