package vn.hoctap.award;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;

/**
 * Routing by authority (Luật TĐKT 2022 Điều 80, RECOGNITION.md §3; NĐ 129/2025, LEGAL-TEXTS.md §4.2): who signs is
 * data (table award_authority) per form, proposing body's kind and period — a Giấy khen by the proposing body's
 * head (unit head or Chủ tịch UBND), a provincial Bằng khen by the Chủ tịch UBND tỉnh, the Prime Minister's beyond;
 * from 01/07/2025 no district chairman signs a Giấy khen. A proposal is routed with the row in force on the day it
 * is opened and keeps it. Each body on the way up (villages have no council) reviews with its own council.
 */
@Component
public class AwardRouting {

  /** The row a proposal was opened with and the body whose head signs. */
  public record Resolved(AwardAuthority authority, OrgUnit signingBody) {}

  private final OrgUnitRepository orgs;
  private final JdbcTemplate jdbc;

  AwardRouting(OrgUnitRepository orgs, JdbcTemplate jdbc) {
    this.orgs = orgs;
    this.jdbc = jdbc;
  }

  static final String SELECT = "select a.id, a.form, a.proposer_kind, a.province_id, o.name as province_name, "
      + "a.valid_from, a.valid_to, a.signer, a.refusal, a.source, a.confirmed, a.version from award_authority a "
      + "left join org_unit o on o.id = a.province_id";

  static AwardAuthority row(ResultSet rs, int i) throws SQLException {
    return new AwardAuthority(rs.getLong("id"), AwardForm.valueOf(rs.getString("form")),
        OrgKind.valueOf(rs.getString("proposer_kind")), (Long) rs.getObject("province_id", Long.class),
        rs.getString("province_name"), rs.getObject("valid_from", LocalDate.class),
        rs.getObject("valid_to", LocalDate.class), AwardAuthority.Signer.valueOf(rs.getString("signer")),
        rs.getString("refusal"), rs.getString("source"), rs.getBoolean("confirmed"), rs.getLong("version"));
  }

  /**
   * The row in force on that day for that form and kind of proposing body: the province's own row first, else the
   * national one; empty when the data has none.
   */
  public java.util.Optional<AwardAuthority> inForce(OrgUnit proposer, AwardForm form, LocalDate day) {
    OrgUnit province = proposer.nearest(OrgKind.PROVINCE);
    Long provinceId = province == null ? null : province.getId();
    List<AwardAuthority> rows = jdbc.query(SELECT + " where a.form = ? and a.proposer_kind = ? and (a.province_id "
        + "is null or a.province_id = ?) order by a.id", AwardRouting::row, form.name(), proposer.getKind().name(),
        provinceId);
    List<AwardAuthority> today = rows.stream().filter(r -> r.inForceOn(day)).toList();
    return today.stream().filter(r -> r.provinceId() != null).findFirst()
        .or(() -> today.stream().filter(r -> r.provinceId() == null).findFirst());
  }

  /**
   * Who signs a proposal of that body opened on that day, from the row in force; refused (field "form") where the
   * body may not propose, where the row says nobody signs (its message, e.g. NĐ 129/2025 for a district's Giấy khen
   * from 01/07/2025), or where the data has no row.
   */
  public Resolved resolve(OrgUnit proposer, AwardForm form, LocalDate day) {
    requireProposer(proposer, form);
    AwardAuthority rule = inForce(proposer, form, day).orElseThrow(() -> DomainException.badInput("Chưa có quy định"
        + " thẩm quyền tặng " + form.label() + " khi " + proposer.getKind().label().toLowerCase() + " đề nghị, áp"
        + " dụng ngày " + Dates.vn(day) + ". Đề nghị quản trị viên bổ sung ở trang \"Thẩm quyền và mức tiền"
        + " thưởng\"."));
    OrgUnit body = switch (rule.signer()) {
      case OWN -> proposer;
      case PROVINCE -> proposer.province();
      case NATION -> nation();
      case NONE -> throw DomainException.badInput("\"" + proposer.getName() + "\" không đề nghị được "
          + form.label() + ". " + rule.refusal());
    };
    return new Resolved(rule, body);
  }

  /**
   * The body whose head signs a proposal list: the one it was opened with; a list opened before the rules were data
   * (no body kept) keeps the route of the code it was opened with.
   */
  public OrgUnit signingBodyOf(long proposalId) {
    Map<String, Object> p = jdbc.queryForMap("select proposer_org_id, form, signing_body_id from award_proposal "
        + "where id = ?", proposalId);
    if (p.get("signing_body_id") != null) {
      return orgs.findById(((Number) p.get("signing_body_id")).longValue()).orElseThrow();
    }
    return signingBody(orgs.findById(((Number) p.get("proposer_org_id")).longValue()).orElseThrow(),
        AwardForm.valueOf((String) p.get("form")));
  }

  /** The rule a list was opened with; empty for a list opened before the rules were data. */
  public java.util.Optional<AwardAuthority> authorityOf(long proposalId) {
    return jdbc.query(SELECT + " join award_proposal p on p.authority_id = a.id where p.id = ?", AwardRouting::row,
        proposalId).stream().findFirst();
  }

  /** The route of lists opened before V59: the form's tier of the tree. */
  OrgUnit signingBody(OrgUnit proposer, AwardForm form) {
    if (form.signingTier() == null) {
      return proposer;
    }
    if (form.signingTier() == OrgKind.NATION) {
      return nation();
    }
    return proposer.province();
  }

  /** The next council up from a body toward the signing body; null when this body signs. */
  public OrgUnit nextBody(OrgUnit current, OrgUnit signing) {
    if (current.getId().equals(signing.getId())) {
      return null;
    }
    if (current.getKind() == OrgKind.PROVINCE || current.getParent() == null) {
      return nation();
    }
    OrgUnit up = current.getParent();
    while (up.getKind() == OrgKind.VILLAGE && up.getParent() != null) {
      up = up.getParent();
    }
    return up;
  }

  /** Whether a body may propose: villages propose through their commune. */
  public void requireProposer(OrgUnit body, AwardForm form) {
    if (body.getKind() == OrgKind.VILLAGE || body.getKind() == OrgKind.NATION) {
      throw DomainException.badInput("\"" + body.getName() + "\" không lập danh sách đề nghị khen thưởng; "
          + "thôn, tổ dân phố đề nghị qua xã / phường.");
    }
  }

  /** The group that signs at a body: the unit head, else the People's Committee chairman (signer-). */
  public String signerGroup(OrgUnit body) {
    return body.getKind() == OrgKind.UNIT ? Groups.head(body.getCode()) : Groups.signer(body.getCode());
  }

  public String signerTitle(OrgUnit body) {
    return switch (body.getKind()) {
      case UNIT -> "Thủ trưởng " + body.getName();
      case NATION -> "Thủ tướng Chính phủ (trình qua cấp trung ương — chờ xác nhận văn bản)";
      default -> "Chủ tịch UBND " + body.getName();
    };
  }

  /** The symbol after the number ("12/QĐ-UBND"). */
  public String decisionCode(OrgUnit body) {
    return switch (body.getKind()) {
      case UNIT -> "QĐ-" + body.getCode();
      case NATION -> "QĐ-TTg";
      default -> "QĐ-UBND";
    };
  }

  private OrgUnit nation() {
    return orgs.findFirstByKind(OrgKind.NATION).orElseThrow(() -> DomainException.rule(
        "Cây tổ chức chưa có cấp trung ương. Đề nghị quản trị viên bổ sung trước khi đề nghị Bằng khen của Thủ tướng."));
  }
}
