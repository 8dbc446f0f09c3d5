package vn.hoctap.browser;

import static vn.hoctap.browser.Accessibility.check;
import static vn.hoctap.browser.Accessibility.keep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundEntry;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.RoundWorkflow;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.process.AssessmentRoundProcess;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 18 in a real browser: a school's team creates a teacher's "Công dân" account (a wrong number refused next to
 * its field first); the teacher signs in with their number, lands on their own home, chooses their population, fills
 * the form (a score above its maximum refused next to its field, then a criterion below 5 explained, then a pass),
 * reads the result with its reasons and, once the list has gone to the council, the read-only page; the team sees
 * the entry, marked as the person's own, in the round's entries. Every page passes axe-core and fits a 360 px phone.
 */
@HoctapTest
class SelfAssessmentBrowserTest {

  static final String[] CODES = {"NL1.1", "NL1.2", "NL1.3", "NL1.4", "NL2.1", "NL2.2", "NL2.3", "NL2.4", "NL3.1",
      "NL3.2"};

  @LocalServerPort int port;
  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  void login(BrowserSession b, String user) {
    b.driver.manage().deleteAllCookies();
    b.driver.get(url("/dang-nhap"));
    b.type(By.id("username"), user);
    b.type(By.id("password"), DemoData.PASSWORD);
    b.click(By.id("dang-nhap"));
    b.wait.until(d -> d.getCurrentUrl().endsWith("/trang-chu"));
  }


  void scores(BrowserSession b, double... values) {
    for (int i = 0; i < CODES.length; i++) {
      String v = values[i] == Math.rint(values[i]) ? String.valueOf((int) values[i])
          : String.valueOf(values[i]).replace('.', ',');
      b.type(By.id("d_" + CODES[i].replace('.', '_')), v);
    }
  }

