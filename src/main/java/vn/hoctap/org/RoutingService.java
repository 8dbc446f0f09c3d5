package vn.hoctap.org;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;

/**
 * Resolves the competent bodies for a unit from the tree and the province's authority rule in force on a given day.
 * A dossier is routed once, on the day it is opened (with the criteria version it starts on), and keeps that route;
 * a reorganisation of the map routes its open dossiers again with the rules in force on the day of the change.
 */
@Service
public class RoutingService {

  private final AuthorityRuleRepository rules;
  private final OrgUnitRepository orgs;

  public RoutingService(AuthorityRuleRepository rules, OrgUnitRepository orgs) {
    this.rules = rules;
    this.orgs = orgs;
  }

  @Transactional(readOnly = true)
  public Route route(OrgUnit unit, String procedure, LocalDate day) {
    UnitKind.Tier tier = unit.assessmentTier();
    if (tier == null) {
      throw DomainException.badInput("\"" + unit.getName() + "\" không phải là nơi lập hồ sơ đề nghị công nhận.");
    }
    OrgUnit province = unit.province();
    AuthorityRule rule = rules.inForce(province.getId(), procedure, tier, day)
        .orElseThrow(() -> DomainException.rule("Tỉnh/thành phố \"" + province.getName()
            + "\" chưa cấu hình cơ quan tiếp nhận và người ký cho "
            + tier.label() + " có hiệu lực ngày " + vn.hoctap.common.Dates.vn(day)
            + ". Đề nghị quản trị viên cấu hình."));
    return new Route(body(unit, rule.getReviewerTier()), rule.getReviewerTitle(), body(unit, rule.getSignerTier()),
        rule.getSignerRole(), rule.getSignerTitle(), rule.getDecisionCode(), rule.isConfirmed());
  }

  /** The applicant's ancestor of that tier (a missing district tier routes to the province), or the Ministry. */
  private OrgUnit body(OrgUnit unit, OrgKind tier) {
    if (tier == OrgKind.NATION) {
      return orgs.findFirstByKind(OrgKind.NATION).orElseThrow(() -> DomainException.rule(
          "Cây tổ chức chưa có cấp trung ương (Bộ GDĐT). Đề nghị quản trị viên bổ sung."));
    }
    OrgUnit body = unit.nearest(tier);
    return body != null ? body : unit.province();
  }
}
