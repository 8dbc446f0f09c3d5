package vn.hoctap.common.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.xlsx.XlsxLimits.Caps;

/**
 * The one .xlsx reader of every import: sheets read row by row with a SAX parser, never a workbook in memory. The
 * zip is opened with java.util.zip, not POI's package layer, so that the caps are this import's own
 * ({@link XlsxLimits}): the number of parts is checked when the file is opened, and each part read (workbook,
 * relationships, shared strings, the sheet) is measured while it is inflated ({@link CappedPartStream}). Parts
 * that are not read (styles, drawings, other sheets) are never inflated. Shared strings go to a temporary file
 * ({@link DiskSharedStrings}). Cells with formulas are refused: their value is whatever the last program to save
 * the file computed. Refusals are {@link XlsxRefused}, in Vietnamese, saying what to fix.
 */
public final class XlsxFile implements AutoCloseable {

  /** Excel's own limit on the text of one cell. */
  static final int MAX_CELL_CHARS = 32_767;
  /** Excel's last column, XFD. */
  static final int MAX_COLUMNS = 16_384;
  private static final String NOT_XLSX = "Tệp không phải bảng tính .xlsx: cần tệp Excel .xlsx (mở bằng Excel, lưu"
      + " dưới dạng \"Excel Workbook (.xlsx)\" rồi tải lên lại).";

  /** Receives each non-empty row: its number as Excel shows it and its cells' text by 0-based column. */
  public interface RowHandler {
    void row(int rowNumber, String[] cells);
  }

  private final ZipFile zip;
  private final Caps caps;
  private final Map<String, ZipEntry> entries = new HashMap<>();
  private final List<String> sheetNames = new ArrayList<>();
  private final List<String> sheetParts = new ArrayList<>();
  private String sharedStringsPart;
  private DiskSharedStrings strings;

  private XlsxFile(ZipFile zip, Caps caps) {
    this.zip = zip;
    this.caps = caps;
  }

