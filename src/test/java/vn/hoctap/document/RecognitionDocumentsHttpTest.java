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
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
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
import vn.hoctap.signing.IndependentCheck;
import vn.hoctap.signing.PdfPictures;
import vn.hoctap.signing.PdfaValidation;
import vn.hoctap.signing.SignerKeys;

/**
 * The decision and certificate of a recognised school, signed with the demo CA when the chairman decides and stored
 * once: read back with PDFBox (the NĐ 30 layout: motto, number, date, căn cứ, signer's block), the signature
 * validated independently (intact, chain to the demo CA, signing time), PDF/A-2b by veraPDF, the pages rendered by
 * pdftoppm, the QR code decoded, and the public checks: by code (valid, expired, not found) and by upload (genuine,
 * one byte changed: altered, a foreign file: not ours).
 */
@HoctapTest
class RecognitionDocumentsHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignerKeys keys;
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

  /** The text with its line breaks as spaces (a căn cứ line wraps where the page ends). */
  static String text(PDDocument pdf) throws IOException {
    return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
  }

  /** Decodes the QR code of the first page (the pictures for the docs are pdftoppm's: PdfPictures). */
  static String qr(PDDocument pdf) throws Exception {
    BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
    int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(),
        page.getHeight(), pixels)));
    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
  }

  @Test
  void decisionAndCertificateAreSignedOnceInTheOfficialLayoutAndCheckedByAnyone() throws Exception {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.recognised(u, 2026);
    long id = Long.parseLong(pi.getBusinessKey());
    Map<String, Object> rec = jdbc.queryForMap("select r.id, r.decision_no, c.certificate_no, c.verification_code"
        + " from recognition r join certificate c on c.recognition_id = r.id where r.dossier_id = ?", id);
    String code = (String) rec.get("verification_code");
    X509Certificate demoRoot = keys.demo().orElseThrow().root();

    byte[] decisionPdf = bytes("phonggd", "/tai-lieu/" + id + "/quyet-dinh.pdf");
    try (PDDocument decision = Loader.loadPDF(decisionPdf)) {
      String t = text(decision);
      assertThat(t).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số: " + Nd30.number((String) rec.get("decision_no")), "Thanh Trì, ngày 02 tháng 11 năm 2026",
          "QUYẾT ĐỊNH", "Về việc công nhận danh hiệu “Đơn vị học tập” năm 2026",
          "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ", "Đơn vị thử " + u.code(), "31/12/2029",
          // the căn cứ from the criteria data, dated as the circular is (11/12/2023), written as NĐ 30 asks
          "Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023 của Bộ trưởng Bộ Giáo dục và Đào tạo",
          "Theo đề nghị của Trưởng phòng Giáo dục và Đào tạo.", "Nơi nhận:", "CHỦ TỊCH",
          "Phạm Văn Dũng", "ỦY BAN NHÂN DÂN", "HUYỆN THANH TRÌ").doesNotContain("29/12/2023", "(Đã ký)", "TM.");
      assertThat(qr(decision)).isEqualTo("http://localhost:" + port + "/kiem-tra/" + code);
      assertThat(fonts(decision)).allMatch(f -> f.contains("LiberationSerif"));
    }
    byte[] certificatePdf = bytes(u.head(), "/tai-lieu/" + id + "/giay-chung-nhan.pdf");
    try (PDDocument certificate = Loader.loadPDF(certificatePdf)) {
      assertThat(certificate.getNumberOfPages()).isEqualTo(1);
      String t = text(certificate);
      assertThat(t).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY CHỨNG NHẬN", "Đơn vị thử " + u.code(),
          "Số: " + rec.get("certificate_no"), "Đạt danh hiệu “Đơn vị học tập” mức độ 1 năm 2026",
          "ngày 02 tháng 11 năm 2026");
      assertThat(qr(certificate)).endsWith("/kiem-tra/" + code);
    }
    PdfPictures.render(decisionPdf, "quyet-dinh");
    PdfPictures.render(certificatePdf, "giay-chung-nhan");

    // signed once, with the demo CA, validated by PDFBox and Bouncy Castle directly; PDF/A-2b by veraPDF
    List<Map<String, Object>> stored = jdbc.queryForList("select kind, sha256, signing_time, status, method"
        + " from issued_document where subject_kind = 'RECOGNITION' and subject_id = ? order by kind",
        rec.get("id"));
    assertThat(stored).extracting(m -> m.get("kind")).containsExactly("GIAY_CHUNG_NHAN", "QUYET_DINH");
    assertThat(stored).allSatisfy(m -> assertThat(m).containsEntry("status", "SIGNED")
        .containsEntry("method", "SERVER_KEY"));
    for (byte[] pdf : List.of(decisionPdf, certificatePdf)) {
      IndependentCheck c = IndependentCheck.of(pdf, demoRoot);
      assertThat(c.signatures()).isEqualTo(1);
      assertThat(c.subFilter()).isEqualTo("ETSI.CAdES.detached");
      assertThat(c.intact()).isTrue();
      assertThat(c.coversWholeFile()).isTrue();
      assertThat(c.chainsToRoot()).isTrue();
      assertThat(c.signingCertificateV2()).isTrue();
      assertThat(c.hasSigningTimeAttribute()).isFalse();
      assertThat(c.signerSubject()).contains("CN=Phạm Văn Dũng", "KHÔNG DÙNG THẬT");
      assertThat(c.signingTime().toInstant()).isEqualTo(((Timestamp) stored.get(0).get("signing_time")).toInstant());
      assertThat(PdfaValidation.failures(pdf)).isEmpty();
      assertThat(stored).extracting(m -> m.get("sha256")).contains(HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(pdf)));
    }
    // never regenerated: the same bytes on every download
    assertThat(bytes("phonggd", "/tai-lieu/" + id + "/quyet-dinh.pdf")).isEqualTo(decisionPdf);

    // only those who may read the dossier get its documents; a dossier not yet decided has none
    assertThat(http.get("sogd.nb", "/tai-lieu/" + id + "/quyet-dinh.pdf").status()).isEqualTo(404);
    TestUnit other = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance open = chains.submitted(other, 2026);
    Http.Response none = http.get("phonggd", "/tai-lieu/" + open.getBusinessKey() + "/quyet-dinh.pdf");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.body()).contains("chưa có quyết định công nhận");

    // the public check: no login needed; it lists the signed documents
    Http.Response genuine = http.get(null, "/kiem-tra/" + code);
    assertThat(genuine.status()).isEqualTo(200);
    assertThat(genuine.body()).contains("data-verdict=\"VALID\"", "THẬT và CÒN HIỆU LỰC", "Đơn vị thử " + u.code(),
        (String) rec.get("certificate_no"), "31/12/2029", "Văn bản điện tử có chữ ký số", "Phạm Văn Dũng, 02/11/2026",
        (String) stored.get(1).get("sha256"));
    assertThat(http.get(null, "/kiem-tra/" + code.toLowerCase()).body()).contains("data-verdict=\"VALID\"");
    String forgedCode = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
    Http.Response forged = http.get(null, "/kiem-tra/" + forgedCode);
    assertThat(forged.body()).contains("data-verdict=\"NOT_FOUND\"", "KHÔNG TÌM THẤY")
        .doesNotContain("Đơn vị thử " + u.code());
    assertThat(http.get(null, "/kiem-tra/%3Cscript%3E").body()).contains("data-verdict=\"NOT_FOUND\"");

    // anyone uploads the file: genuine as issued; one byte changed inside the signed content: altered
    String ok = PdfPictures.uploadCheck(port, "quyet-dinh.pdf", decisionPdf).body();
    assertThat(ok).contains("data-outcome=\"GENUINE\"", "NGUYÊN VẸN", "Phạm Văn Dũng", "02/11/2026",
        "Hợp lệ: khớp với nội dung", "data-verdict=\"VALID\"");
    byte[] changed = decisionPdf.clone();
    int at = decisionPdf.length / 3;
    changed[at] = (byte) (changed[at] ^ 0x01);
    String altered = PdfPictures.uploadCheck(port, "quyet-dinh.pdf", changed).body();
    assertThat(altered).contains("data-outcome=\"ALTERED\"", "ĐÃ BỊ SỬA ĐỔI").doesNotContain("NGUYÊN VẸN");
    assertThat(IndependentCheck.of(changed, demoRoot).intact()).isFalse();
    String foreign = PdfPictures.uploadCheck(port, "khac.pdf", "%PDF-1.4\n%%EOF\n".getBytes()).body();
    assertThat(foreign).contains("data-outcome=\"NOT_OURS\"", "KHÔNG PHẢI văn bản do hoctap phát hành");

    Chains.setClock(LocalDate.of(2030, 1, 1));
    assertThat(http.get(null, "/kiem-tra/" + code).body()).contains("data-verdict=\"EXPIRED\"",
        "ĐÃ HẾT HIỆU LỰC", "31/12/2029");
    assertThat(PdfPictures.uploadCheck(port, "quyet-dinh.pdf", decisionPdf).body())
        .contains("data-outcome=\"GENUINE\"", "data-verdict=\"EXPIRED\"", "Đã hết hiệu lực.");
    // everything else still needs a login
    assertThat(http.get(null, "/tai-lieu/" + id + "/quyet-dinh.pdf").status()).isIn(302, 401);
  }

  static List<String> fonts(PDDocument pdf) throws IOException {
    List<String> names = new java.util.ArrayList<>();
    for (org.apache.pdfbox.pdmodel.PDPage page : pdf.getPages()) {
      for (org.apache.pdfbox.cos.COSName n : page.getResources().getFontNames()) {
        names.add(page.getResources().getFont(n).getName());
      }
    }
    assertThat(names).isNotEmpty();
    return names;
  }
}
