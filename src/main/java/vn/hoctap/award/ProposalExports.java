package vn.hoctap.award;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.hoctap.common.EngineClock;

/**
 * A proposal list as the next level expects it: the spreadsheet (danh sách đề nghị khen thưởng, xlsx) and the
 * document (tờ trình with the list, the council results and the minutes, PDF with a Vietnamese font).
 */
@Component
public class ProposalExports {

  static final String[] COLUMNS = {"STT", "Đối tượng", "Họ tên / Tên tập thể", "Chức vụ", "Đơn vị",
      "Thành tích tóm tắt", "Kiểm tra điều kiện", "Kết quả các Hội đồng", "Trạng thái", "Số quyết định"};
  private static final String[] FONTS = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"};

  private final EngineClock clock;

  ProposalExports(EngineClock clock) {
    this.clock = clock;
  }

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

  public byte[] document(AwardViews.Proposal p) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    PdfWriter.getInstance(doc, out);
    doc.open();
    BaseFont base = font();
    Font normal = new Font(base, 10);
    Font bold = new Font(base, 11, Font.BOLD);
    Font heading = new Font(base, 14, Font.BOLD);
    Paragraph top = new Paragraph(p.proposerName().toUpperCase() + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", bold);
    top.setAlignment(Element.ALIGN_CENTER);
    doc.add(top);
    Paragraph t = new Paragraph("TỜ TRÌNH\nvề việc đề nghị tặng " + p.formLabel(), heading);
    t.setAlignment(Element.ALIGN_CENTER);
    t.setSpacingBefore(12);
    doc.add(t);
    doc.add(new Paragraph("Phong trào: " + p.movement() + " — " + p.periodLabel() + " " + p.periodYear(), normal));
    doc.add(new Paragraph(p.submission(), normal));
    Paragraph report = new Paragraph("Báo cáo thành tích: " + p.report(), normal);
    report.setSpacingAfter(10);
    doc.add(report);
    doc.add(new Paragraph("DANH SÁCH ĐỀ NGHỊ", bold));
    PdfPTable table = new PdfPTable(COLUMNS.length);
    table.setWidthPercentage(100);
    table.setWidths(new float[] {3, 6, 12, 7, 12, 14, 22, 12, 8, 8});
    table.setHeaderRows(1);
    for (String h : COLUMNS) {
      table.addCell(new PdfPCell(new Phrase(h, new Font(base, 8, Font.BOLD))));
    }
    int n = 0;
    Font small = new Font(base, 8);
    for (AwardViews.Candidate c : p.candidates()) {
      for (String v : line(++n, c)) {
        table.addCell(new PdfPCell(new Phrase(v, small)));
      }
    }
    doc.add(table);
    for (AwardViews.Candidate c : p.candidates()) {
      for (AwardViews.Review r : c.reviews()) {
        if (r.minutes() != null) {
          doc.newPage();
          doc.add(new Paragraph(r.minutes(), normal));
        }
      }
    }
    Paragraph sign = new Paragraph("Ngày " + clock.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
        + "\nTHỦ TRƯỞNG ĐƠN VỊ / CHỦ TỊCH UBND\n(ký, ghi rõ họ tên, đóng dấu)", normal);
    sign.setAlignment(Element.ALIGN_RIGHT);
    sign.setSpacingBefore(16);
    doc.add(sign);
    doc.close();
    return out.toByteArray();
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

  private static BaseFont font() {
    try {
      for (String path : FONTS) {
        if (new File(path).exists()) {
          return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        }
      }
      return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
