package vn.hoctap.award;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A proposal list as the next level expects it: the spreadsheet (danh sách đề nghị khen thưởng, xlsx). The tờ
 * trình with the list, the council results and the minutes is a document in the NĐ 30 layout, signed by the head
 * of the proposing body ({@code vn.hoctap.document.ProposalDocuments}).
 */
@Component
public class ProposalExports {

  static final String[] COLUMNS = {"STT", "Đối tượng", "Họ tên / Tên tập thể", "Chức vụ", "Đơn vị",
      "Thành tích tóm tắt", "Kiểm tra điều kiện", "Kết quả các Hội đồng", "Trạng thái", "Số quyết định"};

  public byte[] spreadsheet(AwardViews.Proposal p) {
    try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Danh sách đề nghị");
      CellStyle bold = wb.createCellStyle();
      org.apache.poi.ss.usermodel.Font f = wb.createFont();
      f.setBold(true);
      bold.setFont(f);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      int r = 0;
      title(sheet, r++, "DANH SÁCH ĐỀ NGHỊ " + p.formLabel().toUpperCase(), bold);
      title(sheet, r++, "Đơn vị đề nghị: " + p.proposerName(), null);
      title(sheet, r++, "Phong trào: " + p.movement() + " — " + p.periodLabel() + " " + p.periodYear(), null);
      r++;
      Row head = sheet.createRow(r++);
      for (int i = 0; i < COLUMNS.length; i++) {
        head.createCell(i).setCellValue(COLUMNS[i]);
        head.getCell(i).setCellStyle(bold);
      }
      int n = 0;
      for (AwardViews.Candidate c : p.candidates()) {
        Row row = sheet.createRow(r++);
        String[] values = line(++n, c);
        row.createCell(0).setCellValue(n);
        for (int i = 1; i < values.length; i++) {
          row.createCell(i).setCellValue(values[i]);
          row.getCell(i).setCellStyle(wrap);
        }
      }
      int[] widths = {6, 12, 30, 16, 30, 40, 60, 30, 22, 16};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String[] line(int n, AwardViews.Candidate c) {
    StringBuilder councils = new StringBuilder();
    for (AwardViews.Review r : c.reviews()) {
      councils.append(councils.isEmpty() ? "" : "; ").append(r.body()).append(": ")
          .append(switch (r.status()) {
            case "PASSED" -> "thông qua " + r.yes() + "/" + r.present();
            case "NOT_PASSED" -> "không thông qua " + r.yes() + "/" + r.present();
            default -> "đang họp";
          });
    }
    return new String[] {String.valueOf(n), c.kindLabel(), c.name(), nz(c.position()), c.orgName(), nz(c.summary()),
        nz(c.eligibility()), councils.toString(), c.statusLabel(), nz(c.decisionNo())};
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void title(Sheet sheet, int r, String text, CellStyle style) {
    Row row = sheet.createRow(r);
    row.createCell(0).setCellValue(text);
    if (style != null) {
      row.getCell(0).setCellStyle(style);
    }
  }
}
