package vn.hoctap.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;

/**
 * The decision and certificate PDFs of a recognised school read back with PDFBox (Vietnamese text, the motto,
 * number, date, signer's title), the QR code decoded from the rendered page, and the public check page it opens:
 * genuine and valid, expired after the validity, and not found for a forged code.
 */
@HoctapTest
class RecognitionDocumentsHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    Chains.setClock(Chains.DAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  byte[] bytes(String user, String path) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD)
          .getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  static String text(PDDocument pdf) throws IOException {
    return new PDFTextStripper().getText(pdf);
  }

  /** Decodes the QR code of the first page; the rendered page is kept in target/screenshots for the docs. */
  static String qr(PDDocument pdf, String name) throws Exception {
    BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
    java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
    java.nio.file.Files.createDirectories(dir);
    javax.imageio.ImageIO.write(page, "png", dir.resolve(name + ".png").toFile());
    int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(),
        page.getHeight(), pixels)));
    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
  }

  @Test
  void decisionAndCertificateCarryTheOfficialLayoutAndAQrToTheCheckPage() throws Exception {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.recognised(u, 2026);
    long id = Long.parseLong(pi.getBusinessKey());
    Map<String, Object> rec = jdbc.queryForMap("select r.decision_no, c.certificate_no, c.verification_code"
        + " from recognition r join certificate c on c.recognition_id = r.id where r.dossier_id = ?", id);
    String code = (String) rec.get("verification_code");

    try (PDDocument decision = Loader.loadPDF(bytes("phonggd", "/tai-lieu/" + id + "/quyet-dinh.pdf"))) {
      String t = text(decision);
      assertThat(t).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số: " + rec.get("decision_no"), "ngày 02 tháng 11 năm 2026", "QUYẾT ĐỊNH",
          "Về việc công nhận danh hiệu \"Đơn vị học tập\" năm 2026", "CHỦ TỊCH UBND HUYỆN",
          "Đơn vị thử " + u.code(), "31/12/2029", "Thông tư số 24/2023/TT-BGDĐT", "Phạm Văn Dũng",
          "ỦY BAN NHÂN DÂN HUYỆN");
      assertThat(qr(decision, "quyet-dinh")).isEqualTo("http://127.0.0.1:" + port + "/kiem-tra/" + code);
    }
    try (PDDocument certificate = Loader.loadPDF(bytes(u.head(), "/tai-lieu/" + id + "/giay-chung-nhan.pdf"))) {
      assertThat(certificate.getNumberOfPages()).isEqualTo(1);
      String t = text(certificate);
      assertThat(t).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY CHỨNG NHẬN", "Đơn vị thử " + u.code(),
          "Số: " + rec.get("certificate_no"), "Đạt danh hiệu \"Đơn vị học tập\" mức độ 1 năm 2026");
      assertThat(qr(certificate, "giay-chung-nhan")).endsWith("/kiem-tra/" + code);
    }
    // only those who may read the dossier get its documents; a dossier not yet decided has none
    assertThat(http.get("sogd.nb", "/tai-lieu/" + id + "/quyet-dinh.pdf").status()).isEqualTo(404);
    TestUnit other = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance open = chains.submitted(other, 2026);
    Http.Response none = http.get("phonggd", "/tai-lieu/" + open.getBusinessKey() + "/quyet-dinh.pdf");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.body()).contains("chưa có quyết định công nhận");

    // the public check: no login needed
    Http.Response genuine = http.get(null, "/kiem-tra/" + code);
    assertThat(genuine.status()).isEqualTo(200);
    assertThat(genuine.body()).contains("data-verdict=\"VALID\"", "THẬT và CÒN HIỆU LỰC", "Đơn vị thử " + u.code(),
        (String) rec.get("certificate_no"), "31/12/2029");
    assertThat(http.get(null, "/kiem-tra/" + code.toLowerCase()).body()).contains("data-verdict=\"VALID\"");
    String forgedCode = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
    Http.Response forged = http.get(null, "/kiem-tra/" + forgedCode);
    assertThat(forged.body()).contains("data-verdict=\"NOT_FOUND\"", "KHÔNG TÌM THẤY")
        .doesNotContain("Đơn vị thử " + u.code());
    assertThat(http.get(null, "/kiem-tra/%3Cscript%3E").body()).contains("data-verdict=\"NOT_FOUND\"");
    Chains.setClock(LocalDate.of(2030, 1, 1));
    assertThat(http.get(null, "/kiem-tra/" + code).body()).contains("data-verdict=\"EXPIRED\"",
        "ĐÃ HẾT HIỆU LỰC", "31/12/2029");
    // everything else still needs a login
    assertThat(http.get(null, "/tai-lieu/" + id + "/quyet-dinh.pdf").status()).isIn(302, 401);
  }
}
