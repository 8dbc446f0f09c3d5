package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.DossierRevision;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * The README's school walkthrough in hoctap's own pages only (headless Chromium): the school's team fills the
 * self-assessment on the dossier page (a first try with a missing value and met &gt; total is refused next to the
 * fields, nothing saved), the head submits, the district office accepts completeness and appraises correcting one
 * value with a reason, the district chair approves, and the page shows the decision. axe-core and 360 px on each
 * page; screenshots to docs/screenshots/.
 */
@HoctapTest
class DossierPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired JdbcTemplate jdbc;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void aSchoolDossierFromSelfAssessmentToTheDecisionInTheDossierPage() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    // the real clock (the browser and the job executor live in it): this year's dossier, due 15/01 next year
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    try (BrowserSession b = new BrowserSession()) {
      try {
        long id = open(b, school, year);
        // the unit's evidence, one file per indicator (the evidence pages have their own test): without it the
        // appraisal would find every indicator "không đạt" (TT24 Điều 9 khoản 3)
        fx.evidenceForEveryIndicator(id, school.team());
        walkThrough(b, school, id);
      } catch (Throwable e) {
        b.screenshot("ho-so-failure");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }

  /** The team opens the dossier on "Lập hồ sơ đề nghị", choosing its unit from a list; a second one is refused. */
  long open(BrowserSession b, TestUnit school, int year) throws Exception {
    login(b, school.team());
    b.driver.get(url("/trang-chu"));
    b.click(By.cssSelector("#lap-moi a"));
    new Select(b.visible(By.id("donVi"))).selectByValue("LEARNING_UNIT:" + school.code());
    b.click(By.cssSelector("input[name=mucDo][value='1']"));
    b.type(By.id("nam"), String.valueOf(year));
    Accessibility.check(b, "ho-so-moi", false);
    b.click(By.id("lap-ho-so"));
    b.wait.until(d -> d.getCurrentUrl().matches(".*/ho-so/\\d+$"));
    long id = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*/ho-so/", ""));
    assertThat(dossiers.get(id).getUnit().getCode()).isEqualTo(school.code());
    assertThat(dossiers.get(id).getAssessmentYear()).isEqualTo(year);

    // the same unit and year again: refused on the page with the process's own reason, nothing started
    long before = jdbc.queryForObject("select count(*) from dossier", Long.class);
    b.driver.get(url("/ho-so/moi"));
    new Select(b.visible(By.id("donVi"))).selectByValue("LEARNING_UNIT:" + school.code());
    b.click(By.cssSelector("input[name=mucDo][value='1']"));
    b.type(By.id("nam"), String.valueOf(year));
    b.click(By.id("lap-ho-so"));
    assertThat(b.visible(By.id("loi")).getText()).contains("Chưa lập được hồ sơ");
    assertThat(jdbc.queryForObject("select count(*) from dossier", Long.class)).isEqualTo(before);
    Accessibility.check(b, "ho-so-moi-tu-choi", false);
    return id;
  }

  void walkThrough(BrowserSession b, TestUnit school, long id) throws Exception {
    String page = "/ho-so/" + id;
    // the team: the self-assessment form on the dossier page
    b.driver.get(url(page));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).isEqualTo("Việc của bạn: Tự đánh giá các chỉ tiêu");
    assertThat(b.driver.findElement(By.id("nguoi-giu")).getText()).contains("Tổ đánh giá — Đơn vị thử "
        + school.code());
    assertThat(b.bodyText()).doesNotContain("team-", "/api/", "SELF", "CREATED");
    Accessibility.check(b, "ho-so-tu-danh-gia", true);

    // first try: TC2.CT1's number left empty, TC2.CT2 with more met than in total
    Map<String, Object> values = new HashMap<>(Fixtures.districtLevel1Met());
    values.put("tc2_ct1_met", "");
    values.put("tc2_ct2_met", 60L);
    fill(b, values);
    b.click(By.id("gui"));
    b.visible(By.id("loi"));
    assertThat(b.driver.findElement(By.id("e_tc2_ct1_met")).getText()).contains("TC2.CT1", "Chưa nhập số đạt");
    assertThat(b.driver.findElement(By.id("e_tc2_ct2_met")).getText()).contains("TC2.CT2", "60");
    assertThat(b.driver.findElement(By.id("loi")).getText()).contains("chưa lưu gì");
    assertThat(b.driver.findElement(By.id("i_tc2_ct2_total")).getAttribute("value")).isEqualTo("50");
    assertThat(dossiers.latestValues(id, DossierRevision.Stage.SELF)).isEmpty();
    Accessibility.check(b, "ho-so-loi-tu-danh-gia", false);

    // corrected: saved, and the step moves to the head
    b.type(By.id("i_tc2_ct1_met"), "45");
    b.type(By.id("i_tc2_ct2_met"), "50");
    b.click(By.id("gui"));
    assertThat(b.visible(By.id("da-xong")).getText()).contains("Đã hoàn thành bước");
    assertThat(dossiers.latestValues(id, DossierRevision.Stage.SELF).get("TC2.CT1").met()).isEqualTo(45L);
    assertThat(b.driver.findElement(By.id("buoc")).getText()).isEqualTo("Xem xét, quyết định trình hồ sơ");
    assertThat(b.driver.findElement(By.id("nguoi-giu")).getText()).contains("Thủ trưởng — Đơn vị thử " + school.code());
    assertThat(b.driver.findElement(By.id("lich-su")).getText()).contains("đã lưu số liệu tự đánh giá")
        .doesNotContain(school.team(), "SELF_ASSESSMENT_SAVED");

    // the head submits
    logout(b);
    login(b, school.head());
    b.driver.get(url(page));
    b.visible(By.id("buoc-tieu-de"));
    Accessibility.check(b, "ho-so-thu-truong", true);
    b.click(By.cssSelector("input[name='f_headDecision'][value='SUBMIT']"));
    b.type(By.id("i_headComment"), "Tờ trình số 7/TTr");
    b.click(By.id("gui"));
    b.visible(By.id("da-xong"));
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.SUBMITTED);
    assertThat(b.driver.findElement(By.id("lich-su")).getText()).contains("đã gửi hồ sơ lên cơ quan tiếp nhận");

    // the district office: completeness, then the appraisal correcting TC2.CT2 with a reason
    logout(b);
    login(b, "phonggd");
    b.driver.get(url(page));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Kiểm tra tính đầy đủ");
    Accessibility.check(b, "ho-so-kiem-tra", true);
    b.click(By.cssSelector("input[name='f_completeness'][value='COMPLETE']"));
    b.click(By.id("gui"));
    b.visible(By.id("da-xong"));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Thẩm định");
    assertThat(b.driver.findElement(By.id("i_tc2_ct2_met")).getAttribute("value")).isEqualTo("50");
    b.type(By.id("i_tc2_ct2_met"), "49");
    b.type(By.id("i_correctionReason"), "Đối chiếu danh sách: 49 người đạt");
    b.click(By.cssSelector("input[name='f_appraisalRecommendation'][value='RECOGNISE']"));
    b.screenshot("ho-so-tham-dinh");
    b.click(By.id("gui"));
    b.visible(By.id("da-xong"));
    // the Hội đồng đánh giá (its own pages are walked in AppraisalCouncilBrowserTest)
    fx.councilPasses(id);
    assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.AWAITING_DECISION);
    String row = b.driver.findElement(By.xpath("//tr[@id='ct-TC2.CT2']")).getText();
    assertThat(row).contains("50 / 50", "49 / 50", "Đối chiếu danh sách: 49 người đạt");
    assertThat(b.driver.findElement(By.id("lich-su")).getText()).contains("Lê Văn Cường",
        "đã thẩm định và điều chỉnh số liệu", "đã đề nghị công nhận").doesNotContain("phonggd");

    // the district chair approves; the page shows the decision
    logout(b);
    login(b, "chutichhuyen");
    b.driver.get(url(page));
    assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("ký quyết định công nhận");
    Accessibility.check(b, "ho-so-quyet-dinh", true);
    b.click(By.cssSelector("input[name='f_signerDecision'][value='APPROVE']"));
    b.click(By.id("gui"));
    b.visible(By.id("da-xong"));
    b.wait.until(d -> dossiers.get(id).getStatus() == DossierStatus.RECOGNISED);
    b.driver.get(url(page));
    assertThat(b.visible(By.id("quyet-dinh")).getText()).contains("Quyết định công nhận", "/QĐ-UBND",
        "Giấy chứng nhận");
    assertThat(b.driver.findElement(By.id("trang-thai")).getText()).isEqualTo("Đã công nhận");
    assertThat(b.driver.findElements(By.id("buoc-hien-tai"))).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from recognition where dossier_id = ?", Long.class, id))
        .isEqualTo(1L);
    Accessibility.check(b, "ho-so-da-cong-nhan", true);

    // the school reads its notification and opens its decision from it
    logout(b);
    login(b, school.team());
    b.driver.get(url("/trang-chu"));
    int unread = Integer.parseInt(b.visible(By.id("so-chua-doc")).getText().strip());
    assertThat(unread).isPositive();
    b.click(By.id("chuong"));
    assertThat(b.visible(By.id("danh-sach-thong-bao")).getText()).contains("Xem hồ sơ số " + id);
    Accessibility.check(b, "thong-bao-truong", true);
    b.click(By.linkText("Xem hồ sơ số " + id));
    b.wait.until(d -> d.getCurrentUrl().endsWith("/ho-so/" + id));
    assertThat(b.visible(By.id("quyet-dinh")).getText()).contains("/QĐ-UBND");
    String pdf = (String) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + " fetch(document.querySelector('#quyet-dinh a').href).then(r => r.arrayBuffer())"
            + ".then(buf => done(String.fromCharCode(...new Uint8Array(buf).slice(0, 5))))"
            + ".catch(e => done('error ' + e));");
    assertThat(pdf).as("the decision downloads as a PDF").isEqualTo("%PDF-");
  }

  void fill(BrowserSession b, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String v = String.valueOf(e.getValue());
      var radio = b.all(By.cssSelector("input[name='f_" + e.getKey() + "'][value='" + v + "']"));
      if (!radio.isEmpty()) {
        b.click(By.cssSelector("input[name='f_" + e.getKey() + "'][value='" + v + "']"));
        continue;
      }
      var input = b.all(By.id("i_" + e.getKey()));
      if (input.isEmpty()) {
        continue; // not applicable to this unit: the form hides it
      }
      WebElement el = input.get(0);
      if ("select".equals(el.getTagName())) {
        new Select(el).selectByValue(v);
      } else {
        b.type(By.id("i_" + e.getKey()), v);
      }
    }
  }

  void login(BrowserSession b, String user) {
    b.driver.get(url("/dang-nhap"));
    b.type(By.id("username"), user);
    b.type(By.id("password"), DemoData.PASSWORD);
    b.click(By.id("dang-nhap"));
    b.wait.until(d -> !d.getCurrentUrl().contains("/dang-nhap"));
  }

  void logout(BrowserSession b) {
    b.driver.manage().deleteAllCookies();
  }
}
