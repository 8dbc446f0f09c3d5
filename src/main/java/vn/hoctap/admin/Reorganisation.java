package vn.hoctap.admin;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoctap.admin.AuditLog.Target;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.Title;
import vn.hoctap.engine.OpenWork;
import vn.hoctap.org.AuthorityRule;
import vn.hoctap.org.AuthorityRuleRepository;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.org.Route;
import vn.hoctap.org.RoutingService;
import vn.hoctap.org.UnitKind;
import vn.hoctap.procedure.Applicants;
import vn.hoctap.process.DossierInstanceGrants;
import vn.hoctap.security.IdentityProvisioning;

/**
 * Sắp xếp đơn vị hành chính (RECOGNITION.md §4): dissolves one or more bodies (a district, a commune merged into
 * another, a whole tier of a province) into a successor that takes their children. In the same transaction the
 * province's authority rules can be replaced, every open dossier below or routed to a dissolved body is routed
 * again from the new tree (its variables, open tasks, claims and engine read rights follow, with a history entry),
 * and the roles held at the dissolved bodies end. What belongs to a dissolved body itself (its own open dossier,
 * assessment round or award candidates under its council) blocks the change until it is finished. Closed dossiers keep pointing at the dissolved body, whose row
 * and name stay. The preview runs exactly the same change and rolls it back, so it shows what would happen.
 */
@Service
public class Reorganisation {

  /** Replaces (or adds) the province's rule for one procedure and applicant tier. */
  public record RuleChange(String procedure, UnitKind.Tier unitTier, OrgKind reviewerTier, String reviewerTitle,
      OrgKind signerTier, String signerRole, String signerTitle, String decisionCode, Boolean confirmed,
      String note) {}

  public record Request(List<String> orgCodes, String targetCode, List<RuleChange> rules, String reason) {}

  private final OrgUnitRepository orgs;
  private final AuthorityRuleRepository rules;
  private final RoutingService routing;
  private final DossierService dossiers;
  private final OpenWork openWork;
  private final DossierInstanceGrants grants;
  private final IdentityService identity;
  private final IdentityProvisioning provisioning;
  private final AuditLog audit;
  private final EngineClock clock;
  private final EntityManager em;
  private final TransactionTemplate tx;

  public Reorganisation(OrgUnitRepository orgs, AuthorityRuleRepository rules, RoutingService routing,
      DossierService dossiers, OpenWork openWork, DossierInstanceGrants grants, IdentityService identity,
      IdentityProvisioning provisioning, AuditLog audit, EngineClock clock, EntityManager em,
      PlatformTransactionManager transactions) {
    this.orgs = orgs;
    this.rules = rules;
    this.routing = routing;
    this.dossiers = dossiers;
    this.openWork = openWork;
    this.grants = grants;
    this.identity = identity;
    this.provisioning = provisioning;
    this.audit = audit;
    this.clock = clock;
    this.em = em;
    this.tx = new TransactionTemplate(transactions);
  }

  /** What {@link #apply} would do, computed by doing it and rolling it back; blockers are listed, not thrown. */
  public Map<String, Object> preview(String actor, Request request) {
    return tx.execute(status -> {
      status.setRollbackOnly();
      Map<String, Object> report = run(actor, request, true);
      report.put("preview", true);
      return report;
    });
  }

  public Map<String, Object> apply(String actor, Request request) {
    return tx.execute(status -> run(actor, request, false));
  }

