package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 17, the README's school walkthrough with a return for supplement, in hoctap's pages only (headless
 * Chromium): the school's team opens the dossier, uploads evidence on the dossier page and self-assesses; the head
 * submits; the district office's completeness check returns it with a reason (after the page says what will
 * happen); the school reads the return and its reason in the bell and notifications, the inbox and the dossier
 * page, adds the meeting minutes it lacked and resubmits; the district office sees the added file (downloaded byte
 * for byte), accepts the dossier, marks the unit's plan "không phù hợp" with a reason and proposes recognition; the
 * district chair recognises it. What each user sees, and the database: the dossier's status, its evidence rows and
 * their marks, its history in order.
 */
@HoctapTest
class ReturnForSupplementBrowserTest {

  static final String REASON = "Thiếu biên bản họp Hội đồng trường thông qua báo cáo tự đánh giá. Đề nghị bổ sung"
      + " biên bản có chữ ký của chủ tọa và thư ký.";
  static final String EXPLANATION = "Đã bổ sung biên bản họp Hội đồng trường ngày 20/11";
  static final String NOT_SUITABLE = "Kế hoạch chưa có chữ ký của Hiệu trưởng và dấu của trường";

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aDossierReturnedForSupplementIsCompletedWithAnAddedFileAndRecognised() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    Path dir = Files.createTempDirectory("bo-sung-");
    byte[] plan = Journeys.bytes("%PDF-1.4\n", 30_000, 21);
    byte[] report = Journeys.bytes("%PDF-1.7\n", 25_000, 22);
    byte[] minutes = Journeys.bytes("%PDF-1.5\n", 45_000, 23);
    Path planFile = Journeys.file(dir, "ke-hoach-hoc-tap.pdf", plan);
    Path reportFile = Journeys.file(dir, "bao-cao-tu-danh-gia.pdf", report);
    Path minutesFile = Journeys.file(dir, "bien-ban-hop-hoi-dong-truong.pdf", minutes);

    try (BrowserSession b = new BrowserSession()) {
      Journeys j = new Journeys(b, port);
      try {
        walkThrough(b, j, school, year, planFile, reportFile, minutesFile, minutes);
      } catch (Throwable e) {
        b.screenshot("bo-sung-failure");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }

  void walkThrough(BrowserSession b, Journeys j, TestUnit school, int year, Path planFile, Path reportFile,
      Path minutesFile, byte[] minutes) throws Exception {
    // the team: the dossier, two files on the dossier page, the self-assessment
    j.login(school.team());
    long id = j.open("LEARNING_UNIT:" + school.code(), year);
    String page = "/ho-so/" + id;
    j.upload("chi-tieu:TC1.CT1", planFile);
    j.upload("ho-so:BAO_CAO_TU_DANH_GIA", reportFile);
    // a file for every indicator too (TT24 Điều 9 K3: an indicator without accepted evidence is "không đạt"), put
    // in directly: the browser upload itself is what the two files above play
    fx.evidenceForEveryIndicator(id, school.team());
    assertThat(b.driver.getCurrentUrl()).as("the dossier page keeps its address").endsWith(page);
    assertThat(b.driver.findElement(By.id("minh-chung")).getText()).contains("ke-hoach-hoc-tap.pdf",
        "bao-cao-tu-danh-gia.pdf", "Báo cáo tự đánh giá").doesNotContain("Bổ sung sau khi trả lại");
    j.fill(Fixtures.districtLevel1Met());
    j.send();
    assertThat(b.driver.findElement(By.id("buoc")).getText()).isEqualTo("Xem xét, quyết định trình hồ sơ");

    // the head submits
    j.login(school.head());
    b.driver.get(j.url(page));
    j.fill(Map.of("headDecision", "SUBMIT", "headComment", "Tờ trình số 12/TTr-TH"));
    j.send();
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.SUBMITTED);

    // the district office returns it for supplement: the page says what will happen, then it happens
    j.login("phonggd");
    b.driver.get(j.url(page));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Kiểm tra tính đầy đủ của hồ sơ");
    assertThat(b.driver.findElements(By.id("mc-tai-len"))).as("a reviewer adds no file").isEmpty();
    j.fill(Map.of("completeness", "INCOMPLETE", "completenessComment", REASON));
    b.click(By.id("gui"));
    assertThat(b.visible(By.id("hau-qua")).getText()).contains("Hồ sơ sẽ được TRẢ LẠI đơn vị để bổ sung", REASON);
    assertThat(dossiers.get(id).getStatus()).as("nothing happens before the confirmation")
        .isEqualTo(DossierStatus.SUBMITTED);
    j.check("ho-so-tra-lai-xac-nhan", false);
    b.click(By.id("xac-nhan"));
    assertThat(b.visible(By.id("da-xong")).getText()).contains("Kiểm tra tính đầy đủ của hồ sơ");
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.RETURNED);
    assertThat(b.driver.findElement(By.id("ly-do-tra-lai")).getText()).isEqualTo(REASON);

