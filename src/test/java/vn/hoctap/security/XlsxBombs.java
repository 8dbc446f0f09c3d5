package vn.hoctap.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile .xlsx files written part by part with ZipOutputStream: a minimal workbook (one sheet, shared strings)
 * whose parts can be padded with highly repetitive XML, so that a file of about a megabyte unzips to a gigabyte.
 */
final class XlsxBombs {

  static final long GB = 1L << 30;
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private XlsxBombs() {}

  /** Shared strings of ~{@code bytes}: one Vietnamese name repeated as separate strings. */
  static byte[] sharedStringsBomb(String sheetName, long bytes) {
    return build(sheetName, 0, 0, bytes);
  }

  /** A sheet part of ~{@code bytes}: empty rows after one real cell. */
  static byte[] sheetBomb(String sheetName, long bytes) {
    return build(sheetName, 0, bytes, 0);
  }

  /** A valid small workbook with {@code extraEntries} more (tiny) parts in the zip. */
  static byte[] manyEntries(String sheetName, int extraEntries) {
    return build(sheetName, extraEntries, 0, 0);
  }

  private static byte[] build(String sheetName, int extraEntries, long sheetPadding, long stringsPadding) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
          + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
          + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml"
          + "\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
          + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/"
          + "sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml"
          + ".sharedStrings+xml\"/></Types>");
      put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
          + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + REL
          + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
          + "\" xmlns:r=\"" + REL + "\"><sheets><sheet name=\"" + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/>"
          + "</sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
          + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + REL
          + "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + REL
          + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      // the padding first: empty rows are skipped, so nothing but the part's size stops the reading
      write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>");
      repeat(zip, "<row r=\"2\"/>", sheetPadding);
      write(zip, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\"><si><t>Mã đơn vị</t></si>");
      repeat(zip, "<si><t>Nguyễn Văn An</t></si>", stringsPadding);
      write(zip, "</sst>");
      zip.closeEntry();
      for (int i = 0; i < extraEntries; i++) {
        zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".png"));
        zip.write(i);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    write(zip, content);
    zip.closeEntry();
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The item repeated to about {@code bytes}, written in 1 MB blocks (the test file stays small, the run fast). */
  private static void repeat(OutputStream out, String item, long bytes) throws IOException {
    if (bytes <= 0) {
      return;
    }
    byte[] one = item.getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[(1 << 20) / one.length * one.length];
    for (int i = 0; i < block.length; i += one.length) {
      System.arraycopy(one, 0, block, i, one.length);
    }
    for (long written = 0; written < bytes; written += block.length) {
      out.write(block);
    }
  }
}
