package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.UnitKind;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;

/**
 * The attacks of the trust-boundary probe on the dossier processes, replayed over real HTTP against the Camunda
 * REST API: routing variables smuggled into every step, resolve and the other generic doors, start instructions
 * and skip flags, a takeover of another province's dossier, foreign ids. Each refusal leaves the dossier exactly
 * as it was and an audit row behind; the competent people can still do their work afterwards.
 */
@HoctapTest
class TrustBoundaryHttpTest {

  static final int YEAR = 2026;
  /** What a client would send to take the next steps over. */
  static final List<String> ROUTING = List.of("teamGroup", "headGroup", "reviewerGroup", "signerGroup",
      "dossierId", "signerDecision");

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired RecognitionService recognitions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    // 01/12/2026: schools prepare their 2026 dossiers, due 15/01/2027
    Chains.setClock(LocalDate.of(2026, 12, 1));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  long refusals(String user) {
    return jdbc.queryForObject("select count(*) from audit_log where actor = ? and target_type = 'REFUSED'",
        Long.class, user);
  }

  Long dossierId(ProcessInstance pi) {
    return Long.valueOf(pi.getBusinessKey());
  }

  /** A snapshot of everything a step could write: status, history, value revisions, recognition. */
  List<Object> state(Long id) {
    return List.of(dossiers.get(id).getStatus(), dossiers.history(id).size(), dossiers.revisions(id).size(),
        recognitions.forDossier(id).isPresent());
  }

  /** Every smuggled name, one request each, with the step's real values: refused, nothing written, audited. */
  void smugglingRefused(String user, ProcessInstance pi, String taskKey, Map<String, Object> form, String own) {
    Task t = fx.task(user, pi, taskKey);
    assertThat(t).as(user + " sees " + taskKey).isNotNull();
    Long id = dossierId(pi);
    List<Object> before = state(id);
    long audited = refusals(user);
    for (String name : ROUTING) {
      Map<String, Object> values = new LinkedHashMap<>(form);
      values.put(name, name.equals("dossierId") ? 1L : own);
      Http.Response r = http.submitForm(user, t.getId(), values);
      assertThat(r.status()).as(name + " at " + taskKey).isEqualTo(400);
      assertThat(r.json().path("message").asText()).contains("chỉ nhận các ô của biểu mẫu").contains(name)
          .contains("Chưa lưu gì");
    }
    assertThat(state(id)).as("nothing written at " + taskKey).isEqualTo(before);
    assertThat(tasks.createTaskQuery().taskId(t.getId()).count()).as("the task is still open").isEqualTo(1);
    assertThat(refusals(user)).isEqualTo(audited + ROUTING.size());
  }

  List<String> candidateGroups(String user, ProcessInstance pi, String taskKey) {
    return tasks.getIdentityLinksForTask(fx.task(user, pi, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).toList();
  }

  @Test
  void routingSmuggledIntoEveryStepOfASchoolDossierIsRefusedAndTheRouteStaysTheDossiers() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);

    smugglingRefused(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met(), "team-" + u.code());
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    assertThat(candidateGroups(u.head(), pi, TASK_HEAD_REVIEW)).containsExactly("head-" + u.code());

