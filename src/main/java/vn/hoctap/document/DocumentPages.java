package vn.hoctap.document;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.document.RecognitionDocuments.Check;
import vn.hoctap.document.RecognitionDocuments.Recognised;
import vn.hoctap.web.Page;

/**
 * The decision and certificate PDFs of a recognised dossier (for whoever may read the dossier), and the public
 * certificate check page that the QR code opens (the one page that needs no login).
 */
@Page
public class DocumentPages {

  private final RecognitionDocuments documents;
  private final DossierService dossiers;
  private final DossierAccess access;
  private final String publicBaseUrl;

  DocumentPages(RecognitionDocuments documents, DossierService dossiers, DossierAccess access,
      @Value("${hoctap.public-base-url:}") String publicBaseUrl) {
    this.documents = documents;
    this.dossiers = dossiers;
    this.access = access;
    this.publicBaseUrl = publicBaseUrl;
  }

  @GetMapping("/tai-lieu/{dossierId}/quyet-dinh.pdf")
  ResponseEntity<byte[]> decision(@PathVariable long dossierId) {
    Recognised r = readable(dossierId);
    return pdf(documents.decisionPdf(r, baseUrl()), "quyet-dinh-" + dossierId + ".pdf");
  }

  @GetMapping("/tai-lieu/{dossierId}/giay-chung-nhan.pdf")
  ResponseEntity<byte[]> certificate(@PathVariable long dossierId) {
    Recognised r = readable(dossierId);
    return pdf(documents.certificatePdf(r, baseUrl()), "giay-chung-nhan-" + dossierId + ".pdf");
  }

  /** The box to type a certificate's code (for whoever has the paper but no QR reader); GET, so no token. */
  @GetMapping("/kiem-tra")
  String checkForm(@RequestParam(name = "ma", required = false) String code, Model model) {
    String typed = code == null ? "" : code.strip();
    if (!typed.isEmpty()) {
      return "redirect:/kiem-tra/" + UriUtils.encodePathSegment(typed, StandardCharsets.UTF_8);
    }
    model.addAttribute("check", null);
    model.addAttribute("r", null);
    model.addAttribute("code", "");
    return "kiem-tra";
  }

  @GetMapping("/kiem-tra/{code}")
  String check(@PathVariable String code, Model model, HttpServletResponse response) {
    Check c = documents.check(code);
    model.addAttribute("check", c);
    model.addAttribute("r", c.recognition());
    String shown = code.strip();
    model.addAttribute("code", shown.length() > 60 ? shown.substring(0, 60) + "…" : shown);
    if (c.verdict() == RecognitionDocuments.Verdict.NOT_FOUND) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    return "kiem-tra";
  }

  private Recognised readable(long dossierId) {
    access.requireRead(CurrentUser.get(), dossiers.get(dossierId));
    return documents.forDossier(dossierId);
  }

  private String baseUrl() {
    return publicBaseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : publicBaseUrl;
  }

  static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .body(body);
  }
}
