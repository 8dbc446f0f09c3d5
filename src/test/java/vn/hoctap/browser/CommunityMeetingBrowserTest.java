package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 17, the README's commune walkthrough in hoctap's pages only (headless Chromium), as the demo users: the
 * staff of UBND xã Tả Thanh Oai ({@code ubndxa}) opens the "Cộng đồng học tập" dossier and self-assesses; the
 * chairwoman ({@code chutichxa}) records the agreement meeting in the page's form — a wrong date, a date still to
 * come and no minutes are each refused next to their field with nothing stored; she uploads the minutes on the
 * dossier page, chooses them in the form (offered without reloading) and types the date dd/MM/yyyy; the district
 * office ({@code phonggd}) checks and appraises; the head of the education office ({@code truongphong}) decides.
 * The database holds the meeting with the date as typed (day first), its minutes among the evidence, the status.
 */
@HoctapTest
class CommunityMeetingBrowserTest {

  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String ATTENDEES = "Chủ tịch UBND xã, Phó Chủ tịch UBND xã, Chủ tịch Hội Khuyến học xã, trưởng các"
      + " thôn";

  @LocalServerPort int port;
  @Autowired DossierService dossiers;
  @Autowired vn.hoctap.support.Fixtures fx;
  @Autowired JdbcTemplate jdbc;

  /** A past day whose day and month differ and could both be months: typed day first, it cannot be misread. */
  static LocalDate meetingDay() {
    LocalDate d = LocalDate.now(EngineClock.ZONE).minusDays(1);
    while (d.getDayOfMonth() > 12 || d.getDayOfMonth() == d.getMonthValue()) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** Every indicator of TT25 Điều 6 met (the shared fixture: a reason noted where hoctap filled a figure in). */
  static Map<String, Object> communityMet() {
    return vn.hoctap.support.Fixtures.communityMet();
  }

  int meetings(long id) {
    return jdbc.queryForObject("select count(*) from dossier_meeting where dossier_id = ?", Integer.class, id);
  }

  @Test
  void aCommuneRecordsItsMeetingWithItsMinutesAndIsRecognised() throws Exception {
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    LocalDate held = meetingDay();
    Path dir = Files.createTempDirectory("bien-ban-");
    byte[] minutes = Journeys.bytes("%PDF-1.6\n", 60_000, 31);
    Path minutesFile = Journeys.file(dir, "bien-ban-hop-thong-nhat.pdf", minutes);
    try (BrowserSession b = new BrowserSession()) {
      Journeys j = new Journeys(b, port);
      try {
        walkThrough(b, j, year, held, minutesFile, minutes);
      } catch (Throwable e) {
        b.screenshot("cong-dong-failure");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }

  void walkThrough(BrowserSession b, Journeys j, int year, LocalDate held, Path minutesFile, byte[] minutes)
      throws Exception {
    // the commune's staff: the dossier and its self-assessment
    j.login("ubndxa");
    long id = j.open("LEARNING_COMMUNITY:HN-TT-TTO", year);
    String page = "/ho-so/" + id;
    assertThat(b.visible(By.id("buoc-tieu-de")).getText())
        .isEqualTo("Việc của bạn: Tổ chức tự đánh giá các chỉ tiêu");
    j.fill(communityMet());
    j.send();
    assertThat(b.driver.findElement(By.id("buoc")).getText()).isEqualTo("Họp thống nhất kết quả tự đánh giá");

    // the chairwoman: the meeting form, the minutes still missing
    j.login("chutichxa");
    b.driver.get(j.url(page));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText())
        .isEqualTo("Việc của bạn: Họp thống nhất kết quả tự đánh giá");
    assertThat(b.driver.findElement(By.id("i_meetingDate")).getAttribute("placeholder")).isEqualTo("ngày/tháng/năm");
    Select choice = new Select(b.driver.findElement(By.id("i_minutesFile")));
    assertThat(choice.getOptions()).hasSize(1);
    assertThat(b.driver.findElement(By.id("o_minutesFile")).getText()).contains("Biên bản họp",
        "Hồ sơ chưa có tệp minh chứng nào", "Cả hồ sơ — Biên bản họp");
    j.check("ho-so-hop-thong-nhat", true);

    // a date that does not exist: refused next to the date, what was typed kept, nothing stored
    b.type(By.id("i_meetingDate"), "31/02/" + year);
    b.type(By.id("i_attendees"), ATTENDEES);
    b.click(By.cssSelector("input[name='f_meetingOutcome'][value='AGREE']"));
    b.click(By.id("gui"));
    assertThat(b.visible(By.id("e_meetingDate")).getText()).contains("31/02/" + year, "ngày/tháng/năm",
        "04/12/2026");
    assertThat(b.driver.findElement(By.id("i_attendees")).getText()).isEqualTo(ATTENDEES);
    assertThat(meetings(id)).isZero();

    // a day still to come and no minutes chosen: both refused next to their fields, the whole list at the top
    String future = LocalDate.now(EngineClock.ZONE).plusDays(10).format(VN);
    b.type(By.id("i_meetingDate"), future);
    b.click(By.id("gui"));
    assertThat(b.visible(By.id("e_meetingDate")).getText()).contains("Ngày họp " + future + " chưa đến");
    assertThat(b.driver.findElement(By.id("e_minutesFile")).getText()).contains("Cần chọn tệp biên bản họp",
        "tải biên bản lên mục «Minh chứng»");
    assertThat(b.driver.findElement(By.id("loi")).getText()).contains("chưa lưu gì",
        "Ngày họp " + future + " chưa đến", "Cần chọn tệp biên bản họp");
    assertThat(meetings(id)).isZero();
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.PREPARING);
    j.check("ho-so-hop-loi", false);

    // the minutes uploaded on the dossier page, offered in the form at once; the real date, day first
    j.upload("ho-so:BIEN_BAN_HOP", minutesFile);
    choice = new Select(b.driver.findElement(By.id("i_minutesFile")));
    assertThat(choice.getOptions()).extracting(o -> o.getAttribute("value")).contains("bien-ban-hop-thong-nhat.pdf");
    choice.selectByValue("bien-ban-hop-thong-nhat.pdf");
    b.type(By.id("i_meetingDate"), held.format(VN));
    assertThat(b.driver.findElement(By.id("i_attendees")).getText()).isEqualTo(ATTENDEES);
    b.click(By.cssSelector("input[name='f_meetingOutcome'][value='AGREE']"));
    b.click(By.id("gui"));
    assertThat(b.visible(By.id("da-xong")).getText())
        .isEqualTo("Đã hoàn thành bước «Họp thống nhất kết quả tự đánh giá».");
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.SUBMITTED);
    assertThat(b.driver.findElement(By.id("lich-su")).getText()).contains(
        "đã ghi kết quả cuộc họp: thống nhất kết quả tự đánh giá", "Họp ngày " + held.format(VN),
        "biên bản: bien-ban-hop-thong-nhat.pdf", "Lý Thị Tâm");
    // reloaded, the form of a later step is not the chair's: the minutes are listed, no more upload
    b.driver.get(j.url(page));
    assertThat(b.visible(By.id("minh-chung")).getText()).contains("bien-ban-hop-thong-nhat.pdf", "Biên bản họp",
        "Lý Thị Tâm");
    assertThat(b.driver.findElements(By.id("mc-tai-len"))).isEmpty();

    // the district office checks, opens the minutes and appraises
    j.login("phonggd");
    b.driver.get(j.url(page));
    assertThat(j.download(By.linkText("bien-ban-hop-thong-nhat.pdf"))).isEqualTo(minutes);
    j.fill(Map.of("completeness", "COMPLETE"));
    j.send();
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Thẩm định hồ sơ và minh chứng");
    j.fill(Map.of("appraisalRecommendation", "RECOGNISE"));
    j.send();
    // the Hội đồng đánh giá (its own pages are walked in AppraisalCouncilBrowserTest)
    fx.councilPasses(id);
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.AWAITING_DECISION);