  private Map<String, Object> run(String actor, Request request, boolean preview) {
    if (request == null || request.orgCodes() == null || request.orgCodes().isEmpty()
        || request.targetCode() == null || request.targetCode().isBlank()) {
      throw DomainException.badInput("Cần danh sách mã đơn vị giải thể (orgCodes) và mã đơn vị tiếp nhận"
          + " (targetCode).");
    }
    List<String> blockers = new ArrayList<>();
    OrgUnit target = orgs.findByCode(request.targetCode().strip()).orElseThrow(() -> DomainException.notFound(
        "Không tìm thấy đơn vị tiếp nhận \"" + request.targetCode() + "\"."));
    List<OrgUnit> dissolved = new ArrayList<>();
    for (String raw : request.orgCodes()) {
      String code = raw == null ? "" : raw.strip();
      OrgUnit o = orgs.findByCode(code).orElseThrow(() -> DomainException.notFound(
          "Không tìm thấy đơn vị \"" + code + "\"."));
      if (dissolved.contains(o)) {
        continue;
      }
      check(o, target, blockers);
      dissolved.add(o);
    }
    if (target.isDissolved()) {
      blockers.add("Đơn vị tiếp nhận \"" + target.getName() + "\" đã giải thể.");
    }
    List<RuleChange> ruleChanges = request.rules() == null ? List.of() : request.rules();
    ruleChanges.forEach(r -> checkRule(r, blockers));

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("dissolved", dissolved.stream().map(Administration::view).toList());
    report.put("target", Administration.view(target));
    report.put("reason", request.reason());
    report.put("blockers", blockers);
    if (!blockers.isEmpty()) {
      if (preview) {
        return report;
      }
      throw new DomainException(DomainException.Kind.RULE, "Chưa thể sắp xếp đơn vị hành chính.", blockers);
    }

    // what exists before the change
    List<Map<String, Object>> moved = new ArrayList<>();
    List<Long> openIds = new ArrayList<>();
    long closed = 0;
    List<Map<String, Object>> revoked = new ArrayList<>();
    for (OrgUnit o : dissolved) {
      for (OrgUnit child : orgs.findByParentIdOrderByCode(o.getId())) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", child.getCode());
        m.put("name", child.getName());
        m.put("kind", child.getKind());
        m.put("from", child.getPath());
        m.put("to", target.getPath() + child.getCode() + "/");
        m.put("descendants", orgs.findBelow(child.getPath()).size());
        moved.add(m);
      }
      for (Dossier d : dossiersAt(o)) {
        if (d.getStatus().open()) {
          if (!openIds.contains(d.getId())) {
            openIds.add(d.getId());
          }
        } else {
          closed++;
        }
      }
      for (String role : Groups.ROLES) {
        String group = role + "-" + o.getCode();
        for (User u : identity.createUserQuery().memberOfGroup(group).list()) {
          revoked.add(Map.of("userId", u.getId(), "group", group));
        }
      }
    }
    Map<Long, Map<String, String>> before = new LinkedHashMap<>();
    for (Long id : openIds) {
      Dossier d = dossiers.get(id);
      before.put(id, Applicants.routeGroups(d));
    }

    // the change
    String province = target.province().getCode();
    for (RuleChange r : ruleChanges) {
      replaceRule(target.province(), r);
    }
    for (OrgUnit o : dissolved) {
      orgs.movePaths(o.getPath(), target.getPath(), o.getPath().length() + 1);
      orgs.moveChildren(o.getId(), target.getId());
    }
    em.clear();
    OrgUnit successor = orgs.findByCode(target.getCode()).orElseThrow();
    for (OrgUnit o : dissolved) {
      orgs.findByCode(o.getCode()).orElseThrow().dissolveInto(successor, clock.now());
    }
    for (Map<String, Object> r : revoked) {
      provisioning.removeMembership((String) r.get("userId"), (String) r.get("group"));
    }
    em.flush();

