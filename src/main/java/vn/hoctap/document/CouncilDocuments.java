package vn.hoctap.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.procedure.AppraisalCouncils.Council;
import vn.hoctap.procedure.AppraisalCouncils.Member;
import vn.hoctap.procedure.CouncilVerdicts;
import vn.hoctap.web.PersonNames;

/**
 * The documents of a Hội đồng đánh giá (TT24 Điều 10 K2 đ, Điều 16 K2 đ; TT25 Điều 9 K2 đ, 14, 19): the Báo cáo
 * thẩm định that goes with the draft decision to the competent signer, with the council's minutes or written
 * opinions in it. Issued by the receiving body in its head's name, laid out, signed and stored once like every
 * document ({@link IssuedDocuments}), checkable at /kiem-tra by its code.
 */
@Service
public class CouncilDocuments {

  public static final String REPORT = "BAO_CAO_THAM_DINH";
  public static final String SUBJECT = "APPRAISAL_COUNCIL";

  private final IssuedDocuments issued;
  private final DossierService dossiers;
  private final AppraisalCouncils councils;
  private final LegalBases bases;
  private final PublicUrl publicUrl;
  private final EngineClock clock;
  private final PersonNames names;
  private final CouncilVerdicts verdicts;

  CouncilDocuments(IssuedDocuments issued, DossierService dossiers, AppraisalCouncils councils, LegalBases bases,
      PublicUrl publicUrl, EngineClock clock, PersonNames names, CouncilVerdicts verdicts) {
    this.verdicts = verdicts;
    this.issued = issued;
    this.dossiers = dossiers;
    this.councils = councils;
    this.bases = bases;
    this.publicUrl = publicUrl;
    this.clock = clock;
    this.names = names;
  }

  /** The issuer of the council's documents: the receiving body in its head's name (the Ministry by its own). */
  static Issuer headOf(OrgUnit body) {
    return Issuer.of(body.getId(), body.getCode(), body.getName(), body.getKind(),
        body.getKind() == OrgKind.NATION ? "signer" : "director");
  }

