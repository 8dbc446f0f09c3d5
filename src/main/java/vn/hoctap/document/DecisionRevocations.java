package vn.hoctap.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.recognition.RecognitionService;

/**
 * Thu hồi of the decisions that are not a recognition's: the decision of a "Công dân học tập" round
 * ({@link RoundDocuments}) and an award decision ({@link AwardDocuments}), found by the code under any of their QR
 * codes. Like a recognition's ({@link RecognitionDocuments#revoke}), the revocation is a new decision numbered in
 * the original signer's register, signed with that signer's key, stored, and recorded; the public check says "đã
 * bị thu hồi" with the reason and its number.
 */
@Service
public class DecisionRevocations {

  /** What a revoking decision needs to know of the decision it revokes. */
  record Revocable(Issuer who, String decisionNo, LocalDate decisionDate, String subject, String about,
      String concerned, String signerUser, String signerName, String signerTitle) {}

  /**
   * A decision an administrator may revoke, as the revocation page shows it.
   *
   * @param kindLabel "Quyết định công nhận “Công dân học tập”" or "Quyết định khen thưởng"
   */
  public record Target(String subjectKind, long subjectId, String code, String kindLabel, String title,
      String decisionNo, String signerName, String signerTitle, RecognitionDocuments.Revoked revoked) {}

  private final IssuedDocuments issued;
  private final RoundDocuments rounds;
  private final AwardDocuments awards;
  private final RecognitionService numbers;
  private final PublicUrl publicUrl;
  private final EngineClock clock;

  DecisionRevocations(IssuedDocuments issued, @Lazy RoundDocuments rounds, @Lazy AwardDocuments awards,
      RecognitionService numbers, PublicUrl publicUrl, EngineClock clock) {
    this.issued = issued;
    this.rounds = rounds;
    this.awards = awards;
    this.numbers = numbers;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** The reason as printed: spaces tidied, 10 to 1000 characters, or the field's message. */
  static String reason(String reason) {
    String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
    if (why.length() < 10 || why.length() > 1000) {
      throw DomainException.badInputOf("Chưa thu hồi được quyết định.", List.of(new DomainException.Problem("lyDo",
          "Cần ghi lý do thu hồi, từ 10 đến 1000 ký tự (lý do được in trong quyết định thu hồi).")));
    }
    return why;
  }

  /** The round or award decision whose QR carries this code, if any. */
  @Transactional(readOnly = true)
  public Optional<Target> find(String code) {
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!c.matches("[A-Z0-9]{8,40}")) {
      return Optional.empty();
    }
    return issued.withCode(c).stream().filter(d -> revocable(d.subjectKind()) && !REVOCATION.equals(d.kind()))
        .findFirst().map(d -> new Target(d.subjectKind(), d.subjectId(), c, kindLabel(d.subjectKind()), d.title(),
            d.decisionNo(), d.signerName(), d.signerTitle(), issued.revocation(d.subjectKind(), d.subjectId())
            .orElse(null)));
  }

  /** The revoking decision's kind, for every subject. */
  static final String REVOCATION = RecognitionDocuments.REVOCATION;

  static boolean revocable(String subjectKind) {
    return RoundDocuments.SUBJECT.equals(subjectKind) || AwardDocuments.SUBJECT.equals(subjectKind);
  }

  private static String kindLabel(String subjectKind) {
    return RoundDocuments.SUBJECT.equals(subjectKind) ? "Quyết định công nhận kết quả đợt đánh giá"
        : "Quyết định khen thưởng";
  }

  /** Revokes the decision the code belongs to; returns the signed (or awaiting) revoking decision. */
  @Transactional
  public IssuedDocuments.Stored revoke(String code, String reason, String actor) {
    String why = reason(reason);
    Target t = find(code).orElseThrow(() -> DomainException.notFound("Không tìm thấy quyết định có mã \"" + code
        + "\"."));
    Revocable r = RoundDocuments.SUBJECT.equals(t.subjectKind()) ? rounds.revocable(t.subjectId())
        : awards.revocable(t.subjectId());
    // the subject's row is locked by its decision's register: the number, then the unique revocation
    LocalDate today = clock.today();
    String number = numbers.nextDecisionNumber(r.who().orgId(), today.getYear()) + suffix(r.decisionNo());
    Optional<RecognitionDocuments.Revoked> done = issued.revocation(t.subjectKind(), t.subjectId());
    if (done.isPresent()) {
      throw DomainException.conflict("Quyết định này đã bị thu hồi theo Quyết định số "
          + Nd30.number(done.get().decisionNo()) + " (lý do: " + done.get().reason() + ").");
    }
    OfficialText text = text(r.who(), r.signerName(), number, today, r.subject(), "Quyết định số "
        + Nd30.number(r.decisionNo()) + " " + Nd30.date(r.decisionDate()) + " " + r.about(), "", why,
        r.concerned(), publicUrl.checkUrl(t.code()), t.code(), r.decisionNo(), number);
    IssuedDocuments.Stored doc = issued.get(issued.issue(new IssuedDocuments.Issue(REVOCATION, t.subjectKind(),
        t.subjectId(), t.code(), text, r.signerUser(), r.signerName(), r.signerTitle(), r.who().orgId(),
        r.who().orgCode(), r.who().sealName(), r.who().place(), number)));
    issued.recordRevocation(t.subjectKind(), t.subjectId(), why, actor, doc.id());
    return doc;
  }

  /** "/QĐ-UBND" of "12/QĐ-UBND": the revoking decision is numbered in the same register and series. */
  static String suffix(String decisionNo) {
    int slash = decisionNo == null ? -1 : decisionNo.indexOf('/');
    return slash < 0 ? "/QĐ" : decisionNo.substring(slash);
  }

  /**
   * Quyết định thu hồi, for every kind: the decision revoked (its number, date and what it was about) is the căn
   * cứ; Điều 1 revokes it (and whatever came with it) with the reason; Điều 2 names who carries it out.
   *
   * @param subject       after "Về việc thu hồi " ("Quyết định công nhận danh hiệu “…” của …")
   * @param revoked       "Quyết định số 05/QĐ-UBND ngày 02 tháng 11 năm 2026 về việc …"
   * @param alsoRevoked   " và Giấy chứng nhận số …", or ""
   */
  static OfficialText text(Issuer who, String signerName, String number, LocalDate date, String subject,
      String revoked, String alsoRevoked, String reason, String concerned, String checkUrl, String checkCode,
      String revokedNo, String pdfNumber) {
    return new OfficialText(OfficialText.Form.ADMINISTRATIVE, who.superior(), who.body(), number,
        Nd30.placeAndDate(who.place(), date), "QUYẾT ĐỊNH", "Về việc thu hồi " + subject, who.authority(),
        List.of("Căn cứ " + revoked + ";"), "QUYẾT ĐỊNH:",
        List.of(OfficialText.Article.of("Điều 1.", "Thu hồi " + revoked + alsoRevoked + ". Lý do thu hồi: "
                + reason + (reason.endsWith(".") ? "" : ".")),
            OfficialText.Article.of("Điều 2.", "Quyết định có hiệu lực kể từ ngày ký. " + concerned
                + " và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.")),
        List.of(), List.of("- Như Điều 2;", "- Lưu: VT."), new OfficialText.SignerBlock(who.block(), signerName),
        checkUrl, checkCode, "Quyết định " + Nd30.number(pdfNumber) + " thu hồi Quyết định "
        + Nd30.number(revokedNo));
  }
}
