package vn.hoctap.signing;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * Chữ ký số — administration (administrators only; anyone else gets 404): how each signer signs (server key and its
 * certificate, remote service, demo CA, own tool), and the upload of signers' signature images and bodies' seal
 * images (PNG, transparent background).
 */
@Page
public class SigningAdminPages {

  private final SignatureImages images;
  private final SignerKeys keys;
  private final JdbcTemplate jdbc;

  SigningAdminPages(SignatureImages images, SignerKeys keys, JdbcTemplate jdbc) {
    this.images = images;
    this.keys = keys;
    this.jdbc = jdbc;
  }

  /** A signer as the page lists them. */
  public record Signer(String login, String name, String body, String orgCode, String method, boolean image) {}

  /** A body that signs, for its seal. */
  public record Body(String code, String name, boolean seal) {}

  @GetMapping("/quan-tri/chu-ky-so")
  String page(Model model) {
    requireAdmin();
    List<Signer> signers = jdbc.query("select distinct u.ID_, u.FIRST_, u.LAST_, m.GROUP_ID_ from ACT_ID_USER u"
        + " join ACT_ID_MEMBERSHIP m on m.USER_ID_ = u.ID_ where m.GROUP_ID_ like 'signer-%' or m.GROUP_ID_ like"
        + " 'director-%' or m.GROUP_ID_ like 'chair-%' order by u.ID_", (rs, i) -> {
          String login = rs.getString(1);
          String group = rs.getString(4);
          String orgCode = group.substring(group.indexOf('-') + 1);
          String name = (nz(rs.getString(3)) + " " + nz(rs.getString(2))).strip();
          String body = jdbc.query("select name from org_unit where code = ?", (r, j) -> r.getString(1), orgCode)
              .stream().findFirst().orElse(orgCode);
          return new Signer(login, name, body, orgCode, method(login, orgCode),
              images.find(SignatureImages.USER, login, SignatureImages.SIGNATURE).isPresent());
        });
    List<Body> bodies = jdbc.query("select code, name from org_unit where kind in ('NATION', 'PROVINCE', 'DISTRICT',"
        + " 'COMMUNE') and dissolved_at is null order by path", (rs, i) -> new Body(rs.getString(1), rs.getString(2),
        images.find(SignatureImages.ORG, rs.getString(1), SignatureImages.SEAL).isPresent()));
    model.addAttribute("signers", signers.stream().collect(java.util.stream.Collectors.toMap(Signer::login,
        s -> s, (a, b) -> a, java.util.LinkedHashMap::new)).values());
    model.addAttribute("bodies", bodies);
    model.addAttribute("demo", keys.demo().isPresent());
    model.addAttribute("timestamps", keys.settings().timestamps());
    return "signing/chu-ky-so";
  }

  private String method(String login, String orgCode) {
    X509Certificate cert = keys.configured(login, orgCode).orElse(null);
    if (cert != null) {
      return "Khóa trên máy chủ — chứng thư số " + SignatureVerifier.commonName(cert.getSubjectX500Principal())
          + ", hết hạn " + Dates.vn(cert.getNotAfter().toInstant().atZone(EngineClock.ZONE).toLocalDate());
    }
    SigningSettings.Remote r = keys.settings().remote();
    if (r.configured() && (r.signers().contains(login) || r.signers().contains(orgCode) || r.signers().contains("*"))) {
      return "Dịch vụ ký số từ xa";
    }
    if (keys.demo().isPresent()) {
      return "Chứng thư thử nghiệm (" + DemoCa.NOT_FOR_REAL + ")";
    }
    return "Công cụ ký số của người ký (USB token)";
  }

  @PostMapping("/quan-tri/chu-ky-so/anh-chu-ky")
  String signature(@RequestParam(name = "nguoiKy", required = false) String login,
      @RequestParam(name = "tep", required = false) MultipartFile file, RedirectAttributes redirect)
      throws IOException {
    requireAdmin();
    return upload(SignatureImages.USER, login, SignatureImages.SIGNATURE, file, redirect);
  }

  @PostMapping("/quan-tri/chu-ky-so/anh-con-dau")
  String seal(@RequestParam(name = "coQuan", required = false) String orgCode,
      @RequestParam(name = "tep", required = false) MultipartFile file, RedirectAttributes redirect)
      throws IOException {
    requireAdmin();
    return upload(SignatureImages.ORG, orgCode, SignatureImages.SEAL, file, redirect);
  }

  private String upload(String ownerKind, String ref, String kind, MultipartFile file, RedirectAttributes redirect)
      throws IOException {
    try {
      if (ref == null || ref.isBlank()) {
        throw DomainException.badInput(SignatureImages.SEAL.equals(kind) ? "Chọn cơ quan của con dấu."
            : "Chọn người ký.");
      }
      images.upload(ownerKind, ref.strip(), kind, file == null ? null : file.getBytes(), CurrentUser.get().id());
      redirect.addFlashAttribute("done", SignatureImages.SEAL.equals(kind) ? "Đã lưu ảnh con dấu."
          : "Đã lưu ảnh chữ ký.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      redirect.addFlashAttribute("problemKind", kind);
    }
    return "redirect:/quan-tri/chu-ky-so";
  }

  /** An uploaded image, for the page's preview. */
  @GetMapping("/quan-tri/chu-ky-so/anh/{ownerKind}/{ref}/{kind}.png")
  ResponseEntity<byte[]> image(@PathVariable String ownerKind, @PathVariable String ref, @PathVariable String kind) {
    requireAdmin();
    return images.find(ownerKind, ref, kind).map(s -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
        .body(s.png())).orElseThrow(() -> DomainException.notFound("Chưa có ảnh."));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void requireAdmin() {
    if (!CurrentUser.get().admin()) {
      throw DomainException.notFound("Không tìm thấy trang.");
    }
  }

}
