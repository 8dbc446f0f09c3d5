package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.admin.SpreadsheetImport;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * The forged import of the issue: a multipart POST to /api/admin/import with the administrator's Basic
 * credentials but without the X-Requested-By header (all a cross-site form can send) is refused and creates no
 * user; the same with the header works. A page session needs its CSRF token (or the header) as well.
 */
@HoctapTest
class ApiForgeryHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  /** The import template with one user row: a reviewer of Hà Nội with a password of the attacker's choice. */
  byte[] importOf(String userId) throws IOException, InterruptedException {
    return importOf(port, userId);
  }

  static byte[] importOf(int port, String userId) throws IOException, InterruptedException {
    HttpResponse<byte[]> template = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + port + "/api/admin/import/template"))
        .header("Authorization", BrowserLike.basic("admin", DemoData.PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(template.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet users = wb.getSheet(SpreadsheetImport.USER_SHEET);
      for (int i = users.getLastRowNum(); i >= 1; i--) {
        if (users.getRow(i) != null) {
          users.removeRow(users.getRow(i)); // the template's example rows
        }
      }
      Sheet units = wb.getSheet(SpreadsheetImport.ORG_SHEET);
      for (int i = units.getLastRowNum(); i >= 1; i--) {
        if (units.getRow(i) != null) {
          units.removeRow(units.getRow(i));
        }
      }
      Row row = users.createRow(1);
      String[] values = {userId, "Kẻ", "Gian", userId + "@evil.example", "mat-khau-ke-gian", "reviewer", "HN"};
      for (int i = 0; i < values.length; i++) {
        row.createCell(i).setCellValue(values[i]);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw e;
    }
  }

  static HttpRequest.Builder multipart(HttpRequest.Builder b, byte[] file) {
    String boundary = "----forgery" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
  }

  boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  @Test
  void basicCredentialsWithoutTheHeaderAreRefusedAndWriteNothing() throws Exception {
    BrowserLike api = new BrowserLike(port, false);
    String admin = BrowserLike.basic("admin", DemoData.PASSWORD);
    String victim = "kegian" + System.nanoTime() % 1_000_000;
    byte[] file = importOf(victim);

    HttpResponse<String> forged = api.send(multipart(api.request("/api/admin/import")
        .header("Authorization", admin), file));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(forged.body()).contains("X-Requested-By", "hoctap-api").contains("phải có tiêu đề");
    assertThat(forged.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(exists(victim)).as("no user created").isFalse();

    // the Camunda REST API likewise
    HttpResponse<String> engine = api.send(api.request("/engine-rest/user/create").header("Authorization", admin)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"profile\":{\"id\":\"" + victim + "x\"},\"credentials\":{\"password\":\"mat-khau-ke-gian\"}}")));
    assertThat(engine.statusCode()).isEqualTo(403);
    assertThat(exists(victim + "x")).isFalse();

    HttpResponse<String> client = api.send(multipart(api.request("/api/admin/import")
        .header("Authorization", admin).header(ApiClientHeader.NAME, ApiClientHeader.VALUE), file));
    assertThat(client.statusCode()).as(client.body()).isBetween(200, 201);
    assertThat(exists(victim)).as("an API client with the header imports").isTrue();
    assertThat(identity.createGroupQuery().groupMember(victim).groupId("reviewer-HN").count()).isEqualTo(1);
  }

  @Test
  void aPageSessionNeedsItsCsrfTokenOrTheHeader() throws Exception {
    BrowserLike browser = new BrowserLike(port, true);
    assertThat(browser.login("admin", DemoData.PASSWORD).statusCode()).isEqualTo(302);
    // the session reads the API (the dossier page links to a dossier's JSON)
    HttpResponse<String> read = browser.get("/api/notifications", "Accept", "application/json");
    assertThat(read.statusCode()).isEqualTo(200);

    String victim = "kegian" + System.nanoTime() % 1_000_000;
    byte[] file = importOf(victim);
    HttpResponse<String> forged = browser.send(multipart(browser.request("/api/admin/import"), file));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(forged.body()).contains("X-Requested-By");
    assertThat(exists(victim)).isFalse();

    String token = browser.csrf(browser.get("/trang-chu").body());
    HttpResponse<String> withToken = browser.send(multipart(browser.request("/api/admin/import")
        .header("X-CSRF-TOKEN", token), file));
    assertThat(withToken.statusCode()).as(withToken.body()).isBetween(200, 201);
    assertThat(exists(victim)).isTrue();
  }
}
