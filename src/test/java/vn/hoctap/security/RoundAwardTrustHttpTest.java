package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.AssessmentRoundProcess.FIELD_COMMENT;
import static vn.hoctap.process.AssessmentRoundProcess.FIELD_CORRECTIONS;
import static vn.hoctap.process.AssessmentRoundProcess.TASK_DECIDE;
import static vn.hoctap.process.AssessmentRoundProcess.TASK_PREPARE;
import static vn.hoctap.process.AssessmentRoundProcess.TASK_REVIEW;
import static vn.hoctap.process.LearningUnitProcess.*;
import static vn.hoctap.security.TrustProbe.assertAdminOnly;
import static vn.hoctap.security.TrustProbe.assertFieldsRefused;
import static vn.hoctap.security.TrustProbe.with;
import static vn.hoctap.support.Fixtures.districtLevel1Met;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
import vn.hoctap.award.AwardRouting;
import vn.hoctap.award.AwardService;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.report.PlanCatalog;
import vn.hoctap.report.ReportReminders;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * The security probe replayed over real HTTP on the processes other than the two dossier processes: an ordinary
 * user who sends routing or ids with a step's form through the Camunda REST API (submit-form, complete, resolve,
 * task variables) is refused before anything is written, the refusal is audited, and who works next stays what
 * the round, the candidate or the plan says.
 */
@HoctapTest
class RoundAwardTrustHttpTest {

  @LocalServerPort int port;
  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired Fixtures fx;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired AwardService awards;
  @Autowired AwardRouting awardRouting;
  @Autowired PlanCatalog plans;
  @Autowired ReportReminders reminders;
  @Autowired IdentityProvisioning provisioning;
  @Autowired JdbcTemplate jdbc;
  Http http;
  RawHttp raw;
  TrustProbe probe;

  @BeforeEach
  void init() {
    http = new Http(port);
    raw = new RawHttp(port);
    probe = new TrustProbe(jdbc);
    setClock(LocalDate.of(2026, 12, 1));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void setClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  /** The one task the user sees in the instance with that business key. */
  String ownTask(String user, String businessKey) {
    Response r = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().size()).as(user + " sees exactly one task of " + businessKey).isEqualTo(1);
    return r.json().get(0).get("id").asText();
  }

