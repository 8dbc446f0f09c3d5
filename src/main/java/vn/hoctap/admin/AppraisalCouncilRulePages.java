package vn.hoctap.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.DomainException;
import vn.hoctap.procedure.AppraisalCouncilRules;
import vn.hoctap.procedure.AppraisalCouncilRules.Edit;
import vn.hoctap.procedure.AppraisalCouncilRules.Row;
import vn.hoctap.web.FieldProblems;
import vn.hoctap.web.FlashOutcome;
import vn.hoctap.web.Page;

/**
 * Quy tắc Hội đồng đánh giá (/quan-tri/hoi-dong-danh-gia): how a council concludes and whether a dossier may be
 * returned for supplement, the national default and each province's own rule; add, edit (confirm with the text that
 * sets it), remove a province's rule. None of it is in TT24/TT25, which the page says.
 */
@Page
@RequestMapping(AppraisalCouncilRulePages.PAGE)
class AppraisalCouncilRulePages {

  static final String PAGE = "/quan-tri/hoi-dong-danh-gia";

  private final AppraisalCouncilRules rules;

  AppraisalCouncilRulePages(AppraisalCouncilRules rules) {
    this.rules = rules;
  }

  @GetMapping
  String list(Model model) {
    AdministrationController.administrator();
    model.addAttribute("rules", rules.all());
    return "admin/hoi-dong-danh-gia";
  }

  @GetMapping("/moi")
  String newRule(Model model) {
    AdministrationController.administrator();
    Row national = rules.all().get(0);
    return form(model, null, new Edit("", String.valueOf(national.passNum()), String.valueOf(national.passDen()),
        national.base(), national.returnForSupplement(), "", false, null), Map.of(), null);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable long id, Model model) {
    AdministrationController.administrator();
    Row row = rules.get(id);
    return form(model, row, Edit.of(row), Map.of(), null);
  }

  @PostMapping({"/moi", "/{id}"})
  String save(@PathVariable(required = false) Long id, @RequestParam(required = false) String province,
      @RequestParam(required = false) String passNum, @RequestParam(required = false) String passDen,
      @RequestParam(required = false) String base,
      @RequestParam(defaultValue = "false") boolean returnForSupplement,
      @RequestParam(required = false) String source, @RequestParam(defaultValue = "false") boolean confirmed,
      @RequestParam(required = false) Long version, Model model, RedirectAttributes flash,
      HttpServletResponse response) {
    String actor = AdministrationController.administrator();
    Edit edit = new Edit(province, passNum, passDen, base, returnForSupplement, source, confirmed, version);
    Row saved;
    try {
      saved = id == null ? rules.add(actor, edit) : rules.save(actor, id, edit);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      Map<String, String> problems = FieldProblems.of(e, "");
      response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
      return form(model, id == null ? null : rules.get(id), edit, problems, e.getMessage());
    }
    flash.addFlashAttribute("ok", (id == null ? "Đã thêm quy tắc riêng của " : "Đã lưu quy tắc ")
        + (id == null ? saved.orgName() : (saved.nationalDefault() ? "mặc định toàn quốc" : "của " + saved.orgName()))
        + ": " + saved.share() + (saved.confirmed() ? "." : " (chờ xác nhận văn bản)."));
    return "redirect:" + PAGE;
  }

  @PostMapping("/{id}/xoa")
  String remove(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
    String actor = AdministrationController.administrator();
    return FlashOutcome.act(flash, PAGE, () -> "Đã xoá quy tắc riêng của " + rules.remove(actor, id, version)
        .orgName() + ": Hội đồng đánh giá của tỉnh theo quy tắc mặc định toàn quốc.");
  }

  private String form(Model model, Row row, Edit edit, Map<String, String> problems, String error) {
    model.addAttribute("row", row);
    model.addAttribute("edit", edit);
    model.addAttribute("problems", problems);
    model.addAttribute("error", error);
    model.addAttribute("bases", AppraisalCouncilRules.BASES);
    if (row == null) {
      model.addAttribute("provinces", rules.provincesWithoutRule());
    }
    return "admin/hoi-dong-danh-gia-sua";
  }
}
