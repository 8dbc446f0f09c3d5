package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.citizen.RoundFixtures.newPersonId;
import static vn.hoctap.citizen.RoundFixtures.person;
import static vn.hoctap.process.AssessmentRoundProcess.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.citizen.RoundPageSession.Answer;
import vn.hoctap.support.HoctapTest;

/**
 * The round pages over real HTTP, as a browser posts them: each page and download answers 404 to another province
 * and sends an anonymous visitor to the login page; the upload refuses a file of the wrong kind, a formula, a
 * duplicate identity number and a score above its maximum next to the file field, row and column in a table, and
 * stores nothing; a good file is stored and the open step's summary (also the Tasklist's) counts it; the reviewer's
 * row reasons and the decider's refusal go through the step form's rules.
 */
@HoctapTest
class RoundPagesHttpTest {

  static final int YEAR = 2025;

  @LocalServerPort int port;
  @Autowired RoundFixtures rf;
  @Autowired RoundImport imports;
  @Autowired RoundService rounds;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  RoundPageSession as(String user) {
    return RoundPageSession.as(port, user);
  }

  long entries(long roundId) {
    return jdbc.queryForObject("select count(*) from round_entry where round_id = ?", Long.class, roundId);
  }

  String taskId(Round r, String key) {
    return tasks.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(key).singleResult()
        .getId();
  }

  @Test
  void everyPageAndDownloadFollowsTheJurisdiction() throws Exception {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    String page = "/dot-danh-gia/" + r.id();
    String sha = "a".repeat(64);
    List<String> reads = List.of(page, page + "/mau?nhom=OFFICIAL", page + "/danh-sach-cong-nhan",
        page + "/tep-danh-dau/" + sha);

    RoundPageSession outsider = as("sogd.nb");
    for (String path : reads) {
      Answer a = outsider.get(path);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.body()).as(path).doesNotContain(school.code()).doesNotContain("Trường thử");
    }
    assertThat(outsider.get("/dot-danh-gia").body()).doesNotContain("Trường thử " + school.code());
    // posts too: the step and the upload (a page of theirs gives the token)
    Answer step = outsider.post("/dot-danh-gia", page + "/buoc/" + taskId(r, TASK_PREPARE),
        Map.of("f_roundComment", "x"));
    assertThat(step.status()).isEqualTo(404);
    Answer up = outsider.upload("/dot-danh-gia", page + "/tai-len", Map.of("nhom", "OFFICIAL"), "tep", "a.xlsx",
        new byte[] {1, 2, 3});
    assertThat(up.status()).isEqualTo(404);
    assertThat(entries(r.id())).isZero();

    // anonymous: the login page, for every page
    RoundPageSession anonymous = new RoundPageSession(port);
    for (String path : List.of("/dot-danh-gia", "/dot-danh-gia/moi", page, page + "/mau?nhom=OFFICIAL")) {
      Answer a = anonymous.get(path);
      assertThat(a.status()).as(path).isEqualTo(302);
      assertThat(a.location()).as(path).endsWith("/dang-nhap");
    }

