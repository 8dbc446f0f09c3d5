package vn.hoctap.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Liberation Serif (the metrics of Times New Roman, which NĐ 30/2020 asks for, with every Vietnamese letter), shipped
 * with hoctap under the SIL Open Font License (resources/fonts/liberation-serif/LICENSE.txt) so that every machine
 * prints the same document. Subsets are embedded in each PDF.
 */
@Component
public class SerifFonts {

  private static final String DIR = "/fonts/liberation-serif/";
  private final byte[] regular = read("LiberationSerif-Regular.ttf");
  private final byte[] bold = read("LiberationSerif-Bold.ttf");
  private final byte[] italic = read("LiberationSerif-Italic.ttf");
  private final byte[] boldItalic = read("LiberationSerif-BoldItalic.ttf");

  private static byte[] read(String file) {
    try (InputStream in = SerifFonts.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("Thiếu phông chữ " + DIR + file + " trong bản cài hoctap.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Nd30Layout.Faces load(PDDocument doc) throws IOException {
    return new Nd30Layout.Faces(font(doc, regular), font(doc, bold), font(doc, italic), font(doc, boldItalic));
  }

  private volatile java.awt.Font awtItalic;
  private volatile java.awt.Font awtBold;

  /** The italic or bold face as an AWT font (demo signature and seal images), read once. */
  public java.awt.Font awt(boolean italicFace, float size) {
    try {
      if (italicFace && awtItalic == null) {
        awtItalic = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(italic));
      } else if (!italicFace && awtBold == null) {
        awtBold = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(bold));
      }
      return (italicFace ? awtItalic : awtBold).deriveFont(size);
    } catch (java.awt.FontFormatException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A face for one document, its glyph substitution (GSUB) off: PDFBox otherwise rewrites every string shown through
   * the font's ligature rules, compiling them anew each time (an eighth of a recognition chain's CPU in the benchmark
   * of 2026-12-06), and a ligature drawn that way has no letters in the text layer that search and screen readers
   * read. Vietnamese needs no substitution: its letters are precomposed characters (Nd30Layout.nfc).
   */
  private static PDType0Font font(PDDocument doc, byte[] ttf) throws IOException {
    TrueTypeFont face = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
    face.setEnableGsub(false);
    return PDType0Font.load(doc, face, true);
  }
}
