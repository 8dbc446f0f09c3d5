package vn.hoctap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.TASK_HEAD_REVIEW;
import static vn.hoctap.process.RecognitionProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * Many reviewers acting at once over real HTTP (issue 9, item 3): claims, completions, returns and uploads on the
 * same and on different dossiers, and several signers numbering decisions of one signing body at once. The loser
 * of a race is told (409/404 with a message saying someone else did it), nothing is overwritten or duplicated, and
 * decision numbers stay unique and gap-free per signer and year. Each test works in a district of its own, so its
 * signer's register starts at 1.
 */
@HoctapTest
class ConcurrencyHttpTest {

  static final int DOSSIERS = 10;
  static final int THREADS = 8;
  static final int YEAR = 2026;

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired IdentityProvisioning provisioning;
  @Autowired OrgUnitRepository orgs;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  Http http;
  TestBody district;
  List<String> reviewers;
  List<String> signers;

  @BeforeEach
  void aDistrictOfItsOwn() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE)
        .toInstant()));
    http = new Http(port);
    TestBody province = fx.newProvinceForUnits(true);
    district = fx.newBody(province.code(), OrgKind.DISTRICT);
    reviewers = colleagues(district.reviewer(), Groups.reviewer(district.code()), 3);
    signers = colleagues(district.signer(), Groups.signer(district.code()), 3);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The user and n-1 more people in the same group. */
  List<String> colleagues(String first, String group, int n) {
    List<String> users = new ArrayList<>(List.of(first));
    for (int i = 2; i <= n; i++) {
      String id = first + "." + i;
      provisioning.ensureUserSharingPassword(id, "Thử " + i, "Người", id + "@test.hoctap.vn", DemoData.PASSWORD);
      provisioning.ensureMembership(id, group);
      users.add(id);
    }
    return users;
  }

  /** Dossiers self-assessed and submitted by their schools: waiting at the district's completeness check. */
  List<ProcessInstance> submitted(int n) {
    List<ProcessInstance> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TestUnit u = fx.newUnit(district.code(), UnitKind.PRIMARY, true);
      ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
      fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
      fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
      out.add(pi);
    }
    return out;
  }

  String taskOf(String user, ProcessInstance pi) {
    Response r = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + pi.getBusinessKey());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().size()).as(user + " sees one task of dossier " + pi.getBusinessKey()).isEqualTo(1);
    return r.json().get(0).get("id").asText();
  }

  List<String> actions(ProcessInstance pi, String action) {
    JsonNode d = http.get("admin", "/api/dossiers/" + pi.getBusinessKey()).json();
    return StreamSupport.stream(d.get("history").spliterator(), false)
        .filter(e -> e.get("action").asText().equals(action)).map(e -> e.get("actor").asText()).toList();
  }

  static void assertToldSomeoneElse(Response loser) {
    assertThat(loser.status()).as(loser.body()).isIn(404, 409);
    String message = loser.json().get("message").asText();
    assertThat(message).as(loser.body()).containsAnyOf("người khác", "đã được người dùng");
    // "type" is Camunda's documented error contract (e.g. OptimisticLockingException); the message is ours
    assertThat(message).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SQL");
  }

  @Test
  void reviewersClaimingTheSameTasksAtOnceOneWinsEachAndTheOthersAreToldWho() throws Exception {
    List<ProcessInstance> dossiers = submitted(DOSSIERS);
    List<String> ids = dossiers.stream().map(pi -> taskOf(reviewers.get(0), pi)).toList();

    // every reviewer claims every dossier's check at the same moment
    List<Callable<Response>> calls = new ArrayList<>();
    for (String task : ids) {
      for (String r : reviewers) {
        calls.add(() -> http.post(r, "/engine-rest/task/" + task + "/claim", Map.of("userId", r)));
      }
    }
    List<Response> results = race(calls);

    for (int t = 0; t < ids.size(); t++) {
      List<Response> forTask = results.subList(t * reviewers.size(), (t + 1) * reviewers.size());
      assertThat(forTask).extracting(Response::status).as("claims of task %s", ids.get(t)).containsOnlyOnce(204);
      int won = IntStream.range(0, forTask.size()).filter(i -> forTask.get(i).status() == 204).findFirst()
          .orElseThrow();
      String winner = reviewers.get(won);
      for (Response lost : forTask) {
        if (lost.status() != 204) {
          assertThat(lost.status()).as(lost.body()).isEqualTo(409);
          assertThat(lost.json().get("message").asText()).containsAnyOf("đã được người dùng", "người khác");
        }
      }
      assertThat(tasks.createTaskQuery().taskId(ids.get(t)).singleResult().getAssignee()).isEqualTo(winner);
      // a retry by a loser is told the same and does not take the task over
      String loser = reviewers.get((won + 1) % reviewers.size());
      Response retry = http.post(loser, "/engine-rest/task/" + ids.get(t) + "/claim", Map.of("userId", loser));
      assertThat(retry.status()).isEqualTo(409);
      assertThat(retry.json().get("message").asText()).contains(winner);
      assertThat(tasks.createTaskQuery().taskId(ids.get(t)).singleResult().getAssignee()).isEqualTo(winner);
    }
  }

  @Test
  void reviewersAcceptingAndReturningTheSameDossiersAtOnceExactlyOneDecisionIsRecordedEach() throws Exception {
    List<ProcessInstance> dossiers = submitted(DOSSIERS);
    List<String> ids = dossiers.stream().map(pi -> taskOf(reviewers.get(0), pi)).toList();

    // on each dossier one reviewer finds it complete while another returns it for supplement, at the same time;
    // meanwhile the schools upload evidence to their own dossiers
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String task = ids.get(i);
      String a = reviewers.get(i % reviewers.size());
      String b = reviewers.get((i + 1) % reviewers.size());
      calls.add(() -> http.submitForm(a, task, Map.of(FIELD_COMPLETENESS, COMPLETE, FIELD_COMPLETENESS_COMMENT,
          "Đầy đủ — " + a)));
      calls.add(() -> http.submitForm(b, task, Map.of(FIELD_COMPLETENESS, INCOMPLETE, FIELD_COMPLETENESS_COMMENT,
          "Thiếu biên bản — " + b)));
    }
    List<Response> results = race(calls);

    int accepted = 0;
    for (int i = 0; i < dossiers.size(); i++) {
      List<Response> pair = results.subList(2 * i, 2 * i + 2);
      assertThat(pair).extracting(Response::status).as("dossier %s", dossiers.get(i).getBusinessKey())
          .containsOnlyOnce(204);
      pair.stream().filter(r -> r.status() != 204).forEach(ConcurrencyHttpTest::assertToldSomeoneElse);
      boolean acceptedWon = pair.get(0).status() == 204;
      accepted += acceptedWon ? 1 : 0;
      List<String> accepts = actions(dossiers.get(i), "ACCEPTED_COMPLETE");
      List<String> returns = actions(dossiers.get(i), "RETURNED_FOR_SUPPLEMENT");
      assertThat(accepts.size() + returns.size()).as("one decision recorded on %s", dossiers.get(i)
          .getBusinessKey()).isEqualTo(1);
      assertThat(acceptedWon ? accepts : returns).containsExactly(reviewers.get((i + (acceptedWon ? 0 : 1))
          % reviewers.size()));
      JsonNode d = http.get("admin", "/api/dossiers/" + dossiers.get(i).getBusinessKey()).json();
      assertThat(d.get("dossier").get("status").asText()).isEqualTo(acceptedWon ? "IN_APPRAISAL" : "RETURNED");
      // the loser retries on whatever the dossier now waits for, and is not refused for the race
      if (acceptedWon) {
        assertThat(d.get("currentTasks").toString()).contains(TASK_APPRAISE);
      } else {
        assertThat(d.get("currentTasks").toString()).contains(TASK_SUPPLEMENT);
      }
      // a late second submission of the gone task is a 404 that says why
      assertToldSomeoneElse(http.submitForm(reviewers.get(0), ids.get(i), Map.of(FIELD_COMPLETENESS, COMPLETE)));
    }
    System.out.printf("accept/return races: %d accepted, %d returned%n", accepted, DOSSIERS - accepted);
  }

  @Test
  void evidenceUploadedAtOnceToOneDossierIsAllStored() throws Exception {
    // while the school prepares its dossier: evidence is theirs to add only at their step
    TestUnit school = fx.newUnit(district.code(), UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.openWithoutEvidence(school.team(), school.code(), 1, YEAR);
    int files = 16;
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      byte[] pdf = ("%PDF-1.4\n% minh chứng " + i + "\n%%EOF\n").getBytes();
      String name = "minh-chung-" + i + ".pdf";
      String user = i % 2 == 0 ? school.team() : school.head();
      calls.add(() -> http.upload(user, "/api/dossiers/" + pi.getBusinessKey() + "/evidence", name, pdf,
          Map.of("note", "Tệp " + name)));
    }
    List<Response> results = race(calls);
    assertThat(results).extracting(Response::status).as(results.toString()).containsOnly(201);
    JsonNode d = http.get("admin", "/api/dossiers/" + pi.getBusinessKey()).json();
    Set<String> stored = new HashSet<>();
    d.get("evidence").forEach(e -> stored.add(e.get("fileName").asText()));
    assertThat(stored).hasSize(files);
    assertThat(actions(pi, "EVIDENCE_UPLOADED")).hasSize(files);
    // the same file twice at once: one is stored, the other is told it is already there
    byte[] same = "%PDF-1.4\n% cùng một tệp\n%%EOF\n".getBytes();
    List<Response> twice = race(List.of(
        () -> http.upload(school.team(), "/api/dossiers/" + pi.getBusinessKey() + "/evidence", "a.pdf", same,
            Map.of()),
        () -> http.upload(school.head(), "/api/dossiers/" + pi.getBusinessKey() + "/evidence", "b.pdf", same,
            Map.of())));
    assertThat(twice).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
    assertThat(http.get("admin", "/api/dossiers/" + pi.getBusinessKey()).json().get("evidence").size())
        .isEqualTo(files + 1);
  }

  @Test
  void signersDecidingManyDossiersAtOnceGetGapFreeDecisionNumbers() throws Exception {
    List<ProcessInstance> dossiers = submitted(DOSSIERS);
    for (ProcessInstance pi : dossiers) {
      fx.complete(district.reviewer(), pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
      fx.complete(district.reviewer(), pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION,
          RECOGNISE));
      fx.councilPasses(pi);
    }
    List<String> ids = dossiers.stream().map(pi -> taskOf(district.signer(), pi)).toList();

    // each decision signed by one of the signers, all at once, plus a second signer racing for half of them
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String task = ids.get(i);
      String s = signers.get(i % signers.size());
      calls.add(() -> http.submitForm(s, task, Map.of(VAR_SIGNER_DECISION, APPROVE, FIELD_SIGNER_COMMENT, s)));
      if (i % 2 == 0) {
        String other = signers.get((i + 1) % signers.size());
        calls.add(() -> http.submitForm(other, task, Map.of(VAR_SIGNER_DECISION, APPROVE, FIELD_SIGNER_COMMENT,
            other)));
      }
    }
    List<Response> results = race(calls);
    assertThat(results.stream().filter(r -> r.status() == 204).count()).as(results.toString())
        .isEqualTo(DOSSIERS);
    results.stream().filter(r -> r.status() != 204).forEach(ConcurrencyHttpTest::assertToldSomeoneElse);

    List<Integer> numbers = new ArrayList<>();
    for (ProcessInstance pi : dossiers) {
      JsonNode d = http.get("admin", "/api/dossiers/" + pi.getBusinessKey()).json();
      assertThat(d.get("dossier").get("status").asText()).isEqualTo("RECOGNISED");
      String no = d.get("recognition").get("decisionNo").asText();
      assertThat(no).endsWith("/QĐ-UBND");
      numbers.add(Integer.valueOf(no.substring(0, no.indexOf('/'))));
      assertThat(actions(pi, "DECISION_RECORDED")).hasSize(1);
      assertThat(actions(pi, "SIGNED")).hasSize(1);
    }
    assertThat(numbers).as("decision numbers of the district's signer in %d", YEAR)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, DOSSIERS).boxed().toList());
    Long signerOrg = orgs.findByCode(district.code()).orElseThrow().getId();
    assertThat(jdbc.queryForObject("select last_no from decision_counter where signer_org_id = ? and"
        + " decision_year = ?", Integer.class, signerOrg, YEAR)).isEqualTo(DOSSIERS);
  }

  /** Runs the calls from a pool of threads released together by one start gate; results in call order. */
  static List<Response> race(List<Callable<Response>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, calls.size()));
    CountDownLatch ready = new CountDownLatch(Math.min(THREADS, calls.size()));
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (Callable<Response> c : calls) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return c.call();
        }));
      }
      ready.await(30, TimeUnit.SECONDS);
      start.countDown();
      List<Response> out = new ArrayList<>();
      for (Future<Response> f : futures) {
        out.add(f.get(2, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
