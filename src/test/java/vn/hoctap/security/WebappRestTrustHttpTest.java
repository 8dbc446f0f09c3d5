package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.RecognitionProcess.TASK_SELF_ASSESSMENT;
import static vn.hoctap.security.TasklistSession.ENGINE;
import static vn.hoctap.security.TrustProbe.assertFieldsRefused;
import static vn.hoctap.security.TrustProbe.variables;
import static vn.hoctap.security.TrustProbe.with;
import static vn.hoctap.support.Fixtures.districtLevel1Met;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.Groups;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * The same smuggling through the Camunda webapps' own REST API, the one the Tasklist calls with its session
 * cookie and CSRF token: a step's form with a routing field or another dossier's id, and starts with start
 * instructions, a business key of one's choice or foreign variables, or of a process only the system starts.
 * Each is answered 400 or 403 in Vietnamese (never a 500), nothing is written, and the refusal is audited.
 */
@HoctapTest
class WebappRestTrustHttpTest {

  static final String START_KEY = "start " + LearningUnitProcess.KEY;

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired RoundFixtures rf;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  TrustProbe probe;

  @BeforeEach
  void init() {
    // 01/12/2026: the unit is preparing its dossier for 2026 (as in LearningUnitProcessTest)
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    probe = new TrustProbe(jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A dossier in our tables: its status, its saved revisions, its trail. */
  record DossierState(String status, long revisions, long events) {}

  DossierState dossier(String id) {
    long d = Long.parseLong(id);
    return new DossierState(probe.string("select status from dossier where id = ?", d),
        probe.count("select count(*) from dossier_revision where dossier_id = ?", d),
        probe.count("select count(*) from dossier_event where dossier_id = ?", d));
  }

  long dossiersOf(String unitCode) {
    return probe.count("select count(*) from dossier d join org_unit o on o.id = d.unit_id where o.code = ?",
        unitCode);
  }

  long instances(String key) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
  }

  List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  @Test
  void aSelfAssessmentSubmittedInTheTasklistWithARoutingFieldOrAnotherDossierIsRefusedAndSavesNothing() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    TestUnit neighbour = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, 2026);
    ProcessInstance other = fx.open(neighbour.team(), neighbour.code(), 1, 2026);
    Task self = fx.task(u.team(), pi, TASK_SELF_ASSESSMENT);
    assertThat(self).isNotNull();
    TasklistSession tasklist = new TasklistSession(port, u.team());
    assertThat(tasklist.hasXsrfToken()).isTrue();
    // the session sees its task through the webapp's API
    assertThat(tasklist.get(ENGINE + "/task/" + self.getId()).status()).isEqualTo(200);
    DossierState before = dossier(pi.getBusinessKey());
    DossierState otherBefore = dossier(other.getBusinessKey());
    long refusedBefore = probe.refusals(u.team(), "task " + self.getId());
    String submit = ENGINE + "/task/" + self.getId() + "/submit-form";

    Response head = tasklist.post(submit, variables(with(districtLevel1Met(), "headGroup", Groups.team(u.code()),
        "reviewerGroup", Groups.team(u.code()))));
    assertFieldsRefused(head, "headGroup", "reviewerGroup");
    assertThat(head.body()).contains("Tự đánh giá các chỉ tiêu");
    Response swapped = tasklist.post(submit, variables(with(districtLevel1Met(), "dossierId",
        Long.parseLong(other.getBusinessKey()))));
    assertFieldsRefused(swapped, "dossierId");
    Response completed = tasklist.post(ENGINE + "/task/" + self.getId() + "/complete",
        variables(with(districtLevel1Met(), "signerGroup", Groups.team(u.code()))));
    assertFieldsRefused(completed, "signerGroup");

    assertThat(tasks.createTaskQuery().taskId(self.getId()).count()).as("the task is still open").isEqualTo(1);
    assertThat(dossier(pi.getBusinessKey())).isEqualTo(before);
    assertThat(dossier(other.getBusinessKey())).isEqualTo(otherBefore);
    assertThat(runtime.getVariables(pi.getId()).keySet()).doesNotContain("headGroup", "reviewerGroup",
        "signerGroup");
    assertThat(probe.refusals(u.team(), "task " + self.getId())).isEqualTo(refusedBefore + 3);

