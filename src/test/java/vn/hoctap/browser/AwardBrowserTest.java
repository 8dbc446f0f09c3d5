package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.RoundWorkflow;
import vn.hoctap.citizen.Subject;
import vn.hoctap.org.Groups;
import vn.hoctap.process.AssessmentRoundProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.demo.DemoData;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 18 in a real browser, as the demo users of Trường Tiểu học Tam Hiệp: the Tổ đánh giá proposes two
 * candidates picked by name (a teacher of the school's Công dân học tập round and the school itself) with the tờ
 * trình and báo cáo thành tích as files — first refused next to the files, then accepted; the page shows each
 * candidate's eligibility with its reasons; the council votes on the page while the secretary's page counts the
 * votes as they come; the secretary closes both meetings (minutes naming the members); the head signs; the
 * decision and the awardee's history are pages of their own. What each user sees and the database are asserted;
 * every page passes axe-core and fits a 360 px phone.
 */
@HoctapTest
class AwardBrowserTest {

  static final String SCHOOL = "Trường Tiểu học Tam Hiệp";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired RoundWorkflow workflow;
  @Autowired RoundService rounds;
  @Autowired Fixtures fx;

  /**
   * The school's recognised "Công dân học tập" round of the previous year, as the demo has outside the tests: the
   * people the award form picks from.
   */
  void schoolRound(int year) {
    boolean known = jdbc.queryForObject("select count(*) from round_entry e join assessment_round r on r.id = "
        + "e.round_id join org_unit o on o.id = r.org_id where o.code = ? and e.full_name = ? and e.recognised = true",
        Integer.class, "HN-TT-TH01", "Phạm Thị Dung") > 0;
    if (known) {
      return;
    }
    Round r = workflow.start(RoundKind.CITIZEN, "HN-TT-TH01", year, new CurrentUser("todanhgia",
        List.of(Groups.team("HN-TT-TH01"))));
    String[][] people = {{"001190010003", "Phạm Thị Dung", "1973"}, {"001190010004", "Phạm Thị Dung Anh", "1990"},
        {"001190010005", "Lê Văn Cường", "1972"}};
    for (String[] p : people) {
      rounds.saveEntry(r.id(), Subject.OFFICIAL, p[0], p[1], p[2], RoundFixtures.passing(), null, "todanhgia");
    }
    complete("todanhgia", r, AssessmentRoundProcess.TASK_PREPARE, Map.of(AssessmentRoundProcess.FIELD_COMMENT,
        "Danh sách cán bộ, giáo viên"));
    complete("hoidong", r, AssessmentRoundProcess.TASK_REVIEW, Map.of(AssessmentRoundProcess.VAR_REVIEW_OUTCOME,
        AssessmentRoundProcess.APPROVE_ALL));
    complete("hieutruong", r, AssessmentRoundProcess.TASK_DECIDE, Map.of(AssessmentRoundProcess.VAR_DECISION,
        AssessmentRoundProcess.RECOGNISE));
  }

  void complete(String user, Round r, String key, Map<String, Object> form) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(RoundWorkflow.businessKey(r.id()))
        .taskDefinitionKey(key).singleResult();
    fx.as(user, () -> tasks.complete(t.getId(), form));
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  static byte[] bytes(String head, int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(h, 0, b, 0, h.length);
    return b;
  }

  void login(BrowserSession b, String user) {
    b.driver.manage().deleteAllCookies();
    b.driver.get(url("/dang-nhap"));
    b.type(By.id("username"), user);
    b.type(By.id("password"), DemoData.PASSWORD);
    b.driver.findElement(By.id("dang-nhap")).click();
    b.wait.until(d -> d.getCurrentUrl().endsWith("/trang-chu"));
  }

  /** Desktop and 360 px screenshots (kept in docs/screenshots), axe-core and the phone width, on a GET page. */
  void shots(BrowserSession b, String name, By ready) throws Exception {
    b.visible(ready);
    Accessibility.assertNoSeriousViolations(b.driver, name);
    b.screenshot(name);
    Accessibility.assertFitsAPhone(b, name);
    b.driver.manage().window().setSize(new Dimension(360, 740));
    b.driver.navigate().refresh();
    b.visible(ready);
    b.screenshot(name + "-360");
    b.driver.manage().window().setSize(new Dimension(1366, 1000));
    b.driver.navigate().refresh();
    b.visible(ready);
    copy(name);
    copy(name + "-360");
  }

  /** Kept in docs/screenshots, where the user guide shows them. */
  static void copy(String name) throws Exception {
    Path docs = Path.of("docs", "screenshots");
    Files.createDirectories(docs);
    Files.copy(BrowserSession.SCREENSHOTS.resolve(name + ".png"), docs.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  String text(BrowserSession b, By by) {
    return b.visible(by).getText();
  }

  /** Picks a search result by its exact name and waits until it is in the chosen list. */
  void pick(BrowserSession b, String search, String name, int chosenAfter) {
    b.type(By.id("tim"), search);
    b.click(By.id("nut-tim"));
    By button = By.xpath("//ul[@id='ket-qua-tim']/li[.//b[normalize-space()='" + name + "']]//button");
    b.click(button);
    b.wait.until(d -> d.findElements(By.cssSelector("#da-chon > li")).size() == chosenAfter
        && d.findElement(By.id("da-chon")).getText().contains(name));
  }

  @Test
  void anAwardProposalGoesFromTheUnitThroughTheCouncilToTheSignedDecision() throws Exception {
    Path dir = Files.createTempDirectory("khen-thuong-");
    byte[] pdf = bytes("%PDF-1.4\n", 30_000, 11);
    byte[] docx = bytes("PK\u0003\u0004", 20_000, 12);
    Path toTrinh = Files.write(dir.resolve("to-trinh-khen-thuong.pdf"), pdf);
    Path baoCao = Files.write(dir.resolve("bao-cao-thanh-tich.docx"), docx);
    Path exe = Files.write(dir.resolve("cai-dat.exe"), bytes("MZ", 4_000, 13));
    int year = java.time.LocalDate.now(vn.hoctap.common.EngineClock.ZONE).getYear();
    schoolRound(year - 1);
    int proposalsBefore = jdbc.queryForObject("select count(*) from award_proposal", Integer.class);
    long id;
    long dung;
    long school;

    try (BrowserSession b = new BrowserSession()) {
      // the school's Tổ đánh giá finds "Khen thưởng" in the navigation and on the home page
      login(b, "todanhgia");
      assertThat(b.visible(By.id("khen-thuong")).getText()).contains("Danh sách đề nghị Giấy khen, Bằng khen");
      b.click(By.cssSelector("header.top nav a[href='/khen-thuong']"));
      b.click(By.cssSelector("#lap-moi a"));
      b.wait.until(d -> d.getCurrentUrl().endsWith("/khen-thuong/moi"));
      assertThat(new Select(b.visible(By.id("don-vi"))).getFirstSelectedOption().getText()).isEqualTo(SCHOOL);
      assertThat(b.driver.findElement(By.id("hinh-thuc-0")).isSelected()).isTrue();
      shots(b, "khen-thuong-moi", By.id("kt-de-nghi"));

      // two candidates picked by name: a teacher of the school's round (typed with accents) and the school (without)
      pick(b, "Phạm Thị Dung", "Phạm Thị Dung", 1);
      assertThat(text(b, By.id("uv-0"))).contains("Cá nhân", SCHOOL, "Sinh năm 1973", "Công dân học tập năm " + (year - 1));
      pick(b, "tam hiep", SCHOOL, 2);
      b.type(By.id("uv-0-chuc-vu"), "Giáo viên lớp 5B");
      b.type(By.id("uv-0-thanh-tich"), "Tổ chức câu lạc bộ đọc sách cho phụ huynh và học sinh");
      new Select(b.driver.findElement(By.name("uv-0-xl-" + year))).selectByVisibleText("Hoàn thành xuất sắc nhiệm vụ");
      new Select(b.driver.findElement(By.name("uv-0-xl-" + (year - 1)))).selectByVisibleText("Hoàn thành tốt nhiệm vụ");
      b.click(By.name("uv-0-cstd-" + (year - 1)));
      b.type(By.name("uv-0-qd-" + (year - 1)), "Quyết định số 21/QĐ-THTH ngày 25/5/" + (year - 1));
      b.type(By.id("uv-1-thanh-tich"), "Đơn vị học tập, dẫn đầu phong trào đọc sách của huyện");
      b.type(By.id("trich-yeu"), "Tờ trình số 12/TTr-THTH ngày 01/12/2026 về việc đề nghị tặng Giấy khen");

      // a program instead of the tờ trình, no báo cáo: refused next to each file field, all typed kept, nothing saved
      b.driver.findElement(By.id("to-trinh")).sendKeys(exe.toAbsolutePath().toString());
      b.click(By.id("lap"));
      b.wait.until(d -> !d.findElements(By.id("e-to-trinh")).isEmpty());
      assertThat(text(b, By.id("e-to-trinh"))).contains("cai-dat.exe", "không đúng loại cho phép");
      assertThat(text(b, By.id("e-bao-cao"))).contains("Cần tải lên tệp báo cáo thành tích");
      assertThat(text(b, By.id("loi"))).contains("chưa lưu gì");
      assertThat(b.driver.findElement(By.id("uv-0-thanh-tich")).getAttribute("value"))
          .isEqualTo("Tổ chức câu lạc bộ đọc sách cho phụ huynh và học sinh");
      assertThat(new Select(b.driver.findElement(By.name("uv-0-xl-" + year))).getFirstSelectedOption().getText())
          .isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
      assertThat(jdbc.queryForObject("select count(*) from award_proposal", Integer.class)).isEqualTo(proposalsBefore);
      Accessibility.assertNoSeriousViolations(b.driver, "khen-thuong-moi (từ chối)");
      b.screenshot("khen-thuong-moi-tu-choi");
      copy("khen-thuong-moi-tu-choi");

      // the right files: the list is stored and the new page opens
      b.driver.findElement(By.id("to-trinh")).sendKeys(toTrinh.toAbsolutePath().toString());
      b.driver.findElement(By.id("bao-cao")).sendKeys(baoCao.toAbsolutePath().toString());
      b.click(By.id("lap"));
      b.wait.until(d -> d.getCurrentUrl().matches(".*/khen-thuong/\\d+\\?da-lap=1$"));
      String path = URI.create(b.driver.getCurrentUrl()).getPath();
      id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
      assertThat(text(b, By.id("da-xong"))).contains("Đã lập danh sách đề nghị khen thưởng số " + id,
          "2 người, tập thể");
      dung = jdbc.queryForObject("select c.id from award_candidate c join awardee a on a.id = c.awardee_id where "
          + "c.proposal_id = ? and a.name = 'Phạm Thị Dung'", Long.class, id);
      school = jdbc.queryForObject("select c.id from award_candidate c join awardee a on a.id = c.awardee_id where "
          + "c.proposal_id = ? and a.kind = 'COLLECTIVE'", Long.class, id);
      assertThat(jdbc.queryForList("select status from award_candidate where proposal_id = ?", String.class, id))
          .containsOnly("IN_COUNCIL").hasSize(2);
      assertThat(jdbc.queryForObject("select content from award_file where proposal_id = ? and category = "
          + "'SUBMISSION'", byte[].class, id)).isEqualTo(pdf);
      assertThat(jdbc.queryForList("select kind || ' ' || achieved_year from awardee_achievement w join award_candidate "
          + "c on c.awardee_id = w.awardee_id where c.id = ? order by 1", String.class, dung))
          .containsExactly("CSTD_CO_SO " + (year - 1), "RATING_EXCELLENT " + year, "RATING_GOOD " + (year - 1));

      // the proposal's page: each candidate's eligibility with its reasons, the evidence, the files, the meeting
      String page = "/khen-thuong/" + id;
      b.driver.get(url(page));
      String dungCard = text(b, By.id("ung-vien-" + dung));
      assertThat(dungCard).contains("Giáo viên lớp 5B", "Đủ điều kiện đề nghị", "Hội đồng xem xét",
          "Tiêu chuẩn Giấy khen cho cá nhân", "chờ xác nhận văn bản", "Được công nhận \"Công dân học tập\" năm " + (year - 1),
          "Hội đồng " + SCHOOL + " đang họp", "Đã biểu quyết: 0/4");
      assertThat(text(b, By.id("ung-vien-" + school))).contains("Tập thể", "Đủ điều kiện đề nghị");
      assertThat(text(b, By.id("tep"))).contains("to-trinh-khen-thuong.pdf", "bao-cao-thanh-tich.docx", "Tờ trình",
          "Báo cáo thành tích", "Nguyễn Văn An");
      assertThat(b.bodyText()).contains("Nguyễn Văn An đã lập danh sách đề nghị khen thưởng")
          .doesNotContain("UNCONFIRMED", "RECOGNITION.md", "todanhgia", "GIAY_KHEN", "IN_COUNCIL");
      String href = b.driver.findElement(By.linkText("bao-cao-thanh-tich.docx")).getAttribute("href");
      HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
          .header("Cookie", "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue()).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(file.body()).isEqualTo(docx);
      shots(b, "khen-thuong-de-nghi", By.id("ung-vien-" + dung));

      // the chairwoman (a member) votes on the page, candidate after candidate
      login(b, "hieutruong");
      b.driver.get(url(page));
      assertThat(text(b, By.id("buoc-tieu-de"))).isEqualTo("Việc của bạn: Biểu quyết về ứng viên — Phạm Thị Dung");
      assertThat(text(b, By.id("buoc-hien-tai"))).contains("Giáo viên lớp 5B", "Đủ điều kiện đề nghị")
          .doesNotContain("UNCONFIRMED", "RECOGNITION.md");
      shots(b, "khen-thuong-bieu-quyet", By.id("buoc-hien-tai"));
      b.click(By.id("i_vote_0"));
      b.type(By.id("i_voteComment"), "Xứng đáng");
      b.click(By.id("gui"));
      b.wait.until(d -> d.findElement(By.id("da-xong")).getText().contains("Phạm Thị Dung"));
      assertThat(text(b, By.id("buoc-tieu-de"))).isEqualTo("Việc của bạn: Biểu quyết về ứng viên — " + SCHOOL);
      b.click(By.id("i_vote_0"));
      b.click(By.id("gui"));
      b.wait.until(d -> d.findElement(By.id("da-xong")).getText().contains(SCHOOL));
      assertThat(text(b, By.id("kiem-phieu-" + dung))).contains("Bạn đã biểu quyết: Đồng ý");

      // the secretary's page counts the votes as they come, by name, without reloading
      login(b, "thuky.th01");
      b.driver.get(url(page));
      assertThat(text(b, By.id("kiem-phieu-" + dung))).contains("1/4", "1 đồng ý", "Trần Thị Bình",
          "Chưa biểu quyết: Nguyễn Văn Tuấn, Đỗ Thị Mai, Nguyễn Thị Hạnh");
      assertThat(text(b, By.id("buoc-hien-tai"))).contains("đã biểu quyết: 1", "- Trần Thị Bình: Đồng ý — Xứng đáng")
          .doesNotContain("hieutruong");
      votePage("giaovien.th01", id, dung, "YES");
      b.wait.until(d -> d.findElement(By.id("kiem-phieu-" + dung)).getText().contains("2/4"));
      assertThat(text(b, By.id("kiem-phieu-" + dung))).contains("2 đồng ý", "Đỗ Thị Mai",
          "Chưa biểu quyết: Nguyễn Văn Tuấn, Nguyễn Thị Hạnh");
      assertThat(text(b, By.id("kiem-phieu-buoc"))).contains("2/4", "2 đồng ý");
      b.wait.until(d -> d.findElement(By.id("i_minutesDraft")).getText().contains("đã biểu quyết: 2"));
      assertThat(text(b, By.id("i_minutesDraft"))).contains("- Đỗ Thị Mai: Đồng ý");
      Accessibility.assertNoSeriousViolations(b.driver, "khen-thuong (thư ký)");
      b.scrollTo(By.id("buoc-tieu-de"));
      b.screenshot("khen-thuong-kiem-phieu");
      copy("khen-thuong-kiem-phieu");
      votePage("congdoan.th01", id, dung, "YES");
      votePage("giaovien.th01", id, school, "YES");
      votePage("congdoan.th01", id, school, "NO");
      b.wait.until(d -> d.findElement(By.id("kiem-phieu-" + school)).getText().contains("3/4"));
      assertThat(text(b, By.id("kiem-phieu-" + school))).contains("2 đồng ý", "1 không đồng ý");

      // the minutes, drafted from the votes and naming the members; the meeting ends after a confirmation
      b.driver.get(url(page));
      assertThat(text(b, By.id("buoc-hien-tai"))).contains("đã biểu quyết: 3", "- Trần Thị Bình: Đồng ý",
          "- Đỗ Thị Mai: Đồng ý", "- Nguyễn Văn Tuấn: Đồng ý", "Chưa biểu quyết (vắng mặt nếu kết thúc phiên họp"
              + " lúc này): Nguyễn Thị Hạnh", "Hội đồng THÔNG QUA đề nghị")
          .doesNotContain("giaovien.th01", "congdoan.th01", "hoidong");
      b.click(By.id("gui"));
      assertThat(text(b, By.id("hau-qua"))).contains("sẽ KẾT THÚC", "3/4 thành viên đã biểu quyết",
          "Hội đồng THÔNG QUA", "Thành viên chưa biểu quyết (Nguyễn Thị Hạnh) được coi là vắng mặt");
      Accessibility.assertNoSeriousViolations(b.driver, "xác nhận kết thúc phiên họp");
      b.screenshot("khen-thuong-xac-nhan");
      copy("khen-thuong-xac-nhan");
      // the answer of a form (not reloaded): narrowed to a phone in place
      b.driver.manage().window().setSize(new Dimension(360, 740));
      assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
          .as("the confirmation scrolls sideways at 360 px").isLessThanOrEqualTo(0L);
      b.screenshot("khen-thuong-xac-nhan-360");
      copy("khen-thuong-xac-nhan-360");
      b.driver.manage().window().setSize(new Dimension(1366, 1000));
      b.click(By.id("xac-nhan"));
      b.wait.until(d -> d.findElement(By.id("da-xong")).getText().contains("Lập biên bản"));
      b.click(By.id("gui"));
      assertThat(text(b, By.id("hau-qua"))).contains(SCHOOL, "2 đồng ý, 1 không đồng ý");
      b.click(By.id("xac-nhan"));
      b.wait.until(d -> d.findElement(By.id("da-xong")).getText().contains(SCHOOL));
      assertThat(jdbc.queryForList("select status from council_review where candidate_id in (?, ?)", String.class,
          dung, school)).containsOnly("PASSED").hasSize(2);
      String minutes = jdbc.queryForObject("select minutes from council_review where candidate_id = ?", String.class,
          school);
      assertThat(minutes).contains("- Nguyễn Văn Tuấn: Không đồng ý", "đã biểu quyết: 3",
          "Thành viên không biểu quyết (vắng mặt): Nguyễn Thị Hạnh")
          .doesNotContain("congdoan.th01", "UNCONFIRMED");

      // the head signs both; the decision is numbered in the school's book
      login(b, "hieutruong");
      b.driver.get(url(page));
      assertThat(text(b, By.id("buoc-tieu-de"))).isEqualTo("Việc của bạn: Xem xét, ký quyết định khen thưởng — "
          + "Phạm Thị Dung");
      assertThat(text(b, By.id("buoc-hien-tai"))).contains("Hội đồng " + SCHOOL + ": thông qua (3/3 đồng ý)");
      shots(b, "khen-thuong-ky", By.id("buoc-hien-tai"));
      b.click(By.id("i_awardDecision_0"));
      b.click(By.id("gui"));
      b.wait.until(d -> d.findElement(By.id("da-xong")).getText().contains("Phạm Thị Dung"));
      b.click(By.id("i_awardDecision_0"));
      b.click(By.id("gui"));
      b.wait.until(d -> d.findElement(By.id("da-xong")).getText().contains(SCHOOL));
      assertThat(text(b, By.id("trang-thai"))).isEqualTo("Đã khen thưởng: 2");
      String decisionNo = jdbc.queryForObject("select decision_no from award_decision where proposal_id = ?",
          String.class, id);
      assertThat(decisionNo).endsWith("/QĐ-HN-TT-TH01");
      assertThat(jdbc.queryForObject("select count(*) from award a join award_candidate c on c.id = a.candidate_id "
          + "where c.proposal_id = ?", Integer.class, id)).isEqualTo(2);
      assertThat(text(b, By.id("quyet-dinh"))).contains("Quyết định số " + decisionNo, "Trần Thị Bình",
          "2 người, tập thể được khen thưởng");
      assertThat(text(b, By.id("lich-su"))).contains("Đỗ Thị Mai đã biểu quyết về Phạm Thị Dung",
          "Phạm Thị Thu đã kết thúc phiên họp Hội đồng về " + SCHOOL, "Trần Thị Bình đã ký quyết định khen thưởng"
              + " Phạm Thị Dung");

      // the decision and the awardee's history, with the common layout
      b.click(By.linkText("Quyết định số " + decisionNo + " ngày " + java.time.format.DateTimeFormatter
          .ofPattern("dd/MM/yyyy").format(java.time.LocalDate.now(vn.hoctap.common.EngineClock.ZONE))));
      b.wait.until(d -> d.getCurrentUrl().contains("/khen-thuong/quyet-dinh/"));
      assertThat(text(b, By.tagName("main"))).contains("Quyết định khen thưởng số " + decisionNo, "Trần Thị Bình",
          "Phạm Thị Dung", SCHOOL, "Giấy khen");
      assertThat(b.driver.findElements(By.cssSelector("header.top nav"))).hasSize(1);
      shots(b, "khen-thuong-quyet-dinh", By.id("danh-sach-khen-thuong"));
      b.click(By.linkText("Phạm Thị Dung"));
      b.wait.until(d -> d.getCurrentUrl().contains("/khen-thuong/doi-tuong/"));
      assertThat(text(b, By.id("qua-cac-nam"))).contains(String.valueOf(year), "Giấy khen (Tổng kết năm)",
          "Quyết định số " + decisionNo, "Hoàn thành xuất sắc nhiệm vụ", "Chiến sĩ thi đua cơ sở",
          "Quyết định số 21/QĐ-THTH ngày 25/5/" + (year - 1));
      shots(b, "khen-thuong-doi-tuong", By.id("qua-cac-nam"));

      // the list of the school's proposals, status in words
      b.driver.get(url("/khen-thuong"));
      assertThat(text(b, By.id("de-nghi-" + id))).contains("Danh sách số " + id, SCHOOL, "Giấy khen",
          "Đã khen thưởng: 2");
      shots(b, "khen-thuong", By.id("danh-sach-de-nghi"));
    }
  }

  /** A member votes through the page's own form, from another browser (a session of its own). */
  void votePage(String member, long proposal, long candidate, String vote) throws Exception {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey("award-" + candidate)
        .taskDefinitionKey(AwardProcess.TASK_VOTE).taskCandidateUser(member).singleResult();
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String login = client.send(HttpRequest.newBuilder(URI.create(url("/dang-nhap"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    post(client, "/dang-nhap", Map.of("username", member, "password", DemoData.PASSWORD, "_csrf",
        PageSession.csrf(login)));
    String page = client.send(HttpRequest.newBuilder(URI.create(url("/khen-thuong/" + proposal + "?viec="
        + t.getId()))).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(page).contains("/khen-thuong/" + proposal + "/buoc/" + t.getId());
    HttpResponse<String> r = post(client, "/khen-thuong/" + proposal + "/buoc/" + t.getId(), Map.of("f_vote", vote,
        "f_voteComment", "", "_csrf", PageSession.csrf(page)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
  }

  HttpResponse<String> post(HttpClient client, String path, Map<String, String> fields) throws Exception {
    StringBuilder body = new StringBuilder();
    new LinkedHashMap<>(fields).forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return client.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }
}
