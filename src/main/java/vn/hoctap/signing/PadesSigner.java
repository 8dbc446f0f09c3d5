package vn.hoctap.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.hoctap.common.EngineClock;
import vn.hoctap.document.Nd30Layout;

/**
 * A PAdES signature in two halves, so that the key may be anywhere: {@link #prepare} fills the document's
 * signature field (its visible appearance stays as the layout drew it), writes the incremental update with room
 * for the CMS and returns the SHA-256 of the signed byte ranges; {@link #embed} writes the CMS into that room. A
 * server-side key does both at once; a signer's own tool or a remote service returns the CMS in between.
 */
public final class PadesSigner {

  /** Room for the CMS (bytes): the signer's chain and a timestamp token with its own chain. */
  static final int RESERVED = 24_000;
  private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

  /** The document waiting for its CMS, and the hash the CMS must sign. */
  public record Prepared(byte[] pdf, byte[] digest) {}

  private PadesSigner() {}

  public static Prepared prepare(byte[] rendered, String signerName, String location, String reason, Instant at) {
    try (PDDocument doc = Loader.loadPDF(rendered); SignatureOptions options = new SignatureOptions()) {
      PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
      PDSignatureField field = (PDSignatureField) form.getField(Nd30Layout.SIGNATURE_FIELD);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      PDRectangle rect = widget.getRectangle();
      PDAppearanceDictionary appearance = widget.getAppearance();
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
      signature.setName(signerName);
      signature.setLocation(location);
      signature.setReason(reason);
      signature.setSignDate(GregorianCalendar.from(at.atZone(EngineClock.ZONE)));
      // the field's value first: addSignature then fills this field instead of adding an invisible one
      field.getCOSObject().setItem(COSName.V, signature);
      options.setPreferredSignatureSize(RESERVED);
      doc.addSignature(signature, options);
      // addSignature blanks the rectangle and appearance of a field it has no template for: the layout's stay
      widget.setRectangle(rect);
      widget.setAppearance(appearance);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
      byte[] digest = Cades.sha256(external.getContent().readAllBytes());
      external.setSignature(new byte[0]);
      return new Prepared(out.toByteArray(), digest);
    } catch (IOException e) {
      throw new UncheckedIOException("Không chuẩn bị được văn bản để ký số", e);
    }
  }

  /** The SHA-256 of the byte ranges of a prepared document (what its CMS must sign). */
  public static byte[] digest(byte[] prepared) {
    int[] r = byteRange(prepared);
    ByteArrayOutputStream content = new ByteArrayOutputStream(r[1] + r[3]);
    content.write(prepared, r[0], r[1]);
    content.write(prepared, r[2], r[3]);
    return Cades.sha256(content.toByteArray());
  }

  /** The prepared document with the CMS in its room. */
  public static byte[] embed(byte[] prepared, byte[] cms) {
    int[] r = byteRange(prepared);
    int start = r[0] + r[1];
    int room = r[2] - start - 2;
    byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
    if (hex.length > room) {
      throw new IllegalArgumentException("Chữ ký số dài " + cms.length + " byte, vượt chỗ dành sẵn (" + room / 2
          + " byte).");
    }
    if (prepared[start] != '<' || prepared[r[2] - 1] != '>') {
      throw new IllegalArgumentException("Tệp chuẩn bị ký không đúng cấu trúc.");
    }
    byte[] out = prepared.clone();
    System.arraycopy(hex, 0, out, start + 1, hex.length);
    return out;
  }

  /** The last /ByteRange of the file (the signature its last update added). */
  static int[] byteRange(byte[] pdf) {
    String s = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher m = BYTE_RANGE.matcher(s);
    int[] found = null;
    while (m.find()) {
      found = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4))};
    }
    if (found == null) {
      throw new IllegalArgumentException("Tệp không có chỗ ký số.");
    }
    return found;
  }
}