    // the same form without the extra field goes through; the head review is offered to the unit's head, derived
    Response ok = tasklist.post(submit, variables(districtLevel1Met()));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    Task headReview = tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(LearningUnitProcess.TASK_HEAD_REVIEW).singleResult();
    assertThat(headReview).isNotNull();
    assertThat(candidateGroups(headReview.getId())).containsExactly(Groups.head(u.code()));
    assertThat(dossier(pi.getBusinessKey()).revisions()).isGreaterThan(before.revisions());
  }

  @Test
  void startsThroughTheTasklistApiArePlainOrRefused() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    TasklistSession tasklist = new TasklistSession(port, u.team());
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("unitCode", u.code());
    start.put("level", 1);
    start.put("assessmentYear", 2026);
    long instancesBefore = instances(LearningUnitProcess.KEY);
    long refusedBefore = probe.refusals(u.team(), START_KEY);
    String byKey = ENGINE + "/process-definition/key/" + LearningUnitProcess.KEY;

    // start instructions: straight to the head's review, past the self-assessment
    Map<String, Object> instructions = new LinkedHashMap<>(variables(start));
    instructions.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
        LearningUnitProcess.TASK_HEAD_REVIEW)));
    long instructedBefore = probe.refusals(u.team(), "StartProcessInstanceAtActivitiesCmd");
    TrustProbe.assertPlainStartOnly(tasklist.post(byKey + "/start", instructions));
    instructions.put("skipCustomListeners", true);
    instructions.put("skipIoMappings", true);
    TrustProbe.assertPlainStartOnly(tasklist.post(byKey + "/start", instructions));
    // a business key of one's choice (another dossier's id), and a routing variable with the start form
    Map<String, Object> keyed = new LinkedHashMap<>(variables(start));
    keyed.put("businessKey", "1");
    Response business = tasklist.post(byKey + "/submit-form", keyed);
    assertThat(business.status()).as(business.body()).isEqualTo(400);
    assertThat(business.body()).contains("Mã hồ sơ do hệ thống cấp");
    Map<String, Object> routing = variables(with(start, "reviewerGroup", Groups.team(u.code())));
    Response routedForm = tasklist.post(byKey + "/submit-form", routing);
    assertThat(routedForm.status()).as(routedForm.body()).isEqualTo(400);
    assertThat(routedForm.body()).contains("Đề nghị công nhận chỉ nhận các ô của biểu mẫu đề nghị")
        .contains("không nhận: reviewerGroup");
    // through "start" (no form) the REST resources answer only an authorization refusal with other than a 500
    Response routed = tasklist.post(byKey + "/start", routing);
    assertThat(routed.status()).as(routed.body()).isEqualTo(403);
    assertThat(routed.body()).contains("không nhận: reviewerGroup");

    assertThat(instances(LearningUnitProcess.KEY)).isEqualTo(instancesBefore);
    assertThat(dossiersOf(u.code())).isZero();
    assertThat(probe.refusals(u.team(), START_KEY)).isEqualTo(refusedBefore + 3);
    assertThat(probe.refusals(u.team(), "StartProcessInstanceAtActivitiesCmd")).isEqualTo(instructedBefore + 2);

    // a process only the system starts: an assessment round bound to an existing round
    RoundFixtures.Body school = rf.newSchool("HN-TT");
    Round round = rf.start(school, RoundKind.CITIZEN, 2026);
    TasklistSession preparer = new TasklistSession(port, school.preparer());
    long roundsBefore = instances("assessment-round");
    Response roundStart = preparer.post(ENGINE + "/process-definition/key/assessment-round/start",
        Map.of("businessKey", "round-" + round.id(), "variables", Map.of("roundId", Map.of("value", round.id(),
            "type", "Long"))));
    assertThat(roundStart.status()).as(roundStart.body()).isEqualTo(403);
    assertThat(roundStart.body()).contains("Chỉ có thể bắt đầu hồ sơ");
    assertThat(instances("assessment-round")).isEqualTo(roundsBefore);
    assertThat(probe.refusals(school.preparer(), "start assessment-round")).isEqualTo(1);

    // the plain start through the start form is still open to the unit's team
    Response plain = tasklist.post(byKey + "/submit-form", variables(start));
    assertThat(plain.status()).as(plain.body()).isEqualTo(200);
    assertThat(instances(LearningUnitProcess.KEY)).isEqualTo(instancesBefore + 1);
    assertThat(dossiersOf(u.code())).isEqualTo(1);
  }
}
