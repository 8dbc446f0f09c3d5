package vn.hoctap.document;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * DejaVu Sans embedded (Identity-H) in every PDF we write, so Vietnamese diacritics print on any reader. The fonts
 * come from the system (Debian's fonts-dejavu-core; .ci/run installs it), folder configurable
 * (hoctap.documents.font-dir).
 */
@Component
public class VnFonts {

  private final BaseFont regular;
  private final BaseFont bold;
  private final BaseFont italic;

  VnFonts(@Value("${hoctap.documents.font-dir:/usr/share/fonts/truetype/dejavu}") String dir) {
    this.regular = load(dir, "DejaVuSans.ttf");
    this.bold = load(dir, "DejaVuSans-Bold.ttf");
    // the oblique face is in fonts-dejavu-extra, not in -core: upright text where it is missing
    this.italic = Files.isReadable(Path.of(dir, "DejaVuSans-Oblique.ttf")) ? load(dir, "DejaVuSans-Oblique.ttf")
        : regular;
  }

  private static BaseFont load(String dir, String file) {
    Path path = Path.of(dir, file);
    if (!Files.isReadable(path)) {
      throw new IllegalStateException("Thiếu phông chữ " + path + " (gói fonts-dejavu-core) để in văn bản tiếng Việt.");
    }
    try {
      return BaseFont.createFont(path.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    } catch (IOException e) {
      throw new IllegalStateException("Không đọc được phông chữ " + path, e);
    }
  }

  public Font regular(float size) {
    return new Font(regular, size);
  }

  public Font bold(float size) {
    return new Font(bold, size);
  }

  public Font italic(float size) {
    return new Font(italic, size);
  }

  public Font boldUnderlined(float size) {
    return new Font(bold, size, Font.UNDERLINE);
  }
}
