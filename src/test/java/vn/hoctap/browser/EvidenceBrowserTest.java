package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.TASK_HEAD_REVIEW;
import static vn.hoctap.process.RecognitionProcess.SUBMIT;
import static vn.hoctap.process.RecognitionProcess.TASK_SELF_ASSESSMENT;
import static vn.hoctap.process.RecognitionProcess.VAR_HEAD_DECISION;
import static vn.hoctap.support.Fixtures.districtLevel1Met;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 17 item 4 in a real browser: a school's team uploads evidence (several files per indicator, a whole-dossier
 * file), gets wrong, lying and too large files refused next to the upload with nothing stored, downloads them back
 * byte for byte, removes one before submission and can neither add nor remove after; the district's reviewer marks
 * a file "không phù hợp" with a reason (on the page and in the dossier's history); another province's reviewer gets
 * 404 everywhere, an anonymous visitor the login page.
 */
@HoctapTest
class EvidenceBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired JdbcTemplate jdbc;
  @Autowired DossierService dossiers;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  int stored(long dossierId) {
    return jdbc.queryForObject("select count(*) from evidence where dossier_id = ?", Integer.class, dossierId);
  }

  static Path file(Path dir, String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
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

  /** Chooses the target, the files (several at once) and sends the form as the user would. */
  void upload(BrowserSession b, String target, Path... files) {
    new Select(b.visible(By.id("mc-muc"))).selectByValue(target);
    WebElement input = b.driver.findElement(By.id("mc-tep"));
    ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = '';", input);
    input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(p -> p.toAbsolutePath().toString())
        .toList()));
    b.click(By.id("mc-gui"));
  }

  String cookie(BrowserSession b) {
    return "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue();
  }

  HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path)));
    if (headers.length > 0) {
      r.headers(headers);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theUnitUploadsTheReviewerMarksOutsidersSeeNothing() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.openWithoutEvidence(school.team(), school.code(), 1,
        LocalDate.now(EngineClock.ZONE).getYear());
    long id = Long.parseLong(pi.getBusinessKey());
    String page = "/ho-so/" + id + "/minh-chung";
    Path dir = Files.createTempDirectory("minh-chung-");
    byte[] pdf = bytes("%PDF-1.4\n", 40_000, 1);
    byte[] png = bytes("\u0089PNG\r\n\u001a\n", 30_000, 2);
    byte[] docx = bytes("PK\u0003\u0004", 20_000, 3);
    Path kehoach = file(dir, "ke-hoach-hoc-tap.pdf", pdf);
    Path anh = file(dir, "anh-buoi-hoc.png", png);
    Path toTrinh = file(dir, "to-trinh.docx", docx);
    Path exe = file(dir, "cai-dat.exe", bytes("MZ", 5_000, 4));
    Path liar = file(dir, "bao-cao.pdf", bytes("MZ", 5_000, 5));
    Path good = file(dir, "bien-ban-hop.pdf", bytes("%PDF-1.7\n", 8_000, 6));
    Path big = file(dir, "video-lon.pdf", bytes("%PDF-1.4\n", 21 * 1024 * 1024, 7));

    try (BrowserSession b = new BrowserSession()) {
      login(b, school.team());
      b.driver.get(url(page));
      b.visible(By.id("mc-tai-len"));
      assertThat(b.bodyText()).contains("Minh chứng của hồ sơ số " + id, "Cả hồ sơ", "Chưa có tệp nào.");
      assertThat(b.driver.findElement(By.cssSelector("a[href='/ho-so/" + id + "']")).getText())
          .contains("Về hồ sơ");
      String indicator = new Select(b.driver.findElement(By.id("mc-muc"))).getOptions().stream()
          .map(o -> o.getAttribute("value")).filter(v -> v.startsWith("chi-tieu:")).findFirst().orElseThrow();
      String code = indicator.substring("chi-tieu:".length());

      // two files for one indicator at once, then a tờ trình for the whole dossier
      upload(b, indicator, kehoach, anh);
      b.wait.until(d -> d.findElements(By.id("mc-thong-bao")).size() == 1
          && d.findElement(By.id("mc-thong-bao")).getText().contains("Đã tải lên 2 tệp."));
      upload(b, "ho-so:TO_TRINH", toTrinh);
      b.wait.until(d -> d.findElement(By.id("mc-thong-bao")).getText().contains("Đã tải lên 1 tệp."));
      assertThat(stored(id)).isEqualTo(3);
      b.driver.get(url(page));
      String text = b.visible(By.id("minh-chung")).getText();
      assertThat(text).contains("ke-hoach-hoc-tap.pdf", "anh-buoi-hoc.png", "to-trinh.docx", "Tờ trình",
          "Chỉ tiêu " + code, "Người Thử", "39 KB", "3 tệp");
      assertThat(text).containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}").doesNotContain(school.team());

      // downloaded back byte for byte, from the links on the page
      for (Map.Entry<String, byte[]> f : Map.of("ke-hoach-hoc-tap.pdf", pdf, "anh-buoi-hoc.png", png,
          "to-trinh.docx", docx).entrySet()) {
        String href = b.driver.findElement(By.linkText(f.getKey())).getAttribute("href");
        HttpResponse<byte[]> r = get(URI.create(href).getPath(), "Cookie", cookie(b));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(r.body()).isEqualTo(f.getValue());
      }
      long pdfId = jdbc.queryForObject("select id from evidence where dossier_id = ? and file_name = ?", Long.class,
          id, "ke-hoach-hoc-tap.pdf");
      HttpResponse<byte[]> preview = get(page + "/" + pdfId + "/xem", "Cookie", cookie(b));
      assertThat(preview.statusCode()).isEqualTo(200);
      assertThat(preview.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
      assertThat(preview.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
      assertThat(preview.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(preview.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
      assertThat(preview.body()).isEqualTo(pdf);
      long docxId = jdbc.queryForObject("select id from evidence where dossier_id = ? and file_name = ?", Long.class,
          id, "to-trinh.docx");
      assertThat(get(page + "/" + docxId + "/xem", "Cookie", cookie(b)).headers()
          .firstValue("Content-Disposition").orElse("")).startsWith("attachment");

      // a wrong type; a file that lies about its type, sent with a good one: nothing of either batch is kept
      upload(b, indicator, exe);
      b.wait.until(d -> d.findElements(By.id("mc-loi")).size() == 1);
      assertThat(b.visible(By.id("mc-loi")).getText()).contains("cai-dat.exe", "không đúng loại cho phép");
      upload(b, "ho-so:BIEN_BAN_HOP", good, liar);
      b.wait.until(d -> d.findElement(By.id("mc-loi")).getText().contains("bao-cao.pdf"));
      assertThat(b.visible(By.id("mc-loi")).getText()).contains("Không tệp nào trong lần tải này được lưu",
          "Nội dung tệp \"bao-cao.pdf\" không phải là tệp .pdf hợp lệ").doesNotContain("bien-ban-hop.pdf\" không");
      assertThat(stored(id)).isEqualTo(3);
      // the refusal sits next to the upload form
      assertThat((Boolean) ((JavascriptExecutor) b.driver).executeScript(
          "return document.getElementById('mc-loi').nextElementSibling.id === 'mc-tai-len';")).isTrue();
      b.screenshot("minh-chung-tu-choi");

      // over the limit: the page refuses before sending; and the server too, when the check is bypassed
      upload(b, indicator, big);
      b.wait.until(d -> d.findElement(By.id("mc-loi")).getText().contains("video-lon.pdf"));
      assertThat(b.visible(By.id("mc-loi")).getText()).contains("vượt quá dung lượng cho phép (20 MB)");
      ((JavascriptExecutor) b.driver).executeScript(
          "document.getElementById('mc-tai-len').removeAttribute('data-max-bytes');");
      upload(b, indicator, big);
      b.wait.until(d -> d.findElement(By.id("mc-loi")).getText().contains("Hãy nén hoặc tách tệp")
          && d.findElements(By.id("mc-tai-len")).size() == 1
          && d.findElement(By.id("mc-tai-len")).getAttribute("data-max-bytes") != null);
      assertThat(b.visible(By.id("mc-loi")).getText()).contains("video-lon.pdf", "vượt quá dung lượng");
      assertThat(stored(id)).isEqualTo(3);

      // without script, the plain form shows the same refusal in the page (no JavaScript involved in the answer)
      b.driver.get(url(page));
      Accessibility.assertNoSeriousViolations(b.driver, "minh chứng (đơn vị)");
      Accessibility.assertFitsAPhone(b, "minh chứng (đơn vị)");
      b.screenshot("minh-chung");
      copy(b, "minh-chung");

      // removed before submission: recorded in the history
      long pngId = jdbc.queryForObject("select id from evidence where dossier_id = ? and file_name = ?", Long.class,
          id, "anh-buoi-hoc.png");
      b.click(By.id("xoa-" + pngId));
      b.wait.until(d -> d.findElements(By.id("mc-thong-bao")).size() == 1);
      assertThat(b.bodyText()).contains("Đã xóa tệp \"anh-buoi-hoc.png\"").doesNotContain("anh-buoi-hoc.png\n");
      assertThat(stored(id)).isEqualTo(2);
      assertThat(dossiers.history(id)).anyMatch(e -> e.getAction().equals("EVIDENCE_REMOVED")
          && e.getDetails().contains("anh-buoi-hoc.png"));

      // the head submits: the files are kept, the unit can neither add nor remove
      fx.complete(school.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
      fx.complete(school.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
      b.driver.get(url(page));
      b.visible(By.id("mc-da-dong"));
      assertThat(b.driver.findElements(By.id("mc-tai-len"))).isEmpty();
      assertThat(b.driver.findElements(By.cssSelector("form.mc-remove"))).isEmpty();
      assertThat(b.bodyText()).contains("Hồ sơ đã trình", "ke-hoach-hoc-tap.pdf", "to-trinh.docx");
      String csrf = b.driver.findElement(By.name("_csrf")).getAttribute("value");
      HttpResponse<byte[]> late = http.send(HttpRequest.newBuilder(URI.create(url(page + "/" + pdfId + "/xoa")))
          .header("Cookie", cookie(b)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(late.statusCode()).isEqualTo(409);
      assertThat(new String(late.body(), StandardCharsets.UTF_8)).contains("đã trình");
      assertThat(stored(id)).isEqualTo(2);

      // the district's reviewer marks a file "không phù hợp": a reason is required
      login(b, "phonggd");
      b.driver.get(url(page));
      assertThat(b.driver.findElements(By.id("mc-tai-len"))).isEmpty();
      WebElement item = b.visible(By.id("tep-" + pdfId));
      item.findElement(By.cssSelector("input[value='KHONG_PHU_HOP']")).click();
      b.click(By.id("danh-gia-" + pdfId));
      b.wait.until(d -> d.findElement(By.id("tep-" + pdfId)).getText().contains("Hãy ghi lý do"));
      b.driver.findElement(By.cssSelector("#tep-" + pdfId + " input[value='KHONG_PHU_HOP']")).click();
      b.type(By.id("ly-do-" + pdfId), "Kế hoạch chưa có chữ ký và dấu của Thủ trưởng");
      b.click(By.id("danh-gia-" + pdfId));
      b.wait.until(d -> d.findElements(By.id("mc-thong-bao")).size() == 1);
      assertThat(b.visible(By.id("tep-" + pdfId)).getText()).contains("Không phù hợp",
          "Kế hoạch chưa có chữ ký và dấu của Thủ trưởng", "Lê Văn Cường");
      Accessibility.assertNoSeriousViolations(b.driver, "minh chứng (thẩm định)");
      b.screenshot("minh-chung-tham-dinh");
      copy(b, "minh-chung-tham-dinh");
      List<DossierEvent> history = dossiers.history(id);
      assertThat(history).anyMatch(e -> e.getAction().equals("EVIDENCE_REVIEWED") && e.getActor().equals("phonggd")
          && "Kế hoạch chưa có chữ ký và dấu của Thủ trưởng".equals(e.getComment())
          && e.getDetails().contains("ke-hoach-hoc-tap.pdf: Không phù hợp"));
      assertThat(b.driver.findElements(By.cssSelector("form.mc-remove"))).isEmpty();

      // the unit sees the marking
      login(b, school.team());
      b.driver.get(url(page));
      assertThat(b.visible(By.id("tep-" + pdfId)).getText()).contains("Không phù hợp",
          "Kế hoạch chưa có chữ ký và dấu của Thủ trưởng");
      assertThat(b.driver.findElements(By.cssSelector("form.mc-mark"))).isEmpty();

      // 360 px screenshot
      b.driver.manage().window().setSize(new Dimension(360, 740));
      b.driver.navigate().refresh();
      b.visible(By.id("minh-chung"));
      b.screenshot("minh-chung-360");
      copy(b, "minh-chung-360");
      b.driver.manage().window().setSize(new Dimension(1366, 1000));
    }

    // another province's reviewer: 404 and no data on the page, the download and the preview
    for (String path : List.of(page, page + "/" + firstId(id), page + "/" + firstId(id) + "/xem")) {
      HttpResponse<byte[]> r = get(path, "Authorization", basic("sogd.nb"));
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("ke-hoach-hoc-tap", "%PDF");
    }
    // anonymous: the login page
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    HttpResponse<byte[]> anonymous = get(page, "Accept", browser);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/dang-nhap");
    assertThat(get(page + "/" + firstId(id), "Accept", browser).statusCode()).isEqualTo(302);
    assertThat(get(page + "/" + firstId(id)).statusCode()).as("a script without a login").isEqualTo(401);
  }

  long firstId(long dossierId) {
    return jdbc.queryForObject("select min(id) from evidence where dossier_id = ?", Long.class, dossierId);
  }

  static void copy(BrowserSession b, String name) throws Exception {
    Path docs = Path.of("docs", "screenshots");
    Files.createDirectories(docs);
    Files.copy(BrowserSession.SCREENSHOTS.resolve(name + ".png"), docs.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
