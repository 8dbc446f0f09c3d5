package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.citizen.RoundFixtures.newPersonId;
import static vn.hoctap.citizen.RoundFixtures.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * A school's round over real HTTP as its users: open it, upload the list (a bad file first), correct one entry
 * with the form, the council and the head in the Tasklist (Camunda REST), the list of those recognised and the
 * ratio for TC3.CT1; and who may see or change what.
 */
@HoctapTest
class RoundHttpTest {

  @LocalServerPort int port;
  @Autowired RoundFixtures rf;
  @Autowired RoundImport imports;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  Response put(String user, String path, Object body) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + port + path)).header("Content-Type", "application/json")
        .header(vn.hoctap.security.ApiClientHeader.NAME, vn.hoctap.security.ApiClientHeader.VALUE).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(r.statusCode(), r.body());
  }

  void submit(String user, long roundId, Map<String, Object> form) {
    Response tasks = http.get(user, "/engine-rest/task?processInstanceBusinessKey=round-" + roundId);
    assertThat(tasks.json().size()).as(user + " sees the round's task").isEqualTo(1);
    Response r = http.submitForm(user, tasks.json().get(0).get("id").asText(), form);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  @Test
  void aSchoolRunsItsRoundOverHttp() throws Exception {
    Body school = rf.newSchool("HN-TT");
    Response refused = http.post(school.reviewer(), "/api/rounds",
        Map.of("kind", "CITIZEN", "orgCode", school.code(), "assessmentYear", 2026));
    assertThat(refused.status()).isEqualTo(403);
    Response opened = http.post(school.preparer(), "/api/rounds",
        Map.of("kind", "CITIZEN", "orgCode", school.code(), "assessmentYear", 2026));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long id = opened.json().get("id").asLong();
    assertThat(opened.json().get("status").asText()).isEqualTo("PREPARING");
    assertThat(http.get("todanhgia", "/api/rounds/" + id).status()).as("another school's team").isEqualTo(404);
    assertThat(http.get("phonggd", "/api/rounds/" + id).status()).as("the district office above").isEqualTo(200);
    assertThat(http.get(school.preparer(), "/api/rounds/template?subject=OFFICIAL").status()).isEqualTo(200);
    // the engine's view follows the same jurisdiction
    String instances = "/engine-rest/process-instance?businessKey=round-" + id;
    assertThat(http.get("phonggd", instances).json()).hasSize(1);
    assertThat(http.get("sogd.nb", instances).json()).isEmpty();

    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(person(newPersonId(), "Giáo viên " + i, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
    }
    Object[] wrong = person((String) rows.get(9)[0], "Giáo viên 9", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9);
    wrong[wrong.length - 1] = "chín";
    rows.set(9, wrong);
    byte[] bad = Files.readAllBytes(RoundFixtures.xlsx(imports, Subject.OFFICIAL, rows));
    Response badUpload = http.upload(school.preparer(), "/api/rounds/" + id + "/imports?subject=OFFICIAL", "gv.xlsx",
        bad, Map.of());
    assertThat(badUpload.status()).isEqualTo(400);
    JsonNode details = badUpload.json().get("details");
    assertThat(details.get(0).asText()).isEqualTo("Dòng 11, cột N (NL3.2 (0–10 điểm)): Điểm chỉ tiêu NL3.2 phải là"
        + " số, đang là \"chín\".");
    String link = details.get(details.size() - 1).asText().replaceAll(".*: ", "");
    assertThat(http.get(school.preparer(), link).status()).isEqualTo(200);

    rows.set(9, person((String) rows.get(9)[0], "Giáo viên 9", 9, 9, 9, 9, 9, 9, 9, 9, 9, 3));
    byte[] good = Files.readAllBytes(RoundFixtures.xlsx(imports, Subject.OFFICIAL, rows));
    Response up = http.upload(school.preparer(), "/api/rounds/" + id + "/imports?subject=OFFICIAL", "gv.xlsx", good,
        Map.of());
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    assertThat(up.json().get("passed").asInt()).isEqualTo(9);
    Response again = http.upload(school.preparer(), "/api/rounds/" + id + "/imports?subject=OFFICIAL", "gv.xlsx",
        good, Map.of());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("alreadyImported").asBoolean()).isTrue();

    // the entry form: the council member may not, the team corrects one person
    String ninth = (String) rows.get(9)[0];
    Map<String, Object> fixed = Map.of("subject", "OFFICIAL", "fullName", "Giáo viên 9", "birthYear", "1990",
        "scores", RoundFixtures.passing());
    assertThat(put(school.reviewer(), "/api/rounds/" + id + "/entries/" + ninth, fixed).status()).isEqualTo(403);
    Response corrected = put(school.preparer(), "/api/rounds/" + id + "/entries/" + ninth, fixed);
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("passed").asBoolean()).isTrue();

    submit(school.preparer(), id, Map.of());
    submit(school.reviewer(), id, Map.of("reviewOutcome", "APPROVE_ALL"));
    submit(school.decider(), id, Map.of("roundDecision", "RECOGNISE"));

    JsonNode done = http.get(school.decider(), "/api/rounds/" + id).json();
    assertThat(done.get("status").asText()).isEqualTo("RECOGNISED");
    assertThat(done.get("counts").get("recognised").asInt()).isEqualTo(10);
    assertThat(http.get(school.preparer(), "/api/rounds/" + id + "/recognised.xlsx").status()).isEqualTo(200);
    assertThat(http.get(school.preparer(), "/api/rounds/" + id + "/entries?filter=recognised&size=5").json().size())
        .isEqualTo(5);
    JsonNode ratio = http.get("phonggd", "/api/rounds/ratio?unitCode=" + school.code() + "&year=2026").json();
    assertThat(ratio.get("members").get("recognised").asInt()).isEqualTo(10);
    assertThat(ratio.get("members").get("roundId").asLong()).isEqualTo(id);
    assertThat(http.get("phonggd", "/api/rounds").json().findValuesAsText("id")).contains(String.valueOf(id));
  }

  @Test
  @SuppressWarnings("unchecked")
  void onlyAnAdministratorRevisesWhatAwaitsTheOfficialText() throws Exception {
    JsonNode sheets = http.get("todanhgia", "/api/rounds/criteria").json();
    JsonNode family = null;
    JsonNode official = null;
    for (JsonNode s : sheets) {
      if (s.get("sheet").get("subject").asText().equals("FAMILY")) {
        family = s.get("sheet");
      } else if (s.get("sheet").get("subject").asText().equals("OFFICIAL")) {
        official = s.get("sheet");
      }
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> revised = json.convertValue(family, Map.class);
    revised.put("source", family.get("source").asText() + " (sửa câu chữ)");
    assertThat(put("todanhgia", "/api/rounds/criteria/FAMILY", revised).status()).isEqualTo(403);
    Response ok = put("admin", "/api/rounds/criteria/FAMILY", revised);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("sheet").get("version").asInt()).isEqualTo(family.get("version").asInt() + 1);

    // the confirmed pass rule of "Công dân học tập" (80 / 5) cannot be changed
    Map<String, Object> lowered = json.convertValue(official, Map.class);
    ((Map<String, Object>) lowered.get("passRule")).put("minTotal", 70);
    Response refused = put("admin", "/api/rounds/criteria/OFFICIAL", lowered);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Quy tắc đạt đã được xác nhận");
  }
}

