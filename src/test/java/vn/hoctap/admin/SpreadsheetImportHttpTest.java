package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.admin.Sheets.org;
import static vn.hoctap.admin.Sheets.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.RawHttp;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * The spreadsheet import over real HTTP: a file with mistakes is refused as a whole with each problem's sheet, row
 * and column; a province of 5,000 users goes in at once and again changes nothing; admins only; hostile files.
 */
@HoctapTest
class SpreadsheetImportHttpTest {

  static final String PATH = "/api/admin/import";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired OrgUnitRepository orgs;
  @Autowired AuthorizationService authorizations;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static String unique(String prefix) {
    return prefix + (System.nanoTime() / 1000 % 1_000_000);
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  Response upload(String user, String fileName, byte[] content) {
    return http.upload(user, PATH, fileName, content, Map.of());
  }

  @Test
  void aFileWithMistakesIsRefusedWithEveryProblemAndNothingIsStored() {
    String p = unique("IP");
    byte[] file = Sheets.workbook(List.of(
        org(p, "Tỉnh thử", "Tỉnh/Thành phố", null, null, null),                          // row 2
        org(p + "-D1", "Huyện một", "Huyện", null, null, p),                              // row 3
        org(p + "-D1-X1", "Xã một", "COMMUNE", null, null, p + "-D1"),                    // row 4
        org(p + "-D1-TH", "Trường Tiểu học một", "UNIT", "Trường tiểu học", "Có", p + "-D1"), // row 5
        org(p + "-D1", "Huyện trùng", "Huyện", null, null, p),                            // row 6: duplicate
        org(p + "-X9", "Xã lạc", "Xã/Phường", null, null, "KHONG-CO-" + p),               // row 7: bad parent
        org("HN-TT", "Huyện Thanh Trì đổi", "Huyện", null, null, "HN"),                   // row 8: conflicts with DB
        org(p + "-D2", "Huyện dưới xã", "Huyện", null, null, p + "-D1-X1")),               // row 9: wrong tier
        List.of(
            user(p.toLowerCase() + ".a", "Nguyễn", "An", null, null, "Tổ đánh giá", p + "-D1-TH"),   // row 2
            user(p.toLowerCase() + ".b", "Trần", "Bình", "khong-phai-email", null, "team", p + "-D1-TH"), // row 3
            user(p.toLowerCase() + ".c", "Lê", "Chi", null, null, "Vua", p + "-D1"),                // row 4: role
            user(p.toLowerCase() + ".d", "Phạm", "Dũng", null, "ngan", "reviewer", p + "-D1"),      // row 5
            user(p.toLowerCase() + ".a", "Nguyễn", "An", null, null, "team", p + "-D1-TH")));      // row 6: dup
    long orgsBefore = count("org_unit");
    long usersBefore = count("ACT_ID_USER");
    long auditBefore = count("audit_log");

    Response r = upload("admin", "sai.xlsx", file);

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode errors = r.json().get("errors");
    assertThat(r.json().get("message").asText()).contains("chưa nhập gì");
    assertThat(find(errors, "Don vi", 7)).isNotNull();
    assertThat(find(errors, "Don vi", 7).get("column").asText()).isEqualTo("F (Mã đơn vị cấp trên)");
    assertThat(find(errors, "Don vi", 7).get("message").asText()).contains("KHONG-CO-" + p);
    assertThat(find(errors, "Don vi", 6).get("message").asText()).contains("trùng với dòng 3");
    assertThat(find(errors, "Don vi", 8).get("message").asText()).contains("đã có").contains("Huyện Thanh Trì");
    assertThat(find(errors, "Don vi", 9).get("message").asText()).contains("không thể trực thuộc");
    assertThat(find(errors, "Nguoi dung", 4).get("column").asText()).isEqualTo("F (Vai trò)");
    assertThat(find(errors, "Nguoi dung", 4).get("message").asText()).contains("Vai trò \"Vua\" không có");
    assertThat(find(errors, "Nguoi dung", 3).get("column").asText()).isEqualTo("D (Email)");
    assertThat(find(errors, "Nguoi dung", 5).get("column").asText()).isEqualTo("E (Mật khẩu ban đầu)");
    assertThat(find(errors, "Nguoi dung", 6).get("message").asText()).contains("trùng với dòng 2");
    assertThat(find(errors, "Don vi", 2)).as("good rows raise nothing").isNull();
    assertThat(errors.size()).isEqualTo(8);

    assertThat(count("org_unit")).isEqualTo(orgsBefore);
    assertThat(count("ACT_ID_USER")).isEqualTo(usersBefore);
    assertThat(count("audit_log")).isEqualTo(auditBefore);
    assertThat(orgs.findByCode(p)).isEmpty();
  }

  static JsonNode find(JsonNode errors, String sheet, int row) {
    for (JsonNode e : errors) {
      if (e.get("sheet").asText().equals(sheet) && e.get("row").asInt() == row) {
        return e;
      }
    }
    return null;
  }

  @Test
  void parentCyclesAreFound() {
    String p = unique("CY");
    byte[] file = Sheets.workbook(List.of(
        org(p + "-A", "Cơ quan A", "UNIT", "DISTRICT_AGENCY", null, p + "-B"),
        org(p + "-B", "Cơ quan B", "UNIT", "DISTRICT_AGENCY", null, p + "-C"),
        org(p + "-C", "Cơ quan C", "UNIT", "DISTRICT_AGENCY", null, p + "-A"),
        org(p + "-D", "Cơ quan D", "UNIT", "DISTRICT_AGENCY", null, p + "-A")), List.of());
    Response r = upload("admin", "vong.xlsx", file);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode errors = r.json().get("errors");
    assertThat(errors.size()).as("each unit of the loop, not the one hanging under it").isEqualTo(3);
    for (int row = 2; row <= 4; row++) {
      assertThat(find(errors, "Don vi", row).get("message").asText()).contains("Vòng lặp cấp trên");
    }
    assertThat(orgs.findByCode(p + "-D")).isEmpty();
  }

  @Test
  void aProvinceOfFiveThousandUsersGoesInAtOnceAndAgainChangesNothing() {
    String p = unique("PV");
    String lp = p.toLowerCase();
    List<String[]> orgRows = new ArrayList<>();
    List<String> schools = new ArrayList<>();
    orgRows.add(org(p, "Tỉnh " + p, "PROVINCE", null, null, null));
    for (int d = 1; d <= 10; d++) {
      String district = p + "-H" + d;
      orgRows.add(org(district, "Huyện " + d, d % 2 == 0 ? "Huyện" : "DISTRICT", null, null, p));
      for (int c = 1; c <= 10; c++) {
        orgRows.add(org(district + "-X" + c, "Xã " + d + "." + c, "Xã/Phường", null, null, district));
      }
      for (int s = 1; s <= 30; s++) {
        String school = district + "-TH" + s;
        schools.add(school);
        orgRows.add(org(school, "Trường Tiểu học " + d + "." + s, "Trường/Cơ quan",
            s % 3 == 0 ? "PRIMARY" : "Trường mầm non", s % 7 == 0 ? "Không" : "Có", district));
      }
    }
    Collections.shuffle(orgRows, new Random(7)); // children may come before their parents
    List<String[]> userRows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      String school = schools.get(i % schools.size());
      String password = i < 10 ? "mat-khau-" + i : null;
      userRows.add(user(lp + ".u" + i, "Nguyễn", "Người " + i, lp + ".u" + i + "@test.hoctap.vn", password,
          i % 2 == 0 ? "Tổ đánh giá" : "team", school));
      if (i < schools.size()) {
        userRows.add(user(lp + ".u" + i, null, null, null, null, "Thủ trưởng/Hiệu trưởng", school));
      }
    }
    for (int d = 1; d <= 10; d++) {
      userRows.add(user(lp + ".u" + d, null, null, null, null, "Chuyên viên thẩm định", p + "-H" + d));
    }
    byte[] file = Sheets.workbook(orgRows, userRows);
    long usersBefore = count("ACT_ID_USER");

    long t0 = System.nanoTime();
    Response r = upload("admin", "tinh.xlsx", file);
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    System.out.printf("[import] %d org units, %d users, %d role rows in %d ms%n", orgRows.size(), 5000,
        userRows.size(), ms);
    JsonNode counts = r.json();
    assertThat(counts.get("orgUnitsCreated").asInt()).isEqualTo(orgRows.size());
    assertThat(counts.get("usersCreated").asInt()).isEqualTo(5000);
    assertThat(counts.get("usersWithoutPassword").asInt()).isEqualTo(4990);
    assertThat(counts.get("rolesGranted").asInt()).isEqualTo(userRows.size());
    assertThat(count("ACT_ID_USER")).isEqualTo(usersBefore + 5000);
    assertThat(orgs.findByCode(p + "-H3-TH5").orElseThrow().getPath()).isEqualTo("/" + p + "/" + p + "-H3/" + p
        + "-H3-TH5/");

    // a user with a password logs in and holds the role and the jurisdiction group
    RawHttp raw = new RawHttp(port);
    String u3 = lp + ".u3";
    assertThat(raw.send("GET", u3, "mat-khau-3", "/api/notifications", null).status()).isEqualTo(200);
    List<String> groups = identity.createGroupQuery().groupMember(u3).list().stream().map(Group::getId).toList();
    String school3 = schools.get(3);
    assertThat(groups).contains("team-" + school3, "head-" + school3, "org-" + school3, "reviewer-" + p + "-H3",
        "org-" + p + "-H3");
    Group jurisdiction = identity.createGroupQuery().groupId("org-" + school3).singleResult();
    assertThat(jurisdiction.getName()).startsWith("Phạm vi Trường Tiểu học");
    assertThat(jurisdiction.getType()).isEqualTo("JURISDICTION");
    // one without a password cannot log in until an administrator sets one (audited)
    String u4000 = lp + ".u4000";
    assertThat(authorizations.createAuthorizationQuery().userIdIn(u4000).resourceType(Resources.USER)
        .resourceId(u4000).hasPermission(Permissions.ALL).count()).as("own profile, as the engine grants").isEqualTo(1);
    assertThat(raw.send("GET", u4000, "bat-ky-mat-khau", "/api/notifications", null).status()).isEqualTo(401);
    Response set = raw.send("POST", "admin", DemoData.PASSWORD, "/api/admin/users/" + u4000 + "/password",
        "{\"password\":\"mat-khau-moi-4000\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.body()).doesNotContain("mat-khau-moi-4000");
    assertThat(raw.send("GET", u4000, "mat-khau-moi-4000", "/api/notifications", null).status()).isEqualTo(200);
    assertThat(raw.send("POST", "phonggd", DemoData.PASSWORD, "/api/admin/users/" + u4000 + "/password",
        "{\"password\":\"chiem-quyen-123\"}").status()).isEqualTo(403);

    JsonNode audit = http.get("admin", "/api/admin/audit?size=5").json().get("entries");
    JsonNode passwordSet = audit.get(0);
    assertThat(passwordSet.get("action").asText()).isEqualTo("PASSWORD_SET");
    assertThat(passwordSet.toString()).doesNotContain("mat-khau-moi-4000");
    JsonNode bulk = audit.get(1);
    assertThat(bulk.get("action").asText()).isEqualTo("BULK_IMPORT");
    assertThat(bulk.get("targetId").asText()).isEqualTo("tinh.xlsx");
    assertThat(bulk.get("after").get("usersCreated").asInt()).isEqualTo(5000);
    assertThat(bulk.get("after").get("sha256").asText()).hasSize(64);

    // the same file again: nothing new, no audit row
    long auditBefore = count("audit_log");
    Response again = upload("admin", "tinh.xlsx", file);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("orgUnitsCreated").asInt()).isZero();
    assertThat(again.json().get("usersCreated").asInt()).isZero();
    assertThat(again.json().get("rolesGranted").asInt()).isZero();
    assertThat(again.json().get("rolesUnchanged").asInt()).isEqualTo(userRows.size());
    assertThat(count("ACT_ID_USER")).isEqualTo(usersBefore + 5000);
    assertThat(count("audit_log")).isEqualTo(auditBefore);
    assertThat(raw.send("GET", u4000, "mat-khau-moi-4000", "/api/notifications", null).status())
        .as("a re-import does not touch passwords").isEqualTo(200);
  }

