package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.TASK_HEAD_REVIEW;
import static vn.hoctap.process.RecognitionProcess.APPROVE;
import static vn.hoctap.process.RecognitionProcess.COMPLETE;
import static vn.hoctap.process.RecognitionProcess.FIELD_COMPLETENESS;
import static vn.hoctap.process.RecognitionProcess.FIELD_COMPLETENESS_COMMENT;
import static vn.hoctap.process.RecognitionProcess.INCOMPLETE;
import static vn.hoctap.process.RecognitionProcess.RECOGNISE;
import static vn.hoctap.process.RecognitionProcess.SUBMIT;
import static vn.hoctap.process.RecognitionProcess.TASK_APPRAISE;
import static vn.hoctap.process.RecognitionProcess.TASK_CHECK_COMPLETENESS;
import static vn.hoctap.process.RecognitionProcess.TASK_DECIDE;
import static vn.hoctap.process.RecognitionProcess.TASK_SELF_ASSESSMENT;
import static vn.hoctap.process.RecognitionProcess.TASK_SUPPLEMENT;
import static vn.hoctap.process.RecognitionProcess.VAR_APPRAISAL_RECOMMENDATION;
import static vn.hoctap.process.RecognitionProcess.VAR_HEAD_DECISION;
import static vn.hoctap.process.RecognitionProcess.VAR_SIGNER_DECISION;
import static vn.hoctap.support.Fixtures.districtLevel1Met;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundWorkflow;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * A province dissolves its district (as in 2025: districts gone, their communes and schools attached to the
 * province, the Sở GDĐT taking over the Phòng GDĐT's steps) while that district's dossiers sit at every step.
 * Each one continues at the new competent body to a decision; nothing is lost; closed dossiers keep their names.
 */
@HoctapTest
class ReorganisationHttpTest {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired EvidenceService evidence;
  @Autowired RecognitionService recognitions;
  @Autowired OrgUnitRepository orgs;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RoundWorkflow roundWorkflow;
  Http http;

  TestBody province;
  TestBody district;

  @BeforeEach
  void provinceWithADistrict() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    http = new Http(port);
    province = fx.newProvinceForUnits(true);
    district = fx.newBody(province.code(), OrgKind.DISTRICT);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The 2025 rules of a two-tier province: the Sở GDĐT receives, its director decides. */
  static List<Map<String, Object>> twoTierRules() {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (String[] r : new String[][] {{"LEARNING_UNIT", "DISTRICT"}, {"LEARNING_COMMUNITY", "COMMUNE"}}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("procedure", r[0]);
      m.put("unitTier", r[1]);
      m.put("reviewerTier", "PROVINCE");
      m.put("reviewerTitle", "Sở GDĐT");
      m.put("signerTier", "PROVINCE");
      m.put("signerRole", "director");
      m.put("signerTitle", "Giám đốc Sở GDĐT");
      m.put("decisionCode", "QĐ-SGDĐT");
      m.put("confirmed", false);
      m.put("note", "Từ 01/07/2025 không còn cấp huyện: cấu hình của tỉnh");
      rules.add(m);
    }
    return rules;
  }

  Map<String, Object> request(String dissolve, String target) {
    return Map.of("orgCodes", List.of(dissolve), "targetCode", target, "rules", twoTierRules(),
        "reason", "Nghị quyết sắp xếp đơn vị hành chính năm 2025");
  }

  ProcessInstance school(String step) {
    TestUnit u = fx.newUnit(district.code(), UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, 2026);
    units.put(pi.getBusinessKey(), u);
    if (step.equals(TASK_SELF_ASSESSMENT)) {
      return pi;
    }
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    if (step.equals(TASK_HEAD_REVIEW)) {
      return pi;
    }
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    if (step.equals(TASK_CHECK_COMPLETENESS)) {
      // claimed by the district's reviewer, who will lose the role
      Task t = fx.task(district.reviewer(), pi, TASK_CHECK_COMPLETENESS);
      fx.as(district.reviewer(), () -> tasks.claim(t.getId(), district.reviewer()));
      return pi;
    }
    if (step.equals(TASK_SUPPLEMENT)) {
      fx.complete(district.reviewer(), pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, INCOMPLETE,
          FIELD_COMPLETENESS_COMMENT, "Thiếu kế hoạch học tập"));
      return pi;
    }
    fx.complete(district.reviewer(), pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    if (step.equals(TASK_APPRAISE)) {
      return pi;
    }
    fx.complete(district.reviewer(), pi, TASK_APPRAISE, appraised());
    if (step.equals(TASK_DECIDE)) {
      fx.councilPasses(pi);
      return pi;
    }
    fx.complete(district.signer(), pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    return pi;
  }

  final Map<String, TestUnit> units = new HashMap<>();

  static Map<String, Object> appraised() {
    Map<String, Object> v = districtLevel1Met();
    v.put(VAR_APPRAISAL_RECOMMENDATION, RECOGNISE);
    return v;
  }

  static Map<String, Object> communeMet() {
    return Fixtures.communityMet();
  }

  ProcessInstance communeAtCompletenessCheck() throws Exception {
    TestBody commune = fx.newBody(district.code(), OrgKind.COMMUNE);
    TestUnit c = fx.committeeOf(commune.code());
    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, c.team(), c.code(), 1, 2026);
    fx.complete(c.team(), pi, TASK_SELF_ASSESSMENT, communeMet());
    evidence.upload(Long.valueOf(pi.getBusinessKey()), null, "bien-ban-hop.pdf", new ByteArrayInputStream(PDF),
        PDF.length, "Biên bản họp", new CurrentUser(c.team(), List.of(Groups.committee(c.code()))));
    Map<String, Object> meeting = new HashMap<>();
    meeting.put(LearningCommunityProcess.FIELD_MEETING_DATE, "2026-11-30");
    meeting.put(LearningCommunityProcess.FIELD_ATTENDEES, "Chủ tịch UBND xã, Hội Khuyến học, trưởng thôn");
    meeting.put(LearningCommunityProcess.FIELD_MINUTES_FILE, "bien-ban-hop.pdf");
    meeting.put("meetingOutcome", "AGREE");
    fx.complete(c.head(), pi, LearningCommunityProcess.TASK_MEETING, meeting);
    units.put(pi.getBusinessKey(), c);
    return pi;
  }

  long id(ProcessInstance pi) {
    return Long.parseLong(pi.getBusinessKey());
  }

  @Test
  void dissolvingADistrictMovesEveryOpenDossierToTheProvinceAndEachReachesADecision() throws Exception {
    ProcessInstance atSelf = school(TASK_SELF_ASSESSMENT);
    ProcessInstance atHead = school(TASK_HEAD_REVIEW);
    ProcessInstance atCheck = school(TASK_CHECK_COMPLETENESS);
    ProcessInstance atSupplement = school(TASK_SUPPLEMENT);
    ProcessInstance atAppraisal = school(TASK_APPRAISE);
    ProcessInstance atDecision = school(TASK_DECIDE);
    ProcessInstance decided = school("DONE");
    ProcessInstance commune = communeAtCompletenessCheck();
    List<ProcessInstance> open = List.of(atSelf, atHead, atCheck, atSupplement, atAppraisal, atDecision, commune);
    assertThat(dossiers.get(id(decided)).getStatus()).isEqualTo(DossierStatus.RECOGNISED);
    String districtName = orgs.findByCode(district.code()).orElseThrow().getName();
    String schoolPath = orgs.findByCode(units.get(atSelf.getBusinessKey()).code()).orElseThrow().getPath();
    long historyBefore = history.createHistoricProcessInstanceQuery().count();

    // the preview shows what moves, and changes nothing
    Response preview = http.post("admin", "/api/admin/reorganisations/preview",
        request(district.code(), province.code()));
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    JsonNode p = preview.json();
    assertThat(p.get("blockers")).isEmpty();
    assertThat(p.get("moved").size()).isEqualTo(8); // 7 schools and the commune
    assertThat(p.get("openDossiers").size()).isEqualTo(7);
    assertThat(p.get("closedDossiers").asInt()).isEqualTo(1);
    assertThat(p.get("openDossiers").toString()).contains("Sở GDĐT").contains("Giám đốc Sở GDĐT");
    assertThat(p.get("rolesEnded").toString()).contains(district.reviewer()).contains(district.signer());
    assertThat(orgs.findByCode(district.code()).orElseThrow().isDissolved()).isFalse();
    assertThat(orgs.findByCode(units.get(atSelf.getBusinessKey()).code()).orElseThrow().getPath())
        .isEqualTo(schoolPath);
    assertThat(fx.task(district.reviewer(), atAppraisal, TASK_APPRAISE)).isNotNull();
    assertThat(dossiers.get(id(atAppraisal)).getReceivingOrg().getCode()).isEqualTo(district.code());

    Response done = http.post("admin", "/api/admin/reorganisations", request(district.code(), province.code()));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("openDossiers").toString()).isEqualTo(p.get("openDossiers").toString());

    // the tree: the district is dissolved but kept; its schools and commune hang under the province
    assertThat(orgs.findByCode(district.code()).orElseThrow().isDissolved()).isTrue();
    assertThat(orgs.findByCode(units.get(atSelf.getBusinessKey()).code()).orElseThrow().getPath())
        .isEqualTo("/" + province.code() + "/" + units.get(atSelf.getBusinessKey()).code() + "/");
    assertThat(http.get("admin", "/api/orgs?parentCode=" + province.code()).body()).doesNotContain(district.code())
        .contains(units.get(atSelf.getBusinessKey()).code());
    Response grant = http.post("admin", "/api/admin/users/" + district.viewer() + "/roles",
        Map.of("role", "reviewer", "orgCode", district.code()));
    assertThat(grant.status()).as(grant.body()).isEqualTo(400);
    assertThat(grant.body()).contains("đã giải thể");
    // the district's staff lost their roles and see nothing any more
    assertThat(http.get(district.reviewer(), "/api/dossiers").json().get("content")).isEmpty();
    assertThat(http.get(district.reviewer(), "/engine-rest/task").json()).isEmpty();
    assertThat(http.get(district.reviewer(), "/engine-rest/process-instance").json()).isEmpty();

    for (ProcessInstance pi : open) {
      Dossier d = dossiers.get(id(pi));
      assertThat(d.getReceivingOrg().getCode()).isEqualTo(province.code());
      assertThat(d.getSignerOrg().getCode()).isEqualTo(province.code());
      assertThat(d.getSignerTitle()).isEqualTo("Giám đốc Sở GDĐT");
      DossierEvent moved = dossiers.history(d.getId()).stream().filter(e -> e.getAction().equals("REROUTED"))
          .findFirst().orElseThrow();
      assertThat(moved.getActor()).isEqualTo("admin");
      assertThat(moved.getDetails()).contains(districtName).contains("Sở GDĐT");
      assertThat(http.get(province.reviewer(), "/api/dossiers/" + d.getId()).status()).isEqualTo(200);
    }
    // the claim of the departed reviewer was released to the province's queue
    Task check = fx.task(province.reviewer(), atCheck, TASK_CHECK_COMPLETENESS);
    assertThat(check).isNotNull();
    assertThat(check.getAssignee()).isNull();
    assertThat(fx.task(province.director(), atDecision, TASK_DECIDE)).isNotNull();

    // every dossier continues at its step to a decision of the province
    TestUnit u = units.get(atSelf.getBusinessKey());
    fx.complete(u.team(), atSelf, TASK_SELF_ASSESSMENT, districtLevel1Met());
    for (ProcessInstance pi : List.of(atSelf, atHead)) {
      fx.complete(units.get(pi.getBusinessKey()).head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    }
    fx.complete(units.get(atSupplement.getBusinessKey()).team(), atSupplement, TASK_SUPPLEMENT,
        districtLevel1Met());
    for (ProcessInstance pi : List.of(atSelf, atHead, atCheck, atSupplement, commune)) {
      fx.complete(province.reviewer(), pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    }
    for (ProcessInstance pi : List.of(atSelf, atHead, atCheck, atSupplement, atAppraisal)) {
      fx.complete(province.reviewer(), pi, TASK_APPRAISE, appraised());
    }
    Map<String, Object> communeAppraised = communeMet();
    communeAppraised.put(VAR_APPRAISAL_RECOMMENDATION, RECOGNISE);
    fx.complete(province.reviewer(), commune, TASK_APPRAISE, communeAppraised);
    for (ProcessInstance pi : open) {
      fx.complete(province.director(), pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
      Dossier d = dossiers.get(id(pi));
      assertThat(d.getStatus()).as("dossier " + d.getId()).isEqualTo(DossierStatus.RECOGNISED);
      Recognition r = recognitions.forDossier(d.getId()).orElseThrow();
      assertThat(r.getSignerTitle()).isEqualTo("Giám đốc Sở GDĐT");
      assertThat(r.getDecisionNo()).endsWith("/QĐ-SGDĐT");
      assertThat(r.getSignedBy()).isEqualTo(province.director());
    }

    // the closed dossier keeps the district and its chairman it was decided under
    Dossier closed = dossiers.get(id(decided));
    assertThat(closed.getReceivingOrg().getName()).isEqualTo(districtName);
    assertThat(recognitions.forDossier(closed.getId()).orElseThrow().getSignerTitle())
        .isEqualTo("Chủ tịch UBND huyện");
    assertThat(dossiers.history(closed.getId())).noneMatch(e -> e.getAction().equals("REROUTED"));
    // nothing lost: every instance is still in the history, and the change is in the audit log
    assertThat(history.createHistoricProcessInstanceQuery().count()).isGreaterThanOrEqualTo(historyBefore);
    JsonNode audit = http.get("admin", "/api/admin/audit?size=5").json().get("entries");
    assertThat(audit.toString()).contains("REORGANISED").contains(district.code());
  }

  @Test
  void aDistrictWithItsOwnOpenDossierCannotBeDissolvedAndNothingChanges() {
    TestUnit committee = fx.committeeOf(district.code());
    ProcessInstance own = fx.open(LearningCommunityProcess.KEY, committee.team(), district.code(), 1, 2026);
    ProcessInstance s = school(TASK_APPRAISE);

    Response preview = http.post("admin", "/api/admin/reorganisations/preview",
        request(district.code(), province.code()));
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.json().get("blockers").toString()).contains("số " + own.getBusinessKey());

    Response refused = http.post("admin", "/api/admin/reorganisations", request(district.code(), province.code()));
    assertThat(refused.status()).as(refused.body()).isIn(409, 422);
    assertThat(refused.body()).contains("rút hoặc kết thúc");
    assertThat(orgs.findByCode(district.code()).orElseThrow().isDissolved()).isFalse();
    assertThat(dossiers.get(id(s)).getReceivingOrg().getCode()).isEqualTo(district.code());
    assertThat(fx.task(district.reviewer(), s, TASK_APPRAISE)).isNotNull();

    // a commune with an open assessment round of its residents cannot be merged away either
    TestBody commune = fx.newBody(district.code(), OrgKind.COMMUNE);
    long round = roundWorkflow.start(RoundKind.CITIZEN, commune.code(), 2026,
        new CurrentUser("admin", List.of("hoctap-admin"))).id();
    Response merge = http.post("admin", "/api/admin/reorganisations/preview", request(commune.code(),
        district.code()));
    assertThat(merge.json().get("blockers").toString()).contains("đợt đánh giá số " + round);

    // and only administrators may reorganise
    assertThat(http.post(province.reviewer(), "/api/admin/reorganisations/preview",
        request(district.code(), province.code())).status()).isEqualTo(403);
  }

  @Test
  void theAdminPagePreviewsThenReorganisesWithCsrfProtection() {
    ProcessInstance s = school(TASK_APPRAISE);
    PageSession admin = new PageSession(port);
    admin.login("admin", DemoData.PASSWORD);
    String form = admin.get("/quan-tri/sap-xep").body();
    assertThat(form).contains("Sắp xếp đơn vị hành chính");
    Map<String, String> fields = new HashMap<>(Map.of("orgCodes", district.code(), "targetCode", province.code(),
        "reason", "Nghị quyết 2025", "twoTier", "true"));
    // a form posted from elsewhere, without the session's token, is refused
    assertThat(admin.post("/quan-tri/sap-xep/thuc-hien", fields).status()).isEqualTo(403);
    assertThat(dossiers.get(id(s)).getReceivingOrg().getCode()).isEqualTo(district.code());

    fields.put("_csrf", PageSession.csrf(form));
    String preview = admin.post("/quan-tri/sap-xep/xem-truoc", fields).body();
    assertThat(preview).contains("Bản xem trước").contains(units.get(s.getBusinessKey()).code())
        .contains("Giám đốc Sở GDĐT");
    assertThat(dossiers.get(id(s)).getReceivingOrg().getCode()).isEqualTo(district.code());
    PageSession reviewer = new PageSession(port);
    reviewer.login(province.reviewer(), DemoData.PASSWORD);
    assertThat(reviewer.get("/quan-tri/sap-xep").status()).isEqualTo(403);

    fields.put("_csrf", PageSession.csrf(preview));
    String done = admin.post("/quan-tri/sap-xep/thuc-hien", fields).body();
    assertThat(done).contains("Đã thực hiện sắp xếp");
    assertThat(dossiers.get(id(s)).getReceivingOrg().getCode()).isEqualTo(province.code());
    assertThat(fx.task(province.reviewer(), s, TASK_APPRAISE)).isNotNull();
  }
}
