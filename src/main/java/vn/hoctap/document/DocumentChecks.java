package vn.hoctap.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.signing.Cades;
import vn.hoctap.signing.SignatureVerifier;

/**
 * The public checks (no login): by the code under a QR code, and of an uploaded PDF — is it a document hoctap
 * issued, unaltered (the very bytes stored when it was signed, and a signature that verifies), who signed it and
 * when, and is what it decides still valid, revoked or expired.
 */
@Service
public class DocumentChecks {

  private static final Pattern IDENTIFIER = Pattern.compile(Pattern.quote(Nd30Layout.IDENTIFIER_PREFIX)
      + "([A-Z0-9]{8,40})");
  private static final Pattern CHECK_URL = Pattern.compile("/kiem-tra/([A-Z0-9]{8,40})");

  /** What an upload is. */
  public enum Outcome { GENUINE, ALTERED, NOT_OURS, NOT_PDF }

  /** The signature found in an uploaded file, checked on its own. */
  public record FoundSignature(SignatureVerifier.Result result, boolean coversWholeFile, Instant signingTime) {}

  /**
   * The answer to an upload: the outcome, the document it is (or claims to be), its signature, and the status of
   * what the document decides.
   */
  public record UploadCheck(Outcome outcome, IssuedDocuments.Stored document, FoundSignature signature,
      SubjectStatus status, String sha256) {}

  /** Whether what a document decides still holds. */
  public record SubjectStatus(RecognitionDocuments.Verdict verdict, RecognitionDocuments.Check recognition,
      RecognitionDocuments.Revoked revoked) {}

  private final IssuedDocuments issued;
  private final RecognitionDocuments recognitions;

  DocumentChecks(IssuedDocuments issued, RecognitionDocuments recognitions) {
    this.issued = issued;
    this.recognitions = recognitions;
  }

  @Transactional(readOnly = true)
  public UploadCheck upload(byte[] pdf) {
    String sha = HexFormat.of().formatHex(Cades.sha256(pdf));
    if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      return new UploadCheck(Outcome.NOT_PDF, null, null, null, sha);
    }
    FoundSignature signature = signature(pdf);
    Optional<IssuedDocuments.Stored> same = issued.bySha256(sha);
    if (same.isPresent()) {
      return new UploadCheck(Outcome.GENUINE, same.get(), signature, status(same.get()), sha);
    }
    Optional<IssuedDocuments.Stored> claimed = claimed(pdf);
    if (claimed.isPresent()) {
      return new UploadCheck(Outcome.ALTERED, claimed.get(), signature, status(claimed.get()), sha);
    }
    if (signature != null && signature.result().trusted()) {
      // signed with a key hoctap knows, but not a file it issued as it is now
      return new UploadCheck(Outcome.ALTERED, null, signature, null, sha);
    }
    return new UploadCheck(Outcome.NOT_OURS, null, signature, null, sha);
  }

  /** The document the file names itself (its XMP identifier, else its QR address), if hoctap issued one so. */
  private Optional<IssuedDocuments.Stored> claimed(byte[] pdf) {
    String raw = new String(pdf, StandardCharsets.ISO_8859_1);
    for (Pattern p : List.of(IDENTIFIER, CHECK_URL)) {
      Matcher m = p.matcher(raw);
      while (m.find()) {
        List<IssuedDocuments.Stored> docs = issued.withCode(m.group(1));
        if (!docs.isEmpty()) {
          String title = titleOf(pdf);
          return Optional.of(docs.stream().filter(d -> d.title().equals(title)).findFirst().orElse(docs.get(0)));
        }
      }
    }
    return Optional.empty();
  }

  private static String titleOf(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getDocumentInformation().getTitle();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The last signature of the file, verified over its own byte ranges; null when there is none to read. */
  FoundSignature signature(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDSignature> sigs = doc.getSignatureDictionaries();
      if (sigs.isEmpty()) {
        return null;
      }
      PDSignature sig = sigs.get(sigs.size() - 1);
      int[] range = sig.getByteRange();
      byte[] digest = Cades.sha256(sig.getSignedContent(pdf));
      Instant at = sig.getSignDate() == null ? Instant.now() : sig.getSignDate().toInstant();
      SignatureVerifier.Result r = SignatureVerifier.verify(sig.getContents(pdf), digest, issued.trustAnchors(), at);
      boolean whole = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
      return new FoundSignature(r, whole, at);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Valid, revoked or expired: a recognition by its validity and revocation; other decisions issued or revoked. */
  public SubjectStatus status(IssuedDocuments.Stored d) {
    if (RecognitionDocuments.SUBJECT.equals(d.subjectKind())) {
      RecognitionDocuments.Check c = recognitions.check(d.checkCode());
      return new SubjectStatus(c.verdict(), c, c.revoked());
    }
    // a round's or an award's decision: issued, unless revoked since
    return issued.revocation(d.subjectKind(), d.subjectId())
        .map(r -> new SubjectStatus(RecognitionDocuments.Verdict.REVOKED, null, r))
        .orElse(new SubjectStatus(RecognitionDocuments.Verdict.ISSUED, null, null));
  }
}
