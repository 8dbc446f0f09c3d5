package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.citizen.RoundFixtures.newPersonId;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * Issue 18, a citizen's own self-assessment over real HTTP: the school's team creates the account (refusals next to
 * their fields), the citizen fills the form of their population (a score above its maximum refused, a failing
 * criterion explained), the unit reads the entry marked "tự đánh giá" in its list, a correction by the team and the
 * citizen's stale page meet (the citizen is told who, keeps what they typed), the round moves on (read-only), the
 * council returns the citizen's entry (editable for them again) and the head recognises it (the outcome on the
 * page). And who sees what: the citizen nothing else (404), another citizen and another province 404, anonymous the
 * login page; the administrator links a number and grants the role.
 */
@HoctapTest
class SelfAssessmentHttpTest {

  static final Pattern VERSION = Pattern.compile("name=\"phienBan\" value=\"([^\"]*)\"");

  @LocalServerPort int port;
  @Autowired RoundFixtures rf;
  @Autowired CitizenAccounts accounts;
  @Autowired RoundService rounds;
  @Autowired JdbcTemplate jdbc;
  Http http;
  int year;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    year = LocalDate.now(EngineClock.ZONE).getYear();
  }

  static String text(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replace("&lt;", "<")
        .replace("&gt;", ">");
  }

  /** What a reader sees: the text without tags, spaces collapsed. */
  static String words(String html) {
    return text(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").replace(" ,", ",").replace(" .", ".")
        .replace("( ", "(").replace(" )", ")").replace(" /", "/").replace("/ ", "/");
  }

  static String version(String html) {
    Matcher m = VERSION.matcher(html);
    assertThat(m.find()).as("the form carries its version").isTrue();
    return m.group(1);
  }

  PageSession login(String user) {
    PageSession s = new PageSession(port);
    assertThat(s.login(user, DemoData.PASSWORD).body()).startsWith("Location: ").contains("/trang-chu");
    return s;
  }

  String citizen(Body unit, String identityNo, String last, String first) {
    return accounts.create(new CurrentUser(unit.preparer(), List.of(Groups.team(unit.code()))), unit.code(),
        identityNo, last, first, null, DemoData.PASSWORD).userId();
  }

  Map<String, String> form(String subject, String version, double... scores) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("doiTuong", subject);
    f.put("phienBan", version);
    f.put("namSinh", "1988");
    RoundFixtures.scores(scores).forEach((k, v) -> f.put("diem_" + k, v.replace('.', ',')));
    return f;
  }

  Map<String, Object> entryRow(long roundId, String identityNo) {
    return jdbc.queryForMap("select subject, full_name, birth_year, total, passed, self_assessed, return_reason,"
        + " updated_by, recognised from round_entry where round_id = ? and identity_no = ?", roundId, identityNo);
  }

  int entries(long roundId, String identityNo) {
    return jdbc.queryForObject("select count(*) from round_entry where round_id = ? and identity_no = ?",
        Integer.class, roundId, identityNo);
  }

  void submit(String user, long roundId, Map<String, Object> form) {
    Response tasks = http.get(user, "/engine-rest/task?processInstanceBusinessKey=round-" + roundId);
    assertThat(tasks.json().size()).as(user + " sees the round's task").isEqualTo(1);
    Response r = http.submitForm(user, tasks.json().get(0).get("id").asText(), form);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  @Test
  void theTeamCreatesAccountsAtItsOwnSchoolOnly() {
    Body school = rf.newSchool("HN-TT");
    Round round = rf.start(school, RoundKind.CITIZEN, year);
    String listed = newPersonId();
    http.put(school.preparer(), "/api/rounds/" + round.id() + "/entries/" + listed, Map.of("subject", "OFFICIAL",
        "fullName", "Phạm Thị Thu Hà", "birthYear", "1979", "scores", RoundFixtures.passing()));

    PageSession team = login(school.preparer());
    Response page = team.get("/tai-khoan-cong-dan");
    assertThat(page.status()).isEqualTo(200);
    assertThat(words(page.body())).contains("Tài khoản công dân — Trường thử " + school.code())
        .contains("Chưa có tài khoản công dân nào.");

    // everything wrong at once: each message next to its field, nothing stored, what was typed kept
    Response refused = team.submit("/tai-khoan-cong-dan", "/tai-khoan-cong-dan", Map.of("donVi", school.code(),
        "soDinhDanh", "12345", "ho", "Trần Thị", "ten", "", "tenDangNhap", "", "matKhau", "ngan"));
    String html = text(refused.body());
    assertThat(refused.status()).isEqualTo(200);
    assertThat(html).contains("Chưa tạo được tài khoản, chưa lưu gì.")
        .containsPattern("id=\"e_soDinhDanh\"><li>Số định danh cá nhân phải gồm đúng 12 chữ số[^<]*\"12345\"")
        .containsPattern("id=\"e_ten\"><li>Nhập tên, ví dụ \"An\".")
        .containsPattern("id=\"e_matKhau\"><li>Mật khẩu ban đầu cần ít nhất 8 ký tự.")
        .contains("value=\"Trần Thị\"");
    assertThat(jdbc.queryForObject("select count(*) from citizen_account where identity_no = '12345'",
        Integer.class)).isZero();

    // from the person's row of the round's list: number and name filled in
    Response prefilled = team.get("/tai-khoan-cong-dan?dot=" + round.id() + "&so=" + listed);
    assertThat(text(prefilled.body())).contains("value=\"" + listed + "\"").contains("value=\"Phạm Thị Thu\"")
        .contains("value=\"Hà\"");
    Response created = team.submit("/tai-khoan-cong-dan", "/tai-khoan-cong-dan", Map.of("donVi", school.code(),
        "soDinhDanh", listed, "ho", "Phạm Thị Thu", "ten", "Hà", "tenDangNhap", "", "matKhau", DemoData.PASSWORD));
    assertThat(created.body()).startsWith("Location: ");
    String list = text(team.get("/tai-khoan-cong-dan?donVi=" + school.code()).body());
    assertThat(list).contains("Đã tạo tài khoản cho Phạm Thị Thu Hà").contains("Tên đăng nhập: " + listed)
        .contains("<td>" + listed + "</td>");
    // the account: the number as login, linked to the person, the role at the school and no jurisdiction there
    assertThat(jdbc.queryForObject("select user_id from citizen_account where identity_no = ?", String.class, listed))
        .isEqualTo(listed);
    assertThat(jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, listed))
        .containsExactly(Groups.citizen(school.code()));
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ROLE_GRANTED' and actor = ?"
        + " and target_id = ?", Integer.class, school.preparer(), Groups.citizen(school.code()) + "/" + listed))
        .isEqualTo(1);

    // the same person again: told, nothing created twice
    Response twice = team.submit("/tai-khoan-cong-dan", "/tai-khoan-cong-dan", Map.of("donVi", school.code(),
        "soDinhDanh", listed, "ho", "Phạm", "ten", "Hà", "tenDangNhap", "ha2", "matKhau", DemoData.PASSWORD));
    assertThat(text(twice.body())).containsPattern("id=\"e_soDinhDanh\"><li>Số định danh " + listed
        + " đã có tài khoản công dân tại Trường thử " + school.code());
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ = 'ha2'", Integer.class)).isZero();

    // another body of the same person (a second school where they also work): one account, a second role
    Body other = rf.newSchool("HN-TT");
    accounts.create(new CurrentUser(other.preparer(), List.of(Groups.team(other.code()))), other.code(), listed,
        null, null, null, null);
    assertThat(jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ? order by GROUP_ID_",
        String.class, listed)).containsExactlyInAnyOrder(Groups.citizen(school.code()), Groups.citizen(other.code()));

    // another school's team, and a province office, see none of it
    PageSession outsider = login(other.preparer());
    assertThat(outsider.get("/tai-khoan-cong-dan?donVi=" + school.code()).status()).isEqualTo(404);
    assertThat(outsider.get("/tai-khoan-cong-dan?dot=" + round.id() + "&so=" + listed).status()).isEqualTo(404);
    PageSession province = login("sogd.nb");
    assertThat(text(province.get("/tai-khoan-cong-dan").body())).contains("Bạn không phụ trách danh sách");
    assertThat(province.get("/tai-khoan-cong-dan?donVi=" + school.code()).status()).isEqualTo(404);
    assertThat(new PageSession(port).get("/tai-khoan-cong-dan").body()).startsWith("Location: ")
        .contains("/dang-nhap");
  }

  @Test
  void aCitizenAssessesThemselvesAndTheUnitSeesItInItsList() {
    Body school = rf.newSchool("HN-TT");
    Round round = rf.start(school, RoundKind.CITIZEN, year);
    long id = round.id();
    String me = newPersonId();
    String login = citizen(school, me, "Lê Văn", "Bình");
    PageSession citizen = login(login);

    // home: their self-assessment instead of official work
    String home = words(citizen.get("/trang-chu").body());
    assertThat(home).contains("Xin chào, Lê Văn Bình").contains(me).contains("Công dân học tập năm " + year)
        .contains("Chưa tự đánh giá").doesNotContain("Việc đang chờ bạn").doesNotContain("Bảng theo dõi")
        .doesNotContain("Việc cần làm");

    // a school has three populations: the citizen chooses theirs first
    String choose = text(citizen.get("/tu-danh-gia/" + id).body());
    assertThat(choose).contains("Bạn thuộc nhóm đối tượng nào?").contains("Cán bộ, công chức, viên chức, doanh nhân")
        .doesNotContain("id=\"phieu\"");
    String blank = citizen.get("/tu-danh-gia/" + id + "?doiTuong=OFFICIAL").body();
    assertThat(words(blank)).contains("NL1.1").contains("Có kế hoạch học tập của bản thân hằng năm")
        .contains("(0 đến 10 điểm)").contains("chờ xác nhận văn bản")
        .contains("Đạt khi tổng điểm từ 80/100 trở lên và không chỉ tiêu nào dưới 5 điểm.");
    String path = "/tu-danh-gia/" + id + "?doiTuong=OFFICIAL";

    // a score above its maximum: refused whole, next to its field, nothing stored, what was typed kept
    Response refused = citizen.submit(path, "/tu-danh-gia/" + id,
        form("OFFICIAL", version(blank), 9, 9, 9, 9, 12, 9, 9, 9, 9, 9));
    String r = text(refused.body());
    assertThat(r).contains("Mục chưa hợp lệ, chưa lưu gì. Hãy sửa:")
        .containsPattern("id=\"e_NL2_1\"><li>Chỉ tiêu NL2.1: Điểm chỉ tiêu NL2.1 phải từ 0 đến 10, đang là 12.</li>")
        .containsPattern("id=\"d_NL2_1\" name=\"diem_NL2.1\"\\s+value=\"12\"");
    assertThat(entries(id, me)).isZero();

    // saved: 86 points but NL2.1 below 5 — not met, and why
    Response saved = citizen.submit(path, "/tu-danh-gia/" + id,
        form("OFFICIAL", version(blank), 9, 9, 9, 9, 4, 9, 9, 9, 10, 9));
    assertThat(saved.body()).startsWith("Location: ").contains("/tu-danh-gia/" + id);
    String result = words(citizen.get("/tu-danh-gia/" + id).body());
    assertThat(result).contains("Chưa đạt — tổng 86/100 điểm")
        .contains("Tổng điểm 86/100: đạt mức từ 80 điểm trở lên.")
        .contains("Chỉ tiêu NL2.1 (Sử dụng công nghệ thông tin, kỹ năng số để học tập và làm việc): 4 điểm, dưới mức"
            + " tối thiểu 5 điểm của mỗi chỉ tiêu.")
        .contains("Phiếu đang mở");
    Map<String, Object> row = entryRow(id, me);
    assertThat(row.get("subject")).isEqualTo("OFFICIAL");
    assertThat(row.get("full_name")).isEqualTo("Lê Văn Bình");
    assertThat(((Number) row.get("birth_year")).intValue()).isEqualTo(1988);
    assertThat(row.get("passed")).isEqualTo(false);
    assertThat(row.get("self_assessed")).isEqualTo(true);
    assertThat(row.get("updated_by")).isEqualTo(login);

    // the unit sees it in its list, marked as the person's own
    Response list = http.get(school.preparer(), "/api/rounds/" + id + "/entries");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).get("identityNo").asText()).isEqualTo(me);
    assertThat(list.json().get(0).get("selfAssessed").asBoolean()).isTrue();
    assertThat(list.json().get(0).get("explanation").asText()).contains("chỉ tiêu NL2.1 được 4 điểm, dưới 5");
    assertThat(http.get(school.reviewer(), "/api/rounds/" + id + "/entries?filter=failed").json()).hasSize(1);

    // the citizen raises NL2.1 while the team corrects the same entry: the team saves first
    String stale = citizen.get("/tu-danh-gia/" + id).body();
    Response team = http.put(school.preparer(), "/api/rounds/" + id + "/entries/" + me, Map.of("subject", "OFFICIAL",
        "fullName", "Lê Văn Bình", "birthYear", "1988", "scores", RoundFixtures.scores(9, 9, 9, 9, 6, 9, 9, 9, 10, 9)));
    assertThat(team.status()).as(team.body()).isEqualTo(200);
    assertThat(entryRow(id, me).get("self_assessed")).as("the team's figures now").isEqualTo(false);
    Response conflict = citizen.submit("/tu-danh-gia/" + id, "/tu-danh-gia/" + id,
        form("OFFICIAL", version(stale), 9, 9, 9, 9, 8, 9, 9, 9, 10, 9));
    String c = text(conflict.body());
    assertThat(c).contains("Chưa lưu: phiếu của bạn trong đợt này vừa được Người Thử lưu lúc")
        .contains("(tổng 88 điểm)").containsPattern("name=\"diem_NL2.1\"\\s+value=\"8\"");
    assertThat(((Number) entryRow(id, me).get("total")).intValue()).isEqualTo(88);
    Response again = citizen.submit("/tu-danh-gia/" + id, "/tu-danh-gia/" + id,
        form("OFFICIAL", version(conflict.body()), 9, 9, 9, 9, 8, 9, 9, 9, 10, 9));
    assertThat(again.body()).startsWith("Location: ");
    row = entryRow(id, me);
    assertThat(((Number) row.get("total")).intValue()).isEqualTo(90);
    assertThat(row.get("passed")).isEqualTo(true);
    assertThat(row.get("self_assessed")).isEqualTo(true);
    assertThat(jdbc.queryForList("select actor from round_event where round_id = ? and action like 'ENTRY_%'"
        + " order by id", String.class, id)).containsExactly(login, school.preparer(), login);

    // the list goes to the council: read-only, and a form opened before is refused whole
    String before = citizen.get("/tu-danh-gia/" + id).body();
    submit(school.preparer(), id, Map.of());
    String reading = text(citizen.get("/tu-danh-gia/" + id).body());
    assertThat(reading).contains("Danh sách đang được Hội đồng xét duyệt: phiếu không sửa được nữa.")
        .doesNotContain("id=\"phieu\"").contains("id=\"bang-diem\"").contains("Đạt");
    Response late = citizen.submit("/tu-danh-gia/" + id, "/tu-danh-gia/" + id,
        form("OFFICIAL", version(before), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    assertThat(text(late.body())).contains("Đợt đánh giá đang ở bước \"Đang xét duyệt\": không sửa danh sách được.");
    assertThat(((Number) entryRow(id, me).get("total")).intValue()).isEqualTo(90);

    // the council returns the citizen's entry with a reason: editable again for them, the reason on the page
    submit(school.reviewer(), id, Map.of("reviewOutcome", "RETURN", "returnList", me + ": NL3.1 cần minh chứng"));
    String returned = text(citizen.get("/tu-danh-gia/" + id).body());
    assertThat(returned).contains("Lý do Hội đồng trả lại:").contains("NL3.1 cần minh chứng")
        .contains("id=\"phieu\"");
    assertThat(text(citizen.get("/tu-danh-gia").body())).contains("Được trả lại để sửa");
    Response fixed = citizen.submit("/tu-danh-gia/" + id, "/tu-danh-gia/" + id,
        form("OFFICIAL", version(citizen.get("/tu-danh-gia/" + id).body()), 9, 9, 9, 9, 8, 9, 9, 9, 9, 9));
    assertThat(fixed.body()).startsWith("Location: ");
    assertThat(entryRow(id, me).get("return_reason")).isNull();
    submit(school.preparer(), id, Map.of());
    submit(school.reviewer(), id, Map.of("reviewOutcome", "APPROVE_ALL"));
    submit(school.decider(), id, Map.of("roundDecision", "RECOGNISE"));

    // the outcome, on their page and in their list
    Round decided = rounds.get(id);
    String outcome = text(citizen.get("/tu-danh-gia/" + id).body());
    assertThat(outcome).contains("Bạn được công nhận danh hiệu \"Công dân học tập\" năm " + year
        + " theo Quyết định số " + decided.decisionNo()).doesNotContain("id=\"phieu\"");
    assertThat(text(citizen.get("/tu-danh-gia").body())).contains("Được công nhận (quyết định số "
        + decided.decisionNo() + ")").contains("Đã có quyết định công nhận");
    assertThat(entryRow(id, me).get("recognised")).isEqualTo(true);
  }

  @Test
  void aCitizenSeesOnlyTheirOwn() {
    Body school = rf.newSchool("HN-TT");
    Round round = rf.start(school, RoundKind.CITIZEN, year);
    long id = round.id();
    String me = newPersonId();
    String login = citizen(school, me, "Đỗ Thị", "Hằng");
    Body other = rf.newSchool("HN-TT");
    String neighbour = citizen(other, newPersonId(), "Vũ Văn", "Nam");
    PageSession citizen = login(login);

    // no other page, no API, no engine: 404 as for what does not exist
    for (String page : List.of("/viec-can-lam", "/viec-can-lam/da-xu-ly", "/dashboard", "/ho-so/moi", "/quan-tri",
        "/tai-khoan-cong-dan", "/ho-so/1")) {
      assertThat(citizen.get(page).status()).as(page).isEqualTo(404);
    }
    assertThat(citizen.get("/tu-danh-gia").status()).isEqualTo(200);
    assertThat(citizen.get("/thong-bao").status()).isEqualTo(200);
    for (String api : List.of("/api/rounds", "/api/rounds/" + id, "/api/rounds/" + id + "/entries",
        "/api/dossiers", "/engine-rest/task", "/engine-rest/process-definition")) {
      Response r = http.get(login, api);
      assertThat(r.status()).as(api).isEqualTo(404);
      assertThat(r.body()).doesNotContain(school.code());
    }
    Response put = http.put(login, "/api/rounds/" + id + "/entries/" + me, Map.of("subject", "OFFICIAL",
        "fullName", "Đỗ Thị Hằng", "scores", RoundFixtures.passing()));
    assertThat(put.status()).isEqualTo(404);
    assertThat(entries(id, me)).isZero();
    // nor the Camunda webapps' data, once logged in there with the same password
    assertThat(webapp(login, "/camunda/api/engine/engine/default/task")).isEqualTo(404);
    assertThat(webapp(login, "/camunda/api/engine/engine/default/process-definition")).isEqualTo(404);
    assertThat(webapp(school.preparer(), "/camunda/api/engine/engine/default/task")).as("staff keep the Tasklist")
        .isEqualTo(200);
    // their role gives no jurisdiction group
    assertThat(jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, login))
        .containsExactly(Groups.citizen(school.code()));

    // another school's citizen, another province's staff, the school's neighbour: 404; anonymous: the login page
    assertThat(citizen.get("/tu-danh-gia/" + id).status()).isEqualTo(200);
    PageSession stranger = login(neighbour);
    assertThat(stranger.get("/tu-danh-gia/" + id).status()).isEqualTo(404);
    assertThat(text(stranger.get("/tu-danh-gia").body())).doesNotContain("Trường thử " + school.code())
        .contains("Hiện chưa có đợt đánh giá nào đang mở");
    assertThat(stranger.submit("/tu-danh-gia", "/tu-danh-gia/" + id, form("OFFICIAL", "", 9, 9, 9, 9, 9, 9, 9, 9, 9,
        9)).status()).isEqualTo(404);
    assertThat(entries(id, me) + jdbc.queryForObject("select count(*) from round_entry where round_id = ?",
        Integer.class, id)).isZero();
    assertThat(login("sogd.nb").get("/tu-danh-gia/" + id).status()).isEqualTo(404);
    assertThat(login(school.preparer()).get("/tu-danh-gia/" + id).status()).as("staff are no citizens").isEqualTo(404);
    for (String page : List.of("/tu-danh-gia", "/tu-danh-gia/" + id)) {
      assertThat(new PageSession(port).get(page).body()).as(page).startsWith("Location: ").contains("/dang-nhap");
    }
    assertThat(http.get(null, "/api/rounds/" + id).status()).isEqualTo(401);
  }

  /** Logs in to the Tasklist as the webapp does, then reads one path of its data API: the status. */
  int webapp(String user, String path) {
    java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://127.0.0.1:" + port;
    java.util.function.Function<java.net.http.HttpRequest.Builder, java.net.http.HttpResponse<String>> send = b -> {
      cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .reduce((a, x) -> x).ifPresent(c -> b.header("X-XSRF-TOKEN", c.getValue()));
      try {
        return client.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    send.apply(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/default/")));
    java.net.http.HttpResponse<String> in = send.apply(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
        + "/camunda/api/admin/auth/user/default/login/tasklist")).header("Content-Type",
        "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user
        + "&password=" + DemoData.PASSWORD)));
    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
    return send.apply(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
        .header("Accept", "application/json")).statusCode();
  }

  @Test
  void theDemoCitizenIsATeacherOfTheDemoSchool() {
    assertThat(jdbc.queryForObject("select identity_no from citizen_account where user_id = 'congdan'",
        String.class)).isEqualTo("001190010000");
    assertThat(jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = 'congdan'", String.class))
        .containsExactly("citizen-HN-TT-TH01");
    String home = words(login("congdan").get("/trang-chu").body());
    assertThat(home).contains("Xin chào, Nguyễn Văn An").contains("001190010000").contains("Trường Tiểu học Tam Hiệp");
  }

  @Test
  void theAdministratorLinksTheNumberBeforeGrantingTheRole() {
    Body school = rf.newSchool("HN-TT");
    PageSession admin = login("admin");
    String user = "cd" + System.nanoTime() % 1_000_000;
    admin.submit("/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung", Map.of("id", user, "lastName", "Hoàng Thị",
        "firstName", "Lan", "password", DemoData.PASSWORD));
    String page = "/quan-tri/nguoi-dung/" + user;
    admin.submit(page, page + "/vai-tro", Map.of("role", "citizen", "orgCode", school.code()));
    assertThat(text(admin.get(page).body())).contains("Vai trò Công dân cần số định danh cá nhân (CCCD)");
    admin.submit(page, page + "/so-dinh-danh", Map.of("soDinhDanh", "0012"));
    assertThat(text(admin.get(page).body())).contains("Số định danh cá nhân phải gồm đúng 12 chữ số");
    String number = newPersonId();
    admin.submit(page, page + "/so-dinh-danh", Map.of("soDinhDanh", number));
    admin.submit(page, page + "/vai-tro", Map.of("role", "citizen", "orgCode", "HN-TT"));
    assertThat(text(admin.get(page).body())).contains("Vai trò Công dân giao tại trường, cơ quan (cho thành viên)"
        + " hoặc xã, phường (cho người dân)");
    admin.submit(page, page + "/vai-tro", Map.of("role", "citizen", "orgCode", school.code()));
    String shown = text(admin.get(page).body());
    assertThat(shown).contains("<strong id=\"so-hien-tai\">" + number + "</strong>").contains("Công dân");
    assertThat(jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, user))
        .containsExactly(Groups.citizen(school.code()));
    assertThat(jdbc.queryForObject("select user_id from citizen_account where identity_no = ?", String.class, number))
        .isEqualTo(user);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CITIZEN_IDENTITY_SET'"
        + " and target_id = ?", Integer.class, user)).isEqualTo(1);
    // a number is one person's: another account cannot take it
    String second = user + "b";
    admin.submit("/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung", Map.of("id", second, "lastName", "Hoàng",
        "firstName", "Lan", "password", DemoData.PASSWORD));
    admin.submit("/quan-tri/nguoi-dung/" + second, "/quan-tri/nguoi-dung/" + second + "/so-dinh-danh",
        Map.of("soDinhDanh", number));
    assertThat(text(admin.get("/quan-tri/nguoi-dung/" + second).body())).contains("đã gắn với một tài khoản khác");
    assertThat(jdbc.queryForObject("select count(*) from citizen_account where user_id = ?", Integer.class, second))
        .isZero();
    // the same through the administration API
    Response bad = http.put("admin", "/api/admin/users/" + second + "/citizen-identity", Map.of("identityNo", "abc"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("details").get(0).asText()).contains("phải gồm đúng 12 chữ số");
    String own = newPersonId();
    Response ok = http.put("admin", "/api/admin/users/" + second + "/citizen-identity", Map.of("identityNo", own));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select identity_no from citizen_account where user_id = ?", String.class,
        second)).isEqualTo(own);
  }
}
