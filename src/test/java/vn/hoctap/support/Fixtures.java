package vn.hoctap.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.DeadlineRule;
import vn.hoctap.deadline.DeadlineService;
import vn.hoctap.demo.DemoData;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.AuthorityRule;
import vn.hoctap.org.AuthorityRuleRepository;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.procedure.CouncilVerdicts;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.security.IdentityProvisioning;

/**
 * Fresh units with their own assessment team and head for each test (one open dossier per unit and year), and
 * helpers that act on the engine as a given user, with the engine's authorization checks on.
 */
@Component
public class Fixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();

  /** A unit created for one test, with the user ids of its team member and head. */
  public record TestUnit(String code, String team, String head) {}

  private final OrgUnitRepository orgs;
  private final AuthorityRuleRepository authority;
  private final DeadlineService deadlines;
  private final IdentityProvisioning provisioning;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DossierService dossiers;
  private final EvidenceService evidence;

  Fixtures(OrgUnitRepository orgs, AuthorityRuleRepository authority, DeadlineService deadlines,
      IdentityProvisioning provisioning, IdentityService identity, RuntimeService runtime, TaskService tasks,
      DossierService dossiers, EvidenceService evidence) {
    this.dossiers = dossiers;
    this.evidence = evidence;
    this.orgs = orgs;
    this.authority = authority;
    this.deadlines = deadlines;
    this.provisioning = provisioning;
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  public TestUnit newUnit(String parentCode, UnitKind kind, boolean publicUnit) {
    String code = "T" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    OrgUnit parent = orgs.findByCode(parentCode).orElseThrow();
    orgs.save(new OrgUnit(code, "Đơn vị thử " + code, OrgKind.UNIT, kind, publicUnit, parent, Instant.now()));
    String team = "team." + code.toLowerCase();
    String head = "head." + code.toLowerCase();
    user(team, Groups.team(code));
    user(head, Groups.head(code));
    return new TestUnit(code, team, head);
  }

  private void user(String id, String group) {
    provisioning.ensureUserSharingPassword(id, "Thử", "Người", id + "@test.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureGroup(group, group, "WORKFLOW");
    provisioning.ensureMembership(id, group);
  }

  public <T> T as(String user, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void as(String user, Runnable work) {
    as(user, () -> {
      work.run();
      return null;
    });
  }

  /**
   * Opens a learning-unit dossier as the team member, who then uploads one evidence file for every indicator that
   * applies, as a unit does before submitting: without it the appraisal finds every indicator "không đạt" (TT24
   * Điều 9 khoản 3). Tests of missing evidence use {@link #openWithoutEvidence}.
   */
  public ProcessInstance open(String user, String unitCode, int level, int year) {
    ProcessInstance pi = openWithoutEvidence(user, unitCode, level, year);
    evidenceForEveryIndicator(Long.valueOf(pi.getBusinessKey()), user);
    return pi;
  }

  public ProcessInstance openWithoutEvidence(String user, String unitCode, int level, int year) {
    return open(LearningUnitProcess.KEY, user, unitCode, level, year);
  }

  /** One small PDF per applicable indicator of the dossier's criteria set, uploaded by {@code user}. */
  public void evidenceForEveryIndicator(Long dossierId, String user) {
    Dossier d = dossiers.get(dossierId);
    CriteriaSet set = dossiers.criteriaSet(d);
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    CurrentUser who = new CurrentUser(user, groups);
    for (Indicator i : set.indicators()) {
      if (!i.appliesTo(d.getUnit().profile())) {
        continue;
      }
      byte[] pdf = ("%PDF-1.4\n% minh chứng hồ sơ " + dossierId + " chỉ tiêu " + i.code() + "\n")
          .getBytes(StandardCharsets.UTF_8);
      try {
        evidence.upload(dossierId, i.code(), "minh-chung-" + i.formKey() + ".pdf", new ByteArrayInputStream(pdf),
            pdf.length, null, who);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public ProcessInstance open(String processKey, String user, String applicantCode, int level, int year) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("unitCode", applicantCode);
    vars.put("level", level);
    vars.put("assessmentYear", year);
    return as(user, () -> runtime.startProcessInstanceByKey(processKey, vars));
  }

  /** The instance of the shared procedure a title's process is waiting in, if any. */
  public ProcessInstance appraisal(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  /**
   * A province of its own for one test (so its province-level dossier is the only one), routed to the Ministry
   * for "Cộng đồng học tập" like the demo provinces, with its committee staff and chair.
   */
  public TestUnit newProvince() {
    return newProvince(true);
  }

  /**
   * The same province with no deadline of its own: its dossier at the Ministry follows the national rules of TT25
   * Điều 19 (submission before 31/07 of N+1, the decision within 20 working days of the complete dossier).
   */
  public TestUnit newProvinceUnderTheTexts() {
    return newProvince(false);
  }

  private TestUnit newProvince(boolean ownDeadlines) {
    String code = "P" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    OrgUnit p = orgs.save(new OrgUnit(code, "Tỉnh thử " + code, OrgKind.PROVINCE, null, true, null, Instant.now()));
    String lc = Title.LEARNING_COMMUNITY.name();
    authority.save(new AuthorityRule(p.getId(), lc, UnitKind.Tier.PROVINCE, OrgKind.NATION, "Bộ GDĐT",
        OrgKind.NATION, "signer", "Bộ trưởng Bộ GDĐT", "QĐ-BGDĐT", true, "TT 25/2023/TT-BGDĐT"));
    if (ownDeadlines) {
      deadlines.saveRule(new DeadlineRule(lc, UnitKind.Tier.PROVINCE, DeadlineKind.SUBMISSION, p.getId(), null, 4,
          30, 1, 7, "cấu hình thử", false));
      deadlines.saveRule(new DeadlineRule(lc, UnitKind.Tier.PROVINCE, DeadlineKind.DECISION, p.getId(), null, 5, 31,
          1, 7, "cấu hình thử", false));
    }
    String staff = "ubnd." + code.toLowerCase();
    String chair = "chair." + code.toLowerCase();
    user(staff, Groups.committee(code));
    user(chair, Groups.chair(code));
    return new TestUnit(code, staff, chair);
  }

  /** A body created for a test, with one user per role there. */
  public record TestBody(String code, String reviewer, String signer, String director, String viewer) {}

  /**
   * A province of its own with the routing of a learning-unit dossier: with a district tier (each district's Phòng
   * GDĐT receives, its Chủ tịch UBND signs) or, two-tier, straight to the Sở GDĐT (its director signs).
   */
  public TestBody newProvinceForUnits(boolean districtTier) {
    String code = "P" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    OrgUnit p = orgs.save(new OrgUnit(code, "Tỉnh thử " + code, OrgKind.PROVINCE, null, true, null, Instant.now()));
    String lu = Title.LEARNING_UNIT.name();
    authority.save(districtTier
        ? new AuthorityRule(p.getId(), lu, UnitKind.Tier.DISTRICT, OrgKind.DISTRICT, "Phòng GDĐT", OrgKind.DISTRICT,
            "signer", "Chủ tịch UBND huyện", "QĐ-UBND", true, "TT 24/2023/TT-BGDĐT, Điều 10")
        : new AuthorityRule(p.getId(), lu, UnitKind.Tier.DISTRICT, OrgKind.PROVINCE, "Sở GDĐT", OrgKind.PROVINCE,
            "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", false, "cấu hình thử"));
    String lc = Title.LEARNING_COMMUNITY.name();
    authority.save(districtTier
        ? new AuthorityRule(p.getId(), lc, UnitKind.Tier.COMMUNE, OrgKind.DISTRICT, "Phòng GDĐT", OrgKind.DISTRICT,
            "director", "Trưởng phòng GDĐT", "QĐ-PGDĐT", true, "TT 25/2023/TT-BGDĐT")
        : new AuthorityRule(p.getId(), lc, UnitKind.Tier.COMMUNE, OrgKind.PROVINCE, "Sở GDĐT", OrgKind.PROVINCE,
            "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", false, "cấu hình thử"));
    authority.save(new AuthorityRule(p.getId(), lc, UnitKind.Tier.DISTRICT, OrgKind.PROVINCE, "Sở GDĐT",
        OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", true, "TT 25/2023/TT-BGDĐT"));
    return body(code);
  }

  /** A district (or, in a two-tier province, a commune) under the given body, with one user per role. */
  public TestBody newBody(String parentCode, OrgKind kind) {
    String code = "B" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    OrgUnit parent = orgs.findByCode(parentCode).orElseThrow();
    orgs.save(new OrgUnit(code, "Địa bàn thử " + code, kind, null, true, parent, Instant.now()));
    return body(code);
  }

  /** A body's committee staff and chair (its "Cộng đồng học tập" applicants), as for newLocality. */
  public TestUnit committeeOf(String code) {
    String staff = "ubnd." + code.toLowerCase();
    String chair = "chair." + code.toLowerCase();
    user(staff, Groups.committee(code));
    user(chair, Groups.chair(code));
    return new TestUnit(code, staff, chair);
  }

  private TestBody body(String code) {
    String c = code.toLowerCase();
    TestBody b = new TestBody(code, "reviewer." + c, "signer." + c, "director." + c, "viewer." + c);
    user(b.reviewer(), Groups.reviewer(code));
    user(b.signer(), Groups.signer(code));
    user(b.director(), Groups.director(code));
    user(b.viewer(), Groups.viewer(code));
    return b;
  }

  /** A commune (or a district, under a province) created for one test, with its committee staff and chair. */
  public TestUnit newLocality(String parentCode, OrgKind kind) {
    String code = "L" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    OrgUnit parent = orgs.findByCode(parentCode).orElseThrow();
    orgs.save(new OrgUnit(code, "Địa phương thử " + code, kind, null, true, parent, Instant.now()));
    String staff = "ubnd." + code.toLowerCase();
    String chair = "chair." + code.toLowerCase();
    user(staff, Groups.committee(code));
    user(chair, Groups.chair(code));
    return new TestUnit(code, staff, chair);
  }

  /**
   * The open task of that step of the dossier (in the title's process or the shared procedure it calls, which
   * carry the same business key), as the user sees it in their task list; null if they cannot see it.
   */
  public Task task(String user, ProcessInstance pi, String taskKey) {
    if (RecognitionProcess.TASK_DECIDE.equals(taskKey)) {
      councilPassesIfWaiting(pi);
    }
    return as(user, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(taskKey).singleResult());
  }

  /** Completes the step as the user, exactly as the Tasklist submits a form. */
  public void complete(String user, ProcessInstance pi, String taskKey, Map<String, Object> form) {
    Task t = task(user, pi, taskKey);
    if (t == null) {
      throw new AssertionError(user + " does not see an open task " + taskKey);
    }
    as(user, () -> tasks.complete(t.getId(), form));
  }

  /** The council of a dossier as tests set it up: five people of the receiving body, the head in the chair. */
  public record TestCouncil(String head, String chair, String secretary, List<String> members) {
    public List<String> everyone() {
      List<String> all = new java.util.ArrayList<>(List.of(chair, secretary));
      all.addAll(members);
      return all;
    }
  }

  /**
   * The head of the dossier's receiving body (a user of its director group, or of the Minister's) and four more
   * people of that body (report viewers, created once per body), who may sit on its Hội đồng đánh giá.
   */
  public TestCouncil councilFor(ProcessInstance pi, int size) {
    Dossier d = dossiers.get(Long.valueOf(pi.getBusinessKey()));
    String code = d.getReceivingOrg().getCode();
    String headGroup = AppraisalCouncils.headGroup(d);
    var heads = identity.createUserQuery().memberOfGroup(headGroup).orderByUserId().asc().list();
    String head = heads.isEmpty() ? "head." + code.toLowerCase() : heads.get(0).getId();
    if (heads.isEmpty()) {
      user(head, headGroup);
    }
    List<String> others = new java.util.ArrayList<>();
    for (int i = 1; i < size; i++) {
      String id = "hd" + i + "." + code.toLowerCase();
      user(id, Groups.viewer(code));
      others.add(id);
    }
    return new TestCouncil(head, head, others.get(0), others.subList(1, others.size()));
  }

  /** The council form values of a council: mode MEETING or WRITTEN. */
  public static Map<String, Object> councilForm(TestCouncil c, String mode) {
    return Map.of(RecognitionProcess.VAR_COUNCIL_MODE, mode, RecognitionProcess.FIELD_COUNCIL_CHAIR, c.chair(),
        RecognitionProcess.FIELD_COUNCIL_SECRETARY, c.secretary(), RecognitionProcess.FIELD_COUNCIL_MEMBERS,
        String.join("\n", c.members()));
  }

  /**
   * The Hội đồng đánh giá the quick way, for tests about other steps: the head sets up a council of five that meets
   * today, all present, five votes "đạt". The dossier then waits for the competent signer.
   */
  public TestCouncil councilPasses(long dossierId) {
    return councilPasses(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(dossierId))
        .list().get(0));
  }

  public TestCouncil councilPasses(ProcessInstance pi) {
    TestCouncil c = councilFor(pi, 5);
    complete(c.head(), pi, RecognitionProcess.TASK_SET_UP_COUNCIL, councilForm(c, "MEETING"));
    Map<String, Object> minutes = new HashMap<>(Map.of(
        RecognitionProcess.FIELD_COUNCIL_DATE, new vn.hoctap.common.EngineClock().today().toString(),
        RecognitionProcess.FIELD_PRESENT, String.join("\n", c.everyone()), RecognitionProcess.FIELD_VOTES_FOR, 5L,
        RecognitionProcess.FIELD_VOTES_AGAINST, 0L, RecognitionProcess.FIELD_COUNCIL_CONCLUSION, "PASS",
        RecognitionProcess.FIELD_COUNCIL_MINUTES, "Hội đồng thống nhất hồ sơ đạt."));
    // every indicator "đạt", as the council agrees with the evaluator (the step prefilled his results)
    Task step = task(c.secretary(), pi, RecognitionProcess.TASK_COUNCIL_MINUTES);
    tasks.getVariables(step.getId()).keySet().stream().filter(k -> k.startsWith(CouncilVerdicts.PREFIX)
        && !k.endsWith(CouncilVerdicts.REASON)).forEach(k -> minutes.put(k, "PASS"));
    complete(c.secretary(), pi, RecognitionProcess.TASK_COUNCIL_MINUTES, minutes);
    return c;
  }

  /**
   * Tests written before the council step reach the signer through it: when the dossier waits for its council to be
   * set up, the council passes it quickly ({@link #councilPasses}).
   */
  public void councilPassesIfWaiting(ProcessInstance pi) {
    if (tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(RecognitionProcess.TASK_SET_UP_COUNCIL).count() > 0) {
      councilPasses(pi);
    }
  }

  /**
   * Every indicator of the district level-1 set (TT24 Điều 6) met, whatever the district unit's kind: conditions
   * answered "Có", ratios at their threshold or just above (TC2: 90 %, 90 %, 90 %, 50 %, 90 %; TC3.CT1 90 %, learners
   * 95 %), "Tập thể lao động tiên tiến", "mức đáp ứng cơ bản". Values of indicators that do not apply are ignored.
   */
  public static Map<String, Object> districtLevel1Met() {
    Map<String, Object> v = new HashMap<>();
    for (String k : List.of("tc1_ct1", "tc1_ct2", "tc1_ct2_mn", "tc1_ct3", "tc1_ct4", "tc1_ct5", "tc3_ct2",
        "tc3_ct2_mn", "tc3_ct5")) {
      v.put(k, "true");
    }
    counts(v, "tc2_ct1", 45, 50);
    counts(v, "tc2_ct2", 50, 50);
    counts(v, "tc2_ct3", 46, 50);
    counts(v, "tc2_ct4", 25, 50);
    counts(v, "tc2_ct5", 47, 50);
    counts(v, "tc3_ct1", 45, 50);
    counts(v, "tc3_ct1_hs", 950, 1000);
    v.put("tc3_ct3_title", "TAP_THE_LAO_DONG_TIEN_TIEN");
    v.put("tc3_ct4_level", "BASIC");
    v.put("tc1_ct1_note", "Kế hoạch số 01/KH ngày 05/01");
    return v;
  }

  /** Every applicable indicator of the province level-1 set (TT24 Điều 12) met, for an upper-secondary school. */
  public static Map<String, Object> provinceLevel1MetUpperSecondary() {
    Map<String, Object> v = new HashMap<>();
    for (String k : List.of("tc1_ct1", "tc1_ct2", "tc1_ct3", "tc1_ct4", "tc1_ct5", "tc3_ct2", "tc3_ct6")) {
      v.put(k, "true");
    }
    counts(v, "tc2_ct1", 90, 100);
    counts(v, "tc2_ct2", 95, 100);
    counts(v, "tc2_ct3", 92, 100);
    counts(v, "tc2_ct4", 60, 100);
    counts(v, "tc2_ct5", 91, 100);
    counts(v, "tc3_ct1", 90, 100);
    counts(v, "tc3_ct1_hs", 950, 1000);
    v.put("tc3_ct3_title", "TAP_THE_LAO_DONG_TIEN_TIEN");
    v.put("tc3_ct4_level", "BASIC");
    v.put("tc3_ct5_level", "BASIC");
    return v;
  }

  /**
   * Every indicator of the level-1 set of "Cộng đồng học tập" met, at any tier (TT25 Điều 6 xã, 11 huyện, 16 tỉnh: the
   * fields of the three tiers do not clash, so one map serves all): conditions "Có", the citizens' ratios at their
   * thresholds (60 %, 50 %, 12 %), 90 % of communes or districts recognised, income and employment up, poverty down,
   * GRDP up, 4 programmes of the museum and of the radio-television. The figures hoctap already knows (recognised
   * communes, last year's figures) are overridden with a reason in the note, as a commune or district would.
   */
  public static Map<String, Object> communityMet() {
    Map<String, Object> v = new HashMap<>();
    for (String k : List.of("tc1_ct1", "tc1_ct2", "tc1_ct3", "tc2_ct1", "tc2_ct2", "tc2_ct3", "tc2_ct4", "tc2_ct5",
        "tc3_ct1", "tc3_ct2", "tc3_ct3", "tc3_ct5_hl", "tc4_ct1", "tc4_ct2", "tc4_ct3", "tc4_ct4")) {
      v.put(k, "true");
    }
    counts(v, "tc5_ct1", 600, 1000);
    counts(v, "tc5_ct2", 500, 1000);
    counts(v, "tc5_ct2_dh", 120, 1000);
    v.put("tc5_ct1_note", "Theo số liệu dân số của xã năm đánh giá");
    counts(v, "tc4_ct1", 9, 10);
    v.put("tc4_ct1_note", "Theo các quyết định công nhận lưu tại cơ quan");
    v.put("tc4_ct2_current", "70,5");
    v.put("tc4_ct2_previous", "65,2");
    v.put("tc4_ct2_note", "Theo niên giám thống kê");
    v.put("tc4_ct3_current", "62");
    v.put("tc4_ct3_previous", "61,5");
    v.put("tc4_ct3_note", "Theo niên giám thống kê");
    v.put("tc3_ct4_count", 4L);
    v.put("tc3_ct5_count", 4L);
    return v;
  }

  /** Province level 1 of TT25 Điều 16 differs at TC4: poverty down, GRDP up (the district's figures go up). */
  public static Map<String, Object> provinceCommunityMet() {
    Map<String, Object> v = communityMet();
    v.put("tc4_ct2_current", "3,1");
    v.put("tc4_ct2_previous", "4,2");
    v.put("tc4_ct3_current", "1.250,5");
    v.put("tc4_ct3_previous", "1.100");
    return v;
  }

  /**
   * Takes a commune's "Cộng đồng học tập" level-1 dossier of that year to a decision: self-assessment, the meeting
   * with its minutes, the receiving body's completeness check and appraisal, the signer's approval.
   */
  public ProcessInstance recogniseCommune(TestBody receiving, TestUnit commune, int year) {
    ProcessInstance pi = open(LearningCommunityProcess.KEY, commune.team(), commune.code(), 1, year);
    complete(commune.team(), pi, RecognitionProcess.TASK_SELF_ASSESSMENT, communityMet());
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    try {
      evidence.upload(Long.valueOf(pi.getBusinessKey()), null, "bien-ban-hop.pdf", new ByteArrayInputStream(pdf),
          pdf.length, "Biên bản họp", new CurrentUser(commune.team(), List.of(Groups.committee(commune.code()))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> meeting = new HashMap<>();
    meeting.put(LearningCommunityProcess.FIELD_MEETING_DATE, year + "-11-30");
    meeting.put(LearningCommunityProcess.FIELD_ATTENDEES, "Chủ tịch UBND, Hội Khuyến học");
    meeting.put(LearningCommunityProcess.FIELD_MINUTES_FILE, "bien-ban-hop.pdf");
    meeting.put(LearningCommunityProcess.VAR_MEETING_OUTCOME, LearningCommunityProcess.AGREE);
    complete(commune.head(), pi, LearningCommunityProcess.TASK_MEETING, meeting);
    complete(receiving.reviewer(), pi, RecognitionProcess.TASK_CHECK_COMPLETENESS,
        Map.of(RecognitionProcess.FIELD_COMPLETENESS, RecognitionProcess.COMPLETE));
    complete(receiving.reviewer(), pi, RecognitionProcess.TASK_APPRAISE, with(communityMet(),
        RecognitionProcess.VAR_APPRAISAL_RECOMMENDATION, RecognitionProcess.RECOGNISE));
    complete(receiving.director(), pi, RecognitionProcess.TASK_DECIDE,
        Map.of(RecognitionProcess.VAR_SIGNER_DECISION, RecognitionProcess.APPROVE));
    return pi;
  }

  private static void counts(Map<String, Object> v, String key, long met, long total) {
    v.put(key + "_met", met);
    v.put(key + "_total", total);
  }

  public static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
    Map<String, Object> m = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
