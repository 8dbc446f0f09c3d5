package vn.hoctap.citizen;

import static vn.hoctap.process.AssessmentRoundProcess.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.security.IdentityProvisioning;

/**
 * Demo users of the rounds (after {@link DemoData}): the council (Hội đồng) of Trường Tiểu học Tam Hiệp, and the
 * team and Hội Khuyến học branch of Thôn Tả Thanh Oai, whose families the commune chairman (chutichxa) recognises.
 * Outside the tests, the school also gets a recognised round of 30 staff for the previous year, so that its
 * "Đơn vị học tập" self-assessment opens with TC3.CT1 filled in from it.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "hoctap.demo.enabled", havingValue = "true")
class RoundDemoData implements ApplicationRunner {

  static final String SCHOOL = "HN-TT-TH01";
  static final String VILLAGE = "HN-TT-TTO-T1";

  private final IdentityProvisioning provisioning;
  private final RoundService rounds;
  private final RoundWorkflow workflow;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Environment env;

  RoundDemoData(IdentityProvisioning provisioning, RoundService rounds, RoundWorkflow workflow, TaskService tasks,
      IdentityService identity, Environment env) {
    this.provisioning = provisioning;
    this.rounds = rounds;
    this.workflow = workflow;
    this.tasks = tasks;
    this.identity = identity;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    user("hoidong", "Hạnh", "Nguyễn Thị", Groups.council(SCHOOL), "Hội đồng đánh giá — Trường Tiểu học Tam Hiệp");
    user("truongthon", "Khoa", "Đào Văn", Groups.team(VILLAGE), "Thôn Tả Thanh Oai — lập danh sách gia đình, dòng họ");
    user("chihoi", "Liên", "Trương Thị", Groups.branch(VILLAGE), "Chi hội khuyến học thôn Tả Thanh Oai");
    if (!Arrays.asList(env.getActiveProfiles()).contains("test")) {
      sampleSchoolRound();
    }
  }

  private void user(String id, String first, String last, String group, String groupName) {
    provisioning.ensureUserSharingPassword(id, first, last, id + "@demo.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureGroup(group, groupName, "WORKFLOW");
    provisioning.ensureMembership(id, group);
  }

  /** 30 staff of the school, 28 of whom pass, through the whole chain; once. */
  private void sampleSchoolRound() {
    int year = java.time.Year.now().getValue() - 1;
    if (rounds.list(null, year, 500).stream().anyMatch(r -> r.orgCode().equals(SCHOOL))) {
      return;
    }
    Round r = workflow.start(RoundKind.CITIZEN, SCHOOL, year, new CurrentUser("todanhgia",
        List.of(Groups.team(SCHOOL))));
    String[] names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
        "Vũ Thị Giang", "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Hùng", "Ngô Thị Lan"};
    for (int i = 0; i < 30; i++) {
      Map<String, String> scores = new java.util.LinkedHashMap<>();
      for (int k = 0; k < 10; k++) {
        String code = "NL" + (k / 4 + 1) + "." + (k < 8 ? k % 4 + 1 : k - 7);
        scores.put(code, i == 7 && k == 6 ? "4" : i == 19 ? "7" : String.valueOf(8 + (i + k) % 3));
      }
      rounds.saveEntry(r.id(), Subject.OFFICIAL, String.format("0011900%05d", 10000 + i), names[i % 10]
          + (i < 10 ? "" : " " + (i / 10 + 1)), String.valueOf(1970 + i), scores, null, "todanhgia");
    }
    complete("todanhgia", r, TASK_PREPARE, Map.of(FIELD_COMMENT, "Danh sách cán bộ, giáo viên, nhân viên"));
    complete("hoidong", r, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
    complete("hieutruong", r, TASK_DECIDE, Map.of(VAR_DECISION, RECOGNISE));
  }

  private void complete(String user, Round r, String taskKey, Map<String, Object> form) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(RoundWorkflow.businessKey(r.id())).taskDefinitionKey(taskKey)
        .singleResult();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList());
    try {
      tasks.complete(t.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }
}
