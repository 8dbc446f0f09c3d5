package vn.hoctap.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.hoctap.common.Dates;
import vn.hoctap.document.RecognitionDocuments;
import vn.hoctap.document.VnFonts;
import vn.hoctap.report.Dashboard.StatusRow;
import vn.hoctap.report.Dashboard.TargetRatio;

/** The yearly report as a spreadsheet (one sheet per table) and as a PDF with the same tables and numbers. */
@Component
class ReportWriters {

  static final String SHEET_SUMMARY = "Tổng hợp";
  static final String SHEET_DOSSIERS = "Hồ sơ";
  static final String SHEET_RECOGNISED = "Công nhận";
  static final String SHEET_TARGETS = "Chỉ tiêu";
  static final String SHEET_DUES = "Hạn báo cáo";

  private final VnFonts fonts;

  ReportWriters(VnFonts fonts) {
    this.fonts = fonts;
  }

  static String title(YearlyReport r) {
    return "BÁO CÁO KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM " + r.year();
  }

  private static List<Object[]> summary(YearlyReport r) {
    return List.of(new Object[] {"Đơn vị báo cáo", r.org().name()}, new Object[] {"Năm", (long) r.year()},
        new Object[] {"Số liệu tính đến ngày", Dates.vn(r.asOf())},
        new Object[] {"Ngày lập", Dates.vn(r.generatedOn())},
        new Object[] {"Tổng số hồ sơ", r.totals().dossiers()}, new Object[] {"Đang xử lý", r.totals().open()},
        new Object[] {"Trả lại để bổ sung", r.totals().returned()},
        new Object[] {"Đã công nhận", r.totals().recognised()}, new Object[] {"Quá hạn", r.totals().overdue()});
  }

  private static List<String> dossierHeader(YearlyReport r) {
    List<String> h = new ArrayList<>(List.of("Danh hiệu"));
    h.addAll(r.statusLabels());
    h.add("Tổng");
    return h;
  }

  private static List<Object[]> dossierRows(YearlyReport r) {
    List<Object[]> rows = new ArrayList<>();
    for (StatusRow s : r.byTitle()) {
      List<Object> row = new ArrayList<>(List.of(s.titleLabel()));
      row.addAll(s.counts());
      row.add(s.total());
      rows.add(row.toArray());
    }
    return rows;
  }

  static final List<String> TARGET_HEADER = List.of("Kế hoạch", "Phạm vi", "Danh hiệu", "Đối tượng",
      "Chỉ tiêu (%)", "Năm chỉ tiêu", "Số đạt", "Số thuộc diện", "Tỉ lệ (%)", "Đánh giá");
  /** The spreadsheet also says what each ratio is taken over; the PDF lists that under its table. */
  static final String BASIS_HEADER = "Cách tính";

  private static List<Object[]> targetRows(YearlyReport r, boolean withBasis) {
    List<Object[]> rows = new ArrayList<>();
    for (TargetRatio t : r.targets()) {
      List<Object> row = new ArrayList<>(List.of(t.planName(), t.scopeName(), t.measure().label(), t.population(),
          t.targetPercent() == null ? "—" : t.targetPercent(), t.targetYear() == null ? "" : (long) t.targetYear(),
          t.hasData() ? t.recognised() : "chưa có dữ liệu", t.hasData() ? t.eligible() : "",
          t.hasData() ? Math.round(t.ratioPercent() * 10) / 10.0 : "chưa có dữ liệu", t.verdict()));
      if (withBasis) {
        row.add(t.basis() == null ? "" : t.basis());
      }
      rows.add(row.toArray());
    }
    return rows;
  }

