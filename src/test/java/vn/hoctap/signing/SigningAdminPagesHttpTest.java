package vn.hoctap.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.document.Nd30Layout;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * The administration of signatures: only administrators; how each signer signs; a signature image uploaded for a
 * signer (a non-PNG refused with the reason) is the one in the visible signature of the next decision they sign.
 */
@HoctapTest
class SigningAdminPagesHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * A multipart post on the page's session, with its CSRF token, as the browser sends the form; the page it is
   * sent back to.
   */
  static String upload(HttpClient client, int port, String action, String field, String value, byte[] png,
      String token) throws Exception {
    String b = "hoctapImg" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("--" + b + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--" + b
        + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n--" + b
        + "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"anh.png\"\r\nContent-Type: image/png\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.write(png);
    out.write(("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + action))
        .header("Content-Type", "multipart/form-data; boundary=" + b)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers
        .ofString()).body();
  }

  static String get(HttpClient client, int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void anUploadedSignatureImageSignsTheNextDecision() throws Exception {
    PageSession reviewer = new PageSession(port);
    reviewer.login("phonggd", DemoData.PASSWORD);
    assertThat(reviewer.get("/quan-tri/chu-ky-so").status()).isEqualTo(404);

    HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    String login = get(admin, port, "/dang-nhap");
    admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dang-nhap"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
            "username=admin&password=" + DemoData.PASSWORD + "&_csrf=" + PageSession.csrf(login))).build(),
        HttpResponse.BodyHandlers.discarding());
    String page = get(admin, port, "/quan-tri/chu-ky-so");
    assertThat(page).contains("Chữ ký số", "Phạm Văn Dũng", "Huyện Thanh Trì",
        "Chứng thư thử nghiệm (KHÔNG DÙNG THẬT)", "Ảnh mẫu tự tạo", "KHÔNG DÙNG THẬT").doesNotContain("chutichhuyen<");

    // not a PNG: refused with the reason, nothing stored
    assertThat(upload(admin, port, "/quan-tri/chu-ky-so/anh-chu-ky", "nguoiKy", "chutichhuyen",
        "GIF89a-not-a-png".getBytes(), PageSession.csrf(page))).contains("Ảnh chữ ký phải là tệp PNG");
    assertThat(jdbc.queryForObject("select count(*) from signing_image", Integer.class)).isZero();

    BufferedImage img = new BufferedImage(321, 123, BufferedImage.TYPE_INT_ARGB);
    var g = img.createGraphics();
    g.setColor(new java.awt.Color(20, 40, 160));
    g.fillOval(20, 20, 280, 80);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    page = get(admin, port, "/quan-tri/chu-ky-so");
    assertThat(upload(admin, port, "/quan-tri/chu-ky-so/anh-chu-ky", "nguoiKy", "chutichhuyen", png.toByteArray(),
        PageSession.csrf(page))).contains("Đã lưu ảnh chữ ký.");
    assertThat(get(admin, port, "/quan-tri/chu-ky-so")).contains(
        "/quan-tri/chu-ky-so/anh/USER/chutichhuyen/SIGNATURE.png");
    assertThat(jdbc.queryForMap("select demo, uploaded_by from signing_image where owner_ref = 'chutichhuyen'"))
        .containsEntry("demo", false).containsEntry("uploaded_by", "admin");

    Chains.setClock(Chains.DAY);
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.recognised(u, 2026);
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + port + "/tai-lieu/" + pi.getBusinessKey() + "/quyet-dinh.pdf")).header(
        "Authorization", "Basic " + Base64.getEncoder().encodeToString(("phonggd:" + DemoData.PASSWORD)
        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
    try (PDDocument d = Loader.loadPDF(pdf.body())) {
      PDSignatureField field = (PDSignatureField) d.getDocumentCatalog().getAcroForm()
          .getField(Nd30Layout.SIGNATURE_FIELD);
      assertThat(field.getSignature()).isNotNull();
      PDAppearanceStream ap = field.getWidgets().get(0).getAppearance().getNormalAppearance().getAppearanceStream();
      java.util.List<Integer> widths = new java.util.ArrayList<>();
      for (COSName n : ap.getResources().getXObjectNames()) {
        if (ap.getResources().getXObject(n) instanceof PDImageXObject i) {
          widths.add(i.getWidth());
        }
      }
      // the uploaded signature (321 px wide) and the demo seal of the body
      assertThat(widths).contains(321, 400);
      assertThat(field.getWidgets().get(0).getRectangle().getWidth()).isGreaterThan(100);
    }
  }
}