    Map<String, Object> submit = Map.of(VAR_HEAD_DECISION, SUBMIT, FIELD_HEAD_COMMENT, "Tờ trình số 7/TTr");
    smugglingRefused(u.head(), pi, TASK_HEAD_REVIEW, submit, "head-" + u.code());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, submit);
    assertThat(candidateGroups("phonggd", pi, TASK_CHECK_COMPLETENESS)).containsExactly("reviewer-HN-TT");
    assertThat(fx.task(u.team(), pi, TASK_CHECK_COMPLETENESS)).as("the school cannot see the office's task")
        .isNull();

    Map<String, Object> complete = Map.of(FIELD_COMPLETENESS, COMPLETE);
    smugglingRefused("phonggd", pi, TASK_CHECK_COMPLETENESS, complete, "reviewer-HN-TT");
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, complete);

    Map<String, Object> appraise = with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE);
    smugglingRefused("phonggd", pi, TASK_APPRAISE, appraise, "reviewer-HN-TT");
    fx.complete("phonggd", pi, TASK_APPRAISE, appraise);
    assertThat(candidateGroups("chutichhuyen", pi, TASK_DECIDE)).containsExactly("signer-HN-TT");

    // the signer's own step: only its two fields
    Task decide = fx.task("chutichhuyen", pi, TASK_DECIDE);
    Http.Response r = http.submitForm("chutichhuyen", decide.getId(), Map.of(VAR_SIGNER_DECISION, APPROVE,
        "recognised", true));
    assertThat(r.status()).isEqualTo(400);
    fx.complete("chutichhuyen", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    assertThat(dossiers.get(dossierId(pi)).getStatus()).isEqualTo(DossierStatus.RECOGNISED);
  }

  @Test
  void resolveDelegateVariablesAndCandidatesAreNotAnOrdinaryUsersDoors() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    Task t = fx.task(u.team(), pi, TASK_SELF_ASSESSMENT);
    Long id = dossierId(pi);
    List<Object> before = state(id);
    Map<String, Object> headGroup = Map.of("variables", Map.of("headGroup", Map.of("value", u.team())));

    List<Http.Response> answers = List.of(
        http.post(u.team(), "/engine-rest/task/" + t.getId() + "/resolve", headGroup),
        http.post(u.team(), "/engine-rest/task/" + t.getId() + "/delegate", Map.of("userId", u.head())),
        http.post(u.team(), "/engine-rest/task/" + t.getId() + "/assignee", Map.of("userId", u.head())),
        http.post(u.team(), "/engine-rest/task/" + t.getId() + "/identity-links",
            Map.of("groupId", "team-" + u.code(), "type", "candidate")),
        http.put(u.team(), "/engine-rest/task/" + t.getId() + "/variables/headGroup",
            Map.of("value", u.team(), "type", "String")),
        http.post(u.team(), "/engine-rest/task/" + t.getId() + "/variables",
            Map.of("modifications", Map.of("signerGroup", Map.of("value", u.team())))),
        http.post(u.team(), "/engine-rest/process-instance/" + pi.getId() + "/variables",
            Map.of("modifications", Map.of("signerGroup", Map.of("value", u.team())))),
        http.post(u.team(), "/engine-rest/process-instance/" + pi.getId() + "/modification",
            Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
                TASK_HEAD_REVIEW)))),
        http.post(u.team(), "/engine-rest/message", Map.of("messageName", "x", "processVariables",
            Map.of("signerGroup", Map.of("value", u.team())))),
        http.post(u.team(), "/engine-rest/signal", Map.of("name", "x", "variables",
            Map.of("signerGroup", Map.of("value", u.team())))));
    for (Http.Response r : answers) {
      assertThat(r.status()).as(r.body()).isIn(403, 404);
    }
    assertThat(answers.get(0).json().path("message").asText()).contains("chỉ dành cho quản trị viên");
    assertThat(state(id)).isEqualTo(before);
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("headGroup", "signerGroup");
    assertThat(tasks.getIdentityLinksForTask(t.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("team-" + u.code());
    assertThat(tasks.createTaskQuery().taskId(t.getId()).singleResult().getAssignee()).isNull();
    assertThat(refusals(u.team())).isGreaterThanOrEqualTo(8);
  }

  @Test
  void anotherProvincesDossierCannotBeTakenOverWithStartInstructions() {
    // a Hà Nội school's dossier waiting at the district office
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    Long id = dossierId(pi);
    List<Object> before = state(id);
    long instances = runtime.createProcessInstanceQuery().count();
    String nb = "todanhgia.nb";
    String start = "/engine-rest/process-definition/key/" + KEY + "/start";
    Map<String, Object> takeover = Map.of("dossierId", Map.of("value", id, "type", "Long"),
        "reviewerGroup", Map.of("value", "team-NB-HL-TH01"), "signerGroup", Map.of("value", "team-NB-HL-TH01"));

    Http.Response instructions = http.post(nb, start, Map.of("businessKey", String.valueOf(id),
        "variables", takeover, "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
            TASK_HEAD_REVIEW))));
    assertThat(instructions.status()).isEqualTo(403);
    assertThat(instructions.json().path("message").asText()).contains("qua biểu mẫu đề nghị");
    for (String flag : List.of("skipCustomListeners", "skipIoMappings")) {
      Http.Response skipped = http.post(nb, start, Map.of("variables", takeover, flag, true, "startInstructions",
          List.of(Map.of("type", "startBeforeActivity", "activityId", TASK_SELF_ASSESSMENT))));
      assertThat(skipped.status()).as(flag).isEqualTo(403);
    }
    // a plain start may not choose the business key nor bring anything but the start form's fields (through the
    // REST "start", which only answers an authorization refusal with other than a 500: 403)
    Map<String, Object> startForm = Map.of("unitCode", Map.of("value", "NB-HL-TH01"), "level", Map.of("value", 1),
        "assessmentYear", Map.of("value", YEAR));
    Http.Response key = http.post(nb, start, Map.of("businessKey", String.valueOf(id), "variables", startForm));
    assertThat(key.status()).isEqualTo(403);
    assertThat(key.json().path("message").asText()).contains("Mã hồ sơ do hệ thống cấp");
    Map<String, Object> withDossier = new LinkedHashMap<>(startForm);
    withDossier.put("dossierId", Map.of("value", id, "type", "Long"));
    Http.Response smuggled = http.post(nb, start, Map.of("variables", withDossier));
    assertThat(smuggled.status()).isEqualTo(403);
    assertThat(smuggled.json().path("message").asText()).contains("dossierId");
    // the shared procedure is never started by hand
    assertThat(http.post(nb, "/engine-rest/process-definition/key/recognition-appraisal/start",
        Map.of("businessKey", String.valueOf(id), "variables", takeover)).status()).isEqualTo(403);

    assertThat(runtime.createProcessInstanceQuery().count()).as("no instance started").isEqualTo(instances);
    assertThat(state(id)).as("the Hà Nội dossier is untouched").isEqualTo(before);
    assertThat(refusals(nb)).isGreaterThanOrEqualTo(6);

    // a foreign task answers exactly like a missing one, and cannot be completed
    Task check = fx.task("phonggd", pi, TASK_CHECK_COMPLETENESS);
    Http.Response foreign = http.submitForm(nb, check.getId(), Map.of(FIELD_COMPLETENESS, COMPLETE));
    Http.Response missing = http.submitForm(nb, "987654321", Map.of(FIELD_COMPLETENESS, COMPLETE));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(missing.body());
    assertThat(missing.status()).isEqualTo(404);
    Http.Response foreignInstance = http.get(nb, "/engine-rest/process-instance/" + pi.getId() + "/variables");
    Http.Response missingInstance = http.get(nb, "/engine-rest/process-instance/987654321/variables");
    assertThat(foreignInstance.status()).isEqualTo(404);
    assertThat(missingInstance.status()).isEqualTo(404);
    assertThat(foreignInstance.body()).isEqualTo(missingInstance.body());
    assertThat(state(id)).isEqualTo(before);

    // and the plain start through the start form still works for the Ninh Bình school itself
    Http.Response plain = http.post(nb, start, Map.of("variables", startForm));
    assertThat(plain.status()).as(plain.body()).isEqualTo(200);
  }

  @Test
  void evenATaskOfferedToTheWrongGroupRecordsNothingForThem() {
    // defence in depth: an administrator's mistake (or a fooled engine) offers the signer's step to the school
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    Task decide = fx.task("chutichhuyen", pi, TASK_DECIDE);
    assertThat(http.post("admin", "/engine-rest/task/" + decide.getId() + "/identity-links",
        Map.of("groupId", "head-" + u.code(), "type", "candidate")).status()).isEqualTo(204);
    Long id = dossierId(pi);
    List<Object> before = state(id);

    Http.Response r = http.submitForm(u.head(), decide.getId(), Map.of(VAR_SIGNER_DECISION, APPROVE));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("message").asText()).contains("không thuộc cơ quan có thẩm quyền");
    assertThat(state(id)).isEqualTo(before);
    assertThat(recognitions.forDossier(id)).isEmpty();
    assertThat(refusals(u.head())).isPositive();
    assertThat(tasks.createTaskQuery().taskId(decide.getId()).count()).isEqualTo(1);
  }
}