    // the head of the education office decides
    j.login("truongphong");
    b.driver.get(j.url(page));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("ký quyết định công nhận");
    j.fill(Map.of("signerDecision", "APPROVE"));
    j.send();
    b.wait.until(d -> dossiers.get(id).getStatus() == DossierStatus.RECOGNISED);
    b.driver.get(j.url(page));
    assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Đã công nhận");
    assertThat(b.driver.findElement(By.id("quyet-dinh")).getText()).contains("/QĐ-PGDĐT", "31/12/" + (year + 3));
    j.check("ho-so-cong-dong-da-cong-nhan", true);

    // the commune reads it
    j.login("ubndxa");
    b.driver.get(j.url("/thong-bao"));
    assertThat(b.visible(By.id("danh-sach-thong-bao")).getText()).contains("Đã được công nhận", "Xã Tả Thanh Oai",
        "Xem hồ sơ số " + id);

    // the database: the meeting on the day typed, day first, with its minutes; the status; the history
    Map<String, Object> meeting = jdbc.queryForMap("select held_on, attendees, outcome, minutes_evidence_id,"
        + " recorded_by from dossier_meeting where dossier_id = ?", id);
    assertThat(jdbc.queryForObject("select held_on from dossier_meeting where dossier_id = ?", LocalDate.class, id))
        .isEqualTo(held);
    assertThat(meeting).containsEntry("attendees", ATTENDEES).containsEntry("outcome", "AGREED")
        .containsEntry("recorded_by", "chutichxa");
    Map<String, Object> file = jdbc.queryForMap("select id, file_name, category, uploaded_by from evidence where"
        + " dossier_id = ?", id);
    assertThat(((Number) meeting.get("minutes_evidence_id")).longValue()).isEqualTo(((Number) file.get("id"))
        .longValue());
    assertThat(file).containsEntry("file_name", "bien-ban-hop-thong-nhat.pdf").containsEntry("category",
        "BIEN_BAN_HOP").containsEntry("uploaded_by", "chutichxa");
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.RECOGNISED);
    assertThat(dossiers.history(id)).extracting(DossierEvent::getAction).containsSubsequence("SELF_ASSESSMENT_SAVED",
        "EVIDENCE_UPLOADED", "MEETING_AGREED", "SUBMITTED", "ACCEPTED_COMPLETE", "PROPOSED", "DECISION_RECORDED");
    assertThat(meetings(id)).isEqualTo(1);
  }
}