    // the district office above reads it; the school's council reads it but may not upload
    RoundPageSession district = as("phonggd");
    assertThat(district.get(page).status()).isEqualTo(200);
    assertThat(district.get("/dot-danh-gia").body()).contains("Trường thử " + school.code());
    RoundPageSession council = as(school.reviewer());
    Answer read = council.get(page);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).contains("Đang lập danh sách, tự đánh giá").doesNotContain("id=\"tl-form\"");
    byte[] good = Files.readAllBytes(RoundFixtures.xlsx(imports, Subject.OFFICIAL,
        List.<Object[]>of(person(newPersonId(), "Nguyễn Văn An", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9))));
    Answer forbidden = council.upload(page, page + "/tai-len", Map.of("nhom", "OFFICIAL"), "tep", "gv.xlsx", good);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(entries(r.id())).isZero();
    // nobody else opens the school's round
    Answer notTheirs = council.post("/dot-danh-gia/moi", "/dot-danh-gia/moi",
        Map.of("dot", "CITIZEN:" + school.code(), "nam", String.valueOf(YEAR)));
    assertThat(notTheirs.status()).isEqualTo(400);
    assertThat(notTheirs.body()).contains("Hãy chọn đơn vị và loại đợt đánh giá trong danh sách");
  }

  @Test
  void uploadRefusalsAreShownWholeNextToTheFileAndNothingIsStored() throws Exception {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    String page = "/dot-danh-gia/" + r.id();
    RoundPageSession team = as(school.preparer());

    // the template, from the page's link
    Answer template = team.get(page + "/mau?nhom=OFFICIAL");
    assertThat(template.status()).isEqualTo(200);
    assertThat(template.disposition()).startsWith("attachment").contains("mau-danh-sach-can-bo-cong-chuc-vien-chuc");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo(
          "Số định danh cá nhân (12 chữ số)");
      assertThat(wb.getSheet("Hướng dẫn")).isNotNull();
    }

    // a file of the wrong kind
    Answer pdf = team.upload(page, page + "/tai-len", Map.of("nhom", "OFFICIAL"), "tep", "danh-sach.xlsx",
        "%PDF-1.4 not a spreadsheet".getBytes());
    assertThat(pdf.status()).isEqualTo(400);
    assertThat(errorBox(pdf.body())).contains("Tệp \"danh-sach.xlsx\" không được nhận, chưa lưu dòng nào",
        "Tệp không phải bảng tính .xlsx");
    assertThat(pdf.body()).contains("aria-describedby=\"tl-loi tl-goi-y\"");

    // a formula cell: named with its row and column
    String first = newPersonId();
    Path withFormula = RoundFixtures.xlsx(imports, Subject.OFFICIAL,
        List.<Object[]>of(person(first, "Nguyễn Văn An", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9)));
    byte[] formula;
    try (XSSFWorkbook wb = new XSSFWorkbook(withFormula.toFile())) {
      Sheet s = wb.getSheetAt(0);
      s.getRow(1).getCell(6).setCellFormula("4+5");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      formula = out.toByteArray();
    }
    Answer f = team.upload(page, page + "/tai-len", Map.of("nhom", "OFFICIAL"), "tep", "cong-thuc.xlsx", formula);
    assertThat(f.status()).isEqualTo(400);
    assertThat(errorBox(f.body())).contains("Ô G2 chứa công thức", "Paste Special");
    assertThat(table(f.body())).contains("<td>2</td>", "<b>G</b>");

    // two bad rows: a score above its maximum, a duplicate identity number
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rows.add(person(newPersonId(), "Giáo viên " + i, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
    }
    rows.set(1, person((String) rows.get(1)[0], "Giáo viên 1", 9, 9, 9, 9, 12, 9, 9, 9, 9, 9));
    rows.set(3, person((String) rows.get(0)[0], "Giáo viên 3", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
    byte[] bad = Files.readAllBytes(RoundFixtures.xlsx(imports, Subject.OFFICIAL, rows));
    Answer two = team.upload(page, page + "/tai-len", Map.of("nhom", "OFFICIAL"), "tep", "giao-vien.xlsx", bad);
    assertThat(two.status()).isEqualTo(400);
    assertThat(errorBox(two.body())).contains("Tệp \"giao-vien.xlsx\" có 2 lỗi nên chưa lưu dòng nào");
    String table = table(two.body());
    assertThat(table).contains("<td>3</td>", "<b>I</b>", "(NL2.1 (0–10 điểm))",
        "Điểm chỉ tiêu NL2.1 phải từ 0 đến 10, đang là 12.");
    assertThat(table).contains("<td>5</td>", "<b>B</b>", "Số " + rows.get(0)[0] + " trùng với dòng 2 của tệp.");
    assertThat(two.body()).doesNotContain("/api/");
    assertThat(entries(r.id())).isZero();
    String annotated = two.body().replaceAll("(?s).*href=\"(/dot-danh-gia/\\d+/tep-danh-dau/[0-9a-f]{64})\".*", "$1");
    Answer marked = team.get(annotated);
    assertThat(marked.status()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marked.bytes()))) {
      assertThat(wb.getSheetAt(0).getRow(2).getCell(8).getCellComment().getString().getString())
          .contains("phải từ 0 đến 10");
    }
    // nor the other province's reader gets that copy
    assertThat(as("sogd.nb").get(annotated).status()).isEqualTo(404);

    // corrected: stored, counted on the page and in the open step's summary (the Tasklist's form too)
    rows.set(1, person((String) rows.get(1)[0], "Giáo viên 1", 9, 9, 9, 9, 10, 9, 9, 9, 9, 9));
    rows.set(3, person(newPersonId(), "Giáo viên 3", 9, 9, 9, 9, 9, 9, 9, 9, 9, 3));
    byte[] fixed = Files.readAllBytes(RoundFixtures.xlsx(imports, Subject.OFFICIAL, rows));
    Answer ok = team.upload(page, page + "/tai-len", Map.of("nhom", "OFFICIAL"), "tep", "giao-vien.xlsx", fixed);
    assertThat(ok.status()).as(ok.body()).isEqualTo(302);
    assertThat(entries(r.id())).isEqualTo(4);
    String after = team.get(page).body();
    assertThat(after).contains("Đã nhập 4 cán bộ, công chức, viên chức, doanh nhân từ tệp \"giao-vien.xlsx\": 3 đạt,"
        + " 1 không đạt.");
    assertThat(after).contains("Số mục: 4 — đạt 3, không đạt 1");
    assertThat(after).containsPattern("id=\"so-muc\">4<");
    assertThat((String) runtime.getVariable(r.processInstanceId(), FIELD_SUMMARY)).contains("Số mục: 4 — đạt 3");
    // the list: filtered and searched
    String failed = team.get(page + "?ket-qua=khong-dat").body();
    assertThat(failed).contains("Giáo viên 3").doesNotContain("Giáo viên 1<").contains("dưới 5");
    assertThat(team.get(page + "?tim=" + ((String) rows.get(1)[0]).substring(0, 12)).body())
        .contains("Giáo viên 1").doesNotContain("Giáo viên 2");
    assertThat(team.get(page + "?tim=vi%C3%AAn%202").body()).contains("Giáo viên 2").doesNotContain("Giáo viên 0");
    // the same file again: nothing twice
    Answer again = team.upload(page, page + "/tai-len", Map.of("nhom", "OFFICIAL"), "tep", "giao-vien.xlsx", fixed);
    assertThat(again.status()).isEqualTo(302);
    assertThat(team.get(page).body()).contains("đã được nhập vào đợt này trước đây (4 dòng)");
    assertThat(entries(r.id())).isEqualTo(4);
  }

  @Test
  void theReviewersRowReasonsAndTheDecidersRefusalFollowTheStepRules() throws Exception {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    String page = "/dot-danh-gia/" + r.id();
    List<Object[]> rows = List.of(person(newPersonId(), "Trần Thị Bình", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9),
        person(newPersonId(), "Lê Văn Cường", 9, 9, 9, 9, 9, 9, 9, 9, 9, 4));
    RoundPageSession team = as(school.preparer());
    assertThat(team.upload(page, page + "/tai-len", Map.of("nhom", "OFFICIAL"), "tep", "gv.xlsx",
        Files.readAllBytes(RoundFixtures.xlsx(imports, Subject.OFFICIAL, rows))).status()).isEqualTo(302);
    assertThat(team.post(page, page + "/buoc/" + taskId(r, TASK_PREPARE), Map.of("f_roundComment", "")).status())
        .isEqualTo(302);

    RoundPageSession council = as(school.reviewer());
    String review = council.get(page).body();
    assertThat(review).contains("Việc của bạn: Xét duyệt danh sách", "name=\"ly-do-" + rows.get(1)[0] + "\"");
    String action = page + "/buoc/" + taskId(r, TASK_REVIEW);
    // a row reason with "approve all": refused next to the list of returned entries, the reason kept
    Answer mixed = council.post(page, action, Map.of("f_reviewOutcome", APPROVE_ALL,
        "ly-do-" + rows.get(1)[0], "Điểm NL3.2 chưa có minh chứng"));
    assertThat(mixed.status()).isEqualTo(400);
    assertThat(mixed.body()).contains("id=\"e_returnList\"", "lại chọn duyệt toàn bộ",
        "value=\"Điểm NL3.2 chưa có minh chứng\"");
    assertThat(rounds.get(r.id()).status()).isEqualTo(RoundStatus.IN_REVIEW);
    // an identity number not in the round, typed in the field: refused by name
    Answer unknown = council.post(page, action, Map.of("f_reviewOutcome", RETURN,
        "f_returnList", "001999999999: không có người này"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("001999999999: không có trong danh sách của đợt đánh giá.");
    // the row's reason returns that person
    Answer returned = council.post(page, action, Map.of("f_reviewOutcome", RETURN, "f_returnList", "",
        "ly-do-" + rows.get(1)[0], "Điểm NL3.2 chưa có minh chứng"));
    assertThat(returned.status()).as(returned.body()).isEqualTo(302);
    assertThat(rounds.entry(r.id(), (String) rows.get(1)[0]).orElseThrow().returnReason())
        .isEqualTo("Điểm NL3.2 chưa có minh chứng");
    assertThat(rounds.get(r.id()).status()).isEqualTo(RoundStatus.RETURNED);

    // the team corrects that person in the fix step; the council approves; the head is asked before refusing
    String fixed = team.get(page).body();
    assertThat(fixed).contains("Việc của bạn: Sửa các mục bị trả lại", "Điểm NL3.2 chưa có minh chứng");
    assertThat(team.post(page, page + "/buoc/" + taskId(r, TASK_FIX), Map.of("f_entryCorrections",
        rows.get(1)[0] + ": NL3.2=8")).status()).isEqualTo(302);
    assertThat(council.post(page, page + "/buoc/" + taskId(r, TASK_REVIEW), Map.of("f_reviewOutcome", APPROVE_ALL,
        "f_returnList", "")).status()).isEqualTo(302);
    RoundPageSession head = as(school.decider());
    String decide = page + "/buoc/" + taskId(r, TASK_DECIDE);
    Answer confirm = head.post(page, decide, Map.of("f_roundDecision", REFUSE, "f_roundComment",
        "Danh sách chưa đủ người lao động"));
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body()).contains("Đợt đánh giá sẽ KẾT THÚC và KHÔNG được công nhận", "2 người / hộ",
        "Danh sách chưa đủ người lao động");
    assertThat(rounds.get(r.id()).status()).isEqualTo(RoundStatus.AWAITING_DECISION);
    Answer recognised = head.post(page, decide, Map.of("f_roundDecision", RECOGNISE, "f_roundComment", ""));
    assertThat(recognised.status()).isEqualTo(302);
    Round done = rounds.get(r.id());
    assertThat(done.status()).isEqualTo(RoundStatus.RECOGNISED);
    String last = head.get(page).body();
    assertThat(last).contains("Đã có quyết định công nhận", done.decisionNo()).containsPattern(
        "công nhận <span>2</span> người / hộ");
    Answer list = team.get(page + "/danh-sach-cong-nhan");
    assertThat(list.status()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(list.bytes()))) {
      assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(4); // title, blank, header, two people
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains(done.decisionNo())
          .containsPattern(" ngày \\d{2}/\\d{2}/\\d{4} — ");
    }
  }

  static String errorBox(String html) {
    int i = html.indexOf("id=\"tl-loi\"");
    assertThat(i).as("the upload's error box").isPositive();
    return html.substring(i, html.indexOf("id=\"tl-form\"", i));
  }

  static String table(String html) {
    int i = html.indexOf("id=\"tl-bang-loi\"");
    assertThat(i).as("the table of rows to fix").isPositive();
    return html.substring(i, html.indexOf("</table>", i));
  }
}
