package vn.hoctap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * The chain over real HTTP as the demo users: our API to open and read dossiers and upload evidence, the Camunda
 * REST API (as the Tasklist uses it) for every task. Also what bad input and racing reviewers get back.
 */
@HoctapTest
class LearningUnitHttpTest {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired IdentityProvisioning provisioning;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  String taskOf(String user, long dossierId) {
    Response r = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + dossierId);
    assertThat(r.status()).isEqualTo(200);
    JsonNode tasks = r.json();
    assertThat(tasks.size()).as(user + " sees one task of dossier " + dossierId).isEqualTo(1);
    return tasks.get(0).get("id").asText();
  }

  void submit(String user, long dossierId, Map<String, Object> form) {
    Response r = http.submitForm(user, taskOf(user, dossierId), form);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  long open(String user, String unitCode, int year) {
    Response r = http.post(user, "/api/dossiers", Map.of("unitCode", unitCode, "level", 1, "assessmentYear", year));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("dossier").get("id").asLong();
  }

  @Test
  void demoUsersTakeTheirSchoolThroughTheWholeChain() {
    assertThat(http.get(null, "/api/dossiers").status()).isEqualTo(401);
    assertThat(http.get(null, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(http.get("todanhgia", "/engine-rest/task").status()).isEqualTo(200);

    long id = open("todanhgia", "HN-TT-TH01", 2026);
    Response evidence = http.upload("todanhgia", "/api/dossiers/" + id + "/evidence", "ke-hoach-hoc-tap.pdf", PDF,
        Map.of("indicatorCode", "TC1.CT1", "note", "Kế hoạch học tập năm 2026"));
    assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);

    String task = taskOf("todanhgia", id);
    JsonNode shown = http.get("todanhgia", "/engine-rest/task/" + task + "/form-variables").json();
    assertThat(shown.get("applicableCodes").get("value").asText()).contains(";TC1.CT1;").doesNotContain("TC1.CT2.MN");
    assertThat(shown.get("criteriaGuide").get("value").asText()).contains("≥ 90 %");
    assertThat(http.get("todanhgia", "/engine-rest/task/" + task + "/deployed-form").body())
        .contains("lu-indicator-values");
    // TT24 Điều 9 khoản 3: every indicator needs its evidence, or the appraisal finds it "không đạt"
    for (String code : shown.get("applicableCodes").get("value").asText().split(";")) {
      if (!code.isEmpty() && !code.contains("=") && !code.equals("TC1.CT1")) {
        byte[] pdf = ("%PDF-1.4\n% " + code + "\n").getBytes();
        assertThat(http.upload("todanhgia", "/api/dossiers/" + id + "/evidence", code + ".pdf", pdf,
            Map.of("indicatorCode", code)).status()).isEqualTo(201);
      }
    }

    // TC3.CT1 as counted on the day of the meeting, which may differ from the school's last decided round that
    // hoctap fills in (other tests decide rounds of this demo school): the reason goes into the note
    submit("todanhgia", id, with(with(districtLevel1Met(), "assessmentComment", "Tổ đánh giá họp ngày 10/12/2026"),
        "tc3_ct1_note", "Số liệu rà soát ngày 10/12/2026 theo danh sách thành viên hiện có"));
    submit("hieutruong", id, Map.of("headDecision", "SUBMIT", "headComment", "Tờ trình số 15/TTr-THTH"));
    String check = taskOf("phonggd", id);
    assertThat(http.post("phonggd", "/engine-rest/task/" + check + "/claim", Map.of("userId", "phonggd")).status())
        .isEqualTo(204);
    assertThat(http.submitForm("phonggd", check, Map.of("completeness", "COMPLETE")).status()).isEqualTo(204);
    submit("phonggd", id, with(districtLevel1Met(), "tc2_ct1_met", 46L, "correctionReason",
        "Đối chiếu sổ theo dõi kỷ luật", "appraisalRecommendation", "RECOGNISE"));
    // the Hội đồng đánh giá through the same API (TT24 Điều 10 K2 b–c): the Trưởng phòng sets it up, it meets
    submit("truongphong", id, Map.of("councilMode", "MEETING", "councilChair", "truongphong", "councilSecretary",
        "thuky.huyen", "councilMembers", "phonggd\nchutichhuyen\nhdtdkt.huyen"));
    submit("thuky.huyen", id, Map.of("councilMeetingDate", java.time.LocalDate.now(
        vn.hoctap.common.EngineClock.ZONE).toString(), "councilPresent",
        "truongphong\nthuky.huyen\nphonggd\nchutichhuyen\nhdtdkt.huyen", "votesFor", 5L, "votesAgainst", 0L,
        "councilConclusion", "PASS"));
    submit("chutichhuyen", id, Map.of("signerDecision", "APPROVE"));

    JsonNode d = http.get("hieutruong", "/api/dossiers/" + id).json();
    assertThat(d.get("dossier").get("status").asText()).isEqualTo("RECOGNISED");
    assertThat(d.get("recognition").get("decisionNo").asText()).endsWith("/QĐ-UBND");
    assertThat(d.get("recognition").get("signedBy").asText()).isEqualTo("chutichhuyen");
    assertThat(d.get("recognition").get("validUntil").asText()).isEqualTo("2029-12-31");
    assertThat(d.get("currentTasks")).isEmpty();
    // every version stays visible: the unit's 45 and the appraiser's 46, with the reason
    JsonNode verified = d.get("revisions").get(1);
    assertThat(verified.get("stage").asText()).isEqualTo("VERIFIED");
    JsonNode correction = verified.get("corrections").get("TC2.CT1");
    assertThat(correction.get("unitValue").get("met").asLong()).isEqualTo(45);
    assertThat(correction.get("verifiedValue").get("met").asLong()).isEqualTo(46);
    assertThat(correction.get("reason").asText()).contains("sổ theo dõi");
    assertThat(d.get("evaluations").size()).isEqualTo(2);
    assertThat(d.get("evaluations").get(1).get("result").get("indicators").toString()).contains("TC2.CT1")
        .contains("46/50");
    assertThat(d.get("evidence").get(0).get("fileName").asText()).isEqualTo("ke-hoach-hoc-tap.pdf");
    // the audit trail: who did what, in order
    List<String> trail = StreamSupport.stream(d.get("history").spliterator(), false)
        .map(e -> e.get("actor").asText() + ":" + e.get("action").asText()).toList();
    assertThat(trail).containsSubsequence("todanhgia:CREATED", "todanhgia:EVIDENCE_UPLOADED",
        "todanhgia:SELF_ASSESSMENT_SAVED", "hieutruong:SUBMITTED", "phonggd:ACCEPTED_COMPLETE",
        "phonggd:VALUES_CORRECTED", "phonggd:PROPOSED", "chutichhuyen:SIGNED", "chutichhuyen:DECISION_RECORDED");
    Response pdf = http.get("phonggd", "/api/dossiers/" + id + "/evidence/" + d.get("evidence").get(0).get("id"));
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF");

    // lists by organisation, within each user's jurisdiction
    assertThat(ids(http.get("phonggd", "/api/dossiers?orgCode=HN-TT&status=RECOGNISED").json())).contains(id);
    assertThat(ids(http.get("sogd", "/api/dossiers?year=2026").json())).contains(id);
    assertThat(ids(http.get("sogd.nb", "/api/dossiers").json())).doesNotContain(id);
    assertThat(http.get("sogd.nb", "/api/dossiers/" + id).status()).isEqualTo(404);
    assertThat(http.get("todanhgia.thpt", "/api/dossiers/" + id).status()).isEqualTo(404);
    assertThat(http.get("hieutruong", "/api/notifications").body()).contains("Đã được công nhận");
  }

  static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("content").forEach(n -> ids.add(n.get("id").asLong()));
    return ids;
  }

  @Test
  void badInputGetsAClearMessageAndNothingIsSaved() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    Response malformed = http.postRaw(u.team(), "/api/dossiers", "{\"unitCode\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("message").asText()).contains("JSON");
    Response wrongType = http.postRaw(u.team(), "/api/dossiers", "{\"unitCode\":\"" + u.code()
        + "\",\"level\":\"một\",\"assessmentYear\":2026}");
    assertThat(wrongType.status()).isEqualTo(400);
    Response unknown = http.post(u.team(), "/api/dossiers", Map.of("unitCode", "KHONG-CO", "level", 1,
        "assessmentYear", 2026));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("Không tìm thấy đơn vị có mã \"KHONG-CO\"");
    Response missing = http.post(u.team(), "/api/dossiers", Map.of("unitCode", u.code()));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("Mức độ đề nghị").doesNotContain("Exception").doesNotContain("at vn.");
    Response notMine = http.post("todanhgia", "/api/dossiers", Map.of("unitCode", u.code(), "level", 1,
        "assessmentYear", 2026));
    assertThat(notMine.status()).isEqualTo(403);
    assertThat(ids(http.get("admin", "/api/dossiers?orgCode=" + u.code()).json())).isEmpty();

    long id = open(u.team(), u.code(), 2026);
    String task = taskOf(u.team(), id);
    Response badValues = http.submitForm(u.team(), task, with(districtLevel1Met(), "tc2_ct1_met", 60L,
        "tc2_ct2_met", -5L, "tc1_ct4", ""));
    assertThat(badValues.status()).isEqualTo(400);
    assertThat(badValues.json().get("message").asText()).contains("TC2.CT1").contains("TC2.CT2").contains("TC1.CT4")
        .doesNotContain("ENGINE-");
    assertThat(http.get("admin", "/api/dossiers/" + id).json().get("revisions")).isEmpty();
    assertThat(taskOf(u.team(), id)).isEqualTo(task);
    // a reviewer of the district cannot complete the school's own task
    assertThat(http.submitForm("phonggd", task, districtLevel1Met()).status()).isIn(403, 404);

    // evidence: wrong type, content that lies about its type, too large, path tricks in the name
    String upload = "/api/dossiers/" + id + "/evidence";
    assertThat(http.upload(u.team(), upload, "virus.exe", PDF, Map.of()).status()).isEqualTo(400);
    Response fake = http.upload(u.team(), upload, "bao-cao.pdf", "MZ not a pdf".getBytes(), Map.of());
    assertThat(fake.status()).isEqualTo(400);
    assertThat(fake.json().get("message").asText()).contains("không phải là tệp .pdf");
    byte[] huge = new byte[21 * 1024 * 1024];
    System.arraycopy(PDF, 0, huge, 0, PDF.length);
    Response tooLarge = http.upload(u.team(), upload, "lon.pdf", huge, Map.of());
    assertThat(tooLarge.status()).isIn(400, 413);
    assertThat(tooLarge.json().get("message").asText()).contains("dung lượng");
    Response tricky = http.upload(u.team(), upload, "../../etc/passwd.pdf", PDF, Map.of());
    assertThat(tricky.status()).isEqualTo(201);
    assertThat(tricky.json().get("fileName").asText()).isEqualTo("passwd.pdf");
    assertThat(http.get("admin", "/api/dossiers/" + id).json().get("evidence").size()).isEqualTo(1);

    // deadline extensions: administrators only, checked, and audited
    Map<String, Object> extension = Map.of("unitCode", u.code(), "assessmentYear", 2026, "kind", "SUBMISSION",
        "until", "2027-01-31", "reason", "Đơn vị bị ảnh hưởng bão");
    assertThat(http.post(u.head(), "/api/admin/deadline-extensions", extension).status()).isEqualTo(403);
    assertThat(http.post("admin", "/api/admin/deadline-extensions", with(extension, "reason", " ")).status())
        .isEqualTo(400);
    assertThat(http.post("admin", "/api/admin/deadline-extensions", extension).status()).isEqualTo(200);
    assertThat(http.get("admin", "/api/dossiers/" + id).json().get("deadlines").get(0).get("date").asText())
        .isEqualTo("2027-01-31");
    assertThat(http.get("admin", "/api/admin/audit").body()).contains("DEADLINE_EXTENDED")
        .contains(u.code() + ":2026:SUBMISSION");
  }

  @Test
  void twoReviewersCompletingTheSameTaskAtOnceOneWinsTheOtherIsTold() throws Exception {
    String second = "phonggd2";
    provisioning.ensureUserSharingPassword(second, "Hai", "Phòng", "phonggd2@test.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureMembership(second, Groups.reviewer("HN-TT"));
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    long id = open(u.team(), u.code(), 2026);
    submit(u.team(), id, districtLevel1Met());
    submit(u.head(), id, Map.of("headDecision", "SUBMIT"));
    String task = taskOf("phonggd", id);
    assertThat(taskOf(second, id)).isEqualTo(task);

    List<Response> results = race(
        () -> http.submitForm("phonggd", task, Map.of("completeness", "COMPLETE", "completenessComment", "A")),
        () -> http.submitForm(second, task, Map.of("completeness", "COMPLETE", "completenessComment", "B")));
    assertThat(results).extracting(Response::status).containsOnlyOnce(204);
    Response loser = results.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
    assertThat(loser.status()).isIn(404, 409);
    assertThat(loser.json().get("message").asText()).containsAnyOf("người khác", "someone else");
    JsonNode d = http.get("admin", "/api/dossiers/" + id).json();
    List<String> accepted = StreamSupport.stream(d.get("history").spliterator(), false)
        .filter(e -> e.get("action").asText().equals("ACCEPTED_COMPLETE")).map(e -> e.get("actor").asText())
        .toList();
    assertThat(accepted).as("exactly the winner's decision is recorded").hasSize(1);
    // whoever comes after the winner is told the same, not that they lack a permission
    Response late = http.submitForm(second, task, Map.of("completeness", "COMPLETE"));
    assertThat(late.status()).isEqualTo(404);
    assertThat(late.json().get("message").asText()).contains("người khác hoàn thành");

    // claims race the same way: one claims, the other is told who has it
    String next = taskOf("phonggd", id);
    List<Response> claims = race(
        () -> http.post("phonggd", "/engine-rest/task/" + next + "/claim", Map.of("userId", "phonggd")),
        () -> http.post(second, "/engine-rest/task/" + next + "/claim", Map.of("userId", second)));
    assertThat(claims).extracting(Response::status).containsOnlyOnce(204);
    Response lost = claims.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
    assertThat(lost.status()).isEqualTo(409);
    assertThat(lost.json().get("message").asText()).containsAnyOf("đã được", "người khác");
  }

  @SafeVarargs
  private static List<Response> race(Callable<Response>... calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.length);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (Callable<Response> c : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return c.call();
        }));
      }
      start.countDown();
      List<Response> out = new ArrayList<>();
      for (Future<Response> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
