package vn.hoctap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.DeadlineRules;
import vn.hoctap.deadline.DeadlineService;
import vn.hoctap.deadline.WorkingCalendar;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.recognition.Notification;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.HoctapTest;

/**
 * The reporting deadlines of the texts drive real work (issue 19 part 6): TT24 Điều 20 khoản 3 gives each district's
 * Phòng GDĐT in a three-tier province a task seven days before 15/03 of N + 1; doing it records the district's
 * yearly report as sent, attached, and tells the Sở GDĐT; left open past the date, the task goes to the Sở too. A
 * rule without a date gives no task; a province's own rule moves the date, the timers and the task. The engine
 * clock is moved as in the other deadline tests.
 */
@HoctapTest
class TextReportDeadlinesTest {

  static final String LU = "LEARNING_UNIT";
  static final String LC = "LEARNING_COMMUNITY";

  @Autowired ReportReminders reminders;
  @Autowired ReportsSent sent;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired NotificationService notifications;
  @Autowired DeadlineService deadlines;
  @Autowired DeadlineRules rules;
  @Autowired WorkingCalendar calendar;
  @Autowired OrgUnitRepository orgs;
  @Autowired JdbcTemplate jdbc;
  @Autowired Fixtures fx;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  long nationalRule(String procedure, UnitKind.Tier tier) {
    return jdbc.queryForObject("select id from deadline_rule where procedure = ? and unit_tier = ? and kind = 'REPORT'"
        + " and province_id is null and assessment_year is null", Long.class, procedure, tier.name());
  }

  OrgUnit org(String code) {
    return orgs.findByCode(code).orElseThrow();
  }