  void completeAs(String user, Round r, String taskKey) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(RoundWorkflow.businessKey(r.id()))
        .taskDefinitionKey(taskKey).singleResult();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
    try {
      tasks.complete(t.getId(), Map.of());
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aTeacherAssessesThemselvesAndTheSchoolSeesIt() throws Exception {
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    Body school = rf.newSchool("HN-TT");
    Round round = rf.start(school, RoundKind.CITIZEN, year);
    String number = RoundFixtures.newPersonId();
    String schoolName = "Trường thử " + school.code();

    try (BrowserSession b = new BrowserSession()) {
      // the school's team makes the teacher's account: a wrong number first, refused next to its field
      login(b, school.preparer());
      assertThat(b.visible(By.id("tai-khoan-cong-dan")).getText()).contains("Tài khoản công dân");
      b.click(By.cssSelector("#tai-khoan-cong-dan a"));
      b.visible(By.id("tao-tai-khoan"));
      check(b, "tai-khoan-cong-dan", true);
      b.type(By.id("soDinhDanh"), number.substring(1));
      b.type(By.id("ho"), "Ngô Thị");
      b.type(By.id("ten"), "Lan");
      b.type(By.id("matKhau"), DemoData.PASSWORD);
      b.click(By.id("tao"));
      assertThat(b.visible(By.id("e_soDinhDanh")).getText()).contains("phải gồm đúng 12 chữ số")
          .contains(number.substring(1));
      assertThat(b.driver.findElement(By.id("ho")).getAttribute("value")).isEqualTo("Ngô Thị");
      check(b, "tai-khoan-cong-dan-loi", false);
      assertThat(jdbc.queryForObject("select count(*) from citizen_account where identity_no = ?", Integer.class,
          number)).isZero();
      b.type(By.id("soDinhDanh"), number);
      b.type(By.id("matKhau"), DemoData.PASSWORD);
      b.click(By.id("tao"));
      assertThat(b.visible(By.id("da-tao")).getText()).contains("Đã tạo tài khoản cho Ngô Thị Lan")
          .contains(schoolName);
      assertThat(b.visible(By.id("danh-sach-tai-khoan")).getText()).contains("Ngô Thị Lan").contains(number);

      // the teacher signs in with their number: their self-assessment, no official work
      login(b, number);
      String home = b.bodyText();
      assertThat(home).contains("Xin chào, Ngô Thị Lan").contains(number).contains(schoolName)
          .contains("Công dân học tập năm " + year).contains("Chưa tự đánh giá")
          .doesNotContain("Việc cần làm").doesNotContain("Bảng theo dõi");
      check(b, "trang-chu-cong-dan", true);

      b.click(By.cssSelector("#dot-mo a.button"));
      b.visible(By.id("chon-nhom"));
      check(b, "tu-danh-gia-chon-nhom", true);
      b.click(By.xpath("//label[contains(., 'Cán bộ, công chức, viên chức, doanh nhân')]/input"));
      b.click(By.id("mo-phieu"));
      b.visible(By.id("phieu"));
      assertThat(b.driver.findElement(By.id("nhom")).getText()).isEqualTo("Cán bộ, công chức, viên chức, doanh nhân");
      assertThat(b.bodyText()).contains("NL2.1 — Sử dụng công nghệ thông tin, kỹ năng số để học tập và làm việc"
          + " (0 đến 10 điểm)");
      check(b, "tu-danh-gia-phieu", true);

      // a score above its maximum: refused next to its field, whole, nothing stored, what was typed kept
      b.type(By.id("namSinh"), "1986");
      scores(b, 9, 9, 9, 9, 12, 9, 9, 9, 10, 8.5);
      b.click(By.id("luu-phieu"));
      assertThat(b.visible(By.id("e_NL2_1")).getText())
          .isEqualTo("Chỉ tiêu NL2.1: Điểm chỉ tiêu NL2.1 phải từ 0 đến 10, đang là 12.");
      assertThat(b.visible(By.id("loi")).getText()).contains("Mục chưa hợp lệ, chưa lưu gì.");
      assertThat(b.driver.findElement(By.id("d_NL3_2")).getAttribute("value")).isEqualTo("8,5");
      assertThat(b.driver.findElement(By.id("d_NL2_1")).getAttribute("aria-invalid")).isEqualTo("true");
      check(b, "tu-danh-gia-loi", false);
      assertThat(rounds.entry(round.id(), number)).isEmpty();

      // corrected, but one criterion below 5: not met, and the page says which, with its value and threshold
      b.type(By.id("d_NL2_1"), "4");
      b.click(By.id("luu-phieu"));
      assertThat(b.visible(By.id("da-luu")).getText()).contains("chưa đạt");
      assertThat(b.visible(By.id("ket-luan")).getText()).isEqualTo("Chưa đạt");
      assertThat(b.driver.findElement(By.id("ly-do")).getText()).contains("Tổng điểm 85,5/100: đạt mức từ 80 điểm"
          + " trở lên.").contains("Chỉ tiêu NL2.1 (Sử dụng công nghệ thông tin, kỹ năng số để học tập và làm việc):"
          + " 4 điểm, dưới mức tối thiểu 5 điểm của mỗi chỉ tiêu.");
      check(b, "tu-danh-gia-chua-dat", false);
      b.type(By.id("d_NL2_1"), "8");
      org.openqa.selenium.WebElement before = b.driver.findElement(By.id("ket-luan"));
      b.click(By.id("luu-phieu"));
      b.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
      assertThat(b.visible(By.id("ket-luan")).getText()).isEqualTo("Đạt");
      assertThat(b.driver.findElement(By.id("tong-diem")).getText()).isEqualTo("89,5");
      assertThat(b.driver.findElement(By.id("ly-do")).getText()).contains("Không chỉ tiêu nào dưới 5 điểm.");
      check(b, "tu-danh-gia-ket-qua", true);

      RoundEntry mine = rounds.entry(round.id(), number).orElseThrow();
      assertThat(mine.fullName()).isEqualTo("Ngô Thị Lan");
      assertThat(mine.birthYear()).isEqualTo(1986);
      assertThat(mine.total()).isEqualByComparingTo("89.5");
      assertThat(mine.passed()).isTrue();
      assertThat(mine.selfAssessed()).isTrue();
      assertThat(jdbc.queryForObject("select updated_by from round_entry where id = ?", String.class, mine.id()))
          .isEqualTo(number);

      b.driver.get(url("/tu-danh-gia"));
      assertThat(b.visible(By.id("dot-mo")).getText()).contains("Đạt, 89,5 điểm");
      check(b, "tu-danh-gia", true);

      // the team sends the list to the council: the teacher reads their result, no form
      completeAs(school.preparer(), round, AssessmentRoundProcess.TASK_PREPARE);
      b.driver.get(url("/tu-danh-gia/" + round.id()));
      assertThat(b.visible(By.id("ket-qua-dot")).getText())
          .isEqualTo("Danh sách đang được Hội đồng xét duyệt: phiếu không sửa được nữa.");
      assertThat(b.all(By.id("phieu"))).isEmpty();
      assertThat(b.visible(By.id("bang-diem")).getText()).contains("NL2.1").contains("8");
      check(b, "tu-danh-gia-xet-duyet", true);
      b.driver.get(url("/tu-danh-gia"));
      assertThat(b.visible(By.id("ket-qua-cac-dot")).getText()).contains("Đang xét duyệt").contains("Đạt, 89,5 điểm");
      assertThat(b.visible(By.id("khong-co-dot-mo")).getText()).contains("Hiện chưa có đợt đánh giá nào đang mở");

      // the school's official sees the teacher in the round's entries, as the person's own
      login(b, school.preparer());
      b.driver.get(url("/dot-danh-gia/" + round.id()));
      assertThat(b.visible(By.id("ds-tong")).getText()).startsWith("1 người / hộ");
      assertThat(b.visible(By.id("muc-" + number)).getText()).contains(number).contains("Ngô Thị Lan (tự đánh giá)")
          .contains("Đạt").contains("89,5");
      check(b, "dot-danh-gia-tu-danh-gia", true);
    }
    List<RoundEntry> list = rounds.entries(round.id(), null, 0, 10);
    assertThat(list).extracting(RoundEntry::identityNo).containsExactly(number);
    assertThat(jdbc.queryForObject("select status from assessment_round where id = ?", String.class, round.id()))
        .isEqualTo("IN_REVIEW");
  }
}