  /** Issues the Báo cáo thẩm định of a council that concluded "đạt", signed by the head who set it up. */
  @Transactional
  public void issueReport(long dossierId, long councilId) {
    if (!issued.ofSubject(SUBJECT, councilId).isEmpty()) {
      return;
    }
    Dossier d = dossiers.get(dossierId);
    Council c = councils.get(councilId);
    OrgUnit body = d.getReceivingOrg();
    Issuer who = headOf(body);
    LocalDate today = clock.today();
    String number = issued.nextNumber(body.getId(), REPORT, today.getYear()) + "/BC-"
        + (body.getKind() == OrgKind.NATION ? "BGDĐT" : body.getKind() == OrgKind.PROVINCE ? "SGDĐT" : "PGDĐT");
    String label = "“" + RecognitionDocuments.titleLabel(d.getTitle().name()) + "”";
    String unit = d.getUnit().getName();
    List<String> lines = new ArrayList<>();
    String citation = LegalBases.citation(bases.criteriaSource(d.getCriteriaSetId()));
    if (citation != null) {
      lines.add("Căn cứ " + citation + ";");
    }
    lines.add("Căn cứ hồ sơ đề nghị công nhận của " + unit + " và kết quả làm việc của Hội đồng đánh giá.");
    List<String> people = c.members().stream().map(m -> "- " + m.name() + ", " + m.roleLabel().toLowerCase()
        + presence(c, m)).toList();
    List<String> results = new ArrayList<>();
    List<CouncilVerdicts.Row> concluded = verdicts.conclusion(councilId);
    for (CouncilVerdicts.Row v : concluded) {
      results.add(row(v));
    }
    EvaluationResult r = concluded.isEmpty() ? dossiers.latestEvaluation(dossierId) : null;
    if (r != null) {
      for (IndicatorResult i : r.indicators()) {
        if (i.applicable()) {
          results.add("- " + i.code() + ": " + (i.outcome() == IndicatorResult.Outcome.MET
              || i.outcome() == IndicatorResult.Outcome.JUDGED_MET ? "đạt" : "không đạt")
              + (i.measured() == null ? "" : " (" + i.measured() + ")"));
        }
      }
    }
    String signerName = names.of(c.establishedBy());
    String code = CheckCodes.next();
    OfficialText text = new OfficialText(OfficialText.Form.ADMINISTRATIVE, who.superior(), who.body(), number,
        Nd30.placeAndDate(who.place(), today), "BÁO CÁO", "Thẩm định hồ sơ đề nghị công nhận danh hiệu " + label
        + " mức độ " + d.getLevel() + " năm " + d.getAssessmentYear() + " của " + unit, null, lines, null,
        List.of(new OfficialText.Article("1. Hội đồng đánh giá", c.modeLabel() + ". Thành phần:", people),
            new OfficialText.Article("2. Kết quả đánh giá các tiêu chí, chỉ tiêu", concluded.isEmpty()
                ? "Trên số liệu và minh chứng đã thẩm định:" : "Từng chỉ tiêu: mã và nội dung; số liệu đơn vị tự"
                + " đánh giá; kết quả thẩm định; kết luận của Hội đồng và lý do:", results),
            new OfficialText.Article("3. Kết luận của Hội đồng", c.conclusion().lines().findFirst().orElse("")
                + " Quy tắc kết luận: " + c.ruleText() + ".", List.of()),
            new OfficialText.Article("4. Kiến nghị", who.body() + " kính trình " + d.getSignerTitle()
                + " xem xét, quyết định công nhận " + unit + " đạt danh hiệu " + label + " mức độ " + d.getLevel()
                + " năm " + d.getAssessmentYear() + " (kèm theo dự thảo Quyết định công nhận).", List.of())),
        List.of(), List.of("- " + d.getSignerTitle() + ";", "- Lưu: VT, Hội đồng đánh giá."),
        new OfficialText.SignerBlock(who.block(), signerName), publicUrl.checkUrl(code), code,
        "Báo cáo thẩm định " + Nd30.number(number));
    issued.issue(new IssuedDocuments.Issue(REPORT, SUBJECT, councilId, code, text, c.establishedBy(), signerName,
        who.block().get(who.block().size() - 1) + " " + who.body(), body.getId(), body.getCode(), who.sealName(),
        who.place(), number));
  }

  /** One indicator of the report's table, on one line: code and short text, values, the council's verdict. */
  static String row(CouncilVerdicts.Row v) {
    return "- " + v.code() + " — " + v.text().replaceAll("\\.+$", "") + "; đơn vị: " + v.unitValue() + "; thẩm định: "
        + v.evaluator() + "; Hội đồng: " + v.verdictLabel().toUpperCase(java.util.Locale.ROOT) + (v.votesFor() == null
        ? "" : " (" + v.votesFor() + "/" + v.answered() + " ý kiến đạt)") + (v.reason() == null ? ""
        : (v.passed() ? ". Ghi chú: " : ". Lý do: ") + v.reason().replaceAll("\\.+$", "")) + ".";
  }

  private static String presence(Council c, Member m) {
    if (AppraisalCouncils.MEETING.equals(c.mode())) {
      return m.present() == null ? "" : m.present() ? " (có mặt)" : " (vắng mặt)";
    }
    return m.opinion() == null ? "" : AppraisalCouncils.PASS.equals(m.opinion()) ? " (ý kiến: đạt)"
        : " (ý kiến: không đạt" + (m.comment() == null ? "" : " — " + m.comment()) + ")";
  }

  /** The stored report of the dossier's council, if it concluded "đạt". */
  @Transactional(readOnly = true)
  public Optional<IssuedDocuments.Stored> report(long dossierId) {
    return councils.current(dossierId).flatMap(c -> issued.ofSubject(SUBJECT, c.id()).stream().findFirst());
  }

  @Transactional(readOnly = true)
  public byte[] reportPdf(long dossierId) {
    return issued.signedPdf(report(dossierId).orElseThrow(() -> DomainException.notFound("Hồ sơ số " + dossierId
        + " chưa có Báo cáo thẩm định của Hội đồng đánh giá.")));
  }
}
