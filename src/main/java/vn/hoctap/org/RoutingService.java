package vn.hoctap.org;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;

/** Resolves the competent bodies for a unit from the tree and the province's authority rules. */
@Service
public class RoutingService {

  private final AuthorityRuleRepository rules;

  public RoutingService(AuthorityRuleRepository rules) {
    this.rules = rules;
  }

  @Transactional(readOnly = true)
  public Route route(OrgUnit unit, String procedure) {
    if (unit.getKind() != OrgKind.UNIT) {
      throw DomainException.badInput(
          "\"" + unit.getName() + "\" không phải trường / cơ quan, đơn vị nên không lập hồ sơ Đơn vị học tập.");
    }
    OrgUnit province = unit.province();
    UnitKind.Tier tier = unit.getUnitKind().assessmentTier();
    AuthorityRule rule = rules.findByProvinceIdAndProcedureAndUnitTier(province.getId(), procedure, tier)
        .orElseThrow(() -> DomainException.rule("Tỉnh/thành phố \"" + province.getName()
            + "\" chưa cấu hình cơ quan tiếp nhận và người ký cho đơn vị cấp "
            + (tier == UnitKind.Tier.DISTRICT ? "huyện" : "tỉnh") + ". Đề nghị quản trị viên cấu hình."));
    return new Route(body(unit, rule.getReviewerTier()), rule.getReviewerTitle(), body(unit, rule.getSignerTier()),
        rule.getSignerTitle(), rule.getDecisionCode(), rule.isConfirmed());
  }

  /** The unit's ancestor of that tier; a missing district tier routes to the province. */
  private static OrgUnit body(OrgUnit unit, OrgKind tier) {
    OrgUnit body = unit.nearest(tier);
    return body != null ? body : unit.province();
  }
}