  @Test
  void onlyAdministratorsMayImportOrDownloadTheTemplate() {
    String p = unique("NA");
    byte[] file = Sheets.workbook(List.<String[]>of(org(p, "Tỉnh", "PROVINCE", null, null, null)), List.of());
    Response r = upload("phonggd", "x.xlsx", file);
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.json().get("message").asText()).contains("Chỉ quản trị viên");
    assertThat(http.get("phonggd", PATH + "/template").status()).isEqualTo(403);
    assertThat(orgs.findByCode(p)).isEmpty();
  }

  @Test
  void theTemplateHasBothSheetsWithVietnameseHeadersAndNotes() throws IOException {
    byte[] bytes = download("admin", PATH + "/template");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      assertThat(wb.getSheet("Don vi").getRow(0).getCell(5).getStringCellValue()).isEqualTo("Mã đơn vị cấp trên");
      assertThat(wb.getSheet("Nguoi dung").getRow(0).getCell(5).getStringCellValue()).isEqualTo("Vai trò");
      StringBuilder notes = new StringBuilder();
      for (Row row : wb.getSheet("Huong dan")) {
        row.forEach(c -> notes.append(c.getStringCellValue()).append(' '));
      }
      assertThat(notes).contains("Chuyên viên thẩm định").contains("PRIMARY").contains("Mật khẩu ban đầu");
    }
  }

  byte[] download(String user, String path) {
    try {
      HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      return r.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void hostileFilesAreRefusedCleanly() throws IOException {
    Response text = upload("admin", "x.xlsx", "Mã đơn vị,Tên\nHN,Hà Nội\n".getBytes(StandardCharsets.UTF_8));
    assertThat(text.status()).as(text.body()).isEqualTo(400);
    assertThat(text.json().get("message").asText()).contains("lỗi");
    assertThat(text.body()).contains("không phải bảng tính .xlsx");

    String p = unique("FX");
    byte[] formula;
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet("Don vi");
      Row h = s.createRow(0);
      for (int i = 0; i < SpreadsheetImport.ORG_HEADERS.length; i++) {
        h.createCell(i).setCellValue(SpreadsheetImport.ORG_HEADERS[i]);
      }
      Row r = s.createRow(1);
      r.createCell(0).setCellValue(p);
      r.createCell(1).setCellFormula("CONCATENATE(\"Tỉnh \",A2)");
      r.createCell(2).setCellValue("PROVINCE");
      wb.write(out);
      formula = out.toByteArray();
    }
    Response f = upload("admin", "cong-thuc.xlsx", formula);
    assertThat(f.status()).as(f.body()).isEqualTo(400);
    JsonNode e = f.json().get("errors").get(0);
    assertThat(e.get("row").asInt()).isEqualTo(2);
    assertThat(e.get("column").asText()).isEqualTo("B2");
    assertThat(e.get("message").asText()).contains("công thức");
    assertThat(orgs.findByCode(p)).isEmpty();

    List<String[]> many = new ArrayList<>();
    for (int i = 0; i <= 20_000; i++) {
      many.add(org(p + "-" + i, "Xã " + i, "COMMUNE", null, null, "HN-TT"));
    }
    Response tooMany = upload("admin", "nhieu.xlsx", Sheets.workbook(many, List.of()));
    assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
    assertThat(tooMany.body()).contains("vượt quá 20000 dòng");
    assertThat(orgs.findByCode(p + "-1")).isEmpty();

    byte[] big = new byte[11 * 1024 * 1024];
    new Random(1).nextBytes(big);
    Response tooBig = upload("admin", "lon.xlsx", big);
    assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(400);
    assertThat(tooBig.body()).contains("vượt quá 10 MB");

    Response empty = upload("admin", "rong.xlsx", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
  }
}
