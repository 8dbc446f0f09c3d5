package vn.hoctap.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.Subject;
import vn.hoctap.org.OrgKind;
import vn.hoctap.web.PersonNames;

/**
 * The decision recognising an assessment round ("Công dân học tập", and the Hội Khuyến học titles of a village),
 * issued and signed in the decider's transaction when the round is recognised; the list itself stays the round's
 * spreadsheet, the decision states how many of each population it recognises.
 */
@Component
class RoundDocuments {

  static final String SUBJECT = "ROUND";
  static final String KIND = "QUYET_DINH_DOT_DANH_GIA";

  private final RoundService rounds;
  private final IssuedDocuments issued;
  private final LegalBases bases;
  private final PublicUrl publicUrl;
  private final PersonNames names;
  private final JdbcTemplate jdbc;

  RoundDocuments(RoundService rounds, IssuedDocuments issued, LegalBases bases, PublicUrl publicUrl,
      PersonNames names, JdbcTemplate jdbc) {
    this.rounds = rounds;
    this.issued = issued;
    this.bases = bases;
    this.publicUrl = publicUrl;
    this.names = names;
    this.jdbc = jdbc;
  }

  @EventListener
  void recognised(RoundService.Recognised e) {
    Round r = rounds.get(e.roundId());
    if (!issued.ofSubject(SUBJECT, r.id()).isEmpty()) {
      return;
    }
    Issuer who = issuer(r);
    String signerName = names.of(r.decidedBy());
    String code = CheckCodes.next();
    RoundService.Counts c = rounds.counts(r.id());
    String title = title(r);
    List<String> items = new ArrayList<>();
    int n = 0;
    // the tally written when the round was recognised: how many of each population
    for (Map<String, Object> t : jdbc.queryForList("select subject, recognised from round_tally where round_id = ?"
        + " order by subject", r.id())) {
      items.add(++n + ". " + Subject.valueOf((String) t.get("subject")).label() + ": "
          + ((Number) t.get("recognised")).longValue() + ".");
    }
    OfficialText text = new OfficialText(OfficialText.Form.ADMINISTRATIVE, who.superior(), who.body(),
        r.decisionNo(), Nd30.placeAndDate(who.place(), r.decisionDate()), "QUYẾT ĐỊNH",
        "Về việc công nhận danh hiệu " + title + " năm " + r.assessmentYear(), who.authority(),
        r.kind() == RoundKind.CITIZEN ? bases.round(r.kind().label())
            : List.of("Căn cứ kết quả đánh giá của đợt đánh giá năm " + r.assessmentYear() + " của " + r.orgName()
                + "."),
        "QUYẾT ĐỊNH:",
        List.of(new OfficialText.Article("Điều 1.", "Công nhận " + c.recognised() + " trường hợp của " + r.orgName()
                + " đạt danh hiệu " + title + " năm " + r.assessmentYear() + " (có danh sách kèm theo), gồm:",
                items),
            OfficialText.Article.of("Điều 2.", "Quyết định có hiệu lực kể từ ngày ký. " + r.orgName()
                + " và các cá nhân, hộ gia đình, dòng họ có tên trong danh sách chịu trách nhiệm thi hành Quyết định"
                + " này.")),
        List.of(), List.of("- Như Điều 2;", "- Lưu: VT."), new OfficialText.SignerBlock(who.block(), signerName),
        publicUrl.checkUrl(code), code, "Quyết định " + Nd30.number(r.decisionNo()) + " công nhận " + r.kind()
        .label());
    issued.issue(new IssuedDocuments.Issue(KIND, SUBJECT, r.id(), code, text, r.decidedBy(), signerName,
        r.deciderTitle(), r.deciderOrgId(), r.deciderCode(), who.sealName(), who.place(), r.decisionNo()));
  }

  /** The body that decided the round, as its decision's header prints it. */
  private Issuer issuer(Round r) {
    Map<String, Object> decider = jdbc.queryForMap("select o.name, o.kind, p.name as parent_name from org_unit o"
        + " left join org_unit p on p.id = o.parent_id where o.id = ?", r.deciderOrgId());
    OrgKind kind = OrgKind.valueOf((String) decider.get("kind"));
    String name = (String) decider.get("name");
    return kind == OrgKind.UNIT
        ? Issuer.unit(r.deciderOrgId(), r.deciderCode(), name, "Thủ trưởng", Nd30.place(
            (String) decider.get("parent_name")))
        : Issuer.of(r.deciderOrgId(), r.deciderCode(), name, kind, "signer");
  }

  private static String title(Round r) {
    return r.kind() == RoundKind.CITIZEN ? "“Công dân học tập”"
        : "“Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập” cấp thôn";
  }

  /** What the decision revoking the round's decision states of it; signed by whoever decided the round. */
  DecisionRevocations.Revocable revocable(long roundId) {
    Round r = rounds.get(roundId);
    return new DecisionRevocations.Revocable(issuer(r), r.decisionNo(), r.decisionDate(), "Quyết định công nhận"
        + " danh hiệu " + title(r) + " năm " + r.assessmentYear() + " của " + r.orgName(), "về việc công nhận danh"
        + " hiệu " + title(r) + " năm " + r.assessmentYear() + " của " + r.orgName(), r.orgName(), r.decidedBy(),
        names.of(r.decidedBy()), r.deciderTitle());
  }
}
