package vn.hoctap.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds import workbooks for the tests: the two data sheets with the template's headers and the given rows. */
final class Sheets {

  private Sheets() {}

  static byte[] workbook(List<String[]> orgRows, List<String[]> userRows) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill(wb.createSheet(SpreadsheetImport.ORG_SHEET), SpreadsheetImport.ORG_HEADERS, orgRows);
      fill(wb.createSheet(SpreadsheetImport.USER_SHEET), SpreadsheetImport.USER_HEADERS, userRows);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A workbook as the official list of administrative units comes (QĐ 19/2025/QĐ-TTg): one sheet of its own name, the
   * columns Mã, Tên, Cấp, Mã tỉnh and one more the import ignores (Tên tỉnh).
   */
  static byte[] officialList(List<String[]> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      String[] headers = {"Mã", "Tên", "Cấp", "Mã tỉnh", "Tên tỉnh"};
      fill(wb.createSheet("Danh sách đơn vị hành chính"), headers, rows);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void fill(Sheet sheet, String[] headers, List<String[]> rows) {
    Row header = sheet.createRow(0);
    for (int i = 0; i < headers.length; i++) {
      header.createCell(i).setCellValue(headers[i]);
    }
    int r = 1;
    for (String[] values : rows) {
      Row row = sheet.createRow(r++);
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          row.createCell(i).setCellValue(values[i]);
        }
      }
    }
  }

  static String[] org(String code, String name, String kind, String unitKind, String publicUnit, String parent) {
    return new String[] {code, name, kind, unitKind, publicUnit, parent};
  }

  static String[] user(String id, String last, String first, String email, String password, String role,
      String org) {
    return new String[] {id, last, first, email, password, role, org};
  }
}
