package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.citizen.AssessmentRoundProcessTest.refusal;
import static vn.hoctap.citizen.RoundFixtures.newPersonId;
import static vn.hoctap.citizen.RoundFixtures.person;
import static vn.hoctap.citizen.RoundFixtures.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.support.HoctapTest;

/**
 * Importing a filled template into a round: one bad cell stores nothing and is reported at its row and column
 * (also in an annotated copy), the same file twice is stored once, duplicates and files padded beyond the row
 * limit are refused.
 */
@HoctapTest
class RoundImportTest {

  static final int YEAR = 2026;

  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired RoundImport imports;

  List<Object[]> valid(int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(person(newPersonId(), "Nguyễn Văn " + i, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
    }
    return rows;
  }

  @Test
  void aFileWithOneBadCellStoresNothingAndReportsThatCell() throws Exception {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    List<Object[]> rows = valid(5);
    // row 4 of the sheet (3rd person): NL2.1 (column I) scored 12 of 10
    rows.set(2, person((String) rows.get(2)[0], "Lê Thị Sai", 9, 9, 9, 9, 12, 9, 9, 9, 9, 9));
    Path file = xlsx(imports, Subject.OFFICIAL, rows);

    String why = refusal(() -> imports.importFile(r.id(), Subject.OFFICIAL, file, "giao-vien.xlsx",
        school.preparer()));
    assertThat(why).contains("có 1 lỗi, chưa lưu dòng nào")
        .contains("Dòng 4, cột I (NL2.1 (0–10 điểm)): Điểm chỉ tiêu NL2.1 phải từ 0 đến 10, đang là 12.");
    assertThat(rounds.counts(r.id()).entries()).isZero();
    assertThat(rounds.history(r.id())).noneMatch(e -> "IMPORTED".equals(e.get("action")));

    // the annotated copy marks that cell and says what to fix on its row
    String sha = RoundImport.sha256(file);
    assertThat(why).contains("/api/rounds/" + r.id() + "/imports/" + sha + "/annotated.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(imports.annotated(r.id(), sha).toFile())) {
      Sheet s = wb.getSheetAt(0);
      Cell bad = s.getRow(3).getCell(8);
      assertThat(bad.getStringCellValue()).isEqualTo("12");
      assertThat(bad.getCellComment().getString().getString()).contains("phải từ 0 đến 10");
      int last = s.getRow(0).getLastCellNum() - 1;
      assertThat(s.getRow(0).getCell(last).getStringCellValue()).isEqualTo("Lỗi cần sửa");
      assertThat(s.getRow(3).getCell(last).getStringCellValue()).startsWith("I: ");
      assertThat(s.getRow(2).getCell(last)).isNull();
    }

    // fixed and uploaded again: every row is stored
    rows.set(2, person((String) rows.get(2)[0], "Lê Thị Sai", 9, 9, 9, 9, 10, 9, 9, 9, 9, 9));
    RoundImport.ImportResult ok = imports.importFile(r.id(), Subject.OFFICIAL, xlsx(imports, Subject.OFFICIAL, rows),
        "giao-vien.xlsx", school.preparer());
    assertThat(ok.rows()).isEqualTo(5);
    assertThat(rounds.counts(r.id()).entries()).isEqualTo(5);
  }

  @Test
  void theSameValidFileTwiceIsStoredOnce() throws IOException {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    List<Object[]> rows = valid(7);
    rows.set(0, person((String) rows.get(0)[0], "Người chưa đạt", 10, 10, 10, 10, 10, 10, 4, 10, 10, 10));
    // stored exactly as typed, whatever the bulk write's own format needs escaped
    rows.set(1, person((String) rows.get(1)[0], "Lê \\N \"Tư\"\tB", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
    Path file = xlsx(imports, Subject.OFFICIAL, rows);

    RoundImport.ImportResult first = imports.importFile(r.id(), Subject.OFFICIAL, file, "ds.xlsx", school.preparer());
    assertThat(first.alreadyImported()).isFalse();
    assertThat(first.rows()).isEqualTo(7);
    assertThat(first.passed()).isEqualTo(6);
    assertThat(first.failed()).isEqualTo(1);
    RoundImport.ImportResult again = imports.importFile(r.id(), Subject.OFFICIAL, file, "ds (1).xlsx",
        school.preparer());
    assertThat(again.alreadyImported()).isTrue();
    assertThat(rounds.counts(r.id()).entries()).isEqualTo(7);
    assertThat(rounds.history(r.id()).stream().filter(e -> "IMPORTED".equals(e.get("action")))).hasSize(1);
    RoundEntry failing = rounds.entry(r.id(), (String) rows.get(0)[0]).orElseThrow();
    assertThat(failing.passed()).isFalse();
    assertThat(failing.scores().get("NL2.3")).isEqualByComparingTo("4");
    assertThat(rounds.entry(r.id(), (String) rows.get(1)[0]).orElseThrow().fullName()).isEqualTo("Lê \\N \"Tư\"\tB");
  }

  @Test
  void duplicatesWithinTheFileAndAgainstTheRoundAreRefusedWithTheirRows() throws IOException {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    String already = newPersonId();
    rounds.saveEntry(r.id(), Subject.OFFICIAL, already, "Đã nhập", null, RoundFixtures.passing(), null,
        school.preparer());
    List<Object[]> rows = valid(3);
    rows.add(person((String) rows.get(0)[0], "Trùng dòng 2", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
    rows.add(person(already, "Đã có trong đợt", 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
    // a number cell that lost its leading zero, a missing name
    rows.add(new Object[] {12345678901L, null, 1990, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});

    String why = refusal(() -> imports.importFile(r.id(), Subject.OFFICIAL, xlsx(imports, Subject.OFFICIAL, rows),
        "ds.xlsx", school.preparer()));
    assertThat(why).contains("có 4 lỗi")
        .contains("Dòng 5, cột B (Số định danh cá nhân (12 chữ số)): Số " + rows.get(0)[0] + " trùng với dòng 2")
        .contains("Dòng 6, cột B (Số định danh cá nhân (12 chữ số)): Số " + already + " đã có trong đợt đánh giá")
        .contains("Dòng 7, cột B").contains("giữ số 0")
        .contains("Dòng 7, cột C (Họ và tên): Thiếu \"Họ và tên\"");
    assertThat(rounds.counts(r.id()).entries()).isEqualTo(1);
  }

  @Test
  void aFileWithDataBeyondTheRowLimitIsRefusedWithoutReadingOn() throws IOException {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    Path file = xlsx(imports, Subject.OFFICIAL, valid(2));
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
      wb.getSheetAt(0).createRow(1_000_002).createCell(1).setCellValue(newPersonId());
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    assertThat(refusal(() -> imports.importFile(r.id(), Subject.OFFICIAL, file, "qua-lon.xlsx", school.preparer())))
        .contains("dòng 1000003, vượt quá giới hạn 1000000 dòng");
    assertThat(rounds.counts(r.id()).entries()).isZero();
  }

  @Test
  void aFileWithoutTheTemplatesColumnsOrOfAnotherKindIsRefused() throws IOException {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    Path file = Files.createTempFile("khac-", ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      var row = wb.createSheet("Danh sách").createRow(0);
      row.createCell(0).setCellValue("Số định danh cá nhân");
      row.createCell(1).setCellValue("Họ và tên");
      row.createCell(2).setCellValue("NL1.1");
      wb.write(out);
    }
    assertThat(refusal(() -> imports.importFile(r.id(), Subject.OFFICIAL, file, "khac.xlsx", school.preparer())))
        .contains("thiếu cột: NL1.2, NL1.3");
    Path text = Files.writeString(Files.createTempFile("ds-", ".xlsx"), "không phải Excel");
    assertThat(refusal(() -> imports.importFile(r.id(), Subject.OFFICIAL, text, "ds.xlsx", school.preparer())))
        .contains("cần tệp Excel .xlsx");
    assertThat(refusal(() -> imports.importFile(r.id(), Subject.FAMILY, xlsx(imports, Subject.FAMILY, List.of()),
        "gd.xlsx", school.preparer()))).contains("không nhận");
  }
}
