package vn.hoctap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * The shared Tasklist filters (CamundaSetup) as the engine runs them for a signed-in user: "Tất cả việc tôi được
 * xem" lists their groups' tasks, claimed or not, and the tasks naming them personally — and nothing of another
 * unit; "Việc của nhóm tôi (chưa ai nhận)" only the unclaimed group tasks.
 */
@HoctapTest
class TasklistFiltersTest {

  static final String ALL = "Tất cả việc tôi được xem";
  static final String GROUP = "Việc của nhóm tôi (chưa ai nhận)";

  @Autowired Fixtures fx;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired IdentityProvisioning provisioning;

  private List<String> list(String user, String filter) {
    String id = filters.createFilterQuery().filterName(filter).singleResult().getId();
    return fx.as(user, () -> filters.<Task>list(id).stream().map(Task::getId).toList());
  }

  private long count(String user, String filter) {
    String id = filters.createFilterQuery().filterName(filter).singleResult().getId();
    return fx.as(user, () -> filters.count(id));
  }

  @Test
  void everythingIMaySeeAndNothingElse() {
    TestUnit a = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    TestUnit b = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pa = fx.open(a.team(), a.code(), 1, 2026);
    ProcessInstance pb = fx.open(b.team(), b.code(), 1, 2026);
    String taskA = fx.task(a.team(), pa, "Task_SelfAssessment").getId();
    String taskB = fx.task(b.team(), pb, "Task_SelfAssessment").getId();
    // a colleague in the same assessment team
    String colleague = "dongnghiep." + a.code().toLowerCase();
    provisioning.ensureUserSharingPassword(colleague, "Đồng", "Nghiệp", colleague + "@test.hoctap.vn",
        DemoData.PASSWORD);
    provisioning.ensureMembership(colleague, Groups.team(a.code()));
    // a task naming one person, as a council member's vote does
    Task vote = tasks.newTask();
    vote.setName("Bỏ phiếu thử");
    tasks.saveTask(vote);
    tasks.addCandidateUser(vote.getId(), colleague);

    assertThat(list(a.team(), ALL)).contains(taskA).doesNotContain(taskB, vote.getId());
    assertThat(list(colleague, ALL)).contains(taskA, vote.getId()).doesNotContain(taskB);
    assertThat(list(b.team(), ALL)).contains(taskB).doesNotContain(taskA, vote.getId());
    assertThat(count(colleague, ALL)).isEqualTo(list(colleague, ALL).size());

    fx.as(a.team(), () -> tasks.claim(taskA, a.team()));
    assertThat(list(colleague, ALL)).contains(taskA);
    assertThat(list(colleague, GROUP)).doesNotContain(taskA);
    assertThat(list(b.team(), GROUP)).contains(taskB).doesNotContain(taskA);
    tasks.deleteTask(vote.getId(), true);
  }
}
