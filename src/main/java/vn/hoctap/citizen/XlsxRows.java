package vn.hoctap.citizen;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.hoctap.common.DomainException;

/**
 * Reads the first sheet of an .xlsx file row by row with a SAX parser (POI's event API), never holding the sheet
 * in memory: a round of a million people costs the memory of one row (plus the file's shared strings). Empty
 * rows are skipped; a non-empty row beyond the configured maximum stops the reading with a clear refusal, so a
 * file padded with millions of rows is refused early rather than read to its end.
 */
final class XlsxRows {

  /** Receives each non-empty row: its 1-based number in the sheet and its cells' text by 0-based column. */
  interface RowHandler {
    void row(int rowNumber, String[] cells);
  }

  private XlsxRows() {}

  /** Reads the file; {@code maxRowNumber} is the largest row number (header included) a file may use. */
  static void read(Path file, int maxRowNumber, RowHandler handler) {
    allowSheetOf(maxRowNumber);
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw DomainException.badInput("Tệp không có trang tính nào.");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new SheetHandler(strings, maxRowNumber, handler));
        xml.parse(new InputSource(sheet));
      }
    } catch (DomainException e) {
      throw e;
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
        | org.apache.poi.ooxml.POIXMLException
        | IllegalArgumentException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof DomainException)) {
        cause = cause.getCause();
      }
      if (cause instanceof DomainException d) {
        throw d;
      }
      throw DomainException.badInput("Không đọc được tệp: cần tệp Excel .xlsx (tải mẫu của đợt đánh giá, điền rồi"
          + " tải lên). Chi tiết: " + e.getMessage());
    }
  }

  /**
   * POI refuses a zip entry larger than a JVM-wide limit as a zip bomb; the administration import lowers it to
   * 200 MB (its files are small). A round may list up to {@code maxRowNumber} people, whose sheet inflates to about
   * 350 bytes a row: the limit is raised to 1 KB a row, so that the largest allowed round is read, and a file that
   * inflates beyond that is still refused (POI's inflate-ratio check stays on as well).
   */
  private static void allowSheetOf(int maxRowNumber) {
    long needed = 1024L * maxRowNumber;
    synchronized (ZipSecureFile.class) {
      if (ZipSecureFile.getMaxEntrySize() < needed) {
        ZipSecureFile.setMaxEntrySize(needed);
      }
    }
  }

  /** "B" → 1, "AA" → 26. */
  static int column(String cellRef) {
    int col = 0;
    for (int i = 0; i < cellRef.length(); i++) {
      char ch = cellRef.charAt(i);
      if (ch < 'A' || ch > 'Z') {
        break;
      }
      col = col * 26 + (ch - 'A' + 1);
    }
    return col - 1;
  }

  /** 1 → "B". */
  static String columnName(int col) {
    StringBuilder sb = new StringBuilder();
    for (int c = col + 1; c > 0; c = (c - 1) / 26) {
      sb.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return sb.toString();
  }

  private static final class SheetHandler extends DefaultHandler {
    private final ReadOnlySharedStringsTable strings;
    private final int maxRowNumber;
    private final RowHandler handler;
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int rowNumber;
    private int col;
    private String type;
    private boolean inValue;
    private boolean nonEmpty;
    private String cellRef;

    SheetHandler(ReadOnlySharedStringsTable strings, int maxRowNumber, RowHandler handler) {
      this.strings = strings;
      this.maxRowNumber = maxRowNumber;
      this.handler = handler;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attrs) {
      switch (localName) {
        case "row" -> {
          String r = attrs.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
          cells.clear();
          col = -1;
          nonEmpty = false;
        }
        case "c" -> {
          String r = attrs.getValue("r");
          cellRef = r;
          col = r == null ? col + 1 : column(r);
          type = attrs.getValue("t");
          text.setLength(0);
        }
        case "v", "t" -> inValue = true;
        // a formula's result is whatever the last program to save the file computed: only typed values count
        case "f" -> throw DomainException.badInput("Ô " + (cellRef == null ? "ở dòng " + rowNumber : cellRef)
            + " chứa công thức. Hãy dán giá trị (Paste Special → Values) thay cho công thức rồi tải lên lại.");
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "v", "t" -> inValue = false;
        case "c" -> {
          String value = value();
          if (value != null && !value.isBlank()) {
            while (cells.size() <= col) {
              cells.add(null);
            }
            cells.set(col, value);
            nonEmpty = true;
          }
        }
        case "row" -> {
          if (nonEmpty) {
            if (rowNumber > maxRowNumber) {
              throw DomainException.badInput("Tệp có dữ liệu ở dòng " + rowNumber + ", vượt quá giới hạn "
                  + (maxRowNumber - 1) + " dòng mỗi tệp. Hãy chia danh sách thành nhiều tệp.");
            }
            handler.row(rowNumber, cells.toArray(new String[0]));
          }
        }
        default -> { }
      }
    }

    private String value() {
      String raw = text.toString();
      if (type == null || type.equals("n")) {
        if (raw.isEmpty()) {
          return null;
        }
        // 1.23456789012E11 → 123456789012, 12.0 → 12: numbers as a person typed them
        if (raw.indexOf('E') >= 0 || raw.indexOf('e') >= 0 || raw.endsWith(".0")) {
          try {
            return new BigDecimal(raw).stripTrailingZeros().toPlainString();
          } catch (NumberFormatException e) {
            return raw;
          }
        }
        return raw;
      }
      return switch (type) {
        case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
        case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
        default -> raw; // inlineStr, str (formula result), e (error)
      };
    }
  }
}