  ProcessInstance instance(String key) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ReportReminders.PROCESS_KEY)
        .processInstanceBusinessKey(key).singleResult();
  }

  Job timer(ProcessInstance pi, String activity) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
  }

  static Date at8(LocalDate day) {
    return Date.from(day.atTime(8, 0).atZone(EngineClock.ZONE).toInstant());
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(EngineClock.ZONE).toInstant());
  }

  List<Notification> told(String group, String kind) {
    return notifications.forGroups(List.of(group)).stream().filter(n -> n.getKind().equals(kind)).toList();
  }

  /** A three-tier province with one district (its Phòng GDĐT's reviewer and viewer). */
  record Setup(TestBody province, TestBody district, String key) {}

  Setup threeTier() {
    TestBody province = fx.newProvinceForUnits(true);
    TestBody district = fx.newBody(province.code(), OrgKind.DISTRICT);
    String key = ReportReminders.textKey(nationalRule(LU, UnitKind.Tier.DISTRICT), org(district.code()).getId(), 2026);
    return new Setup(province, district, key);
  }

  @Test
  void theDistrictReportsToTheSởBefore15MarchAndTheSởIsTold() {
    Chains.setClock(LocalDate.of(2027, 1, 4));
    Setup s = threeTier();
    long provinceId = org(s.province().code()).getId();

    assertThat(reminders.scheduleTexts(2026, provinceId)).as("one task: the district, TT24 Điều 20 K3").isEqualTo(1);
    assertThat(reminders.scheduleTexts(2026, provinceId)).as("scheduled once").isZero();
    ProcessInstance pi = instance(s.key());
    assertThat(pi).isNotNull();
    // seven days before 15/03/2027, at 08:00 Vietnam time; nothing in the inbox before that
    assertThat(timer(pi, ReportReminders.TIMER_REMIND).getDuedate()).isEqualTo(at8(LocalDate.of(2027, 3, 8)));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

    Chains.setClock(LocalDate.of(2027, 3, 8));
    management.executeJob(timer(pi, ReportReminders.TIMER_REMIND).getId());
    Task task = fx.as(s.district().viewer(), () -> tasks.createTaskQuery().processInstanceId(pi.getId())
        .singleResult());
    assertThat(task).as("in the Phòng GDĐT's inbox").isNotNull();
    assertThat(task.getName()).isEqualTo("Báo cáo kết quả công nhận “Đơn vị học tập” cấp huyện năm 2026 gửi Sở GDĐT"
        + " Tỉnh thử " + s.province().code() + " trước ngày 15/03/2027 (TT 24/2023/TT-BGDĐT, Điều 20 khoản 3)");
    assertThat(task.getDueDate()).as("due at the end of 15/03/2027")
        .isEqualTo(Date.from(startOf(LocalDate.of(2027, 3, 16)).toInstant().minusMillis(1)));
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains(Groups.viewer(s.district().code()), Groups.reviewer(s.district().code()));
    assertThat((String) tasks.getVariableLocal(task.getId(), "reportInfo"))
        .contains("Phòng GDĐT Địa bàn thử " + s.district().code(), "15/03/2027", "Điều 20 khoản 3");
    assertThat(fx.as(s.province().reviewer(), () -> tasks.createTaskQuery().processInstanceId(pi.getId())
        .count())).as("not the Sở's task while on time").isZero();

    Chains.setClock(LocalDate.of(2027, 3, 10));
    fx.as(s.district().reviewer(), () -> tasks.complete(task.getId(), Map.of("reportSent", true,
        "reportNote", "Số 12/BC-PGDĐT ngày 10/03/2027")));
    assertThat(instance(s.key())).as("done").isNull();
    ReportsSent.Sent report = sent.byKey(s.key()).orElseThrow();
    assertThat(report.recipient()).isEqualTo("Sở GDĐT Tỉnh thử " + s.province().code());
    assertThat(report.year()).isEqualTo(2026);
    assertThat(report.dueOn()).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(report.note()).isEqualTo("Số 12/BC-PGDĐT ngày 10/03/2027");
    assertThat(report.sentBy()).isEqualTo(s.district().reviewer());
    assertThat(report.late()).isFalse();
    byte[] xlsx = sent.content(report.id());
    assertThat(xlsx).as("the yearly report attached, an .xlsx (zip)").hasSizeGreaterThan(1000);
    assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
    assertThat(told(Groups.reviewer(s.province().code()), "REPORT_RECEIVED")).singleElement()
        .satisfies(n -> assertThat(n.getBody()).contains("Phòng GDĐT Địa bàn thử " + s.district().code(),
            "Số 12/BC-PGDĐT ngày 10/03/2027", "15/03/2027", "TT 24/2023/TT-BGDĐT, Điều 20 khoản 3"));
    assertThat(told(Groups.viewer(s.province().code()), "REPORT_RECEIVED")).hasSize(1);
    assertThat(sent.visible(List.of(org(s.province().code()).getPath()))).extracting(ReportsSent.Sent::id)
        .contains(report.id());
    assertThat(reminders.scheduleTexts(2026, provinceId)).as("not again once done").isZero();
  }

  @Test
  void leftOpenPastTheDateTheTaskGoesToTheSởToo() {
    Chains.setClock(LocalDate.of(2027, 1, 4));
    Setup s = threeTier();
    reminders.scheduleTexts(2026, org(s.province().code()).getId());
    ProcessInstance pi = instance(s.key());
    Chains.setClock(LocalDate.of(2027, 3, 8));
    management.executeJob(timer(pi, ReportReminders.TIMER_REMIND).getId());
    Job overdue = timer(pi, ReportReminders.TIMER_OVERDUE);
    assertThat(overdue.getDuedate()).as("once 15/03/2027 has passed").isEqualTo(startOf(LocalDate.of(2027, 3, 16)));

    Chains.setClock(LocalDate.of(2027, 3, 16));
    management.executeJob(overdue.getId());
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task).as("still open: the district must still report").isNotNull();
    String supervisor = Groups.supervisorOf(org(s.district().code()));
    assertThat(supervisor).isEqualTo(Groups.reviewer(s.province().code()));
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains(supervisor, Groups.reviewer(s.district().code()));
    assertThat(fx.as(s.province().reviewer(), () -> tasks.createTaskQuery().processInstanceId(pi.getId()).count()))
        .isEqualTo(1);
    assertThat(told(supervisor, "ESCALATION")).singleElement().satisfies(n -> assertThat(n.getBody())
        .contains("15/03/2027", "Điều 20 khoản 3", "chưa gửi báo cáo"));
    assertThat(told(Groups.viewer(s.district().code()), "OVERDUE")).hasSize(1);

    fx.as(s.district().reviewer(), () -> tasks.complete(task.getId(), Map.of("reportSent", true,
        "reportNote", "Số 15/BC")));
    assertThat(sent.byKey(s.key()).orElseThrow().late()).isTrue();
  }

  @Test
  void aRuleWithoutADateGivesNoTaskUntilTheProvinceSetsOne() {
    Chains.setClock(LocalDate.of(2027, 1, 4));
    Setup s = threeTier();
    OrgUnit province = org(s.province().code());
    OrgUnit district = org(s.district().code());
    long communeReport = nationalRule(LC, UnitKind.Tier.COMMUNE);
    long provinceReport = nationalRule(LU, UnitKind.Tier.PROVINCE);
    String communeKey = ReportReminders.textKey(communeReport, district.getId(), 2026);

    reminders.scheduleTexts(2026, province.getId());
    // TT25 Điều 23 K2 and TT24 Điều 18 K3 ("vào cuối năm học") have no date: no task
    assertThat(instance(communeKey)).isNull();
    assertThat(instance(ReportReminders.textKey(provinceReport, province.getId(), 2026))).isNull();
    assertThat(deadlines.find(LC, UnitKind.Tier.COMMUNE, district, DeadlineKind.REPORT, 2026).orElseThrow().date())
        .isNull();

    // the province decides 31/03: the task is scheduled as the rule is saved
    DeadlineRuleSaved saved = saveOverride(communeReport, province, "31", "3", "");
    assertThat(instance(communeKey)).isNotNull();
    assertThat(timer(instance(communeKey), ReportReminders.TIMER_REMIND).getDuedate())
        .isEqualTo(at8(LocalDate.of(2027, 3, 24)));
    // removed again: the national rule (no date) applies, the instance is cancelled
    rules.remove("admin", saved.id(), saved.version());
    assertThat(instance(communeKey)).isNull();
    assertThat(reminders.scheduleTexts(2026, province.getId())).isZero();
  }

  record DeadlineRuleSaved(long id, long version) {}

  DeadlineRuleSaved saveOverride(long national, OrgUnit province, String day, String month, String working) {
    var r = rules.save("admin", null, new DeadlineRules.Form(national, province.getId(), day, month, "1", working,
        "7", "Quyết định thử của UBND tỉnh", false, null));
    return new DeadlineRuleSaved(r.getId(), r.getRowVersion());
  }

  @Test
  void aProvinceOverrideMovesTheDateTheTimersAndTheTask() {
    Chains.setClock(LocalDate.of(2027, 1, 4));
    Setup s = threeTier();
    OrgUnit province = org(s.province().code());
    OrgUnit district = org(s.district().code());
    Setup other = threeTier();
    long national = nationalRule(LU, UnitKind.Tier.DISTRICT);
    reminders.scheduleTexts(2026, province.getId());
    Chains.setClock(LocalDate.of(2027, 2, 25));
    ProcessInstance pi = instance(s.key());
    assertThat(timer(pi, ReportReminders.TIMER_REMIND).getDuedate()).isEqualTo(at8(LocalDate.of(2027, 3, 8)));

    // the province decides 05/03, reminded 10 days before: most specific first
    var saved = rules.save("admin", null, new DeadlineRules.Form(national, province.getId(), "5", "3", "1", "",
        "10", "Công văn thử số 1/SGDĐT", true, null));
    assertThat(deadlines.find(LU, UnitKind.Tier.DISTRICT, district, DeadlineKind.REPORT, 2026).orElseThrow().date())
        .isEqualTo(LocalDate.of(2027, 3, 5));
    assertThat(deadlines.find(LU, UnitKind.Tier.DISTRICT, district, DeadlineKind.REPORT, 2026).orElseThrow()
        .remindDaysBefore()).isEqualTo(10);
    assertThat(deadlines.find(LU, UnitKind.Tier.DISTRICT, org(other.district().code()), DeadlineKind.REPORT, 2026)
        .orElseThrow().date()).as("another province keeps the text's date").isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(timer(pi, ReportReminders.TIMER_REMIND).getDuedate()).isEqualTo(at8(LocalDate.of(2027, 2, 23)));

    management.executeJob(timer(pi, ReportReminders.TIMER_REMIND).getId());
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getName()).as("the text's article, the province's date").contains("trước ngày 05/03/2027",
        "(TT 24/2023/TT-BGDĐT, Điều 20 khoản 3)");
    assertThat((String) tasks.getVariableLocal(task.getId(), "reportInfo"))
        .endsWith("; ngày hạn theo quy định của tỉnh: Công văn thử số 1/SGDĐT.");
    assertThat(timer(pi, ReportReminders.TIMER_OVERDUE).getDuedate()).isEqualTo(startOf(LocalDate.of(2027, 3, 6)));

    // changed again to 12/03: the open task and its escalation follow
    var changed = rules.save("admin", saved.getId(), new DeadlineRules.Form(null, null, "12", "3", "1", "", "10",
        "Công văn thử số 2/SGDĐT", true, saved.getRowVersion()));
    assertThat(timer(pi, ReportReminders.TIMER_OVERDUE).getDuedate()).isEqualTo(startOf(LocalDate.of(2027, 3, 13)));
    Task moved = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(moved.getName()).contains("trước ngày 12/03/2027");
    assertThat(moved.getDueDate()).isEqualTo(Date.from(startOf(LocalDate.of(2027, 3, 13)).toInstant()
        .minusMillis(1)));

    // a stale edit is refused, nothing changed
    assertThatThrownBy(() -> rules.save("admin", saved.getId(), new DeadlineRules.Form(null, null, "1", "3", "1", "",
        "7", "x", false, saved.getRowVersion()))).isInstanceOf(DomainException.class)
        .hasMessageContaining("vừa được người khác sửa");
    assertThat(rules.get(saved.getId()).getDay()).isEqualTo(12);
    assertThat(changed.getRowVersion()).isGreaterThan(saved.getRowVersion());
  }

  @Test
  void theRulesAreCheckedFieldByFieldInVietnamese() {
    OrgUnit province = org(fx.newProvinceForUnits(true).code());
    long national = nationalRule(LU, UnitKind.Tier.DISTRICT);
    assertThat(problems(national, province, "31", "2", "", "7", "QĐ")).containsEntry("day",
        "Ngày 31/02 không có thật: tháng 2 chỉ có 28 ngày.");
    assertThat(problems(national, province, "", "", "0", "7", "QĐ")).containsEntry("workingDays",
        "Số ngày làm việc phải từ 1 đến 365.");
    assertThat(problems(national, province, "", "", "366", "7", "QĐ")).containsKey("workingDays");
    assertThat(problems(national, province, "15", "3", "20", "7", "QĐ")).containsEntry("day",
        "Chỉ ghi một trong hai: ngày/tháng, hoặc số ngày làm việc.");
    assertThat(problems(national, province, "", "", "", "7", "QĐ")).containsEntry("day",
        "Cần ghi ngày/tháng của hạn, hoặc số ngày làm việc.");
    assertThat(problems(national, province, "15", "3", "", "7", " ")).containsKey("source");
    assertThat(rules.overrides()).noneMatch(r -> province.getId().equals(r.getProvinceId()));
    // the national rows are the texts: not edited here
    var n = rules.get(national);
    assertThatThrownBy(() -> rules.save("admin", national, new DeadlineRules.Form(null, null, "1", "3", "1", "", "7",
        "x", false, n.getRowVersion()))).isInstanceOf(DomainException.class).hasMessageContaining("toàn quốc");
    // working days are accepted (exactly one of the two)
    var w = rules.save("admin", null, new DeadlineRules.Form(national, province.getId(), "", "", "1", "30", "5",
        "QĐ thử", false, null));
    assertThat(w.getWorkingDays()).isEqualTo(30);
    assertThat(w.getMonth()).isNull();
    assertThat(problems(national, province, "15", "3", "", "7", "QĐ")).as("one per province and rule")
        .containsKey("rule");
  }

  Map<String, String> problems(long national, OrgUnit province, String day, String month, String working,
      String remind, String source) {
    try {
      rules.save("admin", null, new DeadlineRules.Form(national, province.getId(), day, month, "1", working, remind,
          source, false, null));
      throw new AssertionError("accepted");
    } catch (DomainException e) {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      e.fieldProblems().forEach(p -> out.merge(p.field(), p.message(), (a, b) -> a + " " + b));
      return out;
    }
  }

  @Test
  void theCalendarSaysWhetherTheYearHoldsFiveTếtDaysAndTwoQuốcKhánhDays() {
    WorkingCalendar.Completeness y2027 = calendar.completeness(2027);
    assertThat(y2027.complete()).isFalse();
    assertThat(y2027.tet()).isEqualTo(3);
    assertThat(y2027.missing()).anySatisfy(m -> assertThat(m).startsWith("Tết Âm lịch: lịch có 3 ngày, luật quy"
        + " định 5 ngày (Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b) — hãy thêm 2 ngày"));
    // V60: 16/02 and 20/02/2026 complete the five days of Tết Bính Ngọ
    WorkingCalendar.Completeness y2026 = calendar.completeness(2026);
    assertThat(y2026.tet()).isEqualTo(5);
    assertThat(y2026.missing()).noneMatch(m -> m.startsWith("Tết"));
    assertThat(calendar.year(2026)).filteredOn(d -> d.getDate().equals(LocalDate.of(2026, 2, 16))
        || d.getDate().equals(LocalDate.of(2026, 2, 20))).hasSize(2)
        .allSatisfy(d -> assertThat(d.isConfirmed()).isFalse())
        .allSatisfy(d -> assertThat(d.getSource()).contains("chờ xác nhận văn bản"));
    // the adjacent day of Quốc khánh 2026 was not given: the warning stays for it alone
    assertThat(y2026.nationalDay()).isEqualTo(1);
    assertThat(y2026.missing()).singleElement().satisfies(m -> assertThat(m).startsWith("Quốc khánh: lịch có 1 ngày"));
    WorkingCalendar.Completeness y2025 = calendar.completeness(2025);
    assertThat(y2025.complete()).isTrue();
  }
}
