package vn.hoctap.document;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.DomainException;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * Thu hồi quyết định công nhận (administrators only; anyone else gets 404): find the recognition by the code of
 * its certificate, read what will be revoked, write the reason, confirm. A signed revoking decision is issued.
 */
@Page
public class RevocationPages {

  private final RecognitionDocuments documents;

  RevocationPages(RecognitionDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/quan-tri/thu-hoi")
  String form(@RequestParam(name = "ma", required = false) String code, Model model) {
    requireAdmin();
    RecognitionDocuments.Check c = code == null || code.isBlank() ? null : documents.check(code);
    model.addAttribute("code", code == null ? "" : code.strip());
    model.addAttribute("check", c);
    model.addAttribute("reason", "");
    return "document/thu-hoi";
  }

  @PostMapping("/quan-tri/thu-hoi")
  String revoke(@RequestParam("ma") String code, @RequestParam(name = "lyDo", required = false) String reason,
      Model model, RedirectAttributes redirect) {
    requireAdmin();
    try {
      documents.revoke(code, reason, CurrentUser.get().id());
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.BAD_INPUT && e.kind() != DomainException.Kind.CONFLICT) {
        throw e;
      }
      model.addAttribute("code", code.strip());
      model.addAttribute("check", documents.check(code));
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
