package vn.hoctap.browser;

import static vn.hoctap.browser.Accessibility.check;
import static vn.hoctap.browser.Accessibility.keep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 18 item 1 in a real browser, as the demo users: Trường Tiểu học Tam Hiệp's team opens a "Công dân học tập"
 * round, downloads the template, uploads a file with two bad rows (a score above its maximum, a duplicate
 * identity number) and reads the rows to fix in a table, gets a file of the wrong kind and one too large refused
 * next to the file field, uploads the corrected file (the page counts it, and so does the step's form); the council
 * filters and searches the list and returns one person with a reason written on that person's row; the team corrects
 * that person; the council approves; the head recognises and the list of those recognised is downloaded. Then Thôn Tả
 * Thanh Oai's "Gia đình học tập" round goes from the village team through its Hội Khuyến học branch to the commune
 * chairman's decision. Another province's reviewer gets 404 and an anonymous visitor the login page. axe-core and a
 * 360 px check and screenshot on each page.
 */
@HoctapTest
class RoundPagesBrowserTest {

  /** A year no other test opens the demo school's or village's rounds for. */
  static final int YEAR = 2024;
  static final String SCHOOL = "HN-TT-TH01";
  static final String VILLAGE = "HN-TT-TTO-T1";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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

  HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path)));
    if (headers.length > 0) {
      r.headers(headers);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A link of the page fetched with the browser's session, as the browser would download it. */
  byte[] download(BrowserSession b, By link) throws Exception {
    String href = b.visible(link).getAttribute("href");
    HttpResponse<byte[]> r = get(URI.create(href).getPath() + (URI.create(href).getQuery() == null ? ""
        : "?" + URI.create(href).getRawQuery()), "Cookie", "JSESSIONID="
        + b.driver.manage().getCookieNamed("JSESSIONID").getValue());
    assertThat(r.statusCode()).as(href).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    return r.body();
  }

  /** The downloaded template filled with these rows (texts as text cells, numbers as number cells). */
  static Path fill(byte[] template, List<Object[]> rows) throws Exception {
    Path file = Files.createTempFile("danh-sach-", ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet s = wb.getSheet("Danh sách");
      for (int i = 0; i < rows.size(); i++) {
        Row row = s.createRow(i + 1);
        row.createCell(0).setCellValue(i + 1);
        Object[] v = rows.get(i);
        for (int c = 0; c < v.length; c++) {
          if (v[c] instanceof Number n) {
            row.createCell(c + 1).setCellValue(n.doubleValue());
          } else {
            row.createCell(c + 1).setCellValue(v[c].toString());
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    file.toFile().deleteOnExit();
    return file;
  }

  static Object[] person(String id, String name, double... scores) {
    List<Object> v = new ArrayList<>(List.of(id, name, 1980));
    for (double s : scores) {
      v.add(s);
    }
    return v.toArray();
  }

  /** Chooses the list's population (where the round has several) and the file, and sends the form. */
  void upload(BrowserSession b, String subject, Path file) {
    if (!b.driver.findElements(By.id("tl-nhom")).isEmpty()) {
      new Select(b.visible(By.id("tl-nhom"))).selectByValue(subject);
    }
    WebElement input = b.visible(By.id("tl-tep"));
    ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = '';", input);
    input.sendKeys(file.toAbsolutePath().toString());
    b.click(By.id("tl-gui"));
  }

  long entries(long roundId) {
    return jdbc.queryForObject("select count(*) from round_entry where round_id = ?", Long.class, roundId);
  }

  Map<String, Object> round(long id) {
    return jdbc.queryForMap("select status, decision_no, created_by, assessment_year, kind, process_instance_id"
        + " from assessment_round where id = ?", id);
  }

  long openedRound(BrowserSession b) {
    b.wait.until(d -> d.getCurrentUrl().matches(".*/dot-danh-gia/\\d+$"));
    return Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*/", ""));
  }

  void submitStep(BrowserSession b) {
    b.click(By.id("gui"));
    b.wait.until(d -> !d.findElements(By.id("da-xong")).isEmpty() || !d.findElements(By.id("loi")).isEmpty());
    assertThat(b.driver.findElements(By.id("loi"))).as("refusal: " + b.bodyText()).isEmpty();
  }

  @Test
  void aSchoolOpensARoundUploadsCorrectsAndTheCouncilAndTheHeadDecide() throws Exception {
    String[] ids = new String[5];
    int base = 24_000_000 + new Random().nextInt(1_000_000) * 10;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = String.format("0012%08d", base + i);
    }
    long id;
    try (BrowserSession b = new BrowserSession()) {
      // the team finds the rounds in the navigation and opens one
      login(b, "todanhgia");
      b.click(By.linkText("Đợt đánh giá"));
      b.wait.until(d -> d.getCurrentUrl().endsWith("/dot-danh-gia"));
      b.visible(By.id("mo-dot"));
      check(b, "dot-danh-gia-danh-sach", true);
      b.click(By.cssSelector("#mo-dot a"));
      b.visible(By.id("dot"));
      check(b, "dot-danh-gia-moi", true);
      new Select(b.visible(By.id("dot"))).selectByValue("CITIZEN:" + SCHOOL);
      new Select(b.visible(By.id("nam"))).selectByValue(String.valueOf(YEAR));
      b.click(By.id("mo"));
      id = openedRound(b);
      assertThat(b.visible(By.id("da-xong")).getText()).isEqualTo("Đã mở đợt đánh giá Công dân học tập năm " + YEAR
          + " của Trường Tiểu học Tam Hiệp. Bước tiếp theo: tải mẫu, điền danh sách và tải lên.");
      assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Đang lập danh sách, tự đánh giá");
      assertThat(b.visible(By.id("nguoi-giu")).getText()).isEqualTo("Tổ đánh giá — Trường Tiểu học Tam Hiệp");
      assertThat(b.visible(By.id("buoc-tieu-de")).getText()).isEqualTo("Việc của bạn: Lập danh sách, tự đánh giá");
      assertThat(b.visible(By.id("i_roundSummary")).getText()).contains("Số mục: 0");
      Map<String, Object> opened = round(id);
      assertThat(opened.get("status")).isEqualTo("PREPARING");
      assertThat(opened.get("created_by")).isEqualTo("todanhgia");
      assertThat(((Number) opened.get("assessment_year")).intValue()).isEqualTo(YEAR);
      assertThat(opened.get("process_instance_id")).isNotNull();
      String pi = (String) opened.get("process_instance_id");

      // the template of the school's officials
      byte[] template = download(b, By.id("mau-OFFICIAL"));
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
        Row h = wb.getSheet("Danh sách").getRow(0);
        assertThat(h.getCell(1).getStringCellValue()).isEqualTo("Số định danh cá nhân (12 chữ số)");
        assertThat(h.getCell(8).getStringCellValue()).isEqualTo("NL2.1 (0–10 điểm)");
      }

      // two bad rows: NL2.1 = 12 (row 3), the first person's number again (row 6)
      List<Object[]> rows = new ArrayList<>(List.of(
          person(ids[0], "Vũ Văn Hùng", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9),
          person(ids[1], "Đỗ Thị Lan", 9, 9, 9, 9, 12, 9, 9, 9, 9, 9),
          person(ids[2], "Ngô Văn Nam", 8, 8, 8, 8, 8, 8, 8, 8, 8, 8),
          person(ids[3], "Phạm Thị Duyên", 9, 9, 9, 9, 9, 9, 9, 9, 9, 3),
          person(ids[0], "Bùi Văn Sơn", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9)));
      upload(b, "OFFICIAL", fill(template, rows));
      b.wait.until(d -> !d.findElements(By.id("tl-bang-loi")).isEmpty());
      assertThat(b.visible(By.id("tl-loi")).getText()).contains("Tệp \"danh-sach-", "có 2 lỗi nên chưa lưu dòng nào");
      List<String> errors = b.driver.findElements(By.cssSelector("#tl-bang-loi tbody tr")).stream()
          .map(WebElement::getText).toList();
      assertThat(errors).containsExactly(
          "3 I (NL2.1 (0–10 điểm)) Điểm chỉ tiêu NL2.1 phải từ 0 đến 10, đang là 12.",
          "6 B (Số định danh cá nhân (12 chữ số)) Số " + ids[0] + " trùng với dòng 2 của tệp.");
      assertThat(b.bodyText()).doesNotContain("/api/");
      assertThat(entries(id)).isZero();
      // the refusal sits with the upload form, which names it
      assertThat(b.driver.findElement(By.id("tl-tep")).getAttribute("aria-describedby")).contains("tl-loi");
      check(b, "dot-danh-gia-loi-tai-len", false);
      byte[] marked = download(b, By.id("tl-tep-danh-dau"));
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
        assertThat(wb.getSheetAt(0).getRow(2).getCell(8).getCellComment().getString().getString())
            .contains("phải từ 0 đến 10");
      }

      // a file of the wrong kind, and one too large (refused before it is sent)
      Path csv = Files.createTempFile("danh-sach-", ".csv");
      Files.writeString(csv, "STT;Số định danh;Họ và tên\n1;" + ids[0] + ";Vũ Văn Hùng\n");
      upload(b, "OFFICIAL", csv);
      b.wait.until(d -> d.findElement(By.id("tl-loi")).getText().contains("không phải bảng tính .xlsx"));
      Path big = Files.createTempFile("lon-", ".xlsx");
      Files.write(big, new byte[26 * 1024 * 1024]);
      upload(b, "OFFICIAL", big);
      b.wait.until(d -> d.findElement(By.id("tl-loi")).getText().contains("vượt quá dung lượng cho phép (25 MB)"));
      assertThat(entries(id)).isZero();

      // corrected: stored, counted, listed; the step's summary (also the Tasklist's) counts it
      rows.set(1, person(ids[1], "Đỗ Thị Lan", 9, 9, 9, 9, 10, 9, 9, 9, 9, 9));
      rows.set(4, person(ids[4], "Bùi Văn Sơn", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
      upload(b, "OFFICIAL", fill(template, rows));
      b.wait.until(d -> !d.findElements(By.id("tl-thong-bao")).isEmpty());
      assertThat(b.visible(By.id("tl-thong-bao")).getText()).matches("Đã nhập 5 cán bộ, công chức, viên chức,"
          + " doanh nhân từ tệp \"danh-sach-\\d+\\.xlsx\": 4 đạt, 1 không đạt\\.");
      assertThat(b.visible(By.id("so-muc")).getText()).isEqualTo("5");
      assertThat(b.visible(By.id("so-khong-dat")).getText()).isEqualTo("1");
      assertThat(b.visible(By.id("i_roundSummary")).getText()).contains("Số mục: 5 — đạt 4, không đạt 1");
      assertThat(b.visible(By.id("ds-bang")).getText()).contains("Vũ Văn Hùng", "Phạm Thị Duyên", "Không đạt",
          "chỉ tiêu NL3.2 được 3 điểm, dưới 5");
      assertThat(entries(id)).isEqualTo(5);
      assertThat((String) runtime.getVariable(pi, "roundSummary")).contains("Số mục: 5 — đạt 4, không đạt 1");
      b.driver.navigate().refresh();
      b.visible(By.id("ds-bang"));
      check(b, "dot-danh-gia", true);

      // sent for review
      b.type(By.id("i_roundComment"), "Danh sách cán bộ, giáo viên năm " + YEAR);
      submitStep(b);
      assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Đang xét duyệt");
      assertThat(round(id).get("status")).isEqualTo("IN_REVIEW");

      // the council: from the home page, filters and searches the list, returns one person from that row
      login(b, "hoidong");
      b.click(By.cssSelector("#dot-danh-gia a[href='/dot-danh-gia/" + id + "']"));
      b.visible(By.id("buoc-tieu-de"));
      assertThat(b.visible(By.id("buoc-tieu-de")).getText()).isEqualTo("Việc của bạn: Xét duyệt danh sách");
      new Select(b.visible(By.id("ds-ket-qua"))).selectByValue("khong-dat");
      b.click(By.id("ds-loc-xem"));
      b.wait.until(d -> d.findElement(By.id("ds-tong")).getText().startsWith("1 người"));
      assertThat(b.visible(By.id("ds-bang")).getText()).contains("Phạm Thị Duyên").doesNotContain("Vũ Văn Hùng");
      new Select(b.visible(By.id("ds-ket-qua"))).selectByValue("");
      b.type(By.id("ds-tim"), "lan");
      b.click(By.id("ds-loc-xem"));
      b.wait.until(d -> d.findElement(By.id("ds-tong")).getText().startsWith("1 người"));
      assertThat(b.visible(By.id("ds-bang")).getText()).contains("Đỗ Thị Lan").doesNotContain("Phạm Thị Duyên");
      b.type(By.id("ds-tim"), ids[3]);
      b.click(By.id("ds-loc-xem"));
      b.wait.until(d -> d.findElement(By.id("ds-bang")).getText().contains("Phạm Thị Duyên"));
      check(b, "dot-danh-gia-xet-duyet", true);
      b.type(By.id("ly-do-" + ids[3]), "Điểm NL3.2 chưa khớp biên bản của tổ");
      b.click(By.id("i_reviewOutcome_1"));
      submitStep(b);
      assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Trả lại để sửa các mục được nêu");
      assertThat(jdbc.queryForObject("select return_reason from round_entry where round_id = ? and identity_no = ?",
          String.class, id, ids[3])).isEqualTo("Điểm NL3.2 chưa khớp biên bản của tổ");
      assertThat(b.visible(By.id("lich-su")).getText()).contains("Nguyễn Thị Hạnh đã trả lại các mục cần sửa");

      // the team corrects that person
      login(b, "todanhgia");
      b.driver.get(url("/dot-danh-gia/" + id));
      assertThat(b.visible(By.id("buoc-tieu-de")).getText()).isEqualTo("Việc của bạn: Sửa các mục bị trả lại");
      assertThat(b.visible(By.id("i_returnedEntries")).getText()).contains(ids[3] + " (Phạm Thị Duyên): Điểm NL3.2"
          + " chưa khớp biên bản của tổ");
      b.type(By.id("i_entryCorrections"), ids[3] + ": NL3.2=7");
      submitStep(b);
      assertThat(b.visible(By.id("so-khong-dat")).getText()).isEqualTo("0");

      // the council approves; the head recognises everyone who passed
      login(b, "hoidong");
      b.driver.get(url("/dot-danh-gia/" + id));
      b.click(By.id("i_reviewOutcome_0"));
      submitStep(b);
      assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Chờ quyết định công nhận");
      login(b, "hieutruong");
      b.driver.get(url("/dot-danh-gia/" + id));
      assertThat(b.visible(By.id("nguoi-giu")).getText()).isEqualTo("Thủ trưởng — Trường Tiểu học Tam Hiệp");
      b.click(By.id("i_roundDecision_0"));
      submitStep(b);
      assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Đã có quyết định công nhận");
      Map<String, Object> decided = round(id);
      assertThat(decided.get("status")).isEqualTo("RECOGNISED");
      assertThat(b.visible(By.id("quyet-dinh")).getText()).contains("Quyết định số " + decided.get("decision_no"),
          "Trần Thị Bình ký", "công nhận 5 người / hộ");
      assertThat(jdbc.queryForObject("select count(*) from round_entry where round_id = ? and recognised = true",
          Long.class, id)).isEqualTo(5);
      assertThat(b.visible(By.id("lich-su")).getText()).contains("Trần Thị Bình đã ký quyết định công nhận",
          "Nguyễn Thị Hạnh đã duyệt toàn bộ danh sách");
      check(b, "dot-danh-gia-quyet-dinh", true);
      byte[] list = download(b, By.id("tai-danh-sach-cong-nhan"));
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(list))) {
        Sheet s = wb.getSheetAt(0);
        assertThat(s.getLastRowNum()).isEqualTo(7);
        assertThat(s.getRow(3).getCell(3).getStringCellValue()).isEqualTo("Vũ Văn Hùng");
      }
    }

    // another province's reviewer: 404 and nothing of the round; anonymous: the login page
    for (String path : List.of("/dot-danh-gia/" + id, "/dot-danh-gia/" + id + "/danh-sach-cong-nhan")) {
      HttpResponse<byte[]> r = get(path, "Authorization", basic("sogd.nb"), "Accept", "text/html");
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("Tam Hiệp", "Vũ Văn Hùng");
    }
    HttpResponse<byte[]> anonymous = get("/dot-danh-gia/" + id, "Accept", "text/html,application/xhtml+xml");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/dang-nhap");
  }

  @Test
  void aVillagesFamilyRoundGoesFromTheBranchToTheCommunesDecision() throws Exception {
    String[] heads = new String[3];
    int base = 24_000_000 + new Random().nextInt(1_000_000) * 10;
    for (int i = 0; i < heads.length; i++) {
      heads[i] = String.format("0013%08d", base + i);
    }
    long id;
    try (BrowserSession b = new BrowserSession()) {
      login(b, "truongthon");
      b.driver.get(url("/dot-danh-gia/moi"));
      new Select(b.visible(By.id("dot"))).selectByValue("VILLAGE:" + VILLAGE);
      new Select(b.visible(By.id("nam"))).selectByValue(String.valueOf(YEAR));
      b.click(By.id("mo"));
      id = openedRound(b);
      assertThat(b.visible(By.id("nguoi-giu")).getText()).isEqualTo("Tổ đánh giá — Thôn Tả Thanh Oai");
      assertThat(b.bodyText()).contains("Chi hội khuyến học — Thôn Tả Thanh Oai",
          "Chủ tịch UBND Xã Tả Thanh Oai");
      assertThat(round(id).get("kind")).isEqualTo("VILLAGE");

      // the families' template; three households, each judged (the pass threshold awaits the official text)
      byte[] template = download(b, By.id("mau-FAMILY"));
      List<Object[]> families = List.of(
          new Object[] {heads[0], "Đào Văn Khoa", 9, 8, 9, 8, 9, "Đạt"},
          new Object[] {heads[1], "Trương Văn Long", 8, 8, 8, 8, 8, "Đạt"},
          new Object[] {heads[2], "Lý Văn Minh", 5, 4, 6, 5, 5, "Không đạt"});
      upload(b, "FAMILY", fill(template, families));
      b.wait.until(d -> !d.findElements(By.id("tl-thong-bao")).isEmpty());
      assertThat(b.visible(By.id("tl-thong-bao")).getText()).contains("Đã nhập 3 gia đình (hộ gia đình)",
          "2 đạt, 1 không đạt");
      assertThat(b.visible(By.id("ds-bang")).getText()).contains("Lý Văn Minh", "theo nhận định \"Không đạt\"");
      submitStep(b);
      assertThat(round(id).get("status")).isEqualTo("IN_REVIEW");

      // the village's Hội Khuyến học branch approves
      login(b, "chihoi");
      b.driver.get(url("/dot-danh-gia/" + id));
      assertThat(b.visible(By.id("buoc-tieu-de")).getText()).isEqualTo("Việc của bạn: Xét duyệt danh sách");
      assertThat(b.visible(By.id("nguoi-giu")).getText()).isEqualTo("Chi hội khuyến học — Thôn Tả Thanh Oai");
      b.click(By.id("i_reviewOutcome_0"));
      b.type(By.id("i_roundComment"), "Chi hội đã họp xét ngày 20/11");
      submitStep(b);
      assertThat(round(id).get("status")).isEqualTo("AWAITING_DECISION");

      // the commune's chairman finds it in the list of rounds and decides
      login(b, "chutichxa");
      b.driver.get(url("/dot-danh-gia"));
      assertThat(b.visible(By.id("dot-" + id)).getText()).contains("Gia đình học tập, Dòng họ học tập, Cộng đồng học"
          + " tập cấp thôn năm " + YEAR, "Thôn Tả Thanh Oai", "Chờ quyết định công nhận",
          "Bước đang chờ: Ký quyết định công nhận", "3", "(đạt 2, không đạt 1)");
      assertThat(b.driver.findElements(By.id("mo-dot"))).as("the chairman prepares no list").isEmpty();
      check(b, "dot-danh-gia-danh-sach-xa", true);
      b.click(By.cssSelector("#dot-" + id + " a"));
      assertThat(b.visible(By.id("buoc-tieu-de")).getText()).isEqualTo("Việc của bạn: Ký quyết định công nhận");
      assertThat(b.visible(By.id("nguoi-giu")).getText()).isEqualTo("Chủ tịch UBND — Xã Tả Thanh Oai");
      check(b, "dot-danh-gia-thon-quyet-dinh", true);
      b.click(By.id("i_roundDecision_0"));
      submitStep(b);
      assertThat(b.visible(By.id("trang-thai")).getText()).isEqualTo("Đã có quyết định công nhận");
      assertThat(b.visible(By.id("quyet-dinh")).getText()).contains("Lý Thị Tâm ký", "công nhận 2 người / hộ");
      assertThat(b.visible(By.id("lich-su")).getText()).contains("Trương Thị Liên đã duyệt toàn bộ danh sách",
          "Chi hội đã họp xét ngày 20/11", "Lý Thị Tâm đã ký quyết định công nhận");
    }
    Map<String, Object> decided = round(id);
    assertThat(decided.get("status")).isEqualTo("RECOGNISED");
    assertThat((String) decided.get("decision_no")).endsWith("/QĐ-UBND");
    assertThat(jdbc.queryForList("select identity_no from round_entry where round_id = ? and recognised = true"
        + " order by identity_no", String.class, id)).containsExactly(heads[0], heads[1]);
    assertThat(get("/dot-danh-gia/" + id, "Authorization", basic("sogd.nb"), "Accept", "text/html").statusCode())
        .isEqualTo(404);
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

}
