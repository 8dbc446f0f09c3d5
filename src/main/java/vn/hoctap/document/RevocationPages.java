package vn.hoctap.document;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.DomainException;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * Thu hồi quyết định (administrators only; anyone else gets 404): find the decision by the code under its QR code —
 * a recognition by its certificate's, a round's or an award's decision by its own ({@link DecisionRevocations}) —
 * read what will be revoked, write the reason, confirm. A signed revoking decision is issued.
 */
@Page
public class RevocationPages {

  private final RecognitionDocuments documents;
  private final DecisionRevocations decisions;
  private final IssuedDocuments issued;

  RevocationPages(RecognitionDocuments documents, DecisionRevocations decisions, IssuedDocuments issued) {
    this.documents = documents;
    this.decisions = decisions;
    this.issued = issued;
  }

  /** A revoking decision as signed and stored, for the administrator who issued it. */
  @GetMapping("/quan-tri/thu-hoi/{documentId}/quyet-dinh-thu-hoi.pdf")
  ResponseEntity<byte[]> revocationPdf(@PathVariable long documentId) {
    requireAdmin();
    IssuedDocuments.Stored s = issued.get(documentId);
    if (!RecognitionDocuments.REVOCATION.equals(s.kind())) {
      throw DomainException.notFound("Không tìm thấy quyết định thu hồi số " + documentId + ".");
    }
    return DocumentPages.pdf(issued.signedPdf(s), "quyet-dinh-thu-hoi-" + documentId + ".pdf");
  }

  /** What the code finds: a recognition, else a round's or an award's decision. */
  private void found(String code, Model model) {
    RecognitionDocuments.Check c = code == null || code.isBlank() ? null : documents.check(code);
    DecisionRevocations.Target d = c != null && c.verdict() == RecognitionDocuments.Verdict.NOT_FOUND
        ? decisions.find(code).orElse(null) : null;
    model.addAttribute("code", code == null ? "" : code.strip());
    model.addAttribute("check", c);
    model.addAttribute("decision", d);
  }

  @GetMapping("/quan-tri/thu-hoi")
  String form(@RequestParam(name = "ma", required = false) String code, Model model) {
    requireAdmin();
    found(code, model);
    model.addAttribute("reason", "");
    return "document/thu-hoi";
  }

  @PostMapping("/quan-tri/thu-hoi")
  String revoke(@RequestParam("ma") String code, @RequestParam(name = "lyDo", required = false) String reason,
      Model model, RedirectAttributes redirect) {
    requireAdmin();
    try {
      if (documents.check(code).verdict() != RecognitionDocuments.Verdict.NOT_FOUND) {
        documents.revoke(code, reason, CurrentUser.get().id());
      } else {
        decisions.revoke(code, reason, CurrentUser.get().id());
      }
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.BAD_INPUT && e.kind() != DomainException.Kind.CONFLICT) {
        throw e;
      }
      found(code, model);
      model.addAttribute("reason", reason == null ? "" : reason);
      model.addAttribute("error", e);
      return "document/thu-hoi";
    }
    redirect.addAttribute("ma", code.strip());
    return "redirect:/quan-tri/thu-hoi";
  }

  private static void requireAdmin() {
    if (!CurrentUser.get().admin()) {
      throw DomainException.notFound("Không tìm thấy trang.");
    }
  }
}
