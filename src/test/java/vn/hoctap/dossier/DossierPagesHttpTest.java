package vn.hoctap.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.RecognitionProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.report.Chains;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * The dossier page's step forms over HTTP, as a browser posts them: the meeting date typed dd/MM/yyyy, a signer's
 * refusal that asks for confirmation first, a task taken by someone else, a step the user may not do, and the
 * jurisdiction of the page and its posts.
 */
@HoctapTest
class DossierPagesHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired DossierService dossiers;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired IdentityProvisioning provisioning;
  @Autowired EvidenceService evidence;

  static final int YEAR = LocalDate.now(vn.hoctap.common.EngineClock.ZONE).getYear();

  PageSession as(String user) {
    PageSession s = new PageSession(port);
    assertThat(s.login(user, DemoData.PASSWORD).body()).contains("Location:");
    return s;
  }

  Response post(PageSession s, long id, String taskId, Map<String, String> fields) {
    return s.submit("/ho-so/" + id, "/ho-so/" + id + "/buoc/" + taskId, fields);
  }

  static Map<String, Object> communityMet() {
    return Fixtures.communityMet();
  }

  @Test
  void theMeetingDateIsTypedDayMonthYearAndAWrongDateIsRefusedNextToItsField() {
    TestUnit commune = fx.newLocality("HN-TT", OrgKind.COMMUNE);
    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, commune.team(), commune.code(), 1, YEAR);
    fx.complete(commune.team(), pi, TASK_SELF_ASSESSMENT, communityMet());
    long id = Long.parseLong(pi.getBusinessKey());
    Task meeting = fx.task(commune.head(), pi, LearningCommunityProcess.TASK_MEETING);
    PageSession chair = as(commune.head());
    String page = chair.get("/ho-so/" + id).body();
    assertThat(page).contains("Việc của bạn: " + meeting.getName(), "id=\"i_meetingDate\"", "ngày/tháng/năm");

    Map<String, String> form = new LinkedHashMap<>();
    form.put("f_meetingDate", "31/02/2026");
    form.put("f_attendees", "Chủ tịch UBND, đại diện Hội Khuyến học");
    form.put("f_minutesFile", "bien-ban-hop.pdf");
    form.put("f_meetingOutcome", "DISAGREE");
    form.put("f_meetingComment", "Số liệu phổ cập chưa khớp");
    Response wrong = post(chair, id, meeting.getId(), form);
    assertThat(wrong.status()).isEqualTo(400);
    String errors = between(wrong.body(), "id=\"e_meetingDate\"", "</ul>");
    assertThat(errors).contains("31/02/2026", "ngày/tháng/năm");
    // what was typed is still there, and nothing was stored
    assertThat(wrong.body()).contains("value=\"31/02/2026\"", "Chủ tịch UBND, đại diện Hội Khuyến học");
    assertThat(meetings(id)).isZero();
    assertThat(fx.task(commune.head(), pi, LearningCommunityProcess.TASK_MEETING)).isNotNull();

    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
    try {
      evidence.upload(id, null, "bien-ban-hop.pdf", new java.io.ByteArrayInputStream(pdf), pdf.length,
          "Biên bản họp", new vn.hoctap.security.CurrentUser(commune.team(), List.of(Groups.committee(commune.code()))));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    form.put("f_meetingDate", "04/12/2026");
    Response ok = post(chair, id, meeting.getId(), form);
    assertThat(ok.status()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select held_on from dossier_meeting where dossier_id = ?", LocalDate.class, id))
        .isEqualTo(LocalDate.of(2026, 12, 4));
    String after = chair.get("/ho-so/" + id).body();
    assertThat(after).contains("Đã hoàn thành bước «" + meeting.getName() + "».",
        "đã ghi kết quả cuộc họp: chưa thống nhất", "Số liệu phổ cập chưa khớp").doesNotContain("MEETING_DISAGREED");
  }

  @Test
  void aSignerWhoRefusesSeesWhatWillHappenAndConfirmsFirst() {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.submitted(school, YEAR);
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, "COMPLETE"));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, "RECOGNISE"));
    long id = Long.parseLong(pi.getBusinessKey());
    Task decide = fx.task("chutichhuyen", pi, TASK_DECIDE);
    PageSession signer = as("chutichhuyen");
    assertThat(signer.get("/ho-so/" + id).body()).contains("Việc của bạn: " + decide.getName(),
        "Lê Văn Cường");

    // refusing without a reason: the confirmation first, then the refusal next to the comment, nothing saved
    Response confirm = post(signer, id, decide.getId(), Map.of("f_signerDecision", "REFUSE", "f_signerComment", ""));
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body()).contains("Hồ sơ sẽ KHÔNG được công nhận", "Xác nhận", "name=\"xacNhan\"");
    assertThat(fx.task("chutichhuyen", pi, TASK_DECIDE)).isNotNull();
    Response refused = post(signer, id, decide.getId(), Map.of("f_signerDecision", "REFUSE", "f_signerComment", "",
        "xacNhan", "1"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(between(refused.body(), "id=\"e_signerComment\"", "</ul>")).contains("Cần ghi lý do không công nhận.");
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.AWAITING_DECISION);
    assertThat(fx.task("chutichhuyen", pi, TASK_DECIDE).getAssignee()).isNull();

    // with the reason: the page says why, and only the confirmed post ends the dossier
    Map<String, String> form = Map.of("f_signerDecision", "REFUSE", "f_signerComment", "Chưa đủ minh chứng TC2.CT1");
    Response why = post(signer, id, decide.getId(), form);
    assertThat(why.body()).contains("Hồ sơ sẽ KHÔNG được công nhận, với lý do: «Chưa đủ minh chứng TC2.CT1»");
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.AWAITING_DECISION);
    Map<String, String> confirmed = new HashMap<>(form);
    confirmed.put("xacNhan", "1");
    assertThat(post(signer, id, decide.getId(), confirmed).status()).isEqualTo(302);
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.REFUSED);
    assertThat(between(signer.get("/ho-so/" + id).body(), "id=\"lich-su\"", "</ol>")).contains(
        "đã quyết định không công nhận", "Phạm Văn Dũng").doesNotContain("SIGNER_REFUSED", "chutichhuyen");
  }

  @Test
  void aTaskTakenBySomeoneElseAStepTheUserMayNotDoAndTheJurisdiction() {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.submitted(school, YEAR);
    long id = Long.parseLong(pi.getBusinessKey());
    Task check = fx.task("phonggd", pi, TASK_CHECK_COMPLETENESS);
    Map<String, String> form = Map.of("f_completeness", "COMPLETE", "f_completenessComment", "Đủ thành phần");

    // the school's head reads the dossier but may not check its completeness
    PageSession head = as(school.head());
    Response notHers = post(head, id, check.getId(), form);
    assertThat(notHers.status()).isEqualTo(403);
    assertThat(notHers.body()).contains("Bạn không được giao bước «" + check.getName() + "»");

    // another reviewer of the district took it meanwhile: the page says who, and what was typed stays
    String other = "thamdinh2." + school.code().toLowerCase();
    provisioning.ensureUserSharingPassword(other, "Hoa", "Đỗ Thị", other + "@test.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureMembership(other, Groups.reviewer("HN-TT"));
    PageSession reviewer = as("phonggd");
    String token = PageSession.csrf(reviewer.get("/ho-so/" + id).body());
    fx.as(other, () -> tasks.claim(check.getId(), other));
    Map<String, String> withToken = new HashMap<>(form);
    withToken.put("_csrf", token);
    Response taken = reviewer.post("/ho-so/" + id + "/buoc/" + check.getId(), withToken);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.body()).contains("đang do Đỗ Thị Hoa xử lý", "Đủ thành phần");
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.SUBMITTED);
    // she completes it; a late post is told who did and when
    fx.as(other, () -> tasks.complete(check.getId(), Map.of(FIELD_COMPLETENESS, "COMPLETE")));
    Response late = reviewer.post("/ho-so/" + id + "/buoc/" + check.getId(), withToken);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body()).contains("đã được Đỗ Thị Hoa hoàn thành lúc");

    // another province's reviewer and another district's: 404, no data; nobody logged in: the login page
    String open = fx.task("phonggd", pi, TASK_APPRAISE).getId();
    PageSession stranger = as("sogd.nb");
    Response far = stranger.get("/ho-so/" + id);
    assertThat(far.status()).isEqualTo(404);
    assertThat(far.body()).doesNotContain(school.code());
    assertThat(stranger.submit("/trang-chu", "/ho-so/" + id + "/buoc/" + open, form).status()).isEqualTo(404);
    var district = fx.newBody("HN", OrgKind.DISTRICT);
    PageSession neighbour = as(district.reviewer());
    assertThat(neighbour.get("/ho-so/" + id).status()).isEqualTo(404);
    Response post = neighbour.submit("/trang-chu", "/ho-so/" + id + "/buoc/" + open, form);
    assertThat(post.status()).isEqualTo(404);
    assertThat(post.body()).doesNotContain(school.code());
    Response anonymous = new PageSession(port).get("/ho-so/" + id);
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.body()).startsWith("Location:").contains("/dang-nhap");
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.IN_APPRAISAL);
  }

  long meetings(long id) {
    return jdbc.queryForObject("select count(*) from dossier_meeting where dossier_id = ?", Long.class, id);
  }

  static String between(String html, String from, String to) {
    int a = html.indexOf(from);
    assertThat(a).as("no " + from + " in the page").isPositive();
    return html.substring(a, html.indexOf(to, a));
  }
}
