package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * Statistics and metrics count the whole province: only administrators see them, through the Camunda REST API,
 * the same API inside the webapps (Cockpit's session), Cockpit's statistics plugin and the actuator.
 */
@HoctapTest
class StatisticsAccessHttpTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  String[] restPaths() {
    String id = repository.createProcessDefinitionQuery().latestVersion().list().get(0).getId();
    String key = repository.getProcessDefinition(id).getKey();
    return new String[] {"/engine-rest/process-definition/statistics",
        "/engine-rest/process-definition/statistics?incidents=true",
        "/engine-rest/process-definition/" + id + "/statistics",
        "/engine-rest/process-definition/key/" + key + "/statistics",
        "/engine-rest/engine/default/process-definition/statistics",
        "/engine-rest/history/process-definition/" + id + "/statistics",
        "/engine-rest/metrics/activity-instance-start/sum",
        "/engine-rest/task/report/candidate-group-count",
        "/actuator/metrics", "/actuator/metrics/jvm.memory.used"};
  }

  @Test
  void onlyAdministratorsReadStatisticsAndMetricsOfTheRestApiAndTheActuator() {
    BrowserLike api = new BrowserLike(port, false);
    for (String path : restPaths()) {
      HttpResponse<String> reviewer = api.get(path, "Authorization", BrowserLike.basic("phonggd", DemoData.PASSWORD),
          "Accept", "application/json");
      assertThat(reviewer.statusCode()).as("phonggd " + path + " " + reviewer.body()).isEqualTo(403);
      assertThat(reviewer.body()).contains("Chỉ quản trị viên");
      HttpResponse<String> admin = api.get(path, "Authorization", BrowserLike.basic("admin", DemoData.PASSWORD),
          "Accept", "application/json");
      assertThat(admin.statusCode()).as("admin " + path + " " + admin.body()).isEqualTo(200);
    }
    // an ordinary read stays open to the reviewer
    assertThat(api.get("/engine-rest/process-definition?latestVersion=true", "Authorization",
        BrowserLike.basic("phonggd", DemoData.PASSWORD), "Accept", "application/json").statusCode()).isEqualTo(200);
  }

  /** A Cockpit session (the webapp's own login, with its XSRF token), as the browser has one. */
  BrowserLike cockpit(String user) {
    BrowserLike b = new BrowserLike(port, true);
    b.get("/camunda/app/cockpit/default/");
    String xsrf = b.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(DemoData.PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> login = b.send(b.request("/camunda/api/admin/auth/user/default/login/cockpit")
        .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return b;
  }

  @Test
  void onlyAdministratorsSeeCockpitsStatistics() {
    String id = repository.createProcessDefinitionQuery().latestVersion().list().get(0).getId();
    String[] paths = {"/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/engine/engine/default/process-definition/statistics",
        "/camunda/api/engine/engine/default/process-definition/" + id + "/statistics",
        "/camunda/api/engine/engine/default/metrics/activity-instance-start/sum"};
    BrowserLike reviewer = cockpit("phonggd");
    BrowserLike admin = cockpit("admin");
    for (String path : paths) {
      HttpResponse<String> r = reviewer.get(path, "Accept", "application/json");
      assertThat(r.statusCode()).as("phonggd " + path + " " + r.body()).isEqualTo(403);
      HttpResponse<String> a = admin.get(path, "Accept", "application/json");
      assertThat(a.statusCode()).as("admin " + path + " " + a.body()).isEqualTo(200);
    }
    // and anonymous
    assertThat(new BrowserLike(port, false).get(paths[0], "Accept", "application/json").statusCode()).isIn(401, 403);
    // Cockpit still answers the reviewer's ordinary reads
    assertThat(reviewer.get("/camunda/api/engine/engine/default/process-definition?latestVersion=true", "Accept",
        "application/json").statusCode()).isEqualTo(200);
  }
}
