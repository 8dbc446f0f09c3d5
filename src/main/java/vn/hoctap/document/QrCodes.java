package vn.hoctap.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.util.Map;

/** QR codes drawn as vector squares straight into the PDF (no images, no AWT). */
final class QrCodes {

  private QrCodes() {}

  static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalStateException("Không tạo được mã QR", e);
    }
  }

  /** The QR code of the text as a square image of the given side (points). */
  static Image image(PdfContentByte canvas, String text, float side) {
    BitMatrix m = matrix(text);
    float module = side / m.getWidth();
    PdfTemplate t = canvas.createTemplate(side, side);
    t.setRGBColorFill(0, 0, 0);
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          t.rectangle(x * module, side - (y + 1) * module, module, module);
        }
      }
    }
    t.fill();
    try {
      return Image.getInstance(t);
    } catch (BadElementException e) {
      throw new IllegalStateException(e);
    }
  }
}