    // the school: the bell, the notification with the reason, the inbox, the dossier page
    j.login(school.team());
    assertThat(b.visible(By.id("so-chua-doc")).getText()).isEqualTo("1");
    b.click(By.id("chuong"));
    WebElement notice = b.visible(By.cssSelector("#danh-sach-thong-bao li"));
    assertThat(notice.getText()).contains("Hồ sơ cần bổ sung", "Đơn vị thử " + school.code(),
        "Nội dung yêu cầu bổ sung: " + REASON, "Chưa đọc", "Xem hồ sơ số " + id);
    j.check("thong-bao-tra-lai", true);
    b.driver.get(j.url("/viec-can-lam"));
    assertThat(b.visible(By.id("tong-so")).getText()).isEqualTo("1 công việc");
    WebElement row = b.driver.findElement(By.cssSelector("#danh-sach tbody tr"));
    assertThat(row.getText()).contains("Đơn vị thử " + school.code(), "hồ sơ số " + id,
        "Bổ sung hồ sơ theo yêu cầu", "Yêu cầu bổ sung: " + REASON);
    j.check("viec-can-lam-bo-sung", true);
    b.click(By.cssSelector("#danh-sach tbody tr a[href='/ho-so/" + id + "']"));
    b.wait.until(d -> d.getCurrentUrl().endsWith(page));
    assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Trả lại để bổ sung");
    assertThat(b.driver.findElement(By.id("tra-lai")).getText()).contains("Hồ sơ được trả lại để bổ sung",
        "Lê Văn Cường (Cán bộ thẩm định — Huyện Thanh Trì)", REASON);
    assertThat(b.driver.findElement(By.id("buoc-tieu-de")).getText())
        .isEqualTo("Việc của bạn: Bổ sung hồ sơ theo yêu cầu");
    assertThat(b.driver.findElement(By.id("buoc-huong-dan")).getText()).contains("Tải các tệp cần bổ sung",
        "Nộp lại hồ sơ đã bổ sung");
    assertThat(b.driver.findElement(By.id("i_returnReasons")).getText()).contains(REASON);
    assertThat(b.driver.findElement(By.id("gui")).getText()).isEqualTo("Nộp lại hồ sơ đã bổ sung");
    assertThat(b.driver.findElement(By.id("i_tc2_ct1_met")).getAttribute("value")).as("last values kept")
        .isEqualTo("45");
    // the files sent with the first submission are kept: no removal for them
    long planId = evidenceId(id, "ke-hoach-hoc-tap.pdf");
    assertThat(b.driver.findElements(By.id("xoa-" + planId))).isEmpty();
    assertThat(b.driver.findElements(By.id("mc-tai-len"))).hasSize(1);
    j.check("ho-so-bo-sung", true);

