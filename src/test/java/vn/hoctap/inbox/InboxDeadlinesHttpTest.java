package vn.hoctap.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.admin.PageSession;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * Each task carries its deadline as its due date (hạn xử lý), and the inbox, the Tasklist's API and the history
 * all read that one date: a school's dossier of two years ago is overdue, this year's dossier and its "Công dân
 * học tập" round are due at this year's submission deadline, the reviewer's check at the decision deadline, a task
 * without a deadline comes last; "Mới nhất trước" reverses to creation order; the overdue filter and its count
 * show the late one only — until an administrator extends its deadline, which moves its due date (and the round's,
 * with this year's extension) in the engine, its history, the Tasklist's API and the page.
 */
@HoctapTest
class InboxDeadlinesHttpTest {

  private static final Pattern OVERDUE = Pattern.compile("id=\"so-qua-han\">(\\d+)<");
  private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired RoundFixtures rf;
  @Autowired Chains chains;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  /** The last moment of the day in Vietnam, when a task due that day becomes overdue. */
  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant().minusMillis(1);
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).taskDefinitionKey(key)
        .singleResult();
  }

  Task task(String businessKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  /** The due date as the engine, its history and the Tasklist's REST API (as the task's user) each hold it. */
  void assertDue(Http http, String user, Task t, Instant expected) {
    Task now = tasks.createTaskQuery().taskId(t.getId()).singleResult();
    assertThat(now.getDueDate()).as("due date of " + t.getTaskDefinitionKey()).isEqualTo(Date.from(expected));
    assertThat(history.createHistoricTaskInstanceQuery().taskId(t.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(expected));
    Response api = http.get(user, "/engine-rest/task/" + t.getId());
    assertThat(api.status()).as(api.body()).isEqualTo(200);
    assertThat(OffsetDateTime.parse(api.json().get("due").asText(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant()).isEqualTo(expected);
  }

  static String row(String html, Task t) {
    int at = html.indexOf("id=\"viec-" + t.getId() + "\"");
    assertThat(at).as("row of " + t.getName()).isPositive();
    return html.substring(at, html.indexOf("</tr>", at));
  }

  static int overdueCount(String html) {
    Matcher m = OVERDUE.matcher(html);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  static void assertOrder(String html, Task... inOrder) {
    int last = -1;
    for (Task t : inOrder) {
      int at = html.indexOf("id=\"viec-" + t.getId() + "\"");
      assertThat(at).as(t.getName() + " after the one before").isGreaterThan(last);
      last = at;
    }
  }

  @Test
  void tasksAreDueAtTheirDeadlineSortedByItAndMovedByAnExtension() {
    Http http = new Http(port);
    LocalDate today = LocalDate.now(EngineClock.ZONE);
    int year = today.getYear();
    Body school = rf.newSchool("HN-TT");
    String user = school.preparer();

    ProcessInstance late = fx.open(user, school.code(), 1, year - 2);
    ProcessInstance current = fx.open(user, school.code(), 1, year);
    Response opened = http.post(user, "/api/rounds", Map.of("kind", "CITIZEN", "orgCode", school.code(),
        "assessmentYear", year));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String roundKey = "round-" + opened.json().get("id").asLong();
    // a task without any deadline, created last: an administrator's own task for the school's team
    Task undated = tasks.newTask();
    undated.setName("Việc không có hạn");
    tasks.saveTask(undated);
    tasks.addCandidateGroup(undated.getId(), "team-" + school.code());

    Task lateTask = task(late, RecognitionProcess.TASK_SELF_ASSESSMENT);
    Task currentTask = task(current, RecognitionProcess.TASK_SELF_ASSESSMENT);
    Task roundTask = task(roundKey);
    assertThat(roundTask.getTaskDefinitionKey()).isEqualTo("Task_PrepareList");
    // TT24: the dossier is due 15/01 of the next year; the round feeds that dossier (TC3.CT1), so it is due then too
    assertDue(http, user, lateTask, endOf(LocalDate.of(year - 1, 1, 15)));
    assertDue(http, user, currentTask, endOf(LocalDate.of(year + 1, 1, 15)));
    assertDue(http, user, roundTask, endOf(LocalDate.of(year + 1, 1, 15)));
    assertThat(tasks.createTaskQuery().taskId(undated.getId()).singleResult().getDueDate()).isNull();

    PageSession page = new PageSession(port);
    assertThat(page.login(user, DemoData.PASSWORD).body()).contains("/trang-chu");
    String html = page.get("/viec-can-lam").body();
    assertThat(row(html, lateTask)).contains("15/01/" + (year - 1), "quá hạn");
    assertThat(row(html, currentTask)).contains("15/01/" + (year + 1)).doesNotContain("quá hạn");
    assertThat(row(html, roundTask)).contains("Đợt đánh giá Công dân học tập", "15/01/" + (year + 1))
        .doesNotContain("quá hạn");
    assertThat(row(html, tasks.createTaskQuery().taskId(undated.getId()).singleResult())).contains("Chưa có hạn");
    assertThat(html).contains("<option value=\"\" selected=\"selected\">Hạn gần nhất trước</option>");
    // by deadline, soonest first (the same day: the older task first), the task without a deadline last
    assertOrder(html, lateTask, currentTask, roundTask, undated);
    assertThat(overdueCount(html)).isEqualTo(1);
    // newest first
    assertOrder(page.get("/viec-can-lam?sap-xep=moi-nhat").body(), undated, roundTask, currentTask, lateTask);
    // the overdue filter and its count: the late dossier only
    String overdue = page.get("/viec-can-lam?qua-han=1").body();
    assertThat(overdue).contains("id=\"viec-" + lateTask.getId() + "\"")
        .doesNotContain("id=\"viec-" + currentTask.getId() + "\"", "id=\"viec-" + undated.getId() + "\"");
    assertThat(overdue).contains("<span>1</span> công việc");
    assertThat(overdueCount(overdue)).isEqualTo(1);

    // a reviewer's step works to the decision deadline (TT24: 15/02 of the next year for a district's unit)
    TestUnit submitted = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.submitted(submitted, year);
    Task check = fx.task("phonggd", pi, RecognitionProcess.TASK_CHECK_COMPLETENESS);
    assertDue(http, "phonggd", check, endOf(LocalDate.of(year + 1, 2, 15)));

    // the administrator extends the late dossier's submission deadline to tomorrow: no longer overdue
    LocalDate tomorrow = today.plusDays(1);
    Response extended = http.post("admin", "/api/admin/deadline-extensions", Map.of("title", "LEARNING_UNIT",
        "unitCode", school.code(), "assessmentYear", year - 2, "kind", "SUBMISSION", "until", tomorrow.toString(),
        "reason", "Trường bị ảnh hưởng bởi bão, được gia hạn nộp hồ sơ"));
    assertThat(extended.status()).as(extended.body()).isEqualTo(200);
    assertDue(http, user, lateTask, endOf(tomorrow));
    assertDue(http, user, currentTask, endOf(LocalDate.of(year + 1, 1, 15)));
    html = page.get("/viec-can-lam").body();
    assertThat(row(html, lateTask)).contains(tomorrow.format(VN)).doesNotContain("quá hạn");
    assertThat(overdueCount(html)).isZero();
    assertThat(page.get("/viec-can-lam?qua-han=1").body()).contains("Không có công việc nào theo bộ lọc này")
        .doesNotContain("id=\"viec-" + lateTask.getId() + "\"");

    // this year's extension moves this year's dossier and the round that feeds it
    LocalDate inTwoDays = today.plusDays(2);
    extended = http.post("admin", "/api/admin/deadline-extensions", Map.of("title", "LEARNING_UNIT",
        "unitCode", school.code(), "assessmentYear", year, "kind", "SUBMISSION", "until", inTwoDays.toString(),
        "reason", "Gia hạn theo văn bản của Sở GDĐT"));
    assertThat(extended.status()).as(extended.body()).isEqualTo(200);
    assertDue(http, user, currentTask, endOf(inTwoDays));
    assertDue(http, user, roundTask, endOf(inTwoDays));
    html = page.get("/viec-can-lam").body();
    assertThat(row(html, roundTask)).contains(inTwoDays.format(VN));
    assertOrder(html, lateTask, currentTask, roundTask, undated);
    // the reviewer's check of another school is not moved by this school's extensions
    assertDue(http, "phonggd", check, endOf(LocalDate.of(year + 1, 2, 15)));
  }
}
