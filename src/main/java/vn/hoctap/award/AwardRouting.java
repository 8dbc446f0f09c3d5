package vn.hoctap.award;

import org.springframework.stereotype.Component;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;

/**
 * Routing by authority (Luật TĐKT 2022 Điều 80, RECOGNITION.md §3): a Giấy khen is signed by the proposing body's
 * head (unit head or Chủ tịch UBND), a provincial Bằng khen by the Chủ tịch UBND tỉnh, the Prime Minister's Bằng
 * khen beyond the province. Each body on the way up (villages have no council) reviews with its own council.
 */
@Component
public class AwardRouting {

  private final OrgUnitRepository orgs;

  AwardRouting(OrgUnitRepository orgs) {
    this.orgs = orgs;
  }

  /** The body whose head signs that form for a proposal of that body. */
  public OrgUnit signingBody(OrgUnit proposer, AwardForm form) {
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
    if (form == AwardForm.GIAY_KHEN && body.getKind() == OrgKind.PROVINCE) {
      throw DomainException.badInput("Cấp tỉnh khen thưởng bằng Bằng khen của Chủ tịch UBND tỉnh, "
          + "không phải Giấy khen. Hãy chọn hình thức khác.");
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
