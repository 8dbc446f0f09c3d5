package vn.hoctap.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Demo signature and seal images (PNG, transparent background, NĐ 30 colours: signature blue, seal red), drawn
 * from the name so that each demo signer and body has its own. The seal says "MẪU" in its centre: it imitates no
 * real seal.
 */
final class DemoImages {

  private static final Color INK = new Color(20, 40, 160);
  private static final Color SEAL = new Color(210, 20, 30);

  private DemoImages() {}

  static byte[] signature(String personName, Font italic) {
    BufferedImage img = new BufferedImage(420, 170, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(INK);
    String given = personName.contains(" ") ? personName.substring(personName.lastIndexOf(' ') + 1) : personName;
    g.setFont(italic.deriveFont(64f));
    g.drawString(given, 70, 105);
    Random r = new Random(personName.hashCode());
    g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    GeneralPath p = new GeneralPath();
    p.moveTo(40, 120);
    p.curveTo(120 + r.nextInt(40), 60, 200 + r.nextInt(60), 170, 300, 110 + r.nextInt(20));
    p.curveTo(340, 90, 370, 60 + r.nextInt(30), 395, 70);
    g.draw(p);
    g.dispose();
    return png(img);
  }

  static byte[] seal(String orgName, Font bold) {
    int size = 400;
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(SEAL);
    g.setStroke(new BasicStroke(10f));
    g.drawOval(8, 8, size - 16, size - 16);
    g.setStroke(new BasicStroke(4f));
    g.drawOval(78, 78, size - 156, size - 156);
    // the body's name around the ring, from the left round over the top
    String text = orgName.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    Font f = bold.deriveFont(text.length() > 30 ? 26f : 32f);
    g.setFont(f);
    double radius = size / 2.0 - 48;
    double total = Math.toRadians(300);
    double step = total / Math.max(1, text.length() - 1);
    double start = Math.toRadians(-240);
    for (int i = 0; i < text.length(); i++) {
      double a = start + i * step;
      AffineTransform saved = g.getTransform();
      g.translate(size / 2.0 + radius * Math.cos(a), size / 2.0 + radius * Math.sin(a));
      g.rotate(a + Math.PI / 2);
      String ch = String.valueOf(text.charAt(i));
      g.drawString(ch, -g.getFontMetrics().stringWidth(ch) / 2f, 10f);
      g.setTransform(saved);
    }
    star(g, size / 2.0, size / 2.0 - 28, 38);
    g.setFont(bold.deriveFont(40f));
    String mark = "MẪU";
    g.drawString(mark, (size - g.getFontMetrics().stringWidth(mark)) / 2f, size / 2f + 62);
    g.dispose();
    return png(img);
  }

  private static void star(Graphics2D g, double cx, double cy, double r) {
    GeneralPath p = new GeneralPath();
    for (int i = 0; i < 10; i++) {
      double rr = i % 2 == 0 ? r : r * 0.4;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      double x = cx + rr * Math.cos(a);
      double y = cy + rr * Math.sin(a);
      if (i == 0) {
        p.moveTo(x, y);
      } else {
        p.lineTo(x, y);
      }
    }
    p.closePath();
    g.fill(p);
  }

  static byte[] png(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