  byte[] xlsx(YearlyReport r) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = wb.createCellStyle();
      var f = wb.createFont();
      f.setBold(true);
      bold.setFont(f);
      Sheet s = wb.createSheet(SHEET_SUMMARY);
      s.createRow(0).createCell(0).setCellValue(title(r));
      s.getRow(0).getCell(0).setCellStyle(bold);
      int i = 2;
      for (Object[] row : summary(r)) {
        write(s.createRow(i++), row);
      }
      sheet(wb, bold, SHEET_DOSSIERS, dossierHeader(r), dossierRows(r));
      sheet(wb, bold, SHEET_RECOGNISED, List.of("Danh hiệu", "Mức độ", "Số đơn vị được công nhận"),
          r.recognised().stream().map(x -> new Object[] {x.titleLabel(), (long) x.level(), x.units()}).toList());
      List<String> targetHeader = new ArrayList<>(TARGET_HEADER);
      targetHeader.add(BASIS_HEADER);
      sheet(wb, bold, SHEET_TARGETS, targetHeader, targetRows(r, true));
      sheet(wb, bold, SHEET_DUES, List.of("Kế hoạch", "Đơn vị báo cáo", "Gửi", "Hạn nộp"),
          r.dues().stream().map(d -> new Object[] {d.planName(), d.reporter(), d.recipient(), Dates.vn(d.due())})
              .toList());
      for (int k = 0; k < wb.getNumberOfSheets(); k++) {
        for (int c = 0; c < 4; c++) {
          wb.getSheetAt(k).autoSizeColumn(c);
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sheet(XSSFWorkbook wb, CellStyle bold, String name, List<String> header, List<Object[]> rows) {
    Sheet s = wb.createSheet(name);
    Row h = s.createRow(0);
    for (int c = 0; c < header.size(); c++) {
      h.createCell(c).setCellValue(header.get(c));
      h.getCell(c).setCellStyle(bold);
    }
    int i = 1;
    for (Object[] row : rows) {
      write(s.createRow(i++), row);
    }
  }

  private static void write(Row row, Object[] values) {
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      if (v instanceof Number n) {
        row.createCell(c).setCellValue(n.doubleValue());
      } else {
        row.createCell(c).setCellValue(v == null ? "" : v.toString());
      }
    }
  }

  byte[] pdf(YearlyReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    PdfWriter.getInstance(doc, out);
    doc.addTitle(title(r) + " — " + r.org().name());
    doc.open();
    PdfPTable head = new PdfPTable(new float[] {4, 6});
    head.setWidthPercentage(100);
    head.addCell(plain(r.org().name().toUpperCase(new java.util.Locale("vi")), true));
    PdfPCell motto = new PdfPCell();
    motto.setBorder(0);
    motto.addElement(center(RecognitionDocuments.MOTTO_1, true, 11));
    Paragraph m2 = new Paragraph(RecognitionDocuments.MOTTO_2, fonts.boldUnderlined(11));
    m2.setAlignment(Element.ALIGN_CENTER);
    motto.addElement(m2);
    head.addCell(motto);
    doc.add(head);
    doc.add(center(title(r), true, 14));
    doc.add(center(r.org().name() + " — số liệu tính đến ngày " + Dates.vn(r.asOf()), false, 11));
    doc.add(section("1. Tổng hợp"));
    doc.add(table(List.of("Nội dung", "Số liệu"), summary(r)));
    doc.add(section("2. Hồ sơ năm " + r.year() + " theo danh hiệu và trạng thái"));
    doc.add(table(dossierHeader(r), dossierRows(r)));
    doc.add(section("3. Đơn vị được công nhận năm " + r.year()));
    doc.add(table(List.of("Danh hiệu", "Mức độ", "Số đơn vị được công nhận"), r.recognised().stream()
        .map(x -> new Object[] {x.titleLabel(), (long) x.level(), x.units()}).toList()));
    doc.add(section("4. Kết quả so với chỉ tiêu kế hoạch"));
    doc.add(table(TARGET_HEADER, targetRows(r, false)));
    List<String> bases = r.targets().stream().filter(t -> t.basis() != null)
        .map(t -> t.measure().label() + " — " + t.population() + ": " + t.basis()).distinct().toList();
    for (String basis : bases) {
      Paragraph note = new Paragraph(basis, fonts.italic(8));
      note.setSpacingBefore(2);
      doc.add(note);
    }
    doc.add(section("5. Hạn nộp báo cáo"));
    doc.add(table(List.of("Kế hoạch", "Đơn vị báo cáo", "Gửi", "Hạn nộp"), r.dues().stream()
        .map(d -> new Object[] {d.planName(), d.reporter(), d.recipient(), Dates.vn(d.due())}).toList()));
    doc.close();
    return out.toByteArray();
  }

  private Paragraph center(String text, boolean bold, float size) {
    Paragraph p = new Paragraph(text, bold ? fonts.bold(size) : fonts.regular(size));
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingAfter(6);
    return p;
  }

  private Paragraph section(String text) {
    Paragraph p = new Paragraph(text, fonts.bold(12));
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    return p;
  }

  private PdfPCell plain(String text, boolean bold) {
    PdfPCell c = new PdfPCell(new Phrase(text, bold ? fonts.bold(11) : fonts.regular(11)));
    c.setBorder(0);
    c.setHorizontalAlignment(Element.ALIGN_CENTER);
    return c;
  }

  private PdfPTable table(List<String> header, List<Object[]> rows) {
    PdfPTable t = new PdfPTable(header.size());
    t.setWidthPercentage(100);
    for (String h : header) {
      t.addCell(new PdfPCell(new Phrase(h, fonts.bold(8))));
    }
    if (rows.isEmpty()) {
      PdfPCell none = new PdfPCell(new Phrase("Không có số liệu", fonts.italic(8)));
      none.setColspan(header.size());
      t.addCell(none);
    }
    for (Object[] row : rows) {
      for (Object v : row) {
        String text = v instanceof Double d ? (d % 1 == 0 ? String.valueOf(d.longValue()) : String.valueOf(d))
            : String.valueOf(v);
        t.addCell(new PdfPCell(new Phrase(text, fonts.regular(8))));
      }
    }
    return t;
  }
}
