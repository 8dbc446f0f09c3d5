package vn.hoctap.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * A plan's report due date gives the reporting body a task a set number of days before it, moved there with the
 * engine clock; scheduling twice starts nothing new, and a date already past is not scheduled.
 */
@HoctapTest
class ReportReminderTest {

  @Autowired PlanCatalog plans;
  @Autowired ReportReminders reminders;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired Fixtures fx;
  @Autowired IdentityProvisioning provisioning;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTaskForTheReportingBodyTenDaysBeforeTheDueDate() {
    Chains.setClock(LocalDate.of(2027, 1, 2));
    TestUnit district = fx.newLocality("HN", OrgKind.DISTRICT);
    String viewer = "xem." + district.code().toLowerCase();
    provisioning.ensureUserSharingPassword(viewer, "Xem", "Người", viewer + "@test.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureGroup(Groups.viewer(district.code()), Groups.viewer(district.code()), "WORKFLOW");
    provisioning.ensureMembership(viewer, Groups.viewer(district.code()));
    long plan = plans.createPlan("TEST-" + district.code(), "Kế hoạch thử", "UBND thử", district.code(), 2027, 2027,
        "thử");
    plans.addReportDue(plan, "Phòng GDĐT thử", "Sở GDĐT Hà Nội", district.code(), 12, 5, 0, 10);

    assertThat(reminders.schedule(2027)).isGreaterThanOrEqualTo(1);
    assertThat(reminders.schedule(2027)).as("scheduled once").isZero();
    long due = plans.all().stream().filter(p -> p.id() == plan).findFirst().orElseThrow().reportDues().get(0).id();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(ReportReminders.PROCESS_KEY)
        .processInstanceBusinessKey(ReportReminders.businessKey(due, 2027)).singleResult();
    assertThat(pi).isNotNull();
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    // ten days before 05/12/2027, at 08:00 Vietnam time
    assertThat(timer.getDuedate()).isEqualTo(Date.from(LocalDate.of(2027, 11, 25).atTime(8, 0)
        .atZone(EngineClock.ZONE).toInstant()));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

    Chains.setClock(LocalDate.of(2027, 11, 25));
    management.executeJob(timer.getId());
    Task task = fx.as(viewer, () -> tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult());
    assertThat(task).as("the body's viewers see the task").isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(ReportReminders.TASK_SUBMIT_REPORT);
    assertThat(task.getName()).isEqualTo("Lập và gửi báo cáo kết quả năm 2027 (hạn 05/12/2027)");
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains(Groups.viewer(district.code()), Groups.reviewer(district.code()));
    assertThat((String) tasks.getVariableLocal(task.getId(), "reportInfo"))
        .contains("Phòng GDĐT thử", "Sở GDĐT Hà Nội", "05/12/2027", "Kế hoạch thử");
    fx.as(viewer, () -> tasks.complete(task.getId(), Map.of("reportSent", true, "reportNote", "Số 12/BC")));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

    // after the due date nothing is scheduled for that year any more
    Chains.setClock(LocalDate.of(2027, 12, 6));
    long plan2 = plans.createPlan("TEST2-" + district.code(), "Kế hoạch thử 2", "UBND thử", district.code(), 2027,
        2027, "thử");
    plans.addReportDue(plan2, "Phòng GDĐT thử", "Sở GDĐT Hà Nội", district.code(), 12, 5, 0, 10);
    List<ProcessInstance> before = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ReportReminders.PROCESS_KEY).list();
    reminders.schedule(2027);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReportReminders.PROCESS_KEY).count())
        .isEqualTo(before.size());
  }
}
