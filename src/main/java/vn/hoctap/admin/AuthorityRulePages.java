package vn.hoctap.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.hoctap.web.FieldProblems;
import vn.hoctap.web.FlashOutcome;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.AuthorityRule;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.UnitKind;
import vn.hoctap.web.Page;

/**
 * Thẩm quyền tiếp nhận và ký (/quan-tri/tham-quyen): a province's authority rules with their periods of validity,
 * each editable by an administrator; a rule without an official text read is flagged "chờ xác nhận văn bản".
 */
@Page
@RequestMapping("/quan-tri/tham-quyen")
class AuthorityRulePages {

  private final AuthorityRules authority;

  AuthorityRulePages(AuthorityRules authority) {
    this.authority = authority;
  }

  static String listPage(String provinceCode) {
    return UriComponentsBuilder.fromPath("/quan-tri/tham-quyen").queryParam("tinh", provinceCode).encode()
        .toUriString();
  }

  @GetMapping
  String list(@RequestParam(name = "tinh", required = false) String provinceCode, Model model) {
    AdministrationController.administrator();
    model.addAttribute("provinces", authority.provinces());
    if (provinceCode != null && !provinceCode.isBlank()) {
      OrgUnit province = authority.province(provinceCode);
      model.addAttribute("province", province);
      model.addAttribute("rules", authority.ofProvince(province).stream().map(AuthorityRulePages::row).toList());
    }
    return "admin/tham-quyen";
  }

  @PostMapping("/mac-dinh")
  String addDefaults(@RequestParam(name = "tinh") String provinceCode,
      @RequestParam(defaultValue = "false") boolean twoTier, RedirectAttributes flash) {
    String actor = AdministrationController.administrator();
    return FlashOutcome.act(flash, listPage(provinceCode), () -> "Đã thêm " + authority.addDefaults(actor,
        provinceCode, twoTier) + " quy tắc theo TT 24/2023 và TT 25/2023"
        + (twoTier ? ", gồm cả phần giao lại từ 01/07/2025 (chờ xác nhận văn bản)." : "."));
  }

  @GetMapping("/moi")
  String newRule(@RequestParam(name = "tinh") String provinceCode, Model model) {
    AdministrationController.administrator();
    OrgUnit province = authority.province(provinceCode);
    return form(model, province, null, new AuthorityRules.Edit(Title.LEARNING_UNIT.name(),
        UnitKind.Tier.DISTRICT.name(), OrgKind.COMMUNE.name(), "", OrgKind.COMMUNE.name(), "signer", "", "QĐ-UBND",
        false, "", "", "", null), Map.of());
  }

  @GetMapping("/{id}")
  String edit(@PathVariable Long id, Model model) {
    AdministrationController.administrator();
    AuthorityRule rule = authority.get(id);
    OrgUnit province = authority.provinces().stream().filter(p -> p.getId().equals(rule.getProvinceId()))
        .findFirst().orElseThrow(() -> DomainException.notFound("Không tìm thấy tỉnh của quy tắc số " + id + "."));
    return form(model, province, rule, AuthorityRules.Edit.of(rule), Map.of());
  }

  @PostMapping({"/moi", "/{id}"})
  String save(@PathVariable(required = false) Long id, @RequestParam(name = "tinh") String provinceCode,
      @RequestParam(required = false) String procedure, @RequestParam(required = false) String unitTier,
      @RequestParam(required = false) String reviewerTier, @RequestParam(required = false) String reviewerTitle,
      @RequestParam(required = false) String signerTier, @RequestParam(required = false) String signerRole,
      @RequestParam(required = false) String signerTitle, @RequestParam(required = false) String decisionCode,
      @RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(required = false) String note,
      @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validTo,
      @RequestParam(required = false) Long version, Model model, RedirectAttributes flash) {
    String actor = AdministrationController.administrator();
    AuthorityRules.Edit edit = new AuthorityRules.Edit(procedure, unitTier, reviewerTier, reviewerTitle, signerTier,
        signerRole, signerTitle, decisionCode, confirmed, note, validFrom, validTo, version);
    try {
      authority.save(actor, provinceCode, id, edit);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      Map<String, String> problems = FieldProblems.of(e, "");
      model.addAttribute("error", e.getMessage());
      OrgUnit province = authority.province(provinceCode);
      return form(model, province, id == null ? null : authority.get(id), edit, problems);
    }
    flash.addFlashAttribute("ok", id == null ? "Đã thêm quy tắc thẩm quyền." : "Đã lưu quy tắc thẩm quyền.");
    return "redirect:" + listPage(provinceCode);
  }

  private String form(Model model, OrgUnit province, AuthorityRule rule, AuthorityRules.Edit edit,
      Map<String, String> problems) {
    model.addAttribute("province", province);
    model.addAttribute("rule", rule);
    model.addAttribute("edit", edit);
    model.addAttribute("problems", problems);
    model.addAttribute("titles", Title.values());
    model.addAttribute("unitTiers", UnitKind.Tier.values());
    model.addAttribute("bodyTiers", List.of(OrgKind.NATION, OrgKind.PROVINCE, OrgKind.DISTRICT, OrgKind.COMMUNE));
    model.addAttribute("signerRoles", AuthorityRules.SIGNER_ROLES);
    return "admin/tham-quyen-sua";
  }

  /** A rule as the list shows it, in words. */
  static Map<String, Object> row(AuthorityRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.getId());
    m.put("title", Title.valueOf(r.getProcedure()).label());
    m.put("tier", r.getUnitTier().label());
    m.put("reviewer", r.getReviewerTitle() + " (" + r.getReviewerTier().label() + ")");
    m.put("signer", r.getSignerTitle() + " (" + r.getSignerTier().label() + ")");
    m.put("decisionCode", r.getDecisionCode());
    m.put("period", AuthorityRules.period(r));
    m.put("confirmed", r.isConfirmed());
    m.put("note", r.getNote());
    return m;
  }
}
