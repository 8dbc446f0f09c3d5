package vn.hoctap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.citizen.RoundFixtures.newPersonId;
import static vn.hoctap.citizen.RoundFixtures.passing;
import static vn.hoctap.citizen.RoundFixtures.scores;
import static vn.hoctap.process.AssessmentRoundProcess.*;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.RoundStatus;
import vn.hoctap.citizen.Subject;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * The "Công dân học tập" and "Dòng họ học tập" targets of Thanh Trì's plan (TT-2024, seeded by the demo) counted
 * from real assessment rounds taken to their decisions through the round process, over real HTTP: in a commune of
 * its own, each education unit's latest decided list of each population counts (a later round replaces an earlier
 * one; staff and learners assessed in separate rounds both count), only the target's subjects (staff, not learners)
 * and only education units; a round still in review, a round decided after the report's date and a school outside
 * the viewer's jurisdiction do not count.
 */
@HoctapTest
class RoundTargetsHttpTest {

  static final String CITIZEN_TARGET = "Cán bộ, nhà giáo, nhân viên ngành giáo dục";

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    Chains.setClock(Chains.DAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** One person of a round: subject and whether they pass (ten 9s) or not (one indicator at 4). */
  record Person(Subject subject, boolean passes) {}

  static List<Person> people(Subject subject, int passing, int failing) {
    List<Person> list = new ArrayList<>();
    for (int i = 0; i < passing + failing; i++) {
      list.add(new Person(subject, i < passing));
    }
    return list;
  }

  @SafeVarargs
  static List<Person> all(List<Person>... groups) {
    List<Person> list = new ArrayList<>();
    for (List<Person> g : groups) {
      list.addAll(g);
    }
    return list;
  }

  /** A "Công dân học tập" round of the unit for the year, listed, approved and decided on the given day. */
  Round decided(Body unit, int year, LocalDate decisionDay, List<Person> people) {
    Chains.setClock(decisionDay);
    try {
      Round r = listed(unit, year, people);
      ProcessInstance pi = rf.instance(r);
      fx.complete(unit.preparer(), pi, TASK_PREPARE, Map.of(FIELD_COMMENT, "Danh sách"));
      fx.complete(unit.reviewer(), pi, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
      fx.complete(unit.decider(), pi, TASK_DECIDE, Map.of(VAR_DECISION, RECOGNISE));
      Round done = rounds.get(r.id());
      assertThat(done.status()).isEqualTo(RoundStatus.RECOGNISED);
      assertThat(done.decisionDate()).isEqualTo(decisionDay);
      return done;
    } finally {
      Chains.setClock(Chains.DAY);
    }
  }

  Round listed(Body unit, int year, List<Person> people) {
    Round r = rf.start(unit, RoundKind.CITIZEN, year);
    int i = 0;
    for (Person p : people) {
      rounds.saveEntry(r.id(), p.subject(), newPersonId(), "Người thử " + i++, p.subject() == Subject.LEARNER
          ? "2008" : "1980", p.passes() ? passing() : scores(9, 9, 9, 9, 9, 9, 9, 9, 9, 4), null, unit.preparer());
    }
    return r;
  }

  /** The row of the targets table (id chi-tieu) for a title, population and target year. */
  static String targetRow(String html, String title, String population, int year) {
    int table = html.indexOf("id=\"chi-tieu\"");
    assertThat(table).as("targets table").isPositive();
    String body = html.substring(table, html.indexOf("</table>", table));
    for (String row : body.split("<tr")) {
      if (row.contains(">" + title + "<") && row.contains(">" + population + "<") && row.contains("(" + year + ")")) {
        return row;
      }
    }
    throw new AssertionError("no target row " + title + " / " + population + " / " + year + " in " + body);
  }

  static String cell(String row, String cssClass) {
    Matcher m = Pattern.compile("class=\"" + cssClass + "\"[^>]*>([^<]*)<").matcher(row);
    assertThat(m.find()).as(cssClass + " in " + row).isTrue();
    return m.group(1).strip();
  }

  /** "a / b" of the row's count cell. */
  static String counts(String row) {
    Matcher m = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row);
    assertThat(m.find()).as("count cell in " + row).isTrue();
    return m.group(1).strip();
  }

  @Test
  void theLatestDecidedRoundOfEachEducationUnitInTheViewersAreaCounts() throws Exception {
    TestBody commune = fx.newBody("HN-TT", OrgKind.COMMUNE);
    TestBody elsewhere = fx.newBody("HN-TT", OrgKind.COMMUNE);
    Body a = rf.newSchool(commune.code());
    Body b = rf.newUnit(commune.code(), UnitKind.LOWER_SECONDARY);
    Body agency = rf.newUnit(commune.code(), UnitKind.DISTRICT_AGENCY);
    Body open = rf.newSchool(commune.code());
    Body outside = rf.newSchool(elsewhere.code());

    // school A: 1 of 2 staff in 2025 (decided in 2025), then 3 of 4 staff and 2 learners in 2026
    decided(a, 2025, LocalDate.of(2025, 11, 20), people(Subject.OFFICIAL, 1, 1));
    Round a2026 = decided(a, 2026, Chains.DAY, all(people(Subject.OFFICIAL, 2, 1), people(Subject.WORKER, 1, 0),
        people(Subject.LEARNER, 2, 0)));
    // school B: its 2025 round, decided only now (after 31/12/2025): 2 of 2
    decided(b, 2025, Chains.DAY, people(Subject.WORKER, 2, 0));
    // school C assesses its staff (1 of 2) and, in a later round of the same year, its learners: both lists count
    Body c = rf.newSchool(commune.code());
    decided(c, 2026, Chains.DAY, people(Subject.OFFICIAL, 1, 1));
    decided(c, 2026, Chains.DAY, people(Subject.LEARNER, 3, 0));
    // not counted: an agency (not an education unit), a round still in review, a school of another commune
    decided(agency, 2026, Chains.DAY, people(Subject.OFFICIAL, 5, 0));
    Round inReview = listed(open, 2026, people(Subject.OFFICIAL, 4, 0));
    fx.complete(open.preparer(), rf.instance(inReview), TASK_PREPARE, Map.of(FIELD_COMMENT, "Danh sách"));
    decided(outside, 2026, Chains.DAY, people(Subject.OFFICIAL, 0, 3));

    // the decision wrote the tally in its own transaction
    assertThat(jdbc.queryForList("select subject || ':' || entries || ':' || recognised from round_tally"
        + " where round_id = ? order by subject", String.class, a2026.id()))
        .containsExactly("LEARNER:2:2", "OFFICIAL:3:2", "WORKER:1:1");
    assertThat(jdbc.queryForObject("select count(*) from round_tally where round_id = ?", Long.class,
        inReview.id())).isZero();

    // the commune's viewer, on their own dashboard: A's 2026 round (3 of its 4 staff) + B's round (2 of 2) + C's
    // staff round (1 of 2), not its later learners' round
    Response page = http.get(commune.viewer(), "/dashboard");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    String row2025 = targetRow(page.body(), "Công dân học tập", CITIZEN_TARGET, 2025);
    assertThat(counts(row2025)).isEqualTo("6 / 8");
    assertThat(row2025).contains("75,0 %", "Chưa đạt");
    assertThat(cell(row2025, "muted co-so")).isEqualTo("Tỷ lệ trên số người trong danh sách đánh giá của đợt gần"
        + " nhất đã có quyết định (đến ngày 02/11/2026) của mỗi cơ quan, đơn vị (mỗi đối tượng theo đợt gần nhất có"
        + " đối tượng đó); 3 cơ quan, đơn vị có đợt như vậy.");
    assertThat(counts(targetRow(page.body(), "Công dân học tập", CITIZEN_TARGET, 2030))).isEqualTo("6 / 8");
    assertThat(page.body()).contains("tỉ lệ = số được công nhận ÷ số người (hộ, dòng họ) trong danh sách đánh giá");
    // unit targets are counted as before: education units of the commune (A, B, C and the open one), none recognised
    assertThat(counts(targetRow(page.body(), "Đơn vị học tập", "Các đơn vị ngành giáo dục", 2025)))
        .isEqualTo("0 / 4");
    // a target the rounds cannot count still says so
    String families = targetRow(page.body(), "Gia đình học tập", "Gia đình có cán bộ, nhà giáo ngành giáo dục", 2025);
    assertThat(families).contains("chưa có dữ liệu").doesNotContain("co-so");
    // the same numbers for an administrator asking for the commune; the other commune is not the viewer's
    assertThat(counts(targetRow(http.get("admin", "/dashboard?org=" + commune.code()).body(), "Công dân học tập",
        CITIZEN_TARGET, 2025))).isEqualTo("6 / 8");
    assertThat(http.get(commune.viewer(), "/dashboard?org=" + elsewhere.code()).status()).isEqualTo(404);
    assertThat(counts(targetRow(http.get("admin", "/dashboard?org=" + elsewhere.code()).body(), "Công dân học tập",
        CITIZEN_TARGET, 2025))).isEqualTo("0 / 3");

    // the yearly report of 2025 counts the rounds decided by 31/12/2025: A's 2025 round only (1 of 2)
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(commune.viewer(),
        "/bao-cao/" + commune.code() + "/2025.xlsx")))) {
      Row target = null;
      for (Row r : wb.getSheet("Chỉ tiêu")) {
        if (r.getRowNum() > 0 && r.getCell(2).getStringCellValue().equals("Công dân học tập")
            && r.getCell(3).getStringCellValue().equals(CITIZEN_TARGET) && r.getCell(5).getNumericCellValue() == 2025) {
          target = r;
        }
      }
      assertThat(target).isNotNull();
      assertThat(wb.getSheet("Chỉ tiêu").getRow(0).getCell(10).getStringCellValue()).isEqualTo("Cách tính");
      assertThat((long) target.getCell(6).getNumericCellValue()).isEqualTo(1);
      assertThat((long) target.getCell(7).getNumericCellValue()).isEqualTo(2);
      assertThat(target.getCell(8).getNumericCellValue()).isEqualTo(50.0);
      assertThat(target.getCell(10).getStringCellValue()).contains("đến ngày 31/12/2025",
          "1 cơ quan, đơn vị có đợt như vậy");
    }
  }

  @Test
  void clansCountFromTheVillagesRounds() {
    Body village = rf.newVillage("HN-TT");
    String commune = village.code().substring(0, village.code().length() - "-T1".length());
    Round r = rf.start(village, RoundKind.VILLAGE, 2026);
    Map<String, String> five = Map.of("DH1", "8", "DH2", "10", "DH3", "7", "DH4", "6", "DH5", "9");
    Map<String, String> family = Map.of("GD1", "8", "GD2", "10", "GD3", "7", "GD4", "6", "GD5", "9");
    rounds.saveEntry(r.id(), Subject.CLAN, newPersonId(), "Họ Nguyễn", null, five, "Đạt", village.preparer());
    rounds.saveEntry(r.id(), Subject.CLAN, newPersonId(), "Họ Lê", null, five, "Không đạt", village.preparer());
    for (int i = 0; i < 3; i++) {
      rounds.saveEntry(r.id(), Subject.FAMILY, newPersonId(), "Hộ " + i, null, family, "Đạt", village.preparer());
    }
    ProcessInstance pi = rf.instance(r);
    fx.complete(village.preparer(), pi, TASK_PREPARE, Map.of());
    fx.complete(village.reviewer(), pi, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
    fx.complete(village.decider(), pi, TASK_DECIDE, Map.of(VAR_DECISION, RECOGNISE));

    String html = http.get("admin", "/dashboard?org=" + commune).body();
    String clans = targetRow(html, "Dòng họ học tập", "Dòng họ", 2025);
    assertThat(counts(clans)).isEqualTo("1 / 2");
    assertThat(clans).contains("50,0 %", "Chưa đạt", "Tỷ lệ trên số dòng họ trong danh sách đánh giá",
        "của mỗi thôn, tổ dân phố; 1 thôn, tổ dân phố có đợt như vậy.");
    // families of education staff: a family's entry does not say so
    assertThat(targetRow(html, "Gia đình học tập", "Gia đình có cán bộ, nhà giáo ngành giáo dục", 2025))
        .contains("chưa có dữ liệu");
  }

  byte[] download(String user, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).build();
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
