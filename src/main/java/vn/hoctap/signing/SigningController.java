package vn.hoctap.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hoctap.common.DomainException;
import vn.hoctap.document.IssuedDocuments;
import vn.hoctap.document.IssuedDocuments.Stored;
import vn.hoctap.security.CurrentUser;

/**
 * External signing (ký số bằng công cụ của người ký, README "Ký số bằng USB token hoặc dịch vụ ký từ xa"): the
 * signer's own tool (a USB token through the signing plugin) lists the documents waiting for its signer, takes each
 * one's SHA-256 (of the PDF's signed byte ranges; the prepared PDF too, to show it), and returns the detached CMS
 * SignedData over that hash, which hoctap checks (hash, signature, certificate chain to a trusted root) and embeds.
 * A remote-signing service that answered "later" (202) returns its CMS the same way, authenticated as the signer.
 */
@RestController
@RequestMapping("/api/signing")
@Tag(name = "Ký số văn bản (công cụ ký của người ký, dịch vụ ký số từ xa)")
class SigningController {

  private final IssuedDocuments documents;

  SigningController(IssuedDocuments documents) {
    this.documents = documents;
  }

  /** A document waiting for its signature: the hash to sign and where the prepared PDF is. */
  record Pending(long id, String title, String decisionNo, String signerName, String signingTime,
      String hashAlgorithm, String hash, String hashHex, String preparedPdf, String signature) {

    static Pending of(Stored s) {
      byte[] digest = HexFormat.of().parseHex(s.preparedDigest());
      return new Pending(s.id(), s.title(), s.decisionNo(), s.signerName(), s.signingTime().toString(), "SHA-256",
          Base64.getEncoder().encodeToString(digest), s.preparedDigest(),
          "/api/signing/documents/" + s.id() + "/prepared.pdf", "/api/signing/documents/" + s.id() + "/signature");
    }
  }

  /** The CMS (base64 of the DER of a detached CMS SignedData over the hash). */
  record Signature(String cms) {}

  @GetMapping("/pending")
  @Operation(summary = "Văn bản đang chờ người đăng nhập ký số")
  List<Pending> pending() {
    return documents.awaiting(CurrentUser.get().id()).stream().map(Pending::of).toList();
  }

  @GetMapping("/documents/{id}")
  @Operation(summary = "Một văn bản chờ ký: mã băm cần ký")
  Pending document(@PathVariable long id) {
    return Pending.of(mine(id));
  }

  @GetMapping(value = "/documents/{id}/prepared.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "Tệp PDF đã chuẩn bị (chỗ trống cho chữ ký)")
  byte[] prepared(@PathVariable long id) {
    mine(id);
    return documents.preparedPdf(id);
  }

  @PostMapping(value = "/documents/{id}/signature", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Gửi chữ ký số (CMS, base64) của văn bản")
  Map<String, Object> sign(@PathVariable long id, @RequestBody Signature body) {
    if (body == null || body.cms() == null || body.cms().isBlank()) {
      throw DomainException.badInput("Thiếu chữ ký số (cms, base64).");
    }
    byte[] cms;
    try {
      cms = Base64.getDecoder().decode(body.cms().strip());
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("Chữ ký số (cms) phải ở dạng base64.");
    }
    return signed(documents.complete(id, cms, CurrentUser.get().id()));
  }

  @PostMapping(value = "/documents/{id}/signature", consumes = "application/pkcs7-signature")
  @Operation(summary = "Gửi chữ ký số (CMS, DER) của văn bản")
  Map<String, Object> signRaw(@PathVariable long id, @RequestBody byte[] cms) {
    return signed(documents.complete(id, cms, CurrentUser.get().id()));
  }

  @PostMapping("/documents/{id}/remote")
  @Operation(summary = "Gửi lại yêu cầu ký tới dịch vụ ký số từ xa")
  ResponseEntity<Map<String, Object>> remoteAgain(@PathVariable long id) {
    Stored s = documents.get(id);
    CurrentUser u = CurrentUser.get();
    if (!u.admin() && !u.id().equals(s.signerUser())) {
      throw DomainException.notFound("Không có văn bản số " + id + " chờ bạn ký.");
    }
    documents.requestRemote(id);
    Stored now = documents.get(id);
    return ResponseEntity.status(now.signed() ? 200 : 202).body(Map.of("id", id, "status", now.status()));
  }

  private Stored mine(long id) {
    Stored s = documents.get(id);
    if (!s.signerUser().equals(CurrentUser.get().id()) || s.signed()) {
      throw DomainException.notFound("Không có văn bản số " + id + " chờ bạn ký.");
    }
    if (!s.prepared()) {
      throw DomainException.conflict(IssuedDocuments.notPrepared(id));
    }
    return s;
  }

  private static Map<String, Object> signed(Stored s) {
    return Map.of("id", s.id(), "status", s.status(), "sha256", s.sha256(), "signer", s.certificateSubject());
  }
}
