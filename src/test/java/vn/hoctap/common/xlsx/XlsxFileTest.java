package vn.hoctap.common.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.hoctap.common.xlsx.XlsxLimits.Caps;

/** The reader on files written by POI (as Excel writes them: shared strings) and on crafted parts, with small caps. */
class XlsxFileTest {

  static final Caps CAPS = new Caps(50, DataSize.ofMegabytes(8), DataSize.ofMegabytes(8), 1000,
      DataSize.ofMegabytes(1), 100, DataSize.ofMegabytes(1));

  @TempDir Path dir;

  @Test
  void readsSharedStringsRichTextNumbersAndSheetsByName() throws Exception {
    Path file = dir.resolve("ok.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      wb.createSheet("Khác").createRow(0).createCell(0).setCellValue("x");
      var s = wb.createSheet("Don vi");
      var r = s.createRow(0);
      r.createCell(0).setCellValue("Mã đơn vị");
      XSSFRichTextString rich = new XSSFRichTextString("Trường ");
      rich.append("Tiểu học", wb.createFont());
      r.createCell(2).setCellValue(rich);
      s.createRow(4).createCell(1).setCellValue(123456789012.0);
      s.createRow(5).createCell(0).setCellValue(true);
      wb.write(out);
    }
    List<String> rows = new ArrayList<>();
    try (XlsxFile x = XlsxFile.open(file, CAPS)) {
      assertThat(x.sheetNames()).containsExactly("Khác", "Don vi");
      assertThat(x.sheetIndex("DON VI")).isEqualTo(1);
      x.readSheet(1, (n, cells) -> rows.add(n + ":" + String.join("|", java.util.Arrays.stream(cells)
          .map(String::valueOf).toList())));
    }
    assertThat(rows).containsExactly("1:Mã đơn vị|null|Trường Tiểu học", "5:null|123456789012", "6:TRUE");
  }

  @Test
  void aPartBeyondItsCapIsRefusedAtTheCapEvenAtALowRatio() throws Exception {
    // 9 MB of rows that compress only a little (distinct numbers): the size cap, not the ratio, refuses it
    StringBuilder rows = new StringBuilder();
    for (int i = 2; rows.length() < 9 << 20; i++) {
      rows.append("<row r=\"").append(i).append("\"><c r=\"A").append(i).append("\"><v>")
          .append((long) (Math.random() * 1e15)).append("</v></c></row>");
    }
    Path file = workbook(rows.toString(), "", 0);
    assertThatThrownBy(() -> read(file)).isInstanceOf(XlsxRefused.class)
        .hasMessageContaining("\"xl/worksheets/sheet1.xml\"").hasMessageContaining("hơn 8 MB");
  }

  @Test
  void aSmallPartThatInflatesBeyondTheRatioIsRefused() throws Exception {
    Path file = workbook("<row r=\"2\"/>".repeat(500_000), "", 0);
    assertThat(new ZipFile(file.toFile()).getEntry("xl/worksheets/sheet1.xml").getCompressedSize())
        .isLessThan(60_000);
    assertThatThrownBy(() -> read(file)).isInstanceOf(XlsxRefused.class).hasMessageContaining("nén hơn 100 lần");
  }

  @Test
  void tooManyPartsTooManyStringsOverlongCellsAndColumnsBeyondXfdAreRefused() throws Exception {
    assertThatThrownBy(() -> read(workbook("", "", 60))).isInstanceOf(XlsxRefused.class)
        .hasMessageContaining("65 phần");
    assertThatThrownBy(() -> read(workbook("", "<si><t>a</t></si>".repeat(1001), 0)))
        .isInstanceOf(XlsxRefused.class).hasMessageContaining("hơn 1000 chuỗi");
    assertThatThrownBy(() -> read(workbook("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + "a".repeat(40_000)
        + "</t></is></c></row>", "", 0))).isInstanceOf(XlsxRefused.class).hasMessageContaining("Ô B2 có hơn 32767");
    assertThatThrownBy(() -> read(workbook("<row r=\"2\"><c r=\"ZZZZZZZ2\"><v>1</v></c></row>", "", 0)))
        .isInstanceOf(XlsxRefused.class).hasMessageContaining("ngoài cột XFD");
    assertThatThrownBy(() -> read(workbook("<row r=\"2\"><c r=\"C2\"><f>1+1</f><v>2</v></c></row>", "", 0)))
        .isInstanceOf(XlsxRefused.class).hasMessageContaining("Ô C2 chứa công thức");
    Path text = Files.writeString(dir.resolve("t.xlsx"), "không phải Excel");
    assertThatThrownBy(() -> read(text)).isInstanceOf(XlsxRefused.class)
        .hasMessageContaining("không phải bảng tính .xlsx");
    assertThat(read(workbook("<row r=\"2\"><c r=\"B2\"><v>1E999999999</v></c></row>", "", 0)))
        .as("a huge exponent stays as typed").containsExactly("1:s0", "2:null|1E999999999");
  }

  List<String> read(Path file) {
    List<String> rows = new ArrayList<>();
    try (XlsxFile x = XlsxFile.open(file, CAPS)) {
      x.readSheet(0, (n, cells) -> rows.add(n + ":" + String.join("|", java.util.Arrays.stream(cells)
          .map(String::valueOf).toList())));
    }
    return rows;
  }

  /** A minimal workbook: row 1 is the shared string "s0", then the given rows; more strings and parts if asked. */
  Path workbook(String rows, String moreStrings, int extraEntries) throws Exception {
    String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    Path file = Files.createTempFile(dir, "w-", ".xlsx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      put(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"/xl/workbook.xml\"/>"
          + "</Relationships>");
      put(zip, "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"A\""
          + " sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
          + "relationships\"><Relationship Id=\"rId7\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\""
          + "/><Relationship Id=\"rId8\" Type=\"" + rel + "/sharedStrings\" Target=\"../xl/sharedStrings.xml\"/>"
          + "</Relationships>");
      put(zip, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData><row r=\"1\"><c r=\"A1\""
          + " t=\"s\"><v>0</v></c></row>" + rows + "</sheetData></worksheet>");
      put(zip, "xl/sharedStrings.xml", "<sst xmlns=\"" + main + "\"><si><t>s0</t><rPh><t>phát âm</t></rPh></si>"
          + moreStrings + "</sst>");
      for (int i = 0; i < extraEntries; i++) {
        put(zip, "xl/media/i" + i + ".png", "x");
      }
    }
    return file;
  }

  static void put(ZipOutputStream zip, String name, String content) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
