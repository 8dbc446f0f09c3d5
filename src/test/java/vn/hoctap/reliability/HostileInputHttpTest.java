package vn.hoctap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.TASK_HEAD_REVIEW;
import static vn.hoctap.process.RecognitionProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundImport;
import vn.hoctap.citizen.Subject;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * Hostile input (issue 9, item 4): every JSON endpoint of our API, found in the live OpenAPI document, fed
 * malformed JSON, arrays, wrong types and huge bodies; list filters fed SQL-looking values; uploads with path
 * tricks, lying content and spreadsheets with formulas, macros or a million empty rows; scripts in text fields,
 * then the pages that show them. Each is a clear 4xx, nothing is stored half-way, no internals leak, and text is
 * escaped wherever it is shown.
 */
@HoctapTest
class HostileInputHttpTest {

  static final List<String> LEAKS = List.of("Exception", "at vn.", "at org.", "org.hibernate", "org.springframework",
      "java.lang", "SQL", "select ", "###");
  static final String HUGE = "x".repeat(5 * 1024 * 1024);
  static final String SCRIPT = "<script>alert(1)</script>";
  static final ObjectMapper JSON = new ObjectMapper();
  /** The headers of the administration import's sheet of units (as in its template). */
  static final String[] ORG_HEADERS = {"Mã đơn vị", "Tên đơn vị", "Cấp", "Loại đơn vị", "Công lập",
      "Mã đơn vị cấp trên"};
  /** Tables of what users store; a refused request must leave each count as it was. */
  static final List<String> TABLES = List.of("org_unit", "authority_rule", "deadline_rule", "deadline_extension",
      "dossier", "dossier_revision", "criteria_evaluation", "evidence", "dossier_event", "decision_counter",
      "recognition", "certificate", "assessment_round", "round_entry", "round_tally", "round_import", "round_event",
      "round_criteria_version", "award_proposal", "award_candidate", "award_decision", "award", "awardee",
      "council_config", "learning_plan", "plan_target", "dossier_meeting", "audit_log", "ACT_ID_USER",
      "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP");

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityProvisioning provisioning;
  @Autowired RoundImport roundImports;
  Http http;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void init() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Response send(String method, String user, String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header(vn.hoctap.security.ApiClientHeader.NAME, vn.hoctap.security.ApiClientHeader.VALUE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD)
          .getBytes(StandardCharsets.UTF_8)));
    }
    b.header("Accept", "application/json");
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(method + " " + path + " (" + (body == null ? 0 : body.length()) + " chars)",
          e);
    }
  }

  Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String t : TABLES) {
      m.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
    }
    return m;
  }

  /** A 4xx with a JSON body whose message says something, and nothing internal in it. */
  static void assertCleanRefusal(String what, Response r) {
    assertThat(r.status()).as(what + " -> " + abbreviate(r.body())).isBetween(400, 499);
    JsonNode body = r.json();
    assertThat(body.path("message").asText()).as(what + " has a message: " + abbreviate(r.body())).isNotBlank();
    // Camunda's REST contract names the error kind in "type" (e.g. InvalidRequestException); nothing else leaks
    String text = r.body().replaceAll("\"type\"\\s*:\\s*\"\\w+\"", "");
    for (String leak : LEAKS) {
      assertThat(text).as(what + " -> " + abbreviate(r.body())).doesNotContainIgnoringCase(leak);
    }
  }

  static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }

  /**
   * Path variables filled with values that name nothing, so no real record can be touched by the sweep (a score
   * sheet subject must be a real one: a path refused before the body is read ends in a reset connection).
   */
  static String fill(String path) {
    return path.replaceAll("\\{(id|dossierId|evidenceId)}", "987654321").replace("{subject}", "OFFICIAL")
        .replaceAll("\\{[^}]+}", "KHONG-CO-X");
  }

  JsonNode resolve(JsonNode doc, JsonNode schema) {
    if (schema != null && schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return doc.path("components").path("schemas").path(name);
    }
    return schema;
  }

  /** Each property of the schema given a value of the wrong JSON type. */
  ObjectNode wrongTypes(JsonNode doc, JsonNode schema) {
    ObjectNode out = JSON.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode s = resolve(doc, p.getValue());
      switch (s.path("type").asText("object")) {
        case "integer", "number" -> out.put(p.getKey(), "mười hai");
        case "boolean" -> out.put(p.getKey(), "có lẽ");
        case "array" -> out.put(p.getKey(), "không phải danh sách");
        case "string" -> out.set(p.getKey(), JSON.createObjectNode().put("a", 1));
        default -> out.put(p.getKey(), 42);
      }
    }
    return out;
  }

  /** Every string property 5 MB long, numbers and booleans plausible. */
  ObjectNode huge(JsonNode doc, JsonNode schema) {
    ObjectNode out = JSON.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode s = resolve(doc, p.getValue());
      switch (s.path("type").asText("object")) {
        case "integer", "number" -> out.put(p.getKey(), 2026);
        case "boolean" -> out.put(p.getKey(), true);
        case "string" -> out.put(p.getKey(), s.has("enum") ? s.get("enum").get(0).asText() : HUGE);
        default -> { }
      }
    }
    return out;
  }

  @Test
  void everyJsonEndpointRefusesMalformedWrongTypedAndHugeBodiesAndStoresNothing() throws Exception {
    Response docs = http.get("admin", "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode doc = docs.json();
    Map<String, Long> before = counts();
    List<String> swept = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (String method : List.of("post", "put", "patch")) {
        JsonNode op = p.getValue().get(method);
        JsonNode media = op == null ? null : op.path("requestBody").path("content").get("application/json");
        if (media == null) {
          continue;
        }
        String path = fill(p.getKey());
        String m = method.toUpperCase();
        swept.add(m + " " + p.getKey());
        JsonNode schema = resolve(doc, media.get("schema"));
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"name\": \"Trường");
        bodies.put("not JSON at all", "'; drop table dossier; --");
        bodies.put("an array instead of an object", "[1, 2, 3]");
        bodies.put("wrong types", JSON.writeValueAsString(wrongTypes(doc, schema)));
        bodies.put("5 MB strings", JSON.writeValueAsString(huge(doc, schema)));
        bodies.put("a 5 MB unknown field", "{\"x\":\"" + HUGE + "\"}");
        for (Map.Entry<String, String> b : bodies.entrySet()) {
          // "not JSON at all" may be parsed as nothing by an endpoint whose body is optional: still a 4xx
          assertCleanRefusal(m + " " + p.getKey() + " with " + b.getKey(),
              send(m, "admin", path, "application/json", b.getValue()));
        }
        assertCleanRefusal(m + " " + p.getKey() + " as XML", send(m, "admin", path, "application/xml",
            "<a><b>1</b></a>"));
      }
    }
    System.out.println("Hostile JSON sweep over " + swept.size() + " endpoints: " + swept);
    assertThat(swept).as("the OpenAPI document lists our JSON endpoints").hasSizeGreaterThanOrEqualTo(8)
        .contains("POST /api/dossiers", "POST /api/admin/org-units", "PUT /api/admin/org-units/{code}");
    assertThat(counts()).as("nothing stored by refused requests").isEqualTo(before);
  }

  @Test
  void hugeTextInOtherwiseValidRequestsIsRefusedAndNothingIsStored() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    Map<String, Long> before = counts();
    assertCleanRefusal("rename to 5 MB", send("PUT", "admin", "/api/admin/org-units/" + u.code(),
        "application/json", "{\"name\":\"" + HUGE + "\"}"));
    assertCleanRefusal("new unit named 5 MB", http.post("admin", "/api/admin/org-units", Map.of("code",
        u.code() + "-X", "name", HUGE, "kind", "UNIT", "unitKind", "PRIMARY", "publicUnit", true, "parentCode",
        "HN-TT")));
    assertCleanRefusal("new user with a 5 MB name", http.post("admin", "/api/admin/users", Map.of("id",
        "nguoi.dung.lon", "firstName", HUGE, "lastName", "A", "email", "a@b.vn", "password", "mat-khau-dai-123")));
    assertCleanRefusal("deadline extension with a 5 MB reason", http.post("admin",
        "/api/admin/deadline-extensions", Map.of("unitCode", u.code(), "assessmentYear", 2026, "kind", "SUBMISSION",
            "until", "2027-01-31", "reason", HUGE)));
    assertThat(counts()).isEqualTo(before);
    assertThat(http.get("admin", "/api/orgs?parentCode=HN-TT").body()).doesNotContain("xxxxxxxxxx");
  }

  @Test
  void listFiltersTakeSqlLookingValuesAsPlainTextAndNeverWidenTheJurisdiction() throws Exception {
    List<String> hostile = List.of("' or 1=1 --", "%", "_", "%' or '1'='1", "1; drop table dossier", "\\", "\u0000",
        "abc", "-1", "99999999999999999999");
    Response docs = http.get("admin", "/v3/api-docs");
    List<String> swept = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = docs.json().get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      JsonNode op = p.getValue().get("get");
      if (op == null || p.getKey().contains("{") || !p.getKey().startsWith("/api/")) {
        continue;
      }
      for (JsonNode param : op.path("parameters")) {
        if (!"query".equals(param.path("in").asText())) {
          continue;
        }
        String name = param.get("name").asText();
        swept.add(p.getKey() + "?" + name);
        for (String v : hostile) {
          String path = p.getKey() + "?" + name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
          Response r = send("GET", "sogd.nb", path, null, null);
          assertThat(r.status()).as(path + " -> " + abbreviate(r.body())).isLessThan(500);
          if (r.status() >= 400) {
            assertCleanRefusal(path, r);
          } else {
            // a Ninh Bình reviewer never sees Hà Nội's data, whatever the filter says
            assertThat(r.body()).as(path).doesNotContain("\"HN-TT-TH01\"").doesNotContain("Tam Hiệp");
          }
        }
      }
    }
    System.out.println("Hostile filter sweep over " + swept.size() + " parameters: " + swept);
    assertThat(swept).contains("/api/dossiers?orgCode", "/api/dossiers?status");
    // "%" and "_" are literal characters in an org code, not wildcards; SQL in a filter finds nothing
    for (String v : List.of("%", "_", "' or 1=1 --", "HN%")) {
      Response r = http.get("admin", "/api/dossiers?orgCode=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      if (r.status() == 200) {
        assertThat(r.json().get("content")).as(v).isEmpty();
      } else {
        assertCleanRefusal("orgCode=" + v, r);
      }
    }
  }

  ProcessInstance submitted(TestUnit u) {
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, 2026);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    return pi;
  }

  @Test
  void evidenceWithPathTricksLyingContentOrOddNamesIsRefusedOrStoredUnderACleanName() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE)
        .toInstant()));
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, 2026);
    String upload = "/api/dossiers/" + pi.getBusinessKey() + "/evidence";
    int n = 0;
    Map<String, String> accepted = new LinkedHashMap<>();
    accepted.put("../../etc/passwd.pdf", "passwd.pdf");
    accepted.put("..\\..\\x.pdf", "x.pdf");
    accepted.put("C:\\Windows\\system32\\a.pdf", "a.pdf");
    accepted.put(SCRIPT + ".pdf", "script_.pdf");
    accepted.put("bảng <b>điểm</b> \"2026\"|?*.pdf", "b_ _2026____.pdf");
    for (Map.Entry<String, String> e : accepted.entrySet()) {
      byte[] pdf = ("%PDF-1.4\n% " + (n++) + "\n%%EOF\n").getBytes();
      Response r = http.upload(u.team(), upload, e.getKey(), pdf, Map.of("note", SCRIPT));
      assertThat(r.status()).as(e.getKey() + " -> " + r.body()).isEqualTo(201);
      assertThat(r.json().get("fileName").asText()).isEqualTo(e.getValue());
    }
    // a NUL byte in the name: refused by the multipart parser, or stored with the byte replaced
    Response nul = http.upload(u.team(), upload, "bao\u0000cao.pdf", "%PDF-1.4\n% nul\n".getBytes(), Map.of());
    if (nul.status() == 201) {
      assertThat(nul.json().get("fileName").asText()).isEqualTo("bao_cao.pdf");
    } else {
      assertCleanRefusal("a NUL byte in the file name", nul);
    }
    Response longName = http.upload(u.team(), upload, "a".repeat(5000) + ".pdf", "%PDF-1.4\n% dài\n".getBytes(),
        Map.of());
    if (longName.status() == 201) {
      assertThat(longName.json().get("fileName").asText()).hasSizeLessThanOrEqualTo(200).endsWith(".pdf");
    } else {
      // the container refuses a part header this long before we see it
      assertCleanRefusal("a 5000-character file name", longName);
      assertThat(longName.json().get("message").asText()).contains("tên tệp quá dài");
    }
    Map<String, Long> before = counts();
    assertCleanRefusal("an .exe renamed .pdf", http.upload(u.team(), upload, "bao-cao.pdf",
        "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1),
        Map.of()));
    assertCleanRefusal("an .exe", http.upload(u.team(), upload, "setup.exe", "MZ".getBytes(), Map.of()));
    assertCleanRefusal("a name that is only a path", http.upload(u.team(), upload, "../..", "%PDF-1.4".getBytes(),
        Map.of()));
    assertCleanRefusal("an empty file", http.upload(u.team(), upload, "rong.pdf", new byte[0], Map.of()));
    assertCleanRefusal("an unknown indicator", http.upload(u.team(), upload, "c.pdf", "%PDF-1.4\n%c".getBytes(),
        Map.of("indicatorCode", "' or 1=1 --")));
    assertCleanRefusal("not multipart", send("POST", u.team(), upload, "application/json", "{\"file\":\"x\"}"));
    assertThat(counts()).isEqualTo(before);
    // stored names are shown escaped on the dossier page
    String page = page(u.team(), "/ho-so/" + pi.getBusinessKey());
    assertThat(page).doesNotContain(SCRIPT).doesNotContain("<script>alert");
  }

  @Test
  void spreadsheetsWithFormulasMacrosOrAMillionEmptyRowsAreRefusedAndStoreNothing() throws Exception {
    Map<String, Long> before = counts();
    // one cell on the very last row of the sheet: a dimension of 1,048,576 rows in a file of a few kB
    byte[] lastRow;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(10); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var s = wb.createSheet("Don vi");
      var h = s.createRow(0);
      for (int i = 0; i < ORG_HEADERS.length; i++) {
        h.createCell(i).setCellValue(ORG_HEADERS[i]);
      }
      s.createRow(1_048_575).createCell(0).setCellValue("XA-CUOI");
      wb.write(out);
      wb.dispose();
      lastRow = out.toByteArray();
    }
    assertThat(lastRow.length).isLessThan(100_000);
    Response admin = http.upload("admin", "/api/admin/import", "trieu-dong.xlsx", lastRow, Map.of());
    assertCleanRefusal("admin import of a 1,048,576-row sheet", admin);
    assertThat(admin.body()).contains("dòng");

    // a macro-enabled workbook (content type of .xlsm) renamed .xlsx, with a formula
    byte[] macro;
    try (XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM); ByteArrayOutputStream out =
        new ByteArrayOutputStream()) {
      var s = wb.createSheet("Don vi");
      var h = s.createRow(0);
      for (int i = 0; i < ORG_HEADERS.length; i++) {
        h.createCell(i).setCellValue(ORG_HEADERS[i]);
      }
      var r = s.createRow(1);
      r.createCell(0).setCellValue("MACRO-1");
      r.createCell(1).setCellFormula("HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")");
      r.createCell(2).setCellValue("PROVINCE");
      wb.write(out);
      macro = out.toByteArray();
    }
    assertCleanRefusal("a macro-enabled workbook with a formula", http.upload("admin", "/api/admin/import",
        "macro.xlsx", macro, Map.of()));
    assertCleanRefusal("a .xlsm", http.upload("admin", "/api/admin/import", "../../macro.xlsm", macro, Map.of()));
    assertCleanRefusal("an .exe renamed .xlsx", http.upload("admin", "/api/admin/import", "ds.xlsx",
        "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), Map.of()));

    assertThat(counts()).as("nothing stored by the refused imports").isEqualTo(before);

    // the same files into an assessment round of a school of its own
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    Response round = http.post(school.team(), "/api/rounds", Map.of("kind", "CITIZEN", "orgCode", school.code(),
        "assessmentYear", 2026));
    assertThat(round.status()).as(round.body()).isEqualTo(201);
    Map<String, Long> opened = counts();
    String imports = "/api/rounds/" + round.json().get("id").asLong() + "/imports?subject=OFFICIAL";
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("trieu-dong.xlsx", lastRow);
    files.put("macro.xlsx", macro);
    files.put("..\\..\\..\\x.xlsx", "MZ".getBytes());
    files.put("bad\u0000name.xlsx", new byte[0]);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      assertCleanRefusal("round import " + f.getKey().replace("\u0000", "\\0"),
          http.upload(school.team(), imports, f.getKey(), f.getValue(), Map.of()));
    }
    // the round's own template: a sheet with one more person on its very last row, and one with a formula
    Path full = RoundFixtures.xlsx(roundImports, Subject.OFFICIAL, List.<Object[]>of(RoundFixtures.person(
        RoundFixtures.newPersonId(), "Nguyễn Văn A", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9)));
    byte[] lastRowOfTemplate;
    byte[] formulaInTemplate;
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(full));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.getSheetAt(0).createRow(1_048_575).createCell(1).setCellValue(RoundFixtures.newPersonId());
      wb.write(out);
      lastRowOfTemplate = out.toByteArray();
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(full));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.getSheetAt(0).getRow(1).getCell(2).setCellFormula("HYPERLINK(\"http://example.invalid\",\"A\")");
      wb.write(out);
      formulaInTemplate = out.toByteArray();
    }
    Files.delete(full);
    Response rows = http.upload(school.team(), imports, "trieu-dong.xlsx", lastRowOfTemplate, Map.of());
    assertCleanRefusal("round import with a row at 1,048,576", rows);
    assertThat(rows.body()).contains("vượt quá giới hạn");
    Response formula = http.upload(school.team(), imports, "cong-thuc.xlsx", formulaInTemplate, Map.of());
    assertCleanRefusal("round import with a formula", formula);
    assertThat(formula.body()).contains("C2").contains("công thức");
    // (the bundled round criteria are stored on first use, whatever the file: not part of the import)
    Map<String, Long> afterRound = new java.util.TreeMap<>(counts());
    Map<String, Long> beforeRound = new java.util.TreeMap<>(opened);
    afterRound.remove("round_criteria_version");
    beforeRound.remove("round_criteria_version");
    assertThat(afterRound).as("nothing stored by the refused round imports").isEqualTo(beforeRound);
  }

  String page(String user, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "text/html").header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(path + " -> " + abbreviate(r.body())).isEqualTo(200);
      return r.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void scriptsInTextFieldsAreShownEscapedOnEveryPage() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE)
        .toInstant()));
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    // the unit's name, a reviewer's return reason and an evidence note all carry a script
    Response renamed = send("PUT", "admin", "/api/admin/org-units/" + u.code(), "application/json",
        "{\"name\":\"Trường " + SCRIPT.replace("\"", "\\\"") + "\"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    ProcessInstance pi = submitted(u);
    String task = http.get("phonggd", "/engine-rest/task?processInstanceBusinessKey=" + pi.getBusinessKey()).json()
        .get(0).get("id").asText();
    Response ret = http.submitForm("phonggd", task, Map.of(FIELD_COMPLETENESS, INCOMPLETE,
        FIELD_COMPLETENESS_COMMENT, "Thiếu biên bản " + SCRIPT + " <img src=x onerror=alert(2)>"));
    assertThat(ret.status()).as(ret.body()).isEqualTo(204);
    Response ev = http.upload(u.team(), "/api/dossiers/" + pi.getBusinessKey() + "/evidence", "bien-ban.pdf",
        "%PDF-1.4\n% biên bản\n".getBytes(StandardCharsets.UTF_8), Map.of("note", SCRIPT));
    assertThat(ev.status()).as(ev.body()).isEqualTo(201);
    Response user = http.post("admin", "/api/admin/users", Map.of("id", "xss." + u.code().toLowerCase(),
        "firstName", SCRIPT, "lastName", "<b>Nguyễn</b>", "email", "xss@test.hoctap.vn", "password",
        "mat-khau-dai-123"));
    assertThat(user.status()).as(user.body()).isIn(201, 400);

    // an award proposal of the school for a person whose name, position and record carry markup
    for (int i = 1; i <= 3; i++) {
      String member = "hd" + i + "." + u.code().toLowerCase();
      provisioning.ensureUserSharingPassword(member, "Thử", "Người", member + "@test.hoctap.vn", DemoData.PASSWORD);
      provisioning.ensureGroup(Groups.council(u.code()), Groups.council(u.code()), "WORKFLOW");
      provisioning.ensureMembership(member, Groups.council(u.code()));
    }
    String secretary = "thuky." + u.code().toLowerCase();
    provisioning.ensureUserSharingPassword(secretary, "Thử", "Thư ký", secretary + "@test.hoctap.vn",
        DemoData.PASSWORD);
    provisioning.ensureGroup(Groups.councilSecretary(u.code()), Groups.councilSecretary(u.code()), "WORKFLOW");
    provisioning.ensureMembership(secretary, Groups.councilSecretary(u.code()));
    Response proposal = http.post(u.head(), "/api/awards/proposals", Map.of("proposerCode", u.code(), "form",
        "GIAY_KHEN", "movement", "Phong trào " + SCRIPT, "periodKind", "YEARLY", "periodYear", 2026, "submission",
        "Tờ trình " + SCRIPT, "report", "Báo cáo " + SCRIPT, "candidates", List.of(Map.of("kind", "INDIVIDUAL",
            "name", SCRIPT + " Hoa", "orgCode", u.code(), "position", "<b>Nguyễn</b>", "summary", SCRIPT,
            "achievements", List.of(), "certifications", List.of("Xác nhận " + SCRIPT)))));
    assertThat(proposal.status()).as(proposal.body()).isEqualTo(201);
    long proposalId = proposal.json().get("id").asLong();
    long awardee = http.get(u.head(), "/api/awards/proposals/" + proposalId).json()
        .get("candidates").get(0).get("awardeeId").asLong();

    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("awardee page", page(u.head(), "/khen-thuong/doi-tuong/" + awardee));
    pages.put("award proposal page", page(u.head(), "/khen-thuong/" + proposalId));
    pages.put("dossier page", page("admin", "/ho-so/" + pi.getBusinessKey()));
    pages.put("dossier page for the unit", page(u.team(), "/ho-so/" + pi.getBusinessKey()));
    pages.put("dashboard", page("admin", "/dashboard"));
    pages.put("home", page(u.team(), "/trang-chu"));
    pages.put("admin units", page("admin", "/quan-tri/don-vi"));
    pages.put("admin users", page("admin", "/quan-tri/nguoi-dung"));
    pages.put("admin audit", page("admin", "/quan-tri/nhat-ky"));
    if (user.status() == 201) {
      pages.put("admin user", page("admin", "/quan-tri/nguoi-dung/xss." + u.code().toLowerCase()));
    }
    for (Map.Entry<String, String> p : pages.entrySet()) {
      assertThat(p.getValue()).as(p.getKey()).doesNotContain(SCRIPT).doesNotContain("<img src=x")
          .doesNotContain("<b>Nguyễn</b>");
    }
    assertThat(pages.get("dossier page")).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(pages.get("awardee page")).contains("&lt;script&gt;alert(1)&lt;/script&gt; Hoa");
    assertThat(pages.get("admin units") + pages.get("admin audit")).contains("&lt;script&gt;");
    // the API returns the text as data (JSON-escaped by the client that shows it), unchanged
    assertThat(http.get("admin", "/api/dossiers/" + pi.getBusinessKey()).json().get("history").toString())
        .contains("Thiếu biên bản");
  }

  @Test
  void theEngineRestApiRefusesMalformedJsonWithoutInternals() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, 2026);
    String task = http.get(u.team(), "/engine-rest/task?processInstanceBusinessKey=" + pi.getBusinessKey()).json()
        .get(0).get("id").asText();
    Map<String, Long> before = counts();
    for (String body : List.of("{\"variables\": ", "[1,2]", "{\"variables\": [1]}",
        "{\"variables\": {\"tc2_ct1_met\": {\"value\": \"bốn mươi\", \"type\": \"Long\"}}}",
        "{\"variables\": {\"tc2_ct1_met\": {\"value\": 1, \"type\": \"NoSuchType\"}}}",
        "{\"variables\": {\"x\": {\"value\": \"rO0ABXNyAA\", \"type\": \"Object\", \"valueInfo\": "
            + "{\"objectTypeName\": \"java.lang.Runtime\", \"serializationDataFormat\": "
            + "\"application/x-java-serialized-object\"}}}}",
        "{\"variables\": {\"assessmentComment\": {\"value\": \"" + HUGE + "\"}}}")) {
      Response r = send("POST", u.team(), "/engine-rest/task/" + task + "/submit-form", "application/json", body);
      assertCleanRefusal("submit-form " + abbreviate(body), r);
    }
    assertCleanRefusal("complete with malformed JSON", send("POST", u.team(), "/engine-rest/task/" + task
        + "/complete", "application/json", "{\"variables\""));
    assertCleanRefusal("start with wrong types", send("POST", u.team(),
        "/engine-rest/process-definition/key/learning-unit-recognition/start", "application/json",
        "{\"variables\": {\"level\": {\"value\": \"một\", \"type\": \"Integer\"}}}"));
    // nothing written but the audit rows of the refusals (a variable no form has, e.g. "x")
    Map<String, Long> after = counts();
    assertThat(after.remove("audit_log")).isGreaterThan(before.remove("audit_log"));
    assertThat(after).isEqualTo(before);
    assertThat(http.get(u.team(), "/engine-rest/task?processInstanceBusinessKey=" + pi.getBusinessKey()).json()
        .get(0).get("id").asText()).as("the task is still open").isEqualTo(task);
  }
}
