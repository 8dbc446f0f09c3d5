package vn.hoctap.signing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.document.SerifFonts;

/**
 * Ảnh chữ ký of each signer and ảnh con dấu of each body (NĐ 30: PNG, transparent background), uploaded by an
 * administrator; with the demo CA on, a signer or body without one gets a generated demo image, stored and marked.
 */
@Service
public class SignatureImages {

  public static final String USER = "USER";
  public static final String ORG = "ORG";
  public static final String SIGNATURE = "SIGNATURE";
  public static final String SEAL = "SEAL";
  static final int MAX_BYTES = 1024 * 1024;
  static final int MAX_SIDE = 2000;

  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final SignerKeys keys;
  private final SerifFonts fonts;

  SignatureImages(JdbcTemplate jdbc, EngineClock clock, SignerKeys keys, SerifFonts fonts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.keys = keys;
    this.fonts = fonts;
  }

  /** A stored image: who uploaded it, whether it is a generated demo image. */
  public record Stored(byte[] png, boolean demo, String uploadedBy) {}

  @Transactional(readOnly = true)
  public Optional<Stored> find(String ownerKind, String ownerRef, String imageKind) {
    List<Stored> found = jdbc.query("select png, demo, uploaded_by from signing_image where owner_kind = ? and"
        + " owner_ref = ? and image_kind = ?", (rs, i) -> new Stored(rs.getBytes(1), rs.getBoolean(2),
        rs.getString(3)), ownerKind, ownerRef, imageKind);
    return found.stream().findFirst();
  }

  /**
   * The signer's signature image: the uploaded one; with the demo CA on, a demo image drawn from the name (the
   * same every time, never stored); else none.
   */
  @Transactional(readOnly = true)
  public byte[] signatureOf(String userId, String personName) {
    return find(USER, userId, SIGNATURE).map(Stored::png).orElseGet(() -> keys.demo().isEmpty() ? null
        : DemoImages.signature(personName, fonts.awt(true, 64)));
  }

  /** The body's seal image, likewise. */
  @Transactional(readOnly = true)
  public byte[] sealOf(String orgCode, String sealName) {
    return find(ORG, orgCode, SEAL).map(Stored::png).orElseGet(() -> keys.demo().isEmpty() ? null
        : DemoImages.seal(sealName, fonts.awt(false, 32)));
  }

  public boolean demoImages() {
    return keys.demo().isPresent();
  }

  /** An administrator's upload: a PNG of at most 1 MB and 2000 px a side, replacing the previous image. */
  @Transactional
  public void upload(String ownerKind, String ownerRef, String imageKind, byte[] png, String actor) {
    String what = SEAL.equals(imageKind) ? "Ảnh con dấu" : "Ảnh chữ ký";
    if (png == null || png.length == 0) {
      throw DomainException.badInput(what + ": chưa chọn tệp.");
    }
    if (png.length > MAX_BYTES) {
      throw DomainException.badInput(what + " dài " + png.length / 1024 + " KB, vượt giới hạn 1 MB. Hãy thu nhỏ ảnh.");
    }
    BufferedImage img;
    try {
      img = png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G'
          ? ImageIO.read(new ByteArrayInputStream(png)) : null;
    } catch (IOException e) {
      img = null;
    }
    if (img == null) {
      throw DomainException.badInput(what + " phải là tệp PNG (nền trong suốt, theo Nghị định 30/2020/NĐ-CP).");
    }
    if (img.getWidth() > MAX_SIDE || img.getHeight() > MAX_SIDE) {
      throw DomainException.badInput(what + " rộng " + img.getWidth() + "×" + img.getHeight() + " điểm ảnh, vượt "
          + MAX_SIDE + " điểm ảnh mỗi chiều.");
    }
    jdbc.update("delete from signing_image where owner_kind = ? and owner_ref = ? and image_kind = ?", ownerKind,
        ownerRef, imageKind);
    jdbc.update("insert into signing_image (owner_kind, owner_ref, image_kind, png, demo, uploaded_by, uploaded_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", ownerKind, ownerRef, imageKind, png, false, actor,
        Timestamp.from(clock.now()));
  }
}
