package vn.hoctap.citizen;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.process.AssessmentRoundProcess;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;

/** Bodies with their round users for one test each, rounds started as those users, and filled spreadsheets. */
@Component
public class RoundFixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final AtomicInteger PERSON = new AtomicInteger();

  /** A body created for one test, with the user ids of its preparer, reviewer and decider. */
  public record Body(String code, String preparer, String reviewer, String decider) {}

  private final OrgUnitRepository orgs;
  private final IdentityProvisioning provisioning;
  private final RoundWorkflow workflow;
  private final RuntimeService runtime;
  private final RoundService rounds;
  private final TaskService tasks;
  private final Fixtures fx;

  RoundFixtures(OrgUnitRepository orgs, IdentityProvisioning provisioning, RoundWorkflow workflow,
      RuntimeService runtime, RoundService rounds, TaskService tasks, Fixtures fx) {
    this.rounds = rounds;
    this.tasks = tasks;
    this.fx = fx;
    this.orgs = orgs;
    this.provisioning = provisioning;
    this.workflow = workflow;
    this.runtime = runtime;
  }

  /** A school under the parent with its Tổ đánh giá, council (Hội đồng) and head. */
  public Body newSchool(String parentCode) {
    return newUnit(parentCode, UnitKind.PRIMARY);
  }

  /** A unit of the given kind under the parent with its Tổ đánh giá, council (Hội đồng) and head. */
  public Body newUnit(String parentCode, UnitKind kind) {
    String code = "R" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    orgs.save(new OrgUnit(code, (kind.educationInstitution() ? "Trường thử " : "Cơ quan thử ") + code, OrgKind.UNIT,
        kind, true, orgs.findByCode(parentCode).orElseThrow(), Instant.now()));
    return new Body(code, user("team." + code, Groups.team(code)), user("council." + code, Groups.council(code)),
        user("head." + code, Groups.head(code)));
  }

  /** A village under a new commune, with its team, Hội Khuyến học branch and the commune's chairman. */
  public Body newVillage(String districtCode) {
    String commune = "C" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    OrgUnit c = orgs.save(new OrgUnit(commune, "Xã thử " + commune, OrgKind.COMMUNE, null, true,
        orgs.findByCode(districtCode).orElseThrow(), Instant.now()));
    String code = commune + "-T1";
    orgs.save(new OrgUnit(code, "Thôn thử " + code, OrgKind.VILLAGE, null, true, c, Instant.now()));
    return new Body(code, user("team." + code, Groups.team(code)), user("branch." + code, Groups.branch(code)),
        user("chair." + commune, Groups.chair(commune)));
  }

  /** A commune under the parent with its People's Committee staff, council (Hội đồng) and chairman. */
  public Body newCommune(String parentCode) {
    String code = "X" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
    orgs.save(new OrgUnit(code, "Xã thử " + code, OrgKind.COMMUNE, null, true,
        orgs.findByCode(parentCode).orElseThrow(), Instant.now()));
    return new Body(code, user("ubnd." + code, Groups.committee(code)), user("council." + code, Groups.council(code)),
        user("chair." + code, Groups.chair(code)));
  }

  private String user(String id, String group) {
    String u = id.toLowerCase();
    provisioning.ensureUserSharingPassword(u, "Thử", "Người", u + "@test.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureGroup(group, group, "WORKFLOW");
    provisioning.ensureMembership(u, group);
    return u;
  }

  public Round start(Body body, RoundKind kind, int year) {
    String group = body.preparer().startsWith("team.") ? Groups.team(body.code()) : Groups.committee(body.code());
    return workflow.start(kind, body.code(), year, new CurrentUser(body.preparer(), List.of(group)));
  }

  public ProcessInstance instance(Round r) {
    return runtime.createProcessInstanceQuery().processInstanceId(r.processInstanceId()).singleResult();
  }

  /** A fresh, valid 12-digit personal identification number (Hà Nội's province code 001, so a leading zero). */
  public static String newPersonId() {
    return String.format("001%09d", PERSON.incrementAndGet() + (System.nanoTime() % 1000) * 1_000_000L);
  }

  /** Scores for the ten 10-point indicators of a "Công dân học tập" sheet, in sheet order. */
  public static Map<String, String> scores(double... values) {
    String[] codes = {"NL1.1", "NL1.2", "NL1.3", "NL1.4", "NL2.1", "NL2.2", "NL2.3", "NL2.4", "NL3.1", "NL3.2"};
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < codes.length; i++) {
      m.put(codes[i], BigDecimal.valueOf(values[i]).stripTrailingZeros().toPlainString());
    }
    return m;
  }

  /** Ten scores of 9: total 90, passes. */
  public static Map<String, String> passing() {
    return scores(9, 9, 9, 9, 9, 9, 9, 9, 9, 9);
  }

  /**
   * An .xlsx file with the template's header for the subject and the given rows (each: identity, name, birth
   * year, then the scores; a String cell unless it is a Number).
   */
  public static Path xlsx(RoundImport imports, Subject subject, List<Object[]> rows) throws IOException {
    Path template = Files.createTempFile("mau-", ".xlsx");
    try (OutputStream out = Files.newOutputStream(template)) {
      imports.template(subject, out);
    }
    Path file = Files.createTempFile("danh-sach-", ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(template.toFile().toPath().toString())) {
      Sheet s = wb.getSheet("Danh sách");
      int r = 1;
      for (Object[] values : rows) {
        Row row = s.createRow(r);
        row.createCell(0).setCellValue(r);
        for (int c = 0; c < values.length; c++) {
          if (values[c] instanceof Number n) {
            row.createCell(c + 1).setCellValue(n.doubleValue());
          } else if (values[c] != null) {
            row.createCell(c + 1).setCellValue(values[c].toString());
          }
        }
        r++;
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    Files.delete(template);
    file.toFile().deleteOnExit();
    return file;
  }

  /** A row for {@link #xlsx}: identity, name, birth year, ten scores. */
  public static Object[] person(String id, String name, double... scores) {
    List<Object> v = new ArrayList<>(List.of(id, name, 1985));
    for (double s : scores) {
      v.add(s);
    }
    return v.toArray();
  }

  /**
   * A decided "Công dân học tập" round of the body for the year: {@code passed} entries of the subject recognised,
   * {@code failed} not, and {@code learners} learners recognised; listed, approved and recognised by its users.
   */
  public Round decided(Body body, int year, Subject subject, int passed, int failed, int learners) {
    Round r = start(body, RoundKind.CITIZEN, year);
    for (int i = 0; i < passed; i++) {
      rounds.saveEntry(r.id(), subject, newPersonId(), "Người đạt " + i, null, passing(), null, body.preparer());
    }
    for (int i = 0; i < failed; i++) {
      rounds.saveEntry(r.id(), subject, newPersonId(), "Người chưa đạt " + i, null,
          scores(10, 10, 10, 10, 10, 10, 4, 10, 10, 10), null, body.preparer());
    }
    for (int i = 0; i < learners; i++) {
      rounds.saveEntry(r.id(), Subject.LEARNER, newPersonId(), "Học viên " + i, null, passing(), null,
          body.preparer());
    }
    ProcessInstance round = instance(r);
    complete(body.preparer(), round, AssessmentRoundProcess.TASK_PREPARE, Map.of());
    complete(body.reviewer(), round, AssessmentRoundProcess.TASK_REVIEW,
        Map.of(AssessmentRoundProcess.VAR_REVIEW_OUTCOME, AssessmentRoundProcess.APPROVE_ALL));
    complete(body.decider(), round, AssessmentRoundProcess.TASK_DECIDE,
        Map.of(AssessmentRoundProcess.VAR_DECISION, AssessmentRoundProcess.RECOGNISE));
    return rounds.get(r.id());
  }

  private void complete(String user, ProcessInstance pi, String key, Map<String, Object> form) {
    org.camunda.bpm.engine.task.Task t = fx.task(user, pi, key);
    if (t == null) {
      throw new AssertionError(user + " has no task " + key + " of round " + pi.getBusinessKey());
    }
    fx.as(user, () -> tasks.complete(t.getId(), form));
  }
}
