package vn.hoctap.document;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;
import vn.hoctap.document.RecognitionDocuments.Check;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * The signed decision and certificate of a recognised dossier, as stored when they were signed (for whoever may
 * read the dossier); the public check by code that the QR code opens, and the public check of an uploaded PDF (the
 * only pages that need no login).
 */
@Page
public class DocumentPages {

  private final RecognitionDocuments documents;
  private final IssuedDocuments issued;
  private final DocumentChecks checks;
  private final DossierService dossiers;
  private final DossierAccess access;
  private final CouncilDocuments council;

  DocumentPages(RecognitionDocuments documents, IssuedDocuments issued, DocumentChecks checks,
      DossierService dossiers, DossierAccess access, CouncilDocuments council) {
    this.council = council;
    this.documents = documents;
    this.issued = issued;
    this.checks = checks;
    this.dossiers = dossiers;
    this.access = access;
  }

  @GetMapping("/tai-lieu/{dossierId}/quyet-dinh.pdf")
  ResponseEntity<byte[]> decision(@PathVariable long dossierId) {
    readable(dossierId);
    return pdf(documents.signedPdf(dossierId, RecognitionDocuments.DECISION), "quyet-dinh-" + dossierId + ".pdf");
  }

  @GetMapping("/tai-lieu/{dossierId}/giay-chung-nhan.pdf")
  ResponseEntity<byte[]> certificate(@PathVariable long dossierId) {
    readable(dossierId);
    return pdf(documents.signedPdf(dossierId, RecognitionDocuments.CERTIFICATE),
        "giay-chung-nhan-" + dossierId + ".pdf");
  }

  @GetMapping("/tai-lieu/{dossierId}/quyet-dinh-thu-hoi.pdf")
  ResponseEntity<byte[]> revocation(@PathVariable long dossierId) {
    readable(dossierId);
    return pdf(documents.signedPdf(dossierId, RecognitionDocuments.REVOCATION),
        "quyet-dinh-thu-hoi-" + dossierId + ".pdf");
  }

  @GetMapping("/tai-lieu/{dossierId}/bao-cao-tham-dinh.pdf")
  ResponseEntity<byte[]> appraisalReport(@PathVariable long dossierId) {
    readable(dossierId);
    return pdf(council.reportPdf(dossierId), "bao-cao-tham-dinh-" + dossierId + ".pdf");
  }

  @GetMapping("/tai-lieu/{dossierId}/du-thao-quyet-dinh.pdf")
  ResponseEntity<byte[]> draftDecision(@PathVariable long dossierId) {
    readable(dossierId);
    return pdf(documents.draftDecision(dossierId), "du-thao-quyet-dinh-" + dossierId + ".pdf");
  }

  @GetMapping("/tai-lieu/{dossierId}/thong-bao-khong-cong-nhan.pdf")
  ResponseEntity<byte[]> refusal(@PathVariable long dossierId) {
    readable(dossierId);
    return pdf(documents.refusalPdf(dossierId), "thong-bao-khong-cong-nhan-" + dossierId + ".pdf");
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
    model.addAttribute("docs", java.util.List.of());
    return "kiem-tra";
  }

  @GetMapping("/kiem-tra/{code}")
  String check(@PathVariable String code, Model model, HttpServletResponse response) {
    Check c = documents.check(code);
    java.util.List<IssuedDocuments.Stored> docs = c.recognition() != null
        ? issued.withCode(c.recognition().verificationCode())
        : issued.withCode(code.strip().toUpperCase(java.util.Locale.ROOT));
    if (c.verdict() == RecognitionDocuments.Verdict.NOT_FOUND && !docs.isEmpty()) {
      DocumentChecks.SubjectStatus st = checks.status(docs.get(0));
      c = new Check(st.verdict(), null, st.revoked());
    }
    String shown = code.strip();
    model.addAttribute("code", shown.length() > 60 ? shown.substring(0, 60) + "…" : shown);
    model.addAttribute("check", c);
    model.addAttribute("r", c.recognition());
    model.addAttribute("docs", docs);
    if (c.verdict() == RecognitionDocuments.Verdict.NOT_FOUND) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    return "kiem-tra";
  }

  /** Anyone uploads a PDF and learns whether hoctap issued it unaltered. */
  @GetMapping("/kiem-tra/van-ban")
  String uploadForm(Model model) {
    model.addAttribute("result", null);
    return "kiem-tra-van-ban";
  }

  @PostMapping("/kiem-tra/van-ban")
  String upload(@RequestParam(name = "tep", required = false) MultipartFile file, Model model,
      HttpServletResponse response) throws IOException {
    if (file == null || file.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("result", null);
      model.addAttribute("problem", "Chưa chọn tệp. Hãy chọn tệp PDF của văn bản cần kiểm tra.");
      return "kiem-tra-van-ban";
    }
    model.addAttribute("result", checks.upload(file.getBytes()));
    model.addAttribute("fileName", file.getOriginalFilename());
    return "kiem-tra-van-ban";
  }

  private void readable(long dossierId) {
    access.requireRead(CurrentUser.get(), dossiers.get(dossierId));
  }

  static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .body(body);
  }
}
