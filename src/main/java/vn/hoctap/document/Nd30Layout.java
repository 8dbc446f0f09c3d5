package vn.hoctap.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.springframework.stereotype.Component;
import com.google.zxing.common.BitMatrix;
import vn.hoctap.common.EngineClock;
import vn.hoctap.document.OfficialText.Article;
import vn.hoctap.document.OfficialText.Line;

/**
 * The one layout of every document hoctap issues, after Nghị định 30/2020/NĐ-CP Phụ lục I: A4, margins 20 mm top
 * and bottom, 30 mm left, 15 mm right; Liberation Serif (metric-compatible with Times New Roman) embedded; Quốc
 * hiệu and Tiêu ngữ on the right, the issuing body and its number on the left, place and date, tên loại and
 * trích yếu, căn cứ in italics, articles, Nơi nhận, and the signer's block with a signature field whose appearance
 * shows the signature image, the seal over a third of it and "Ký bởi …, Thời gian ký …". The file is PDF/A-2b
 * (XMP identification, sRGB output intent, fonts embedded) and is signed afterwards by an incremental update.
 */
@Component
public class Nd30Layout {

  /** The signature field every document carries; the signature fills it. */
  public static final String SIGNATURE_FIELD = "ChuKySo";
  /** The document's check code in its XMP metadata (dc:identifier), found again in an uploaded file. */
  public static final String IDENTIFIER_PREFIX = "hoctap-";
  static final float MM = 72f / 25.4f;
  static final float BODY = 14;
  private static final float SIGNATURE_BOX_HEIGHT = 118;
  private static final float SIGNATURE_BOX_WIDTH = 230;
  private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss XXX");
  private static final float[] BLUE = {0.05f, 0.15f, 0.6f};
  private static final float[] DARK_RED = {0.7f, 0.05f, 0.05f};

  /** The visible signature: who, when, and the images (PNG with transparency, either may be null). */
  public record Stamp(String signedBy, Instant signedAt, byte[] signaturePng, byte[] sealPng) {}

  private final SerifFonts fonts;

  public Nd30Layout(SerifFonts fonts) {
    this.fonts = fonts;
  }

  /** The PDF/A-2b file with an empty signature field ready for {@code vn.hoctap.signing.PadesSigner}. */
  public byte[] render(OfficialText t, Stamp stamp) {
    return layOut(t, stamp, stamp.signedAt());
  }

  /**
   * A draft (dự thảo) in the same layout, not to be signed: no signature field, the signer's block left empty for
   * the signature; dated {@code at}.
   */
  public byte[] draft(OfficialText t, Instant at) {
    return layOut(t, null, at);
  }

