package vn.hoctap.document;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoctap.award.AwardForm;
import vn.hoctap.award.AwardService;
import vn.hoctap.award.CandidateKind;
import vn.hoctap.org.OrgKind;
import vn.hoctap.web.PersonNames;

/**
 * Quyết định khen thưởng, issued and signed in the signer's transaction each time an award is recorded. One
 * decision of a proposal list grows as its candidates are decided one by one: each signature issues the decision as
 * it then stands (its own check code), and the earlier issue stays stored, never changed; the check page lists them
 * in order.
 */
@Component
class AwardDocuments {

  static final String SUBJECT = "AWARD_DECISION";
  static final String KIND = "QUYET_DINH_KHEN_THUONG";

  private final IssuedDocuments issued;
  private final PublicUrl publicUrl;
  private final PersonNames names;
  private final JdbcTemplate jdbc;

  AwardDocuments(IssuedDocuments issued, PublicUrl publicUrl, PersonNames names, JdbcTemplate jdbc) {
    this.issued = issued;
    this.publicUrl = publicUrl;
    this.names = names;
    this.jdbc = jdbc;
  }

  @EventListener
  void recorded(AwardService.AwardRecorded e) {
    Map<String, Object> d = decision(e.decisionId());
    long orgId = ((Number) d.get("org_id")).longValue();
    String orgCode = (String) d.get("code");
    Issuer who = issuer(d);
    AwardForm form = AwardForm.valueOf((String) d.get("form"));
    List<String> items = new ArrayList<>();
    int n = 0;
    for (Map<String, Object> a : jdbc.queryForList("select a.kind, a.name, a.position, o.name as org from award w"
        + " join awardee a on a.id = w.awardee_id join org_unit o on o.id = a.org_id where w.decision_id = ? and"
        + " w.id <= ? order by w.id", e.decisionId(), e.awardId())) {
      String who2 = (String) a.get("name") + (a.get("position") == null ? "" : ", " + a.get("position"))
          + (CandidateKind.valueOf((String) a.get("kind")) == CandidateKind.INDIVIDUAL ? ", " + a.get("org") : "");
      items.add(++n + ". " + who2 + ";");
    }
    if (!items.isEmpty()) {
      String last = items.get(items.size() - 1);
      items.set(items.size() - 1, last.substring(0, last.length() - 1) + ".");
    }
    String number = (String) d.get("decision_no");
    java.time.LocalDate date = ((Date) d.get("decision_date")).toLocalDate();
    String signerName = names.of(e.signedBy());
    String code = CheckCodes.next();
    OfficialText text = new OfficialText(OfficialText.Form.ADMINISTRATIVE, who.superior(), who.body(), number,
        Nd30.placeAndDate(who.place(), date), "QUYẾT ĐỊNH", "Về việc tặng " + form.label(), who.authority(),
        List.of("Căn cứ Luật Thi đua, khen thưởng năm 2022;", "Căn cứ kết quả xét duyệt của Hội đồng Thi đua -"
            + " Khen thưởng;", "Theo đề nghị của " + d.get("proposer") + "."), "QUYẾT ĐỊNH:",
        List.of(new OfficialText.Article("Điều 1.", "Tặng " + form.label() + " cho " + n + " tập thể, cá nhân đã"
                + " có thành tích trong phong trào “" + d.get("movement") + "” năm " + d.get("period_year")
                + ", gồm:", items),
            OfficialText.Article.of("Điều 2.", "Quyết định có hiệu lực kể từ ngày ký. " + d.get("proposer")
                + " và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")),
        List.of(), List.of("- Như Điều 2;", "- Lưu: VT."), new OfficialText.SignerBlock(who.block(), signerName),
        publicUrl.checkUrl(code), code, "Quyết định " + Nd30.number(number) + " tặng " + form.label()
        + (n > 1 ? " (bản ký lần " + n + ")" : ""));
    issued.issue(new IssuedDocuments.Issue(KIND, SUBJECT, e.decisionId(), code, text, e.signedBy(), signerName,
        (String) d.get("signer_title"), orgId, orgCode, who.sealName(), who.place(), number));
  }

  private Map<String, Object> decision(long decisionId) {
    return jdbc.queryForMap("select d.decision_no, d.decision_date, d.form, d.signer_title,"
        + " o.id as org_id, o.code, o.name, o.kind, p.name as parent_name, pr.movement, pr.period_year, po.name as"
        + " proposer from award_decision d join org_unit o on o.id = d.signer_org_id left join org_unit p on p.id ="
        + " o.parent_id join award_proposal pr on pr.id = d.proposal_id join org_unit po on po.id ="
        + " pr.proposer_org_id where d.id = ?", decisionId);
  }

  /** The body that signs, from a row with its kind, name, org_id, code and parent_name. */
  static Issuer issuer(Map<String, Object> d) {
    OrgKind kind = OrgKind.valueOf((String) d.get("kind"));
    String orgName = (String) d.get("name");
    long orgId = ((Number) d.get("org_id")).longValue();
    String orgCode = (String) d.get("code");
    return switch (kind) {
      case UNIT -> Issuer.unit(orgId, orgCode, orgName, "Thủ trưởng", Nd30.place((String) d.get("parent_name")));
      case NATION -> Issuer.primeMinister(orgId, orgCode);
      default -> Issuer.of(orgId, orgCode, orgName, kind, "signer");
    };
  }

  /** What the decision revoking an award decision states of it; signed by whoever signed it last. */
  DecisionRevocations.Revocable revocable(long decisionId) {
    Map<String, Object> d = decision(decisionId);
    IssuedDocuments.Stored last = issued.ofSubject(SUBJECT, decisionId).stream()
        .filter(s -> KIND.equals(s.kind())).reduce((a, b) -> b).orElseThrow();
    String form = AwardForm.valueOf((String) d.get("form")).label();
    return new DecisionRevocations.Revocable(issuer(d), (String) d.get("decision_no"),
        ((Date) d.get("decision_date")).toLocalDate(), "Quyết định tặng " + form + " phong trào “"
        + d.get("movement") + "” năm " + d.get("period_year"), "về việc tặng " + form, (String) d.get("proposer"),
        last.signerUser(), last.signerName(), last.signerTitle());
  }
}