  /** Opens the file and reads its list of sheets; refuses what is no .xlsx or has more parts than allowed. */
  public static XlsxFile open(Path file, Caps caps) {
    refuseOle2(file);
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new XlsxRefused(NOT_XLSX);
    } catch (IOException e) {
      throw new IllegalStateException("Không đọc được tệp tải lên", e);
    }
    XlsxFile x = new XlsxFile(zip, caps);
    try {
      if (zip.size() > caps.maxEntries()) {
        throw new XlsxRefused("Tệp gồm " + zip.size() + " phần nén bên trong, quá " + caps.maxEntries() + " phần mà"
            + " một bảng tính cần: đây không phải bảng tính Excel thông thường. Hãy mở bằng Excel, lưu lại dưới dạng"
            + " .xlsx (chỉ giữ các trang cần nhập) rồi tải lên lại.");
      }
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        x.entries.putIfAbsent(entry.getName().toLowerCase(Locale.ROOT), entry);
      }
      x.readWorkbook();
      return x;
    } catch (RuntimeException | Error e) {
      x.close();
      throw e;
    }
  }

  private static void refuseOle2(Path file) {
    byte[] head = new byte[8];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 8) == 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF
          && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
        throw new XlsxRefused("Tệp là bảng tính Excel cũ (.xls) hoặc đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu"
            + " và lưu lại dưới dạng .xlsx.");
      }
    } catch (IOException e) {
      throw new IllegalStateException("Không đọc được tệp tải lên", e);
    }
  }

  public List<String> sheetNames() {
    return List.copyOf(sheetNames);
  }

  /** Reads the sheet at the index (0 is the first), row by row. */
  public void readSheet(int index, RowHandler handler) {
    if (index >= sheetParts.size()) {
      throw new XlsxRefused("Tệp không có trang tính nào.");
    }
    String name = sheetNames.get(index);
    String part = sheetParts.get(index);
    try {
      if (strings == null && sharedStringsPart != null && entry(sharedStringsPart) != null) {
        try (InputStream in = open(sharedStringsPart, caps.maxSharedStringsBytes().toBytes())) {
          strings = DiskSharedStrings.read(in, sharedStringsPart, caps.maxSharedStrings());
        }
      }
      if (entry(part) == null) {
        throw new XlsxRefused("Tệp hỏng: thiếu phần \"" + part + "\" của trang \"" + name + "\". Hãy mở bằng Excel,"
            + " lưu lại rồi tải lên lại.");
      }
      try (InputStream in = open(part, caps.maxSheetBytes().toBytes())) {
        parse(in, new SheetHandler(name, strings, handler));
      }
    } catch (Exception e) {
      throw refusal(e);
    }
  }

  /** The index of the sheet with this name (Excel's names are unique whatever their case), -1 if none. */
  public int sheetIndex(String name) {
    for (int i = 0; i < sheetNames.size(); i++) {
      if (sheetNames.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    if (strings != null) {
      strings.close();
    }
    try {
      zip.close();
    } catch (IOException e) {
      // nothing was written
    }
  }

  // ------------------------------------------------------------------ package structure

  /** _rels/.rels → the workbook part; its relationships → sheets and shared strings; workbook.xml → sheet order. */
  private void readWorkbook() {
    try {
      Map<String, String[]> root = relationships("_rels/.rels", "/");
      String workbook = null;
      for (String[] r : root.values()) {
        if (r[0].endsWith("/officeDocument")) {
          workbook = r[1];
        }
      }
      if (workbook == null || entry(workbook) == null) {
        throw new XlsxRefused(NOT_XLSX);
      }
      int slash = workbook.lastIndexOf('/');
      String dir = workbook.substring(0, slash + 1);
      Map<String, String[]> rels = relationships(dir + "_rels/" + workbook.substring(slash + 1) + ".rels",
          "/" + workbook);
      for (String[] r : rels.values()) {
        if (r[0].endsWith("/sharedStrings")) {
          sharedStringsPart = r[1];
        }
      }
      List<String[]> sheets = new ArrayList<>();
      try (InputStream in = open(workbook, caps.maxOtherPartBytes().toBytes())) {
        parse(in, new DefaultHandler() {
          @Override
          public void startElement(String uri, String localName, String qName, Attributes attrs) {
            if (localName.equals("sheet")) {
              String id = null;
              for (int i = 0; i < attrs.getLength(); i++) {
                if (attrs.getLocalName(i).equals("id") && !attrs.getURI(i).isEmpty()) {
                  id = attrs.getValue(i);
                }
              }
              sheets.add(new String[] {attrs.getValue("name"), id});
            }
          }
        });
      }
      for (String[] s : sheets) {
        String[] r = s[1] == null ? null : rels.get(s[1]);
        // chart sheets and dialog sheets have no rows to read
        if (r != null && r[0].endsWith("/worksheet")) {
          sheetNames.add(s[0] == null ? "" : s[0]);
          sheetParts.add(r[1]);
        }
      }
    } catch (Exception e) {
      throw refusal(e);
    }
  }

  /** The relationships part: id → {type, target part name}; none if the part is missing. */
  private Map<String, String[]> relationships(String part, String source) throws Exception {
    Map<String, String[]> out = new HashMap<>();
    if (entry(part) == null) {
      return out;
    }
    try (InputStream in = open(part, caps.maxOtherPartBytes().toBytes())) {
      parse(in, new DefaultHandler() {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
          if (localName.equals("Relationship") && !"External".equals(attrs.getValue("TargetMode"))
              && attrs.getValue("Id") != null && attrs.getValue("Target") != null) {
            out.put(attrs.getValue("Id"), new String[] {String.valueOf(attrs.getValue("Type")),
                resolve(source, attrs.getValue("Target"))});
          }
        }
      });
    }
    return out;
  }

  /** A relationship's target, relative to its source part's folder unless it starts with "/", as a zip entry name. */
  static String resolve(String source, String target) {
    String t = target.replace('\\', '/');
    String full = t.startsWith("/") ? t : source.substring(0, source.lastIndexOf('/') + 1) + t;
    java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
    for (String segment : full.split("/")) {
      if (segment.equals("..")) {
        path.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        path.addLast(segment);
      }
    }
    return String.join("/", path);
  }

  private ZipEntry entry(String part) {
    return entries.get(part.toLowerCase(Locale.ROOT));
  }

  private InputStream open(String part, long cap) throws IOException {
    ZipEntry e = entry(part);
    return new CappedPartStream(zip.getInputStream(e), part, cap, e.getCompressedSize(), caps.maxRatio(),
        caps.ratioAbove().toBytes());
  }

  static XMLReader xmlReader() throws Exception {
    // POI's helper: a namespace-aware SAX parser with DOCTYPEs and external entities refused (no entity bombs)
    return XMLHelper.newXMLReader();
  }

  private static void parse(InputStream in, DefaultHandler handler) throws Exception {
    XMLReader xml = xmlReader();
    xml.setContentHandler(handler);
    xml.parse(new InputSource(in));
  }

  /** Our own refusals as they are, whatever wrapped them on the way out of the parser; anything else: not .xlsx. */
  private static RuntimeException refusal(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DomainException d) {
        return d;
      }
      if (t instanceof SAXException s && s.getException() instanceof DomainException d) {
        return d;
      }
    }
    return new XlsxRefused(NOT_XLSX);
  }

  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return (bytes >> 20) + " MB";
    }
    return Math.max(1, bytes >> 10) + " KB";
  }

  // ------------------------------------------------------------------ cells

  /** "B" → 1, "AA" → 26; -1 beyond Excel's last column. */
  public static int column(String cellRef) {
    int col = 0;
    for (int i = 0; i < cellRef.length(); i++) {
      char ch = cellRef.charAt(i);
      if (ch < 'A' || ch > 'Z') {
        break;
      }
      col = col * 26 + (ch - 'A' + 1);
      if (col > MAX_COLUMNS) {
        return -1;
      }
    }
    return col - 1;
  }

  /** 1 → "B". */
  public static String columnName(int col) {
    StringBuilder sb = new StringBuilder();
    for (int c = col + 1; c > 0; c = (c - 1) / 26) {
      sb.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return sb.toString();
  }

  private static final class SheetHandler extends DefaultHandler {
    private final String sheet;
    private final DiskSharedStrings strings;
    private final RowHandler handler;
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int rowNumber;
    private int col;
    private String type;
    private boolean inValue;
    private int phonetic;
    private boolean nonEmpty;
    private String cellRef;

    SheetHandler(String sheet, DiskSharedStrings strings, RowHandler handler) {
      this.sheet = sheet;
      this.strings = strings;
      this.handler = handler;
    }

    private String where() {
      return cellRef != null ? cellRef : columnName(Math.max(col, 0)) + rowNumber;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attrs) {
      switch (localName) {
        case "row" -> {
          String r = attrs.getValue("r");
          try {
            rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r.strip());
          } catch (NumberFormatException e) {
            throw new XlsxRefused(NOT_XLSX);
          }
          cells.clear();
          col = -1;
          nonEmpty = false;
        }
        case "c" -> {
          String r = attrs.getValue("r");
          cellRef = r;
          col = r == null ? col + 1 : column(r);
          if (col < 0 || col >= MAX_COLUMNS) {
            throw new XlsxRefused(sheet, rowNumber, r, "Ô " + r + " nằm ngoài cột XFD, cột cuối của Excel: tệp không"
                + " phải bảng tính Excel thông thường. Hãy mở bằng Excel, lưu lại rồi tải lên lại.");
          }
          type = attrs.getValue("t");
          text.setLength(0);
        }
        case "rPh" -> phonetic++;
        case "v", "t" -> inValue = phonetic == 0;
        // a formula's result is whatever the last program to save the file computed: only typed values count
        case "f" -> throw new XlsxRefused(sheet, rowNumber, where(), "Ô " + where() + " chứa công thức. Hãy dán giá"
            + " trị (Paste Special → Values) thay cho công thức rồi tải lên lại.");
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        if (text.length() + length > MAX_CELL_CHARS) {
          throw new XlsxRefused(sheet, rowNumber, where(), "Ô " + where() + " có hơn " + MAX_CELL_CHARS + " ký tự,"
              + " quá giới hạn một ô của Excel. Hãy sửa ô đó rồi tải lên lại.");
        }
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "v", "t" -> inValue = false;
        case "rPh" -> phonetic--;
        case "c" -> {
          String value = value();
          if (value != null && !value.isBlank()) {
            while (cells.size() <= col) {
              cells.add(null);
            }
            cells.set(col, value);
            nonEmpty = true;
          }
          cellRef = null;
        }
        case "row" -> {
          if (nonEmpty) {
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
            BigDecimal n = new BigDecimal(raw).stripTrailingZeros();
            // "1E999999999" would write a billion zeros: beyond a double's range it stays as typed
            return Math.abs(n.scale()) > 400 ? raw : n.toPlainString();
          } catch (NumberFormatException e) {
            return raw;
          }
        }
        return raw;
      }
      return switch (type) {
        case "s" -> {
          String s = null;
          try {
            s = strings == null ? null : strings.get(Integer.parseInt(raw.strip()));
          } catch (NumberFormatException e) {
            // handled below
          }
          if (s == null) {
            throw new XlsxRefused(sheet, rowNumber, where(), "Ô " + where() + " trỏ tới một chuỗi văn bản không có"
                + " trong tệp: tệp hỏng. Hãy mở bằng Excel, lưu lại rồi tải lên lại.");
          }
          yield s;
        }
        case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
        default -> raw; // inlineStr, str (formula result), e (error)
      };
    }
  }
}