  private byte[] layOut(OfficialText t, Stamp stamp, Instant at) {
    try (PDDocument doc = new PDDocument()) {
      doc.getDocument().setVersion(1.7f);
      Writer w = new Writer(doc, fonts.load(doc), t.form());
      if (t.form() == OfficialText.Form.CERTIFICATE) {
        w.certificate(t);
      } else {
        w.administrative(t);
      }
      w.finish();
      if (stamp != null) {
        signatureField(doc, w.signaturePage, w.signatureBox, stamp, w.f);
      }
      archive(doc, t, at);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Không tạo được văn bản PDF", e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The four faces of the serif font, loaded into one document. */
  record Faces(PDFont regular, PDFont bold, PDFont italic, PDFont boldItalic) {}

  private record Run(String text, PDFont font) {}

  private record Word(String text, PDFont font, float size) {
    float width() {
      return Nd30Layout.width(font, text, size);
    }
  }

  /**
   * Each Vietnamese letter as its one precomposed character ("ế", not "e" + two combining marks, as some keyboards
   * type a name): the fonts' glyph substitution is off (SerifFonts), so marks would otherwise print apart.
   */
  static String nfc(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
  }

  static float width(PDFont font, String text, float size) {
    try {
      return font.getStringWidth(nfc(text)) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private enum Align { LEFT, CENTRE, JUSTIFY }

  /** A cursor over pages: writes lines top-down, opens a new page when the next block does not fit. */
  private static final class Writer {
    final PDDocument doc;
    final Faces f;
    final PDRectangle size;
    final float left;
    final float right;
    final float top;
    final float bottom;
    PDPage page;
    PDPageContentStream cs;
    float y;
    int signaturePage;
    PDRectangle signatureBox;

    Writer(PDDocument doc, Faces f, OfficialText.Form form) throws IOException {
      this.doc = doc;
      this.f = f;
      boolean landscape = form == OfficialText.Form.CERTIFICATE;
      this.size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
      this.left = (landscape ? 20 : 30) * MM;
      this.right = size.getWidth() - (landscape ? 20 : 15) * MM;
      this.top = size.getHeight() - 20 * MM;
      this.bottom = 20 * MM;
      newPage();
    }

    float width() {
      return right - left;
    }

    void newPage() throws IOException {
      if (cs != null) {
        cs.close();
      }
      page = new PDPage(size);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = top;
      if (doc.getNumberOfPages() > 1) {
        // NĐ 30: page numbers from the second page on, centred in the top margin
        String n = String.valueOf(doc.getNumberOfPages());
        text(n, f.regular, 13, (left + right) / 2 - Nd30Layout.width(f.regular, n, 13) / 2, top + 8 * MM);
      }
    }

    void finish() throws IOException {
      cs.close();
    }

    void ensure(float height) throws IOException {
      if (y - height < bottom) {
        newPage();
      }
    }

    void text(String s, PDFont font, float size, float x, float baseline) throws IOException {
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(x, baseline);
      cs.showText(nfc(s));
      cs.endText();
    }

    void colour(float[] rgb) throws IOException {
      cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
    }

    void black() throws IOException {
      cs.setNonStrokingColor(0f, 0f, 0f);
    }

    /** A horizontal rule of the given length centred at x, just under the previous line. */
    void rule(float centreX, float length, float atY) throws IOException {
      cs.setLineWidth(0.6f);
      cs.moveTo(centreX - length / 2, atY);
      cs.lineTo(centreX + length / 2, atY);
      cs.stroke();
    }

    static float leading(float size) {
      return size * 1.22f;
    }

    /** Wraps runs into lines of at most maxWidth (the first line shorter by indent). */
    static List<List<Word>> wrap(List<Run> runs, float size, float maxWidth, float indent) {
      List<Word> words = new ArrayList<>();
      for (Run r : runs) {
        for (String w : r.text().split(" +")) {
          if (!w.isEmpty()) {
            words.add(new Word(w, r.font(), size));
          }
        }
      }
      List<List<Word>> lines = new ArrayList<>();
      List<Word> current = new ArrayList<>();
      float used = 0;
      for (Word w : words) {
        float space = current.isEmpty() ? 0 : Nd30Layout.width(w.font(), " ", size);
        float limit = maxWidth - (lines.isEmpty() ? indent : 0);
        if (!current.isEmpty() && used + space + w.width() > limit) {
          lines.add(current);
          current = new ArrayList<>();
          used = 0;
          space = 0;
        }
        current.add(w);
        used += space + w.width();
      }
      if (!current.isEmpty()) {
        lines.add(current);
      }
      return lines;
    }

    /** A paragraph in the column [x0, x0 + w]; returns the height it took. */
    float paragraph(List<Run> runs, float size, float x0, float w, Align align, float indent, boolean breakPages)
        throws IOException {
      List<List<Word>> lines = wrap(runs, size, w, indent);
      float lead = leading(size);
      float start = y;
      for (int i = 0; i < lines.size(); i++) {
        if (breakPages) {
          ensure(lead);
        }
        y -= lead;
        List<Word> line = lines.get(i);
        float ind = i == 0 ? indent : 0;
        float natural = 0;
        for (int j = 0; j < line.size(); j++) {
          natural += line.get(j).width() + (j == 0 ? 0 : Nd30Layout.width(line.get(j).font(), " ", size));
        }
        float x = switch (align) {
          case CENTRE -> x0 + (w - natural) / 2;
          default -> x0 + ind;
        };
        float extra = align == Align.JUSTIFY && i < lines.size() - 1 && line.size() > 1
            ? (w - ind - natural) / (line.size() - 1) : 0;
        // consecutive words of one font are shown together unless the line is justified (text extraction keeps
        // the spaces either way)
        int j = 0;
        while (j < line.size()) {
          Word first = line.get(j);
          StringBuilder chunk = new StringBuilder(first.text());
          int k = j + 1;
          while (extra == 0 && k < line.size() && line.get(k).font() == first.font()) {
            chunk.append(' ').append(line.get(k).text());
            k++;
          }
          text(chunk.toString(), first.font(), size, x, y);
          x += Nd30Layout.width(first.font(), chunk.toString(), size);
          if (k < line.size()) {
            x += Nd30Layout.width(line.get(k).font(), " ", size) + extra;
          }
          j = k;
        }
      }
      return start - y;
    }

    float centred(String s, PDFont font, float size, float x0, float w) throws IOException {
      return paragraph(List.of(new Run(s, font)), size, x0, w, Align.CENTRE, 0, false);
    }

    // ---- the administrative text (quyết định, thông báo, biên bản) ----

    void administrative(OfficialText t) throws IOException {
      header(t);
      y -= 14;
      centred(t.kindName(), f.bold, BODY, left, width());
      if (t.subject() != null) {
        centred(t.subject(), f.bold, BODY, left + width() * 0.1f, width() * 0.8f);
      }
      rule((left + right) / 2, width() / 4, y - 8);
      y -= 14;
      if (t.authority() != null) {
        paragraph(List.of(new Run(t.authority(), f.bold)), BODY, left + width() * 0.05f, width() * 0.9f,
            Align.CENTRE, 0, true);
        y -= 8;
      }
      for (String basis : t.bases()) {
        paragraph(List.of(new Run(basis, f.italic)), BODY, left, width(), Align.JUSTIFY, 1 * 28.35f, true);
        y -= 3;
      }
      if (t.enacting() != null) {
        y -= 5;
        ensure(leading(BODY) * 3);
        centred(t.enacting(), f.bold, BODY, left, width());
        y -= 6;
      }
      for (Article a : t.articles()) {
        List<Run> runs = new ArrayList<>();
        if (a.head() != null) {
          runs.add(new Run(a.head(), f.bold));
        }
        if (a.text() != null && !a.text().isBlank()) {
          runs.add(new Run(a.text(), f.regular));
        }
        paragraph(runs, BODY, left, width(), Align.JUSTIFY, 28.35f, true);
        y -= 4;
        for (String item : a.items()) {
          paragraph(List.of(new Run(item, f.regular)), BODY, left, width(), Align.JUSTIFY, 28.35f, true);
          y -= 2;
        }
      }
      y -= 10;
      closing(t);
    }

    private void header(OfficialText t) throws IOException {
      float leftW = width() * 0.40f;
      float rightX = left + leftW;
      float rightW = width() - leftW;
      float startY = y;
      // left: cơ quan chủ quản (regular), cơ quan ban hành (bold) and a short rule
      if (t.superiorBody() != null) {
        for (String part : bodyLines(t.superiorBody())) {
          centred(part, f.regular, 13, left, leftW);
        }
      }
      for (String part : bodyLines(t.issuingBody())) {
        centred(part, f.bold, 13, left, leftW);
      }
      float leftCentre = left + leftW / 2;
      rule(leftCentre, leftW * 0.35f, y - 7);
      y -= 6;
      float afterLeft = y;
      // right: Quốc hiệu, Tiêu ngữ with a rule as long as it
      y = startY;
      centred(Nd30.NATIONAL_TITLE, f.bold, 12.5f, rightX, rightW);
      centred(Nd30.MOTTO, f.bold, 13, rightX, rightW);
      float mottoW = Nd30Layout.width(f.bold, Nd30.MOTTO, 13);
      rule(rightX + rightW / 2, mottoW, y - 7);
      y -= 6;
      float afterRight = y;
      y = Math.min(afterLeft, afterRight) - 10;
      float line = y;
      if (t.number() != null) {
        centred(Nd30.numberLine(t.number()), f.regular, 13, left, leftW);
      }
      y = line;
      if (t.placeDate() != null) {
        centred(t.placeDate(), f.italic, 13, rightX, rightW);
      }
    }

    /** "ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ" on two lines, as officials write it; other names wrap by width. */
    private static List<String> bodyLines(String body) {
      List<String> out = new ArrayList<>();
      for (String part : body.split("\n")) {
        String u = Nd30.upper(part.strip());
        String committee = "ỦY BAN NHÂN DÂN";
        if (u.startsWith(committee + " ") && u.length() > committee.length() + 1) {
          out.add(committee);
          out.add(u.substring(committee.length() + 1));
        } else {
          out.add(u);
        }
      }
      return out;
    }

    /** Nơi nhận on the left with the QR code under it, the signer's block on the right, kept on one page. */
    private void closing(OfficialText t) throws IOException {
      float leftW = width() * 0.45f;
      float rightX = left + leftW;
      float rightW = width() - leftW;
      float signerHeight = leading(BODY) * (t.signer().titleLines().size() + 1) + SIGNATURE_BOX_HEIGHT + 10;
      float recipientsHeight = leading(11) * (t.recipients().size() + 1) + 100;
      ensure(Math.max(signerHeight, recipientsHeight));
      float startY = y;
      if (!t.recipients().isEmpty()) {
        paragraph(List.of(new Run("Nơi nhận:", f.boldItalic)), 12, left, leftW, Align.LEFT, 0, false);
        for (String r : t.recipients()) {
          paragraph(List.of(new Run(r, f.regular)), 11, left, leftW, Align.LEFT, 0, false);
        }
        y -= 10;
      }
      qr(t, left, leftW, 68);
      float afterLeft = y;
      y = startY;
      signer(t, rightX, rightW);
      y = Math.min(afterLeft, y);
    }

    private void signer(OfficialText t, float x0, float w) throws IOException {
      for (String l : t.signer().titleLines()) {
        centred(Nd30.upper(l), f.bold, BODY, x0, w);
      }
      float boxW = Math.min(SIGNATURE_BOX_WIDTH, w);
      float boxX = x0 + (w - boxW) / 2;
      y -= SIGNATURE_BOX_HEIGHT + 4;
      signatureBox = new PDRectangle(boxX, y, boxW, SIGNATURE_BOX_HEIGHT);
      signaturePage = doc.getNumberOfPages() - 1;
      centred(t.signer().name(), f.bold, BODY, x0, w);
    }

    private void qr(OfficialText t, float x0, float w, float side) throws IOException {
      if (t.checkUrl() == null) {
        return;
      }
      BitMatrix m = QrCodes.matrix(t.checkUrl());
      float module = side / m.getWidth();
      float top = y;
      black();
      for (int row = 0; row < m.getHeight(); row++) {
        for (int col = 0; col < m.getWidth(); col++) {
          if (m.get(col, row)) {
            cs.addRect(x0 + col * module, top - (row + 1) * module, module, module);
          }
        }
      }
      cs.fill();
      y = top - side - 2;
      float captionW = Math.max(w, 150);
      paragraph(List.of(new Run("Kiểm tra văn bản: quét mã QR hoặc mở " + t.checkUrl(), f.italic)), 8, x0,
          captionW, Align.LEFT, 0, false);
      paragraph(List.of(new Run("Mã kiểm tra: " + t.checkCode(), f.regular)), 8, x0, captionW, Align.LEFT, 0,
          false);
    }

    // ---- the certificate (giấy chứng nhận), landscape and centred ----

    void certificate(OfficialText t) throws IOException {
      float cx = left;
      float w = width();
      cs.setLineWidth(2f);
      colour(DARK_RED);
      cs.setStrokingColor(DARK_RED[0], DARK_RED[1], DARK_RED[2]);
      cs.addRect(10 * MM, 10 * MM, size.getWidth() - 20 * MM, size.getHeight() - 20 * MM);
      cs.stroke();
      cs.setStrokingColor(0f, 0f, 0f);
      black();
      y -= 4;
      centred(Nd30.NATIONAL_TITLE, f.bold, 14, cx, w);
      centred(Nd30.MOTTO, f.bold, 14, cx, w);
      rule(cx + w / 2, Nd30Layout.width(f.bold, Nd30.MOTTO, 14), y - 7);
      y -= 16;
      if (t.superiorBody() != null) {
        centred(Nd30.upper(t.superiorBody()), f.regular, 14, cx, w);
      }
      for (String part : t.issuingBody().split("\n")) {
        centred(Nd30.upper(part), f.bold, 15, cx, w);
      }
      y -= 10;
      colour(DARK_RED);
      centred(t.kindName(), f.bold, 30, cx, w);
      black();
      y -= 8;
      for (Line l : t.lines()) {
        PDFont font = l.bold() ? (l.italic() ? f.boldItalic : f.bold) : (l.italic() ? f.italic : f.regular);
        paragraph(List.of(new Run(l.text(), font)), l.size(), cx + w * 0.08f, w * 0.84f, Align.CENTRE, 0, false);
        y -= 3;
      }
      y -= 8;
      float leftW = w * 0.45f;
      float startY = y;
      qr(t, cx + 10, leftW, 72);
      float afterLeft = y;
      y = startY;
      if (t.placeDate() != null) {
        centred(t.placeDate(), f.italic, 13, cx + leftW, w - leftW);
      }
      signer(t, cx + leftW, w - leftW);
      y = Math.min(afterLeft, y);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The signature field with its appearance: signature image, the seal over its left third, who and when. */
  private static void signatureField(PDDocument doc, int pageIndex, PDRectangle box, Stamp stamp, Faces f)
      throws IOException {
    PDAcroForm form = new PDAcroForm(doc);
    doc.getDocumentCatalog().setAcroForm(form);
    PDSignatureField field = new PDSignatureField(form);
    field.setPartialName(SIGNATURE_FIELD);
    PDAnnotationWidget widget = field.getWidgets().get(0);
    PDPage page = doc.getPage(pageIndex);
    widget.setRectangle(box);
    widget.setPage(page);
    widget.setPrinted(true);
    PDAppearanceStream ap = new PDAppearanceStream(doc);
    ap.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
    ap.setResources(new org.apache.pdfbox.pdmodel.PDResources());
    float w = box.getWidth();
    float h = box.getHeight();
    float textBand = 24;
    try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
      float imgTop = h;
      float imgH = h - textBand;
      if (stamp.signaturePng() != null) {
        PDImageXObject sig = image(doc, stamp.signaturePng());
        float sh = imgH * 0.62f;
        float sw = Math.min(sh * sig.getWidth() / sig.getHeight(), w * 0.62f);
        sh = sw * sig.getHeight() / sig.getWidth();
        float sx = (w - sw) / 2 + w * 0.08f;
        cs.drawImage(sig, sx, textBand + (imgH - sh) / 2, sw, sh);
        if (stamp.sealPng() != null) {
          // NĐ 30: the seal image covers about a third of the signature image, on its left
          PDImageXObject seal = image(doc, stamp.sealPng());
          float d = imgH;
          cs.drawImage(seal, sx + sw / 3 - d, textBand, d, d);
        }
      } else if (stamp.sealPng() != null) {
        PDImageXObject seal = image(doc, stamp.sealPng());
        cs.drawImage(seal, (w - imgH) / 2, textBand, imgH, imgH);
      }
      cs.setNonStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
      String by = "Ký bởi: " + stamp.signedBy();
      String at = "Thời gian ký: " + SIGNED_AT.format(stamp.signedAt().atZone(EngineClock.ZONE));
      float size = 8;
      for (String s : new String[] {by, at}) {
        while (width(f.regular(), s, size) > w - 4 && size > 5) {
          size -= 0.5f;
        }
      }
      cs.beginText();
      cs.setFont(f.regular(), size);
      cs.newLineAtOffset((w - width(f.regular(), by, size)) / 2, textBand - size - 2);
      cs.showText(nfc(by));
      cs.newLineAtOffset((width(f.regular(), by, size) - width(f.regular(), at, size)) / 2, -(size + 2));
      cs.showText(nfc(at));
      cs.endText();
    }
    PDAppearanceDictionary appearance = new PDAppearanceDictionary();
    appearance.setNormalAppearance(ap);
    widget.setAppearance(appearance);
    page.getAnnotations().add(widget);
    form.getFields().add(field);
  }

  private static PDImageXObject image(PDDocument doc, byte[] png) throws IOException {
    var img = ImageIO.read(new ByteArrayInputStream(png));
    if (img == null) {
      throw new IOException("ảnh chữ ký hoặc con dấu không đọc được");
    }
    return LosslessFactory.createFromImage(doc, img);
  }

  /** PDF/A-2b: XMP identification and properties matching the document information, sRGB output intent. */
  private static void archive(PDDocument doc, OfficialText t, Instant at) throws IOException {
    Calendar when = GregorianCalendar.from(ZonedDateTime.ofInstant(at, EngineClock.ZONE).withNano(0));
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(t.pdfTitle());
    info.setCreator("hoctap");
    info.setProducer("hoctap");
    info.setCreationDate(when);
    info.setModificationDate(when);
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    try {
      PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
      id.setPart(2);
      id.setConformance("B");
      DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
      dc.setTitle(t.pdfTitle());
      dc.setFormat("application/pdf");
      if (t.checkCode() != null) {
        dc.setIdentifier(IDENTIFIER_PREFIX + t.checkCode());
      }
      XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
      basic.setCreatorTool("hoctap");
      basic.setCreateDate(when);
      basic.setModifyDate(when);
      AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
      pdf.setProducer("hoctap");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new XmpSerializer().serialize(xmp, out, true);
      PDMetadata metadata = new PDMetadata(doc);
      metadata.importXMPMetadata(out.toByteArray());
      PDDocumentCatalog catalog = doc.getDocumentCatalog();
      catalog.setMetadata(metadata);
      catalog.setLanguage("vi-VN");
      byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
      PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
      intent.setInfo("sRGB IEC61966-2.1");
      intent.setOutputCondition("sRGB IEC61966-2.1");
      intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
      intent.setRegistryName("http://www.color.org");
      catalog.addOutputIntent(intent);
    } catch (javax.xml.transform.TransformerException | org.apache.xmpbox.type.BadFieldValueException e) {
      throw new IOException(e);
    }
  }
}
