package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 18 items 2–4 over real HTTP, as a browser sends the award pages' forms (session login, CSRF token,
 * multipart files): the new proposal refuses a candidate outside the unit, a file of the wrong kind and a missing
 * báo cáo next to their fields, with what was typed kept and nothing stored; a council member's second vote is
 * refused next to the vote field; the secretary's draft counts the votes cast (in the page and in the engine's own
 * form variable); every award page answers 404 to another province and sends an anonymous visitor to the login.
 */
@HoctapTest
class AwardPagesHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired AwardFixtures af;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrgUnitRepository orgs;
  @Autowired IdentityProvisioning provisioning;
  @Autowired TaskService tasks;

  static final byte[] PDF = bytes("%PDF-1.4\n", 6_000, 1);
  static final byte[] DOCX = bytes("PK\u0003\u0004", 5_000, 2);

  static byte[] bytes(String head, int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(h, 0, b, 0, h.length);
    return b;
  }

  /** A school of huyện Thanh Trì with a council of three named members and a secretary. */
  record School(TestUnit unit, long orgId, List<String> members, String secretary) {}

  School school() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    String lower = u.code().toLowerCase();
    String[][] people = {{"hd1." + lower, "Lan", "Vũ Thị"}, {"hd2." + lower, "Sơn", "Đào Văn"},
        {"hd3." + lower, "Hằng", "Mạc Thị"}, {"tk." + lower, "Quyên", "Lò Thị"}};
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      provisioning.ensureUserSharingPassword(people[i][0], people[i][1], people[i][2], people[i][0] + "@test.hoctap.vn",
          DemoData.PASSWORD);
      String group = i < 3 ? Groups.council(u.code()) : Groups.councilSecretary(u.code());
      provisioning.ensureGroup(group, group, "WORKFLOW");
      provisioning.ensureMembership(people[i][0], group);
      if (i < 3) {
        members.add(people[i][0]);
      }
    }
    return new School(u, orgs.findByCode(u.code()).orElseThrow().getId(), members, people[3][0]);
  }

  /** A member's vote through the engine, as the Tasklist sends it. */
  void vote(long candidate, String member, String vote) {
    Task t = fx.as(member, () -> tasks.createTaskQuery().processInstanceBusinessKey("award-" + candidate)
        .taskDefinitionKey(AwardProcess.TASK_VOTE).taskCandidateUser(member).singleResult());
    fx.as(member, () -> {
      tasks.complete(t.getId(), Map.of(AwardProcess.FIELD_VOTE, vote, AwardProcess.FIELD_VOTE_COMMENT, "Theo hồ sơ"));
      return null;
    });
  }

  int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  /** The fields of a valid proposal of the school for itself (a collective) and a person typed by name. */
  static Map<String, String> proposal(School s) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("don-vi", s.unit().code());
    f.put("hinh-thuc", "GIAY_KHEN");
    f.put("phong-trao", "Phong trào học tập suốt đời của nhà trường");
    f.put("ky", "YEARLY");
    f.put("nam", "2026");
    f.put("trich-yeu", "Tờ trình số 7/TTr ngày 01/12/2026 về việc đề nghị tặng Giấy khen");
    f.put("tom-tat", "");
    f.put("uv-0-ref", "dv:" + s.orgId());
    f.put("uv-0-thanh-tich", "Dẫn đầu phong trào đọc sách của huyện");
    f.put("uv-1-ref", "moi:INDIVIDUAL:" + s.orgId());
    f.put("uv-1-ten", "Hà Thị Nhung");
    f.put("uv-1-chuc-vu", "Giáo viên lớp 3A");
    f.put("uv-1-thanh-tich", "Câu lạc bộ đọc sách cho phụ huynh");
    f.put("uv-1-xl-2026", "RATING_EXCELLENT");
    f.put("uv-1-cstd-2025", "1");
    f.put("uv-1-qd-2025", "QĐ 15/QĐ-TH ngày 20/5/2025");
    f.put("hanh-dong", "lap");
    return f;
  }

  @Test
  void theNewProposalRefusesNextToEachFieldKeepsWhatWasTypedAndStoresNothing() {
    School s = school();
    School other = school();
    Session team = new Session(s.unit().team());
    Resp form = team.get("/khen-thuong/moi");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("Lập danh sách đề nghị khen thưởng", "Đơn vị thử " + s.unit().code(),
        "Bằng khen của Chủ tịch UBND tỉnh", "Tổng kết năm").doesNotContain("GIAY_KHEN\">GIAY_KHEN");
    int proposals = count("select count(*) from award_proposal");
    int files = count("select count(*) from award_file");

    // the search finds the unit by name, with or without accents; the other school is not offered
    Map<String, String> search = new LinkedHashMap<>(proposal(s));
    search.keySet().removeIf(k -> k.startsWith("uv-"));
    search.put("tim", "don vi thu " + s.unit().code().toLowerCase());
    search.put("hanh-dong", "tim");
    Resp found = team.multipart("/khen-thuong/moi", search, List.of());
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).contains("value=\"them:dv:" + s.orgId() + "\"")
        .doesNotContain("them:dv:" + other.orgId());
    // adding someone of another unit through a forged button: refused next to the search, not added
    search.put("hanh-dong", "them:dv:" + other.orgId());
    Resp forged = team.multipart("/khen-thuong/moi", search, List.of());
    assertThat(forged.status()).isEqualTo(422);
    assertThat(field(forged.body(), "e-tim")).contains("không có trong danh sách của đơn vị đề nghị");
    assertThat(forged.body()).doesNotContain("name=\"uv-0-ref\"");

    // a candidate outside the unit, a file of the wrong kind, no báo cáo: each next to its field, nothing stored
    Map<String, String> fields = proposal(s);
    fields.put("uv-1-ref", "dv:" + other.orgId());
    fields.remove("uv-1-ten");
    Resp refused = team.multipart("/khen-thuong/moi", fields, List.of(
        new Part("to-trinh", "cai-dat.exe", bytes("MZ", 3_000, 3))));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(field(refused.body(), "e-uv-1")).contains("\"Đơn vị thử " + other.unit().code() + "\" không thuộc Đơn vị thử "
        + s.unit().code(), "Hãy bỏ khỏi danh sách");
    assertThat(field(refused.body(), "e-to-trinh")).contains("cai-dat.exe", "không đúng loại cho phép");
    assertThat(field(refused.body(), "e-bao-cao")).contains("Cần tải lên tệp báo cáo thành tích");
    assertThat(refused.body()).contains("id=\"loi\"");
    assertThat(refused.body()).contains("value=\"Phong trào học tập suốt đời của nhà trường\"");
    assertThat(text(refused.body())).contains("chưa lưu gì",
        "Tờ trình số 7/TTr ngày 01/12/2026", "Dẫn đầu phong trào đọc sách của huyện",
        "Chưa có gì được lưu, kể cả các tệp");
    assertThat(count("select count(*) from award_proposal")).isEqualTo(proposals);
    assertThat(count("select count(*) from award_file")).isEqualTo(files);

    // a file that lies about its kind is refused like a dossier's evidence
    Resp liar = team.multipart("/khen-thuong/moi", proposal(s), List.of(new Part("to-trinh", "to-trinh.pdf", PDF),
        new Part("bao-cao", "bao-cao.pdf", bytes("MZ", 3_000, 4))));
    assertThat(liar.status()).isEqualTo(422);
    assertThat(field(liar.body(), "e-bao-cao")).contains("Nội dung tệp \"bao-cao.pdf\" không phải là tệp .pdf hợp lệ");
    assertThat(count("select count(*) from award_proposal")).isEqualTo(proposals);

    // another province's user cannot propose for the school
    Session outsider = new Session("todanhgia.nb");
    Resp foreign = outsider.multipart("/khen-thuong/moi", proposal(s), List.of(
        new Part("to-trinh", "to-trinh.pdf", PDF), new Part("bao-cao", "bao-cao.docx", DOCX)));
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(field(foreign.body(), "e-don-vi")).contains("Hãy chọn đơn vị đề nghị trong danh sách");
    assertThat(count("select count(*) from award_proposal")).isEqualTo(proposals);

    // once right, the list is stored whole, with its files byte for byte
    Resp created = team.multipart("/khen-thuong/moi", proposal(s), List.of(new Part("to-trinh", "to-trinh.pdf", PDF),
        new Part("bao-cao", "bao-cao-thanh-tich.docx", DOCX)));
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    assertThat(created.location()).endsWith("?da-lap=1");
    String page = URI.create(created.location()).getPath();
    long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
    assertThat(text(team.get(page + "?da-lap=1").body())).contains("Đã lập danh sách đề nghị khen thưởng số " + id
        + " (2 người, tập thể) và gửi xét");
    assertThat(count("select count(*) from award_candidate where proposal_id = ?", id)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select content from award_file where proposal_id = ? and category = 'REPORT'",
        byte[].class, id)).isEqualTo(DOCX);
    assertThat(jdbc.queryForList("select a.name from award_candidate c join awardee a on a.id = c.awardee_id "
        + "where c.proposal_id = ? order by c.id", String.class, id))
        .containsExactly("Đơn vị thử " + s.unit().code(), "Hà Thị Nhung");
    assertThat(jdbc.queryForList("select kind from awardee_achievement w join award_candidate c on c.awardee_id = "
        + "w.awardee_id where c.proposal_id = ? order by w.kind", String.class, id))
        .containsExactly("CSTD_CO_SO", "RATING_EXCELLENT");
  }

  @Test
  void aSecondVoteIsRefusedNextToTheVoteFieldAndTheSecretarysDraftCountsTheVotes() {
    School s = school();
    Session team = new Session(s.unit().team());
    Resp created = team.multipart("/khen-thuong/moi", proposal(s), List.of(new Part("to-trinh", "to-trinh.pdf", PDF),
        new Part("bao-cao", "bao-cao.docx", DOCX)));
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String page = URI.create(created.location()).getPath();
    long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
    long candidate = jdbc.queryForObject("select min(id) from award_candidate where proposal_id = ?", Long.class, id);

    // the first member votes on the page: the form of their own task
    String member = s.members().get(0);
    Session m = new Session(member);
    Resp mine = m.get(page);
    assertThat(text(mine.body())).contains("Việc của bạn: Biểu quyết về ứng viên — Đơn vị thử " + s.unit().code(),
        "Đồng ý đề nghị khen thưởng", "Dẫn đầu phong trào đọc sách của huyện")
        .doesNotContain("UNCONFIRMED", "RECOGNITION.md");
    String action = action(mine.body());
    Resp voted = m.post(action, Map.of("f_vote", "YES", "f_voteComment", "Xứng đáng"));
    assertThat(voted.status()).isEqualTo(302);
    // the same vote sent again (a second tab, the back button): refused next to the vote field, what was typed kept
    Resp again = m.post(action, Map.of("f_vote", "NO", "f_voteComment", "Tôi đổi ý"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(field(again.body(), "e_vote")).contains("Vũ Thị Lan đã biểu quyết về ứng viên này lúc",
        "(Đồng ý)", "phiếu thứ hai không được ghi");
    assertThat(text(again.body())).contains("Tôi đổi ý").doesNotContain(member);
    assertThat(count("select count(*) from award_vote where candidate_id = ? and member_id = ?", candidate, member))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select vote from award_vote where candidate_id = ? and member_id = ?",
        String.class, candidate, member)).isEqualTo("YES");

    // a second member votes; the secretary sees the counts and a draft naming the members, in the page and the engine
    vote(candidate, s.members().get(1), CouncilService.NO);
    Session secretary = new Session(s.secretary());
    Resp live = secretary.get(page);
    assertThat(field(live.body(), "kiem-phieu-" + candidate)).contains("2/3", "1 đồng ý", "1 không đồng ý",
        "Vũ Thị Lan", "Đào Văn Sơn", "Chưa biểu quyết", "Mạc Thị Hằng");
    assertThat(text(live.body())).contains("Việc của bạn: Lập biên bản, kết thúc phiên họp", "đã biểu quyết: 2",
        "- Vũ Thị Lan: Đồng ý — Xứng đáng", "- Đào Văn Sơn: Không đồng ý")
        .doesNotContain(member, s.members().get(1));
    Task minutes = tasks.createTaskQuery().processInstanceBusinessKey("award-" + candidate)
        .taskDefinitionKey(AwardProcess.TASK_MINUTES).singleResult();
    assertThat((String) tasks.getVariable(minutes.getId(), AwardProcess.FIELD_MINUTES_DRAFT))
        .contains("đã biểu quyết: 2", "- Vũ Thị Lan: Đồng ý", "Chưa biểu quyết (vắng mặt nếu kết thúc phiên họp lúc này): Mạc Thị Hằng");
    // a member follows how many voted, not how
    Resp other = new Session(s.members().get(2)).get(page);
    assertThat(field(other.body(), "kiem-phieu-" + candidate)).contains("2/3", "Bạn chưa biểu quyết")
        .doesNotContain("đồng ý,", "Vũ Thị Lan");
  }

  @Test
  void everyAwardPageAnswersOnlyWithinItsJurisdictionAndAnAnonymousVisitorLogsInFirst() {
    School s = school();
    Session team = new Session(s.unit().team());
    Resp created = team.multipart("/khen-thuong/moi", proposal(s), List.of(new Part("to-trinh", "to-trinh.pdf", PDF),
        new Part("bao-cao", "bao-cao.docx", DOCX)));
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String page = URI.create(created.location()).getPath();
    long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
    List<Long> candidates = jdbc.queryForList("select id from award_candidate where proposal_id = ? order by id",
        Long.class, id);
    for (Long c : candidates) {
      for (String m : s.members()) {
        vote(c, m, CouncilService.YES);
      }
      af.close(c, s.secretary());
      af.sign(c, s.unit().head(), AwardProcess.APPROVE, null);
    }
    long decision = jdbc.queryForObject("select id from award_decision where proposal_id = ?", Long.class, id);
    long awardee = jdbc.queryForObject("select awardee_id from award_candidate where id = ?", Long.class,
        candidates.get(1));
    long file = jdbc.queryForObject("select min(id) from award_file where proposal_id = ?", Long.class, id);
    List<String> pages = List.of(page, page + "/tep/" + file, page + "/danh-sach.xlsx", page + "/to-trinh.pdf",
        "/khen-thuong/doi-tuong/" + awardee, "/khen-thuong/quyet-dinh/" + decision);

    // the unit and the district see every page; the pages name people, not logins
    Session district = new Session("phonggd");
    for (String p : pages) {
      assertThat(district.get(p).status()).as(p).isEqualTo(200);
    }
    assertThat(district.get("/khen-thuong").body()).contains("Danh sách số " + id);
    Resp decided = team.get(page);
    assertThat(text(decided.body())).contains("Đã khen thưởng: 2", "Quyết định số 1/QĐ-" + s.unit().code(),
        "Hội đồng THÔNG QUA", "Người Thử đã ký quyết định khen thưởng Hà Thị Nhung", "Lò Thị Quyên đã kết thúc"
            + " phiên họp Hội đồng")
        .doesNotContain(s.secretary(), s.members().get(0), s.unit().head() + " ");
    assertThat(text(team.get("/khen-thuong/quyet-dinh/" + decision).body())).contains("Hà Thị Nhung",
        "Đơn vị thử " + s.unit().code(), "Người Thử");

    // another province: exactly "not found", without the data
    Session outsider = new Session("sogd.nb");
    for (String p : pages) {
      Resp r = outsider.get(p);
      assertThat(r.status()).as(p).isEqualTo(404);
      assertThat(r.body()).as(p).doesNotContain("Hà Thị Nhung", "%PDF");
    }
    assertThat(outsider.get("/khen-thuong").body()).doesNotContain("Danh sách số " + id + "<");
    assertThat(outsider.get("/khen-thuong/999999999").status()).isEqualTo(404);
    Resp step = outsider.post(page + "/buoc/1", Map.of("f_vote", "YES"));
    assertThat(step.status()).isEqualTo(404);
    assertThat(step.body()).doesNotContain("Hà Thị Nhung");
    assertThat(outsider.get("/khen-thuong/moi").body()).doesNotContain("Đơn vị thử " + s.unit().code());

    // anonymous: the login page for every page, the old addresses too (after their redirect)
    Session anonymous = new Session(null);
    for (String p : List.of("/khen-thuong", "/khen-thuong/moi", page, page + "/tep/" + file,
        "/khen-thuong/doi-tuong/" + awardee, "/khen-thuong/quyet-dinh/" + decision)) {
      Resp r = anonymous.get(p);
      assertThat(r.status()).as(p).isEqualTo(302);
      assertThat(r.location()).as(p).endsWith("/dang-nhap");
    }
    Resp moved = district.get("/awards/decisions/" + decision);
    assertThat(moved.status()).isEqualTo(301);
    assertThat(moved.location()).endsWith("/khen-thuong/quyet-dinh/" + decision);
    assertThat(district.get("/awards/awardees/" + awardee).location()).endsWith("/khen-thuong/doi-tuong/" + awardee);
  }

  // ---- a browser-like session: login form, cookie, CSRF token, multipart files ----

  record Resp(int status, String body, String location) {}

  record Part(String name, String fileName, byte[] content) {}

  static final Pattern ACTION = Pattern.compile("action=\"(/khen-thuong/\\d+/buoc/[^\"]+)\"");

  static String action(String html) {
    Matcher m = ACTION.matcher(html);
    assertThat(m.find()).as("a step form in the page").isTrue();
    return m.group(1);
  }

  /** The element with this id and what it holds (to its closing tag of the same name, not nested ones). */
  static String field(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as("element #" + id + " in the page").isGreaterThan(0);
    int open = html.lastIndexOf('<', at);
    String tag = html.substring(open + 1, html.indexOf(' ', open));
    int depth = 0;
    int i = open;
    while (i < html.length()) {
      int nextOpen = html.indexOf("<" + tag, i + 1);
      int nextClose = html.indexOf("</" + tag + ">", i + 1);
      if (nextOpen >= 0 && nextOpen < nextClose) {
        depth++;
        i = nextOpen;
      } else {
        if (depth == 0) {
          return text(html.substring(open, nextClose));
        }
        depth--;
        i = nextClose;
      }
    }
    return text(html.substring(open));
  }

  /** What a person reads: the text without tags, entities decoded, spaces collapsed. */
  static String text(String html) {
    return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        .replaceAll("\\s+", " ");
  }

  class Session {
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String token;

    Session(String user) {
      if (user != null) {
        String login = get("/dang-nhap").body();
        Resp r = post("/dang-nhap", Map.of("username", user, "password", DemoData.PASSWORD, "_csrf",
            PageSession.csrf(login)));
        assertThat(r.location()).as("login of " + user).endsWith("/trang-chu");
        token = PageSession.csrf(get("/trang-chu").body());
      }
    }

    Resp get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Resp post(String path, Map<String, String> fields) {
      Map<String, String> all = new LinkedHashMap<>(fields);
      if (token != null) {
        all.putIfAbsent("_csrf", token);
      }
      StringBuilder body = new StringBuilder();
      all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Resp multipart(String path, Map<String, String> fields, List<Part> files) {
      String boundary = "kt" + System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Map<String, String> all = new LinkedHashMap<>(fields);
      all.put("_csrf", token);
      try {
        for (Map.Entry<String, String> f : all.entrySet()) {
          out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
              + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Part p : files) {
          out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\"; filename=\""
              + p.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
          out.write(p.content());
          out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary="
          + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    URI uri(String path) {
      return URI.create(path.startsWith("http") ? path : "http://127.0.0.1:" + port + path);
    }

    Resp send(HttpRequest.Builder b) {
      b.header("Accept", "text/html,application/xhtml+xml");
      try {
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Resp(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
            r.headers().firstValue("Location").orElse(null));
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
