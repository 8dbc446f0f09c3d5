package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * Over real HTTP as the demo users of huyện Thanh Trì: a school recognised "Đơn vị học tập" is proposed by the
 * district for a Giấy khen with its recognition attached as evidence; the demo council votes in the Tasklist's
 * REST API; the chairman signs; the awardee's page shows the title and the award, each linked to its decision;
 * the proposal list exports as xlsx and PDF.
 */
@HoctapTest
class AwardHttpTest {

  static final int YEAR = 2026;

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  /** The school earns "Đơn vị học tập" level 1 for 2026 through the district (as in LearningUnitProcessTest). */
  TestUnit recognisedSchool() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT, FIELD_HEAD_COMMENT, "Tờ trình"));
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    fx.complete("chutichhuyen", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    return u;
  }

  String ownTask(String user, long candidateId) {
    Response r = http.get(user, "/engine-rest/task?processInstanceBusinessKey=award-" + candidateId);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().size()).as(user + " sees exactly one task of candidate " + candidateId).isEqualTo(1);
    return r.json().get(0).get("id").asText();
  }

  void submit(String user, long candidateId, Map<String, Object> form) {
    Response r = http.submitForm(user, ownTask(user, candidateId), form);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  @Test
  void theDistrictAwardsARecognisedSchoolAndItsPageShowsTitlesAndAwardsWithTheirDecisions() throws Exception {
    TestUnit school = recognisedSchool();
    Map<String, Object> proposal = Map.of("proposerCode", "HN-TT", "form", "GIAY_KHEN",
        "movement", "Cả nước thi đua xây dựng xã hội học tập", "periodKind", "YEARLY", "periodYear", YEAR,
        "submission", "Phòng GDĐT kính trình Chủ tịch UBND huyện tặng Giấy khen", "report", "Báo cáo thành tích",
        "candidates", List.of(Map.of("kind", "COLLECTIVE", "orgCode", school.code(), "summary",
            "Đạt Đơn vị học tập mức độ 1", "certifications", List.of("Xác nhận của Phòng GDĐT"))));
    // a district's Giấy khen only in a list opened before 01/07/2025 (Luật TĐKT 2022 Điều 80; from then NĐ 129/2025
    // gives the district chairman's powers to the commune chairman): the list keeps its signer afterwards
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2025, 6, 30).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    Response created = http.post("chutichhuyen", "/api/awards/proposals", proposal);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long proposalId = created.json().get("id").asLong();
    JsonNode candidate = created.json().get("candidates").get(0);
    long candidateId = candidate.get("id").asLong();
    // the recognition recorded by hoctap attached itself as evidence
    assertThat(candidate.get("evidence").toString()).contains("RECOGNITION").contains("Đơn vị học tập")
        .contains("Xác nhận của Phòng GDĐT");

    // bad input: nothing saved, every problem said
    Response bad = http.post("chutichhuyen", "/api/awards/proposals", Map.of("proposerCode", "HN-TT", "form", "X"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("Hình thức khen thưởng").contains("tờ trình").contains("chưa có ai");
    // someone of another province does not see the list
    assertThat(http.get("todanhgia.nb", "/api/awards/proposals/" + proposalId).status()).isEqualTo(404);

    // in the engine too: the proposing district sees the candidate's instance, another province does not
    assertThat(http.get("phonggd", "/engine-rest/process-instance?businessKey=award-" + candidateId).json())
        .hasSize(1);
    assertThat(http.get("sogd.nb", "/engine-rest/process-instance?businessKey=award-" + candidateId).json())
        .isEmpty();

    for (String member : List.of("chutichhuyen", "phonggd", "hdtdkt.huyen")) {
      submit(member, candidateId, Map.of("vote", "YES", "voteComment", ""));
    }
    Response draft = http.get("thuky.huyen", "/api/awards/candidates/" + candidateId + "/minutes-draft");
    assertThat(draft.status()).isEqualTo(200);
    assertThat(draft.body()).contains("BIÊN BẢN XÉT KHEN THƯỞNG").contains("3 đồng ý").contains("THÔNG QUA")
        .contains("- Phạm Văn Dũng: Đồng ý").contains("đã biểu quyết: 3").doesNotContain("chutichhuyen")
        .doesNotContain("hdtdkt.huyen");
    submit("thuky.huyen", candidateId, Map.of("minutes", ""));
    submit("chutichhuyen", candidateId, Map.of("awardDecision", "APPROVE", "awardComment", ""));

    JsonNode done = http.get("phonggd", "/api/awards/proposals/" + proposalId).json().get("candidates").get(0);
    assertThat(done.get("status").asText()).isEqualTo("AWARDED");
    assertThat(done.get("decisionNo").asText()).endsWith("/QĐ-UBND");
    long awardeeId = done.get("awardeeId").asLong();

    JsonNode page = http.get("phonggd", "/api/awards/awardees/" + awardeeId).json();
    assertThat(page.get("titles").get(0).get("title").asText()).isEqualTo("Đơn vị học tập");
    assertThat(page.get("titles").get(0).get("decisionLink").asText()).startsWith("/api/dossiers/");
    assertThat(page.get("awards").get(0).get("formLabel").asText()).isEqualTo("Giấy khen");
    assertThat(page.get("awards").get(0).get("decisionNo").asText()).isEqualTo(done.get("decisionNo").asText());
    Response html = http.get("phonggd", "/khen-thuong/doi-tuong/" + awardeeId);
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("Danh hiệu và khen thưởng qua các năm").contains("Đơn vị học tập mức độ 1")
        .contains("Giấy khen").contains("/khen-thuong/quyet-dinh/" + done.get("decisionId").asLong())
        .contains("Quyết định số " + done.get("decisionNo").asText());
    Response decision = http.get("phonggd", "/khen-thuong/quyet-dinh/" + done.get("decisionId").asLong());
    assertThat(decision.body()).contains("Quyết định khen thưởng số").contains(school.code())
        .contains("Phạm Văn Dũng");
    // the first version's addresses lead to the pages
    Response moved = http.get("phonggd", "/awards/awardees/" + awardeeId);
    assertThat(moved.status()).isEqualTo(301);
    // anonymous: a client that does not ask for HTML gets 401 (a browser is sent to the login form)
    assertThat(http.get(null, "/khen-thuong/doi-tuong/" + awardeeId).status()).isEqualTo(401);

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes("phonggd",
        "/api/awards/proposals/" + proposalId + "/export.xlsx")))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("DANH SÁCH ĐỀ NGHỊ GIẤY KHEN");
      assertThat(s.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Họ tên / Tên tập thể");
      assertThat(s.getRow(5).getCell(2).getStringCellValue()).contains(school.code());
      assertThat(s.getRow(5).getCell(8).getStringCellValue()).isEqualTo("Đã khen thưởng");
    }
    try (var pdf = Loader.loadPDF(bytes("phonggd", "/api/awards/proposals/" + proposalId + "/export.pdf"))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("TỜ TRÌNH").contains("Giấy khen").contains("BIÊN BẢN XÉT KHEN THƯỞNG");
    }
  }

  @Test
  void rulesAndCouncilsAreDataAnAdministratorConfiguresWithAnAuditTrail() {
    JsonNode rules = http.get("phonggd", "/api/awards/rules").json();
    assertThat(rules.toString()).contains("TTG-CN-1").contains("Luật Thi đua, khen thưởng 2022, Điều 73")
        .contains("chờ xác nhận văn bản");
    JsonNode council = http.get("phonggd", "/api/awards/councils/HN-TT").json();
    assertThat(council.get("members").toString()).contains("chutichhuyen").contains("phonggd");
    assertThat(council.get("secretaries").toString()).contains("thuky.huyen");
    assertThat(council.get("config").get("quorumNum").asInt()).isEqualTo(2);

    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    Map<String, Object> config = Map.of("quorumNum", 1, "quorumDen", 2, "passNum", 1, "passDen", 2,
        "tieRule", "FAILS", "source", "Quy chế Hội đồng TĐKT của trường (thử)", "confirmed", false);
    assertThat(put("phonggd", "/api/awards/councils/" + school.code(), config).status()).isEqualTo(403);
    Response saved = put("admin", "/api/awards/councils/" + school.code(), config);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(http.get("admin", "/api/awards/councils/" + school.code()).json().get("config").get("tieRule")
        .asText()).isEqualTo("FAILS");
    assertThat(http.get("admin", "/api/admin/audit?size=5").body()).contains("COUNCIL_CONFIGURED")
        .contains(school.code());
  }

  @Test
  void councilDetailsOnlyWithinTheUsersOwnPartOfTheTree() {
    // Hà Nội's council: members and secretary logins are for Hà Nội's own people (the body, below it, above it)
    for (String user : List.of("sogd", "pheduyettinh", "phonggd", "todanhgia", "thuky.tp", "admin")) {
      Response r = http.get(user, "/api/awards/councils/HN");
      assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(200);
      assertThat(r.json().get("members").toString()).contains("sogd");
    }
    // another province: exactly the answer for a council that does not exist, without a login in it
    Response unknown = http.get("sogd.nb", "/api/awards/councils/KHONG-CO");
    assertThat(unknown.status()).isEqualTo(404);
    for (String code : List.of("HN", "HN-TT", "HN-TT-TH01")) {
      Response r = http.get("sogd.nb", "/api/awards/councils/" + code);
      assertThat(r.status()).as(code).isEqualTo(404);
      assertThat(r.body()).doesNotContain("sogd\"").doesNotContain("thuky").doesNotContain("hdtdkt")
          .doesNotContain("hieutruong");
      assertThat(r.json().get("message").asText())
          .isEqualTo(unknown.json().get("message").asText().replace("KHONG-CO", code));
    }
    // a school sees its own council and those above it, not a sibling district's school
    assertThat(http.get("todanhgia", "/api/awards/councils/HN-TT-TH01").status()).isEqualTo(200);
    assertThat(http.get("todanhgia.nb", "/api/awards/councils/HN-TT-TH01").status()).isEqualTo(404);
    assertThat(http.get("todanhgia.thpt", "/api/awards/councils/HN-TT-TH01").status()).isEqualTo(404);
  }

  Response put(String user, String path, Object body) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", basic(user)).header("Content-Type", "application/json")
          .header(vn.hoctap.security.ApiClientHeader.NAME, vn.hoctap.security.ApiClientHeader.VALUE)
          .PUT(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
              .writeValueAsString(body))).build();
      HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  byte[] bytes(String user, String path) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", basic(user)).GET().build();
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