  boolean open(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).count() == 1;
  }

  List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  Task onlyTask(String processInstanceId, String key) {
    Task t = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    assertThat(t).as("open task " + key).isNotNull();
    return t;
  }

  static void assertNotTheirs(Response r) {
    assertThat(r.status()).as(r.body()).isIn(403, 404);
  }

  // assessment rounds

  /** What a round is in our tables: its status, its entries, its trail. */
  record RoundState(String status, long version, long entries, long events) {}

  RoundState state(long roundId) {
    return new RoundState(probe.string("select status from assessment_round where id = ?", roundId),
        probe.count("select row_version from assessment_round where id = ?", roundId),
        probe.count("select count(*) from round_entry where round_id = ?", roundId),
        probe.count("select count(*) from round_event where round_id = ?", roundId));
  }

  static String entryLine(String id, String name) {
    StringBuilder b = new StringBuilder(id + ": đối tượng=OFFICIAL; họ tên=" + name + "; năm sinh=1984");
    RoundFixtures.passing().forEach((k, v) -> b.append("; ").append(k).append('=').append(v));
    return b.toString();
  }

  @Test
  void aRoundPreparerCannotRouteTheReviewOrTheDecisionToThemselvesNorSwapTheRound() {
    Body school = rf.newSchool("HN-TT");
    Body other = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, 2026);
    Round elsewhere = rf.start(other, RoundKind.CITIZEN, 2026);
    String bk = "round-" + r.id();
    String preparer = school.preparer();
    String own = Groups.team(school.code());
    String prepare = ownTask(preparer, bk);
    assertThat(tasks.createTaskQuery().taskId(prepare).singleResult().getTaskDefinitionKey()).isEqualTo(TASK_PREPARE);
    Map<String, Object> legit = Map.of(FIELD_CORRECTIONS, entryLine(RoundFixtures.newPersonId(), "Lê Thị Hoa"),
        FIELD_COMMENT, "Gửi xét duyệt");
    RoundState before = state(r.id());
    RoundState otherBefore = state(elsewhere.id());
    assertThat(before.status()).isEqualTo("PREPARING");
    long refusedBefore = probe.refusals(preparer, "task " + prepare);

    // the review and the decision routed to the preparer's own group: refused, nothing written
    Response smuggled = http.submitForm(preparer, prepare, with(legit, "reviewerGroup", own, "deciderGroup", own));
    assertFieldsRefused(smuggled, "deciderGroup", "reviewerGroup");
    assertThat(smuggled.body()).contains("Lập danh sách, tự đánh giá");
    // the same through /complete, with the preparer's group for every step
    Response completed = http.post(preparer, "/engine-rest/task/" + prepare + "/complete", TrustProbe.variables(
        with(legit, "preparerGroup", own, "reviewerGroup", own, "deciderGroup", own)));
    assertFieldsRefused(completed, "deciderGroup", "preparerGroup", "reviewerGroup");
    // another round's id: the step would act on that round
    Response swapped = http.submitForm(preparer, prepare, with(legit, "roundId", elsewhere.id()));
    assertFieldsRefused(swapped, "roundId");

    assertThat(open(prepare)).as("the preparation task is still open").isTrue();
    assertThat(state(r.id())).isEqualTo(before);
    assertThat(state(elsewhere.id())).isEqualTo(otherBefore);
    assertThat(runtime.getVariable(r.processInstanceId(), "roundId")).isEqualTo(r.id());
    assertThat(runtime.getVariables(r.processInstanceId()).keySet()).doesNotContain("reviewerGroup", "deciderGroup",
        "preparerGroup");
    assertThat(probe.refusals(preparer, "task " + prepare)).isEqualTo(refusedBefore + 3);

    // the admin-only doors: resolve, and writing a routing variable on the task
    long resolvedBefore = probe.refusals(preparer, "ResolveTaskCmd");
    long writtenBefore = probe.refusals(preparer, "SetTaskVariablesCmd");
    // (resolve is a completion to the engine: with only the form's own fields, or none, it is still refused)
    assertAdminOnly(http.post(preparer, "/engine-rest/task/" + prepare + "/resolve",
        TrustProbe.variables(Map.of("deciderGroup", own))));
    assertAdminOnly(http.post(preparer, "/engine-rest/task/" + prepare + "/resolve", TrustProbe.variables(legit)));
    assertAdminOnly(http.post(preparer, "/engine-rest/task/" + prepare + "/resolve", Map.of()));
    assertAdminOnly(raw.send("PUT", preparer, DemoData.PASSWORD, "/engine-rest/task/" + prepare
        + "/variables/deciderGroup", "{\"value\":\"" + own + "\",\"type\":\"String\"}"));
    assertAdminOnly(raw.send("PUT", preparer, DemoData.PASSWORD, "/engine-rest/task/" + prepare
        + "/localVariables/roundId", "{\"value\":" + elsewhere.id() + ",\"type\":\"Long\"}"));
    assertThat(probe.refusals(preparer, "ResolveTaskCmd")).isEqualTo(resolvedBefore + 3);
    assertThat(probe.refusals(preparer, "SetTaskVariablesCmd")).isEqualTo(writtenBefore + 2);
    assertThat(open(prepare)).isTrue();
    assertThat(tasks.createTaskQuery().taskId(prepare).singleResult().getDelegationState()).isNull();
    assertThat(tasks.getVariable(prepare, "deciderGroup")).isNull();
    assertThat(tasks.getVariable(prepare, FIELD_CORRECTIONS)).isNull();
    assertThat(tasks.getVariable(prepare, "roundId")).isEqualTo(r.id());
    assertThat(state(r.id())).isEqualTo(before);

    // the legitimate submission goes through; the review is offered to the round's council, derived
    Response ok = http.submitForm(preparer, prepare, legit);
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    assertThat(state(r.id()).status()).isEqualTo("IN_REVIEW");
    assertThat(state(r.id()).entries()).isEqualTo(1);
    Task review = onlyTask(r.processInstanceId(), TASK_REVIEW);
    assertThat(candidateGroups(review.getId())).containsExactly(Groups.council(school.code()))
        .containsExactly(rounds.route(r).reviewerGroup());

    // the preparer neither sees nor completes the review
    assertThat(http.get(preparer, "/engine-rest/task?processInstanceBusinessKey=" + bk).json()).isEmpty();
    assertNotTheirs(http.get(preparer, "/engine-rest/task/" + review.getId()));
    assertNotTheirs(http.submitForm(preparer, review.getId(), Map.of("reviewOutcome", "APPROVE_ALL")));
    assertNotTheirs(http.post(preparer, "/engine-rest/task/" + review.getId() + "/complete",
        TrustProbe.variables(Map.of("reviewOutcome", "APPROVE_ALL"))));
    assertNotTheirs(http.post(preparer, "/engine-rest/task/" + review.getId() + "/claim",
        Map.of("userId", preparer)));
    assertThat(open(review.getId())).isTrue();
    assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
    assertThat(state(r.id()).status()).isEqualTo("IN_REVIEW");

    // the council approves; the decision goes to the school's head, derived, and not to the preparer
    Response approved = http.submitForm(school.reviewer(), ownTask(school.reviewer(), bk),
        Map.of("reviewOutcome", "APPROVE_ALL"));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    Task decide = onlyTask(r.processInstanceId(), TASK_DECIDE);
    assertThat(candidateGroups(decide.getId())).containsExactly(Groups.head(school.code()))
        .containsExactly(rounds.route(r).deciderGroup());
    RoundState awaiting = state(r.id());
    assertThat(awaiting.status()).isEqualTo("AWAITING_DECISION");
    assertNotTheirs(http.get(preparer, "/engine-rest/task/" + decide.getId()));
    assertNotTheirs(http.submitForm(preparer, decide.getId(), Map.of("roundDecision", "RECOGNISE")));
    assertNotTheirs(http.post(preparer, "/engine-rest/task/" + decide.getId() + "/complete",
        TrustProbe.variables(Map.of("roundDecision", "RECOGNISE"))));
    assertThat(open(decide.getId())).isTrue();
    assertThat(state(r.id())).isEqualTo(awaiting);
    // the council member cannot decide either
    assertNotTheirs(http.submitForm(school.reviewer(), decide.getId(), Map.of("roundDecision", "RECOGNISE")));
    assertThat(state(r.id())).isEqualTo(awaiting);
  }

  // award nominations

  /** The school earns "Đơn vị học tập" level 1 for 2026 through the district (as in AwardHttpTest). */
  TestUnit recognisedSchool() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, 2026);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT, FIELD_HEAD_COMMENT, "Tờ trình"));
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("phonggd", pi, TASK_APPRAISE, Fixtures.with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION,
        RECOGNISE));
    fx.complete("chutichhuyen", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    return u;
  }

  long votes(long candidateId) {
    return probe.count("select count(*) from award_vote where candidate_id = ?", candidateId);
  }

  String candidateStatus(long candidateId) {
    return probe.string("select status from award_candidate where id = ?", candidateId);
  }

  @Test
  void aCouncilMemberCannotRouteTheMinutesOrTheSignatureAndCannotDoTheSecretarysOrTheSignersStep() {
    TestUnit school = recognisedSchool();
    Map<String, Object> proposal = Map.of("proposerCode", "HN-TT", "form", "GIAY_KHEN",
        "movement", "Cả nước thi đua xây dựng xã hội học tập", "periodKind", "YEARLY", "periodYear", 2026,
        "submission", "Phòng GDĐT kính trình Chủ tịch UBND huyện tặng Giấy khen", "report", "Báo cáo thành tích",
        "candidates", List.of(Map.of("kind", "COLLECTIVE", "orgCode", school.code(), "summary",
            "Đạt Đơn vị học tập mức độ 1", "certifications", List.of("Xác nhận của Phòng GDĐT"))));
    // a district's Giấy khen only in a list opened before 01/07/2025 (NĐ 129/2025); the list keeps its signer
    setClock(LocalDate.of(2025, 6, 30));
    Response created = http.post("chutichhuyen", "/api/awards/proposals", proposal);
    setClock(LocalDate.of(2026, 12, 1));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long candidateId = created.json().get("candidates").get(0).get("id").asLong();
    String bk = "award-" + candidateId;
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(bk).singleResult().getId();

    String member = "phonggd";
    String vote = ownTask(member, bk);
    assertThat(tasks.createTaskQuery().taskId(vote).singleResult().getTaskDefinitionKey())
        .isEqualTo(AwardProcess.TASK_VOTE);
    Task minutes = onlyTask(pi, AwardProcess.TASK_MINUTES);
    String reviewStatus = probe.string("select status from council_review where candidate_id = ?", candidateId);
    long refusedBefore = probe.refusals(member, "task " + vote);

    // the secretary's and the signer's groups smuggled with the vote: refused, the vote not recorded
    Response smuggled = http.submitForm(member, vote, Map.of("vote", "YES", "voteComment", "Đồng ý",
        "signerGroup", Groups.reviewer("HN-TT"), "secretaryGroup", Groups.reviewer("HN-TT")));
    assertFieldsRefused(smuggled, "secretaryGroup", "signerGroup");
    assertThat(smuggled.body()).contains("Biểu quyết về ứng viên");
    Response other = http.post(member, "/engine-rest/task/" + vote + "/complete", TrustProbe.variables(Map.of(
        "vote", "YES", AwardProcess.VAR_CANDIDATE_ID, candidateId + 1, "member", "chutichhuyen", "signHere", true)));
    assertFieldsRefused(other, "candidateId", "member", "signHere");
    assertThat(votes(candidateId)).isZero();
    assertThat(open(vote)).isTrue();
    assertThat(probe.refusals(member, "task " + vote)).isEqualTo(refusedBefore + 2);
    assertThat(runtime.getVariables(pi).keySet()).doesNotContain("signerGroup", "secretaryGroup");

    // the member cannot do the secretary's step
    assertNotTheirs(http.submitForm(member, minutes.getId(), Map.of("minutes", "Biên bản do tôi lập")));
    assertNotTheirs(http.post(member, "/engine-rest/task/" + minutes.getId() + "/complete", Map.of()));
    assertThat(open(minutes.getId())).isTrue();
    assertThat(probe.string("select status from council_review where candidate_id = ?", candidateId))
        .isEqualTo(reviewStatus);
    assertThat(probe.count("select count(*) from council_review where candidate_id = ? and closed_by is not null",
        candidateId)).isZero();

    // the council votes and the secretary closes, legitimately
    for (String m : List.of("chutichhuyen", member, "hdtdkt.huyen")) {
      Response r = http.submitForm(m, ownTask(m, bk), Map.of("vote", "YES", "voteComment", ""));
      assertThat(r.status()).as(m + ": " + r.body()).isEqualTo(204);
    }
    assertThat(votes(candidateId)).isEqualTo(3);
    Response closed = http.submitForm("thuky.huyen", minutes.getId(), Map.of("minutes", ""));
    assertThat(closed.status()).as(closed.body()).isEqualTo(204);

    // the signer's task has the derived signer group, which is not the member's
    Task sign = onlyTask(pi, AwardProcess.TASK_SIGN);
    String signers = awardRouting.signerGroup(awards.currentBody(candidateId));
    assertThat(candidateGroups(sign.getId())).containsExactly(signers);
    assertThat(identity.createUserQuery().memberOfGroup(signers).userId("chutichhuyen").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().memberOfGroup(signers).userId(member).count()).isZero();
    assertThat(candidateStatus(candidateId)).isEqualTo("AWAITING_SIGNATURE");
    assertNotTheirs(http.submitForm(member, sign.getId(), Map.of("awardDecision", "APPROVE", "awardComment", "")));
    assertNotTheirs(http.post(member, "/engine-rest/task/" + sign.getId() + "/complete",
        TrustProbe.variables(Map.of("awardDecision", "APPROVE"))));
    // the signer themself cannot smuggle a routing flag either
    assertFieldsRefused(http.submitForm("chutichhuyen", sign.getId(), Map.of("awardDecision", "APPROVE",
        AwardProcess.VAR_SIGNED_BY, member)), AwardProcess.VAR_SIGNED_BY);
    assertThat(open(sign.getId())).isTrue();
    assertThat(candidateStatus(candidateId)).isEqualTo("AWAITING_SIGNATURE");
    assertThat(probe.count("select count(*) from award where candidate_id = ?", candidateId)).isZero();
  }

  // report reminders

  @Test
  void theReportTaskTakesItsFormFieldsOnly() {
    setClock(LocalDate.of(2027, 1, 2));
    TestUnit district = fx.newLocality("HN", OrgKind.DISTRICT);
    String viewer = "xem." + district.code().toLowerCase();
    provisioning.ensureUserSharingPassword(viewer, "Xem", "Người", viewer + "@test.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureGroup(Groups.viewer(district.code()), Groups.viewer(district.code()), "WORKFLOW");
    provisioning.ensureMembership(viewer, Groups.viewer(district.code()));
    long plan = plans.createPlan("TRUST-" + district.code(), "Kế hoạch thử", "UBND thử", district.code(), 2027,
        2027, "thử");
    plans.addReportDue(plan, "Phòng GDĐT thử", "Sở GDĐT Hà Nội", district.code(), 12, 5, 0, 10);
    reminders.schedule(2027);
    long due = plans.all().stream().filter(p -> p.id() == plan).findFirst().orElseThrow().reportDues().get(0).id();
    String bk = ReportReminders.businessKey(due, 2027);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(bk).singleResult();
    setClock(LocalDate.of(2027, 11, 25));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
    String task = ownTask(viewer, bk);
    assertThat(candidateGroups(task)).containsExactlyInAnyOrder(Groups.viewer(district.code()),
        Groups.reviewer(district.code()));
    long refusedBefore = probe.refusals(viewer, "task " + task);

    Response groups = http.submitForm(viewer, task, Map.of("reportSent", true, "reportNote", "Số 12/BC",
        "reportGroups", "viewer-HN"));
    assertFieldsRefused(groups, "reportGroups");
    assertThat(groups.body()).contains("Lập và gửi báo cáo kết quả năm 2027");
    Response otherDue = http.post(viewer, "/engine-rest/task/" + task + "/complete", TrustProbe.variables(Map.of(
        "reportSent", true, "reportDueId", due + 1, "reportYear", 2028)));
    assertFieldsRefused(otherDue, "reportDueId", "reportYear");
    assertThat(open(task)).isTrue();
    assertThat(runtime.getVariable(pi.getId(), "reportDueId")).isEqualTo(due);
    assertThat(runtime.getVariable(pi.getId(), "reportYear")).isEqualTo(2027);
    assertThat(runtime.getVariables(pi.getId()).keySet()).doesNotContain("reportGroups", "reportSent");
    assertThat(probe.refusals(viewer, "task " + task)).isEqualTo(refusedBefore + 2);

    Response sent = http.submitForm(viewer, task, Map.of("reportSent", true, "reportNote", "Số 12/BC"));
    assertThat(sent.status()).as(sent.body()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }
}