    List<Map<String, Object>> rerouted = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    String names = String.join(", ", dissolved.stream().map(OrgUnit::getName).toList());
    for (Long id : openIds) {
      rerouted.add(reroute(actor, id, before.get(id), names, successor, warnings));
    }
    if (!warnings.isEmpty() || ruleChanges.isEmpty()) {
      warnings.add(0, "Kiểm tra quy tắc thẩm quyền của " + target.province().getName() + " (" + province
          + ") cho các cấp đã thay đổi.");
    }
    report.put("moved", moved);
    report.put("openDossiers", rerouted);
    report.put("closedDossiers", closed);
    report.put("closedDossiersNote", "Hồ sơ đã kết thúc giữ nguyên tên cơ quan đã xử lý và quyết định.");
    report.put("rolesEnded", revoked);
    report.put("ruleChanges", ruleChanges);
    report.put("warnings", warnings.stream().distinct().toList());
    if (!preview) {
      audit.record(actor, "REORGANISED", Target.ORG_UNIT,
          String.join(",", dissolved.stream().map(OrgUnit::getCode).toList()) + "->" + target.getCode(),
          Map.of("dissolved", report.get("dissolved"), "rolesEnded", revoked), report);
    }
    return report;
  }

  private List<Dossier> dossiersAt(OrgUnit o) {
    return em.createQuery("select d from Dossier d where d.unit.path like :p escape :e or d.receivingOrg = :o"
        + " or d.signerOrg = :o order by d.id", Dossier.class)
        .setParameter("p", PathPrefix.pattern(o.getPath())).setParameter("e", PathPrefix.ESCAPE_CHAR)
        .setParameter("o", o).getResultList();
  }

  private Map<String, Object> reroute(String actor, Long id, Map<String, String> oldGroups, String names,
      OrgUnit successor, List<String> warnings) {
    Dossier d = dossiers.get(id);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", id);
    view.put("title", d.getTitle());
    view.put("unit", d.getUnit().getCode() + " — " + d.getUnit().getName());
    view.put("status", d.getStatus().label());
    view.put("fromReceiving", d.getReceivingOrg().getName());
    view.put("fromSigner", d.getSignerTitle() + " (" + d.getSignerOrg().getName() + ")");
    if (d.getUnit().isDissolved()) {
      throw new IllegalStateException("open dossier of a dissolved applicant " + id);
    }
    // the body that dissolves is gone from today: the rules in force today decide where the dossier goes
    Route route = routing.route(d.getUnit(), d.getTitle().name(), clock.today());
    AuthorityRule rule = rules.inForce(d.getUnit().province().getId(), d.getTitle().name(),
        d.getUnit().assessmentTier(), clock.today()).orElseThrow();
    if (route.receiving().getKind() != rule.getReviewerTier() && rule.getReviewerTier() != OrgKind.NATION) {
      warnings.add(d.getTitle().label() + ", " + d.getUnit().assessmentTier().label()
          + ": quy tắc giao cho " + rule.getReviewerTier().label() + " nhưng không còn cấp này — hồ sơ chuyển về "
          + route.receiving().getName() + ", người ký ghi \"" + rule.getSignerTitle() + "\".");
    }
    boolean changed = !route.receiving().getCode().equals(d.getReceivingOrg().getCode())
        || !route.signer().getCode().equals(d.getSignerOrg().getCode())
        || !route.signerRole().equals(d.getSignerRole()) || !route.signerTitle().equals(d.getSignerTitle());
    if (changed) {
      d.reroute(route, clock.now());
    }
    Map<String, String> moves = new LinkedHashMap<>();
    Applicants.routeGroups(d).forEach((role, group) -> {
      String old = oldGroups.get(role);
      if (old != null && !old.equals(group)) {
        moves.put(old, group);
      }
    });
    OpenWork.Moved work = openWork.reassign(String.valueOf(id), moves);
    work.instanceIds().forEach(pi -> grants.grant(pi, d));
    view.put("toReceiving", d.getReceivingOrg().getName());
    view.put("toSigner", d.getSignerTitle() + " (" + d.getSignerOrg().getName() + ")");
    view.put("openTasks", work.openTasks());
    view.put("releasedTasks", work.released());
    view.put("groupMoves", moves);
    if (changed || !moves.isEmpty()) {
      dossiers.record(id, actor, "REROUTED", "Sắp xếp đơn vị hành chính",
          "Giải thể " + names + ", sáp nhập vào " + successor.getName(),
          "Chuyển từ " + view.get("fromReceiving") + " / " + view.get("fromSigner") + " sang "
              + view.get("toReceiving") + " / " + view.get("toSigner")
              + (work.released().isEmpty() ? "" : "; trả lại hàng chờ: " + String.join(", ", work.released())));
    }
    return view;
  }

  private void check(OrgUnit o, OrgUnit target, List<String> blockers) {
    String name = "\"" + o.getName() + "\" (" + o.getCode() + ")";
    if (o.isDissolved()) {
      blockers.add(name + " đã giải thể.");
    }
    if (o.getKind() == OrgKind.NATION || o.getKind() == OrgKind.UNIT) {
      blockers.add(name + " không phải đơn vị hành chính để giải thể (chỉ tỉnh, huyện, xã, thôn).");
    }
    if (target.getPath().startsWith(o.getPath())) {
      blockers.add("Đơn vị tiếp nhận phải nằm ngoài " + name + ".");
    }
    for (OrgUnit child : orgs.findByParentIdOrderByCode(o.getId())) {
      if (child.getKind() != OrgKind.UNIT && child.getKind().ordinal() <= target.getKind().ordinal()) {
        blockers.add(child.getKind().label() + " \"" + child.getName() + "\" không thể trực thuộc "
            + target.getKind().label() + " \"" + target.getName() + "\".");
      }
    }
    // assessment rounds and award candidates of the body itself are not moved by a reorganisation: they end first
    for (Object id : em.createNativeQuery("select id from assessment_round where (org_id = ?1 or decider_org_id = ?1)"
        + " and status not in ('RECOGNISED', 'REFUSED') order by id").setParameter(1, o.getId()).getResultList()) {
      blockers.add(name + " có đợt đánh giá số " + id + " đang mở (lập hoặc quyết định tại đây): kết thúc đợt trước"
          + " khi giải thể.");
    }
    for (Object id : em.createNativeQuery("select id from award_candidate where current_body_id = ?1 and status in"
        + " ('PROPOSED', 'IN_COUNCIL', 'AWAITING_SIGNATURE') order by id").setParameter(1, o.getId())
        .getResultList()) {
      blockers.add(name + " đang xét ứng viên khen thưởng số " + id + ": kết thúc việc xét trước khi giải thể.");
    }
    for (Dossier d : dossiersAt(o)) {
      if (d.getStatus().open() && d.getUnit().getId().equals(o.getId())) {
        blockers.add(name + " đang có hồ sơ " + d.getTitle().label() + " số " + d.getId() + " ("
            + d.getStatus().label() + "): rút hoặc kết thúc hồ sơ trước khi giải thể.");
      }
    }
  }

  private void checkRule(RuleChange r, List<String> blockers) {
    String at = "Quy tắc thẩm quyền " + r.procedure() + " / " + r.unitTier() + ": ";
    if (r.procedure() == null || Set.of(Title.values()).stream().noneMatch(t -> t.name().equals(r.procedure()))) {
      blockers.add(at + "thủ tục (procedure) phải là một trong " + List.of(Title.values()) + ".");
    }
    if (r.unitTier() == null || r.reviewerTier() == null || r.signerTier() == null) {
      blockers.add(at + "cần cấp đơn vị đề nghị (unitTier), cấp tiếp nhận (reviewerTier) và cấp ký (signerTier).");
    }
    if (!"signer".equals(r.signerRole()) && !"director".equals(r.signerRole())) {
      blockers.add(at + "vai trò ký (signerRole) là signer hoặc director.");
    }
    if (blank(r.reviewerTitle()) || blank(r.signerTitle()) || blank(r.decisionCode())) {
      blockers.add(at + "cần tên cơ quan tiếp nhận, chức danh người ký và ký hiệu quyết định.");
    }
  }

  /**
   * The new rule is in force from today: the rule in force until now ends yesterday (one that starts today is
   * replaced), and a version that starts later still starts then.
   */
  private void replaceRule(OrgUnit province, RuleChange r) {
    java.time.LocalDate today = clock.today();
    java.time.LocalDate until = null;
    for (AuthorityRule existing : rules.findByProvinceIdAndProcedureAndUnitTier(province.getId(), r.procedure(),
        r.unitTier())) {
      if (existing.getValidFrom() != null && existing.getValidFrom().isAfter(today)) {
        if (until == null || existing.getValidFrom().minusDays(1).isBefore(until)) {
          until = existing.getValidFrom().minusDays(1);
        }
      } else if (existing.inForceOn(today)) {
        if (existing.getValidFrom() != null && !existing.getValidFrom().isBefore(today)) {
          rules.delete(existing);
        } else {
          existing.update(existing.getReviewerTier(), existing.getReviewerTitle(), existing.getSignerTier(),
              existing.getSignerRole(), existing.getSignerTitle(), existing.getDecisionCode(), existing.isConfirmed(),
              existing.getNote(), existing.getValidFrom(), today.minusDays(1));
        }
        rules.flush();
      }
    }
    rules.save(new AuthorityRule(province.getId(), r.procedure(), r.unitTier(), r.reviewerTier(),
        r.reviewerTitle().strip(), r.signerTier(), r.signerRole(), r.signerTitle().strip(), r.decisionCode().strip(),
        Boolean.TRUE.equals(r.confirmed()), r.note(), today, until));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
