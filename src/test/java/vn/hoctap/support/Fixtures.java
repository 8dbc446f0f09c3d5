package vn.hoctap.support;

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
import vn.hoctap.dossier.Title;
import vn.hoctap.org.AuthorityRule;
import vn.hoctap.org.AuthorityRuleRepository;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.LearningUnitProcess;
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

  Fixtures(OrgUnitRepository orgs, AuthorityRuleRepository authority, DeadlineService deadlines,
      IdentityProvisioning provisioning, IdentityService identity, RuntimeService runtime, TaskService tasks) {
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

  public ProcessInstance open(String user, String unitCode, int level, int year) {
    return open(LearningUnitProcess.KEY, user, unitCode, level, year);
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
    String code = "P" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    OrgUnit p = orgs.save(new OrgUnit(code, "Tỉnh thử " + code, OrgKind.PROVINCE, null, true, null, Instant.now()));
    String lc = Title.LEARNING_COMMUNITY.name();
    authority.save(new AuthorityRule(p.getId(), lc, UnitKind.Tier.PROVINCE, OrgKind.NATION, "Bộ GDĐT",
        OrgKind.NATION, "signer", "Bộ trưởng Bộ GDĐT", "QĐ-BGDĐT", true, "TT 25/2023/TT-BGDĐT"));
    deadlines.saveRule(new DeadlineRule(lc, UnitKind.Tier.PROVINCE, DeadlineKind.SUBMISSION, p.getId(), null, 4, 30,
        1, 7, "cấu hình thử", false));
    deadlines.saveRule(new DeadlineRule(lc, UnitKind.Tier.PROVINCE, DeadlineKind.DECISION, p.getId(), null, 5, 31,
        1, 7, "cấu hình thử", false));
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

  /** Every applicable indicator of the district level-1 set met, with judgements for the unconfirmed ones. */
  public static Map<String, Object> districtLevel1Met() {
    Map<String, Object> v = new HashMap<>();
    for (String k : List.of("tc1_ct1", "tc1_ct2", "tc1_ct2_mn", "tc1_ct3", "tc1_ct4", "tc1_ct5")) {
      v.put(k, "true");
    }
    v.put("tc2_ct1_met", 45L);
    v.put("tc2_ct1_total", 50L);
    v.put("tc2_ct2_met", 50L);
    v.put("tc2_ct2_total", 50L);
    v.put("tc3_ct1_met", 40L);
    v.put("tc3_ct1_total", 50L);
    for (String k : List.of("tc2_khac", "tc3_ct1", "tc3_khac")) {
      v.put(k + "_judgement", "MET");
    }
    v.put("tc1_ct1_note", "Kế hoạch số 01/KH ngày 05/01");
    return v;
  }

  /** Every applicable indicator of the province level-1 set met, for an upper-secondary school. */
  public static Map<String, Object> provinceLevel1MetUpperSecondary() {
    Map<String, Object> v = new HashMap<>();
    for (String k : List.of("tc1_ct1", "tc1_ct2", "tc1_ct3", "tc1_ct4", "tc1_ct5", "tc3_ct2")) {
      v.put(k, "true");
    }
    v.put("tc2_ct1_met", 90L);
    v.put("tc2_ct1_total", 100L);
    v.put("tc2_ct2_met", 95L);
    v.put("tc2_ct2_total", 100L);
    v.put("tc3_ct1_met", 90L);
    v.put("tc3_ct1_total", 100L);
    v.put("tc3_ct1_hs_met", 950L);
    v.put("tc3_ct1_hs_total", 1000L);
    v.put("tc3_ct3", "TAP_THE_LAO_DONG_TIEN_TIEN");
    v.put("tc3_ct4", "BASIC");
    v.put("tc2_khac_judgement", "MET");
    return v;
  }

  public static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
    Map<String, Object> m = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