    // the added file, then the resubmission
    j.upload("ho-so:BIEN_BAN_HOP", minutesFile);
    long minutesId = evidenceId(id, "bien-ban-hop-hoi-dong-truong.pdf");
    String added = b.visible(By.id("tep-" + minutesId)).getText();
    assertThat(added).contains("bien-ban-hop-hoi-dong-truong.pdf", "Biên bản họp", "Bổ sung sau khi trả lại",
        "Người Thử", "44 KB");
    assertThat(b.driver.findElements(By.id("xoa-" + minutesId))).as("removable until resubmitted").hasSize(1);
    int perIndicator = jdbc.queryForObject("select count(*) from evidence where dossier_id = ? and file_name like"
        + " 'minh-chung-%'", Integer.class, id);
    assertThat(b.driver.findElement(By.id("mc-so-tep")).getText()).isEqualTo(String.valueOf(3 + perIndicator));
    assertThat(j.download(By.linkText("bien-ban-hop-hoi-dong-truong.pdf"))).isEqualTo(minutes);
    j.check("minh-chung-bo-sung", false);
    b.type(By.id("i_assessmentComment"), EXPLANATION);
    b.click(By.id("gui"));
    assertThat(b.visible(By.id("da-xong")).getText()).isEqualTo("Đã hoàn thành bước «Bổ sung hồ sơ theo yêu cầu».");
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.SUBMITTED);
    assertThat(b.driver.findElement(By.id("trang-thai")).getText()).isEqualTo("Đã nộp, chờ kiểm tra");
    assertThat(b.driver.findElements(By.id("tra-lai"))).isEmpty();
    assertThat(b.driver.findElements(By.id("mc-tai-len"))).as("no upload after the resubmission").isEmpty();
    assertThat(b.driver.findElements(By.id("xoa-" + minutesId))).isEmpty();
    assertThat(b.driver.findElement(By.id("lich-su")).getText()).contains("đã nộp lại hồ sơ đã bổ sung",
        EXPLANATION, "đã trả lại hồ sơ, yêu cầu bổ sung", REASON);

    // the district office: told of the resubmission, sees the added file, accepts, marks, proposes
    j.login("phonggd");
    b.driver.get(j.url("/thong-bao"));
    assertThat(b.visible(By.id("danh-sach-thong-bao")).getText()).contains("Hồ sơ đã bổ sung",
        "Đơn vị thử " + school.code(), "Đơn vị đã bổ sung và nộp lại hồ sơ số " + id, EXPLANATION);
    b.driver.get(j.url("/viec-can-lam?buoc=Task_CheckCompleteness&nam=" + year));
    assertThat(b.visible(By.id("danh-sach")).getText()).contains("Đơn vị thử " + school.code(), "hồ sơ số " + id);
    b.driver.get(j.url(page));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Kiểm tra tính đầy đủ của hồ sơ");
    assertThat(b.driver.findElement(By.id("tep-" + minutesId)).getText()).contains("Bổ sung sau khi trả lại");
    assertThat(j.download(By.linkText("bien-ban-hop-hoi-dong-truong.pdf"))).as("the reviewer's download")
        .isEqualTo(minutes);
    j.fill(Map.of("completeness", "COMPLETE"));
    j.send();
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.IN_APPRAISAL);

    // the plan "không phù hợp" (a reason is needed), the minutes "phù hợp"
    b.click(By.cssSelector("#tep-" + planId + " input[value='KHONG_PHU_HOP']"));
    b.click(By.id("danh-gia-" + planId));
    b.wait.until(d -> d.findElement(By.id("tep-" + planId)).getText().contains("Hãy ghi lý do"));
    assertThat(reviewOf(planId)).isNull();
    b.click(By.cssSelector("#tep-" + planId + " input[value='KHONG_PHU_HOP']"));
    b.type(By.id("ly-do-" + planId), NOT_SUITABLE);
    b.click(By.id("danh-gia-" + planId));
    assertThat(b.visible(By.id("mc-thong-bao")).getText()).contains("ke-hoach-hoc-tap.pdf");
    b.click(By.cssSelector("#tep-" + minutesId + " input[value='PHU_HOP']"));
    b.click(By.id("danh-gia-" + minutesId));
    b.wait.until(d -> d.findElement(By.id("mc-thong-bao")).getText().contains("bien-ban-hop-hoi-dong-truong.pdf"));
    assertThat(b.driver.findElement(By.id("tep-" + planId)).getText()).contains("Không phù hợp", NOT_SUITABLE,
        "Lê Văn Cường");
    assertThat(b.driver.findElement(By.id("tep-" + minutesId)).getText()).contains("Phù hợp");
    b.click(By.partialLinkText("Về hồ sơ số " + id));
    b.wait.until(d -> d.getCurrentUrl().endsWith(page));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Thẩm định hồ sơ và minh chứng");
    j.fill(Map.of("appraisalRecommendation", "RECOGNISE"));
    j.send();
    // the Hội đồng đánh giá (its own pages are walked in AppraisalCouncilBrowserTest)
    fx.councilPasses(id);
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.AWAITING_DECISION);

    // the district chair recognises it
    j.login("chutichhuyen");
    b.driver.get(j.url(page));
    j.fill(Map.of("signerDecision", "APPROVE"));
    j.send();
    b.wait.until(d -> dossiers.get(id).getStatus() == DossierStatus.RECOGNISED);

    // the school: its recognition, and the marks on its files
    j.login(school.team());
    b.driver.get(j.url(page));
    assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Đã công nhận");
    assertThat(b.driver.findElement(By.id("quyet-dinh")).getText()).contains("/QĐ-UBND");
    assertThat(b.driver.findElement(By.id("tep-" + planId)).getText()).contains("Không phù hợp", NOT_SUITABLE);
    assertThat(b.driver.findElement(By.id("lich-su")).getText()).contains("đã đánh giá minh chứng",
        "ke-hoach-hoc-tap.pdf: Không phù hợp").doesNotContain("phonggd", "EVIDENCE_");

    // the database: status, the three files with their marks, the history in order
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.RECOGNISED);
    List<Map<String, Object>> files = jdbc.queryForList("select file_name, indicator_code, category, uploaded_by,"
        + " review_verdict, review_reason, reviewed_by from evidence where dossier_id = ? and file_name not like"
        + " 'minh-chung-%' order by id", id);
    assertThat(files).extracting(f -> f.get("file_name")).containsExactly("ke-hoach-hoc-tap.pdf",
        "bao-cao-tu-danh-gia.pdf", "bien-ban-hop-hoi-dong-truong.pdf");
    assertThat(files.get(0)).containsEntry("indicator_code", "TC1.CT1").containsEntry("review_verdict",
        "KHONG_PHU_HOP").containsEntry("review_reason", NOT_SUITABLE).containsEntry("reviewed_by", "phonggd");
    assertThat(files.get(1)).containsEntry("category", "BAO_CAO_TU_DANH_GIA").containsEntry("review_verdict", null);
    assertThat(files.get(2)).containsEntry("category", "BIEN_BAN_HOP").containsEntry("uploaded_by", school.team())
        .containsEntry("review_verdict", "PHU_HOP");
    assertThat(jdbc.queryForObject("select content from evidence where id = ?", byte[].class, minutesId))
        .isEqualTo(minutes);
    List<DossierEvent> history = dossiers.history(id);
    assertThat(history).extracting(DossierEvent::getAction).containsSubsequence("EVIDENCE_UPLOADED", "SUBMITTED",
        "RETURNED_FOR_SUPPLEMENT", "EVIDENCE_UPLOADED", "RESUBMITTED", "ACCEPTED_COMPLETE", "EVIDENCE_REVIEWED",
        "EVIDENCE_REVIEWED", "PROPOSED", "DECISION_RECORDED");
    assertThat(history).filteredOn(e -> e.getAction().equals("RETURNED_FOR_SUPPLEMENT")).singleElement()
        .satisfies(e -> {
          assertThat(e.getActor()).isEqualTo("phonggd");
          assertThat(e.getComment()).isEqualTo(REASON);
        });
    assertThat(history).filteredOn(e -> e.getAction().equals("RESUBMITTED")).singleElement().satisfies(e -> {
      assertThat(e.getActor()).isEqualTo(school.team());
      assertThat(e.getComment()).isEqualTo(EXPLANATION);
    });
    assertThat(history).filteredOn(e -> e.getAction().equals("EVIDENCE_REVIEWED"))
        .anySatisfy(e -> assertThat(e.getDetails()).isEqualTo("ke-hoach-hoc-tap.pdf: Không phù hợp"));
    assertThat(jdbc.queryForObject("select count(*) from dossier_revision where dossier_id = ? and stage = 'SELF'",
        Integer.class, id)).as("the self-assessment and the supplement").isEqualTo(2);
  }

  long evidenceId(long dossierId, String name) {
    return jdbc.queryForObject("select id from evidence where dossier_id = ? and file_name = ?", Long.class,
        dossierId, name);
  }

  String reviewOf(long evidenceId) {
    return jdbc.queryForObject("select review_verdict from evidence where id = ?", String.class, evidenceId);
  }
}
