package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.TASK_HEAD_REVIEW;
import static vn.hoctap.process.RecognitionProcess.SUBMIT;
import static vn.hoctap.process.RecognitionProcess.TASK_CHECK_COMPLETENESS;
import static vn.hoctap.process.RecognitionProcess.TASK_SELF_ASSESSMENT;
import static vn.hoctap.process.RecognitionProcess.VAR_HEAD_DECISION;
import static vn.hoctap.support.Fixtures.districtLevel1Met;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * Everyone sees exactly their own jurisdiction, through the Camunda REST API and ours: province 1 with two
 * districts A and B, province 2 with two tiers (its schools go straight to the Sở GDĐT). One school dossier in each
 * of A, B and province 2 waits at its receiving office's completeness check.
 */
@HoctapTest
class JurisdictionHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired RuntimeService runtime;
  Http http;

  TestBody p1;
  TestBody districtA;
  TestBody districtB;
  TestBody p2;
  TestUnit schoolA;
  TestUnit schoolB;
  TestUnit schoolC;
  ProcessInstance a;
  ProcessInstance b;
  ProcessInstance c;

  @BeforeEach
  void twoDistrictsAndTwoProvinces() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    http = new Http(port);
    p1 = fx.newProvinceForUnits(true);
    districtA = fx.newBody(p1.code(), OrgKind.DISTRICT);
    districtB = fx.newBody(p1.code(), OrgKind.DISTRICT);
    p2 = fx.newProvinceForUnits(false);
    TestBody ward = fx.newBody(p2.code(), OrgKind.COMMUNE);
    schoolA = fx.newUnit(districtA.code(), UnitKind.PRIMARY, true);
    schoolB = fx.newUnit(districtB.code(), UnitKind.PRIMARY, true);
    schoolC = fx.newUnit(ward.code(), UnitKind.PRIMARY, true);
    a = submitted(schoolA);
    b = submitted(schoolB);
    c = submitted(schoolC);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ProcessInstance submitted(TestUnit u) {
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, 2026);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    return pi;
  }

  String taskOf(String user, ProcessInstance pi) {
    JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + pi.getBusinessKey()).json();
    assertThat(tasks.size()).as(user + " sees the task of " + pi.getBusinessKey()).isEqualTo(1);
    return tasks.get(0).get("id").asText();
  }

  List<String> values(Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    JsonNode list = r.json().has("content") ? r.json().get("content") : r.json();
    list.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  /** Business keys of the process instances (a title's and the procedure it called) the user can read. */
  List<String> instances(String user) {
    return values(http.get(user, "/engine-rest/process-instance?maxResults=1000"), "businessKey");
  }

  List<String> dossiers(String user) {
    return values(http.get(user, "/api/dossiers?size=100"), "id");
  }

  @Test
  void aDistrictReviewerCannotListReadClaimOrCompleteAnotherDistrictsWork() {
    String taskA = taskOf(districtA.reviewer(), a);
    String taskB = taskOf(districtB.reviewer(), b);
    String reviewerA = districtA.reviewer();

    // list: only their own district's task, dossier and instances
    assertThat(values(http.get(reviewerA, "/engine-rest/task?maxResults=1000"), "id")).contains(taskA)
        .doesNotContain(taskB);
    assertThat(http.get(reviewerA, "/engine-rest/task/count").json().get("count").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(dossiers(reviewerA)).contains(a.getBusinessKey()).doesNotContain(b.getBusinessKey(),
        c.getBusinessKey());
    assertThat(instances(reviewerA)).contains(a.getBusinessKey()).doesNotContain(b.getBusinessKey(),
        c.getBusinessKey());
    assertThat(http.get(reviewerA, "/engine-rest/history/process-instance?processInstanceBusinessKey="
        + b.getBusinessKey()).body()).doesNotContain(b.getId());

    // read: 404 (or 403), never the data
    assertNoData(http.get(reviewerA, "/api/dossiers/" + b.getBusinessKey()), schoolB.code());
    assertNoData(http.get(reviewerA, "/engine-rest/task/" + taskB), schoolB.code());
    assertNoData(http.get(reviewerA, "/engine-rest/task/" + taskB + "/form-variables"), schoolB.code());
    assertNoData(http.get(reviewerA, "/engine-rest/task/" + taskB + "/variables"), schoolB.code());
    assertNoData(http.get(reviewerA, "/engine-rest/process-instance/" + b.getId()), schoolB.code());
    assertNoData(http.get(reviewerA, "/engine-rest/process-instance/" + b.getId() + "/variables"), schoolB.code());
    assertNoData(http.get(reviewerA, "/engine-rest/execution/" + b.getId() + "/localVariables"), schoolB.code());

    // claim and complete: refused, and the task is still open and unclaimed at district B
    assertNoData(http.post(reviewerA, "/engine-rest/task/" + taskB + "/claim", Map.of("userId", reviewerA)),
        schoolB.code());
    assertNoData(http.submitForm(reviewerA, taskB, Map.of("completeness", "COMPLETE")), schoolB.code());
    assertNoData(http.post(reviewerA, "/engine-rest/task/" + taskB + "/complete", Map.of()), schoolB.code());
    assertNoData(http.post(reviewerA, "/engine-rest/process-instance/" + b.getId() + "/variables",
        Map.of("modifications", Map.of("reviewerGroup", Map.of("value", "reviewer-" + districtA.code())))),
        schoolB.code());
    JsonNode stillThere = http.get(districtB.reviewer(), "/engine-rest/task/" + taskB).json();
    assertThat(stillThere.get("assignee").isNull()).isTrue();
    assertThat(runtime.getVariable(fx.appraisal(b).getId(), "reviewerGroup")).isNull();
    assertThat(values(http.get(districtB.reviewer(), "/engine-rest/task/" + taskB + "/identity-links"), "groupId"))
        .containsExactly("reviewer-" + districtB.code());

    // their own work goes through; a claimed task can be handed back to the queue, by its holder only
    assertThat(http.post(reviewerA, "/engine-rest/task/" + taskA + "/claim", Map.of("userId", reviewerA)).status())
        .isEqualTo(204);
    assertNoData(http.post(districtB.reviewer(), "/engine-rest/task/" + taskA + "/unclaim", Map.of()),
        schoolA.code());
    assertThat(http.post(reviewerA, "/engine-rest/task/" + taskA + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(http.get(reviewerA, "/engine-rest/task/" + taskA).json().get("assignee").isNull()).isTrue();
    assertThat(http.post(reviewerA, "/engine-rest/task/" + taskA + "/claim", Map.of("userId", reviewerA)).status())
        .isEqualTo(204);
    assertThat(http.submitForm(reviewerA, taskA, Map.of("completeness", "COMPLETE")).status()).isEqualTo(204);
  }

  @Test
  void schoolsSeeOnlyTheirOwnAndProvincesOnlyTheirDistricts() {
    assertThat(dossiers(schoolA.team())).containsExactly(a.getBusinessKey());
    assertThat(dossiers(schoolA.head())).containsExactly(a.getBusinessKey());
    assertThat(instances(schoolA.team())).containsOnly(a.getBusinessKey());
    assertThat(http.get(schoolA.team(), "/engine-rest/task?maxResults=1000").json()).isEmpty();
    assertNoData(http.get(schoolB.team(), "/api/dossiers/" + a.getBusinessKey()), schoolA.code());

    // the province sees every district of its own, through our API and the engine, and nothing of province 2
    for (String user : List.of(p1.reviewer(), p1.viewer(), p1.director())) {
      assertThat(dossiers(user)).as(user).containsExactlyInAnyOrder(a.getBusinessKey(), b.getBusinessKey());
      assertThat(instances(user)).as(user).contains(a.getBusinessKey(), b.getBusinessKey())
          .doesNotContain(c.getBusinessKey());
      assertThat(http.get(user, "/api/dossiers/" + b.getBusinessKey()).status()).isEqualTo(200);
      assertNoData(http.get(user, "/api/dossiers/" + c.getBusinessKey()), schoolC.code());
    }
    // a province filter outside one's jurisdiction gives nothing
    assertThat(values(http.get(p1.reviewer(), "/api/dossiers?orgCode=" + p2.code()), "id")).isEmpty();

    // the two-tier province: its Sở GDĐT receives its schools directly and sees nothing of province 1
    String taskC = taskOf(p2.reviewer(), c);
    assertThat(dossiers(p2.reviewer())).containsExactly(c.getBusinessKey());
    assertThat(instances(p2.reviewer())).containsOnly(c.getBusinessKey());
    assertNoData(http.get(p1.reviewer(), "/engine-rest/task/" + taskC), schoolC.code());
    assertNoData(http.get(p2.reviewer(), "/engine-rest/process-instance/" + a.getId()), schoolA.code());
    // district B's reviewer: nothing of A, and only B's task
    assertThat(values(http.get(districtB.reviewer(), "/engine-rest/task?maxResults=1000"), "id"))
        .containsExactly(taskOf(districtB.reviewer(), b));

    // administrators see everything
    assertThat(dossiers("admin")).contains(a.getBusinessKey(), b.getBusinessKey(), c.getBusinessKey());
    assertThat(instances("admin")).contains(a.getBusinessKey(), b.getBusinessKey(), c.getBusinessKey());
  }

  @Test
  void anonymousRequestsGet401() {
    for (String path : List.of("/api/dossiers", "/api/dossiers/" + a.getBusinessKey(), "/engine-rest/task",
        "/engine-rest/process-instance", "/engine-rest/process-instance/" + a.getId(), "/api/admin/audit",
        "/api/orgs", "/api/notifications", "/engine-rest/history/process-instance")) {
      Response r = http.get(null, path);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.body()).as(path).doesNotContain(schoolA.code());
    }
  }

  static void assertNoData(Response r, String secret) {
    assertThat(r.status()).as(r.body()).isIn(403, 404);
    assertThat(r.body()).doesNotContain(secret);
  }
}
