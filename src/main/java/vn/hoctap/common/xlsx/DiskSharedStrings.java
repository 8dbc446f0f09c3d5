package vn.hoctap.common.xlsx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The workbook's shared strings (the text of cells saved by Excel), copied as UTF-8 to a temporary file and read
 * back through a memory map: the heap holds one offset per string, never the part itself. POI's read-only table
 * would keep every string on the heap (a million names is about 100 MB, a crafted part far more).
 */
final class DiskSharedStrings implements AutoCloseable {

  private final Path file;
  private long[] offsets = new long[1024];
  private int count;
  private MappedByteBuffer map;

  private DiskSharedStrings(Path file) {
    this.file = file;
  }

  /** Reads the part; the caller's stream is already capped in bytes, this caps the number of strings. */
  static DiskSharedStrings read(InputStream in, String part, int maxStrings) throws Exception {
    DiskSharedStrings s = new DiskSharedStrings(Files.createTempFile("hoctap-shared-strings-", ".bin"));
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(s.file), 1 << 16)) {
        var xml = XlsxFile.xmlReader();
        xml.setContentHandler(s.new Handler(out, part, maxStrings));
        xml.parse(new InputSource(in));
      }
      long size = Files.size(s.file);
      if (size > Integer.MAX_VALUE) {
        throw new XlsxRefused("Bảng chuỗi dùng chung của tệp quá lớn. Hãy chia danh sách thành nhiều tệp nhỏ hơn.");
      }
      if (size > 0) {
        try (FileChannel ch = FileChannel.open(s.file, StandardOpenOption.READ)) {
          s.map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
      }
      return s;
    } catch (Exception | Error e) {
      s.close();
      throw e;
    }
  }

  int size() {
    return count;
  }

  String get(int index) {
    if (index < 0 || index >= count) {
      return null;
    }
    long from = offsets[index];
    int len = (int) (offsets[index + 1] - from);
    byte[] bytes = new byte[len];
    map.get((int) from, bytes, 0, len);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    map = null;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left behind is not worth failing the import for
    }
  }

  /** {@code <si>} is one string: its {@code <t>} texts (runs of rich text) joined, phonetic guides left out. */
  private final class Handler extends DefaultHandler {
    private final OutputStream out;
    private final String part;
    private final int maxStrings;
    private final StringBuilder text = new StringBuilder();
    private long written;
    private boolean inItem;
    private boolean inText;
    private int phonetic;

    Handler(OutputStream out, String part, int maxStrings) {
      this.out = out;
      this.part = part;
      this.maxStrings = maxStrings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attrs) {
      switch (localName) {
        case "si" -> {
          inItem = true;
          text.setLength(0);
        }
        case "rPh" -> phonetic++;
        case "t" -> inText = inItem && phonetic == 0;
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        if (text.length() + length > XlsxFile.MAX_CELL_CHARS) {
          throw new XlsxRefused("Tệp có một chuỗi văn bản dài hơn " + XlsxFile.MAX_CELL_CHARS + " ký tự, quá giới hạn"
              + " một ô của Excel: tệp không phải bảng tính Excel thông thường. Hãy mở bằng Excel, lưu lại rồi tải lên"
              + " lại.");
        }
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "t" -> inText = false;
        case "rPh" -> phonetic--;
        case "si" -> {
          inItem = false;
          add();
        }
        default -> { }
      }
    }

    private void add() {
      if (count >= maxStrings) {
        throw new XlsxRefused("Phần \"" + part + "\" của tệp có hơn " + maxStrings + " chuỗi văn bản, vượt quá giới"
            + " hạn cho loại danh sách này. Hãy chia danh sách thành nhiều tệp nhỏ hơn, hoặc mở bằng Excel, lưu lại"
            + " dưới dạng .xlsx rồi tải lên lại.");
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      try {
        out.write(bytes);
      } catch (IOException e) {
        throw new IllegalStateException("Không ghi được tệp tạm của bảng chuỗi dùng chung", e);
      }
      written += bytes.length;
      if (count + 2 > offsets.length) {
        offsets = Arrays.copyOf(offsets, Math.min(Math.max(offsets.length * 2, count + 2), maxStrings + 1));
      }
      offsets[++count] = written;
    }
  }
}
