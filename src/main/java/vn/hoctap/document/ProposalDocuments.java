package vn.hoctap.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.award.AwardForm;
import vn.hoctap.award.AwardRouting;
import vn.hoctap.award.AwardViews;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.PersonNames;

/**
 * Tờ trình đề nghị khen thưởng of a proposal list, in the layout of NĐ 30 ({@link Nd30Layout}): the proposing body's
 * header, "Kính gửi" the head of the body that decides, the proposal's own text, the list with each candidate's
 * council result, the report, the councils' minutes, and the proposing body's head's block. Until that head signs it
 * (on the proposal's page, {@link #sign}) the file is a draft (dự thảo) laid out from the list as it stands; once
 * signed it is numbered in the body's register ("05/TTr-UBND"), stored once and never regenerated.
 */
@Service
public class ProposalDocuments {

  static final String SUBJECT = "AWARD_PROPOSAL";
  static final String KIND = "TO_TRINH";

  private final IssuedDocuments issued;
  private final Nd30Layout layout;
  private final AwardRouting routing;
  private final OrgUnitRepository orgs;
  private final RecognitionService numbers;
  private final PublicUrl publicUrl;
  private final PersonNames names;
  private final EngineClock clock;
  private final JdbcTemplate jdbc;

  ProposalDocuments(IssuedDocuments issued, Nd30Layout layout, AwardRouting routing, OrgUnitRepository orgs,
      RecognitionService numbers, PublicUrl publicUrl, PersonNames names, EngineClock clock, JdbcTemplate jdbc) {
    this.issued = issued;
    this.layout = layout;
    this.routing = routing;
    this.orgs = orgs;
    this.numbers = numbers;
    this.publicUrl = publicUrl;
    this.names = names;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** The signed tờ trình of a proposal, if its head signed it. */
  @Transactional(readOnly = true)
  public Optional<IssuedDocuments.Stored> signed(long proposalId) {
    return issued.ofSubject(SUBJECT, proposalId).stream().filter(d -> KIND.equals(d.kind())).findFirst();
  }

  /** Whether this user is the head of the proposing body (the one who signs its tờ trình). */
  @Transactional(readOnly = true)
  public boolean maySign(AwardViews.Proposal p, CurrentUser user) {
    return user.inAny(routing.signerGroup(proposer(p)));
  }

  /** The file: as signed and stored, else the draft of the list as it stands. */
  @Transactional(readOnly = true)
  public byte[] pdf(AwardViews.Proposal p) {
    Optional<IssuedDocuments.Stored> s = signed(p.id());
    if (s.isPresent() && s.get().signed()) {
      return issued.signedPdf(s.get());
    }
    OrgUnit body = proposer(p);
    return layout.draft(text(p, body, issuer(body), "", draftNumber(body), clock.today(), null, null),
        clock.now());
  }

  /** The head of the proposing body signs the tờ trình: numbered, laid out, signed and stored, once. */
  @Transactional
  public IssuedDocuments.Stored sign(AwardViews.Proposal p, CurrentUser user) {
    OrgUnit body = proposer(p);
    if (!user.inAny(routing.signerGroup(body))) {
      throw DomainException.forbidden("Tờ trình do " + routing.signerTitle(body) + " ký; bạn không ký được tờ"
          + " trình này.");
    }
    jdbc.queryForList("select id from award_proposal where id = ? for update", p.id());
    Optional<IssuedDocuments.Stored> done = signed(p.id());
    if (done.isPresent()) {
      throw DomainException.conflict("Tờ trình số " + Nd30.number(done.get().decisionNo()) + " đã được "
          + done.get().signerName() + " ký lúc " + IssuedDocuments.time(done.get().signingTime()) + "; không ký lại.");
    }
    LocalDate today = clock.today();
    String number = numbers.nextDecisionNumber(body.getId(), today.getYear()) + draftNumber(body);
    Issuer who = issuer(body);
    String signerName = names.of(user.id());
    String code = CheckCodes.next();
    OfficialText text = text(p, body, who, signerName, number, today, publicUrl.checkUrl(code), code);
    return issued.get(issued.issue(new IssuedDocuments.Issue(KIND, SUBJECT, p.id(), code, text, user.id(),
        signerName, routing.signerTitle(body), body.getId(), body.getCode(), who.sealName(), who.place(), number)));
  }

  /** "/TTr-UBND", "/TTr-{unit code}": the register's symbol of a tờ trình (NĐ 30, Phụ lục III). */
  private static String draftNumber(OrgUnit body) {
    return "/TTr-" + (body.getKind() == OrgKind.UNIT ? body.getCode() : "UBND");
  }

  private OrgUnit proposer(AwardViews.Proposal p) {
    return orgs.findByCode(p.proposerCode()).orElseThrow(() -> DomainException.notFound("Không tìm thấy đơn vị "
        + p.proposerCode() + "."));
  }

  private Issuer issuer(OrgUnit body) {
    Map<String, Object> row = jdbc.queryForMap("select o.id as org_id, o.code, o.name, o.kind, p.name as parent_name"
        + " from org_unit o left join org_unit p on p.id = o.parent_id where o.id = ?", body.getId());
    return AwardDocuments.issuer(row);
  }

  /** The one template of a tờ trình. */
  OfficialText text(AwardViews.Proposal p, OrgUnit body, Issuer who, String signerName, String number,
      LocalDate date, String checkUrl, String code) {
    AwardForm form = AwardForm.valueOf(p.form());
    OrgUnit deciding = routing.signingBodyOf(p.id());
    String decider = routing.signerTitle(deciding);
    List<OfficialText.Article> parts = new ArrayList<>();
    parts.add(OfficialText.Article.of("Kính gửi:", decider + "."));
    for (String para : paragraphs(p.submission())) {
      parts.add(OfficialText.Article.of(null, para));
    }
    List<String> items = new ArrayList<>();
    int n = 0;
    for (AwardViews.Candidate c : p.candidates()) {
      StringBuilder line = new StringBuilder(++n + ". " + c.name());
      if (c.position() != null && !c.position().isBlank()) {
        line.append(", ").append(c.position());
      }
      if (!c.name().equals(c.orgName())) {
        line.append(", ").append(c.orgName());
      }
      for (AwardViews.Review r : c.reviews()) {
        if (!"OPEN".equals(r.status())) {
          line.append("; ").append(r.body()).append(" ").append("PASSED".equals(r.status()) ? "thông qua"
              : "không thông qua").append(" ").append(r.yes()).append("/").append(r.present()).append(" phiếu");
        }
      }
      items.add(line.append(n == p.candidates().size() ? "." : ";").toString());
    }
    parts.add(new OfficialText.Article(null, "Thực hiện phong trào thi đua “" + p.movement() + "” năm "
        + p.periodYear() + " (" + p.periodLabel() + "), " + body.getName() + " đề nghị tặng "
        + form.label() + " cho " + n + " tập thể, cá nhân sau (danh sách và báo cáo thành tích kèm theo):", items));
    List<String> report = paragraphs(p.report());
    for (int i = 0; i < report.size(); i++) {
      parts.add(OfficialText.Article.of(i == 0 ? "Tóm tắt thành tích:" : null, report.get(i)));
    }
    for (AwardViews.Candidate c : p.candidates()) {
      for (AwardViews.Review r : c.reviews()) {
        if (r.minutes() != null && !r.minutes().isBlank()) {
          for (String para : paragraphs(r.minutes())) {
            parts.add(OfficialText.Article.of(null, para));
          }
        }
      }
    }
    parts.add(OfficialText.Article.of(null, "Kính đề nghị " + decider + " xem xét, quyết định."));
    // the committee's tờ trình is signed on its behalf ("TM.", NĐ 30 Phụ lục I), as its notices are
    List<String> block = who.block().equals(List.of("Chủ tịch")) ? List.of("TM. Ủy ban nhân dân", "Chủ tịch")
        : who.block();
    return new OfficialText(OfficialText.Form.ADMINISTRATIVE, who.superior(), who.body(), number,
        Nd30.placeAndDate(who.place(), date), "TỜ TRÌNH", "Về việc đề nghị tặng " + form.label(), null, List.of(),
        null, parts, List.of(), List.of("- Như trên;", "- Lưu: VT."), new OfficialText.SignerBlock(block,
        signerName), checkUrl, code, (code == null ? "Dự thảo tờ trình" : "Tờ trình " + Nd30.number(number))
        + " đề nghị tặng " + form.label());
  }

  /** The non-empty lines of a typed text, each a paragraph (the layout wraps words, not line breaks). */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        String s = line.replace('\t', ' ').strip();
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
