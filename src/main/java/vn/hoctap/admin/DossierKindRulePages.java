package vn.hoctap.admin;

import jakarta.servlet.http.HttpServletResponse;
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
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.DossierKindRules;
import vn.hoctap.dossier.DossierKindRules.Edit;
import vn.hoctap.dossier.DossierKindRules.Parameter;
import vn.hoctap.dossier.DossierKindRules.Rule;
import vn.hoctap.dossier.Title;
import vn.hoctap.web.FieldProblems;
import vn.hoctap.web.Page;

/**
 * Tham số loại hồ sơ (/quan-tri/loai-ho-so): the figures of công nhận lại and nâng mức độ per title (the wait
 * before an upgrade, the retention, which year it follows, whether a commune upgrades by the same procedure), each
 * with its article and whether a text settles it; an administrator edits a value, its article, and confirms it. A
 * value the text fixes is changed only with a reason, after which it is "chờ xác nhận văn bản" (DossierKindRules.edit).
 */
@Page
@RequestMapping(DossierKindRulePages.PAGE)
class DossierKindRulePages {

  static final String PAGE = "/quan-tri/loai-ho-so";

  /** The Vietnamese slugs of the addresses. */
  static final Map<String, Title> TITLES = Map.of("don-vi-hoc-tap", Title.LEARNING_UNIT, "cong-dong-hoc-tap",
      Title.LEARNING_COMMUNITY);
  static final Map<String, Parameter> PARAMETERS = Map.of("thoi-gian-cho-nang-muc-do", Parameter.UPGRADE_WAIT_MONTHS,
      "thoi-han-bao-luu", Parameter.RETENTION_MONTHS, "nam-duoc-cong-nhan", Parameter.RETENTION_BASE_YEAR,
      "xa-nang-muc-do-cung-quy-trinh", Parameter.COMMUNE_UPGRADE_SAME_PROCEDURE);

  private final DossierKindRules rules;

  DossierKindRulePages(DossierKindRules rules) {
    this.rules = rules;
  }

  static String slug(Title t) {
    return TITLES.entrySet().stream().filter(e -> e.getValue() == t).findFirst().orElseThrow().getKey();
  }

  static String slug(Parameter p) {
    return PARAMETERS.entrySet().stream().filter(e -> e.getValue() == p).findFirst().orElseThrow().getKey();
  }

  /** The page of one row. */
  public static String path(Rule r) {
    return PAGE + "/" + slug(r.title()) + "/" + slug(r.parameter());
  }

  /** A row of the list with the address of its page. */
  public record Row(Rule rule, String href) {}

  @GetMapping
  String list(Model model) {
    AdministrationController.administrator();
    Map<Title, List<Row>> byTitle = new LinkedHashMap<>();
    for (Rule r : rules.all()) {
      byTitle.computeIfAbsent(r.title(), t -> new java.util.ArrayList<>()).add(new Row(r, path(r)));
    }
    model.addAttribute("titles", byTitle);
    return "admin/loai-ho-so";
  }

  private Rule rule(String title, String parameter) {
    Title t = TITLES.get(title);
    Parameter p = PARAMETERS.get(parameter);
    if (t == null || p == null) {
      throw DomainException.notFound("Không có tham số loại hồ sơ này.");
    }
    try {
      return rules.rule(t, p);
    } catch (IllegalStateException e) {
      throw DomainException.notFound("“" + t.label() + "” không có tham số “" + DossierKindRules.label(p) + "”.");
    }
  }

  @GetMapping("/{title}/{parameter}")
  String edit(@PathVariable String title, @PathVariable String parameter, Model model) {
    AdministrationController.administrator();
    Rule r = rule(title, parameter);
    return form(model, r, Edit.of(r), Map.of(), null);
  }

  @PostMapping("/{title}/{parameter}")
  String save(@PathVariable String title, @PathVariable String parameter,
      @RequestParam(required = false) String value, @RequestParam(required = false) String source,
      @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean confirmed,
      @RequestParam(required = false) String reason, @RequestParam(required = false) Long version, Model model,
      RedirectAttributes flash, HttpServletResponse response) {
    String actor = AdministrationController.administrator();
    Rule before = rule(title, parameter);
    Edit edit = new Edit(value, source, note, confirmed, reason, version);
    Rule saved;
    try {
      saved = rules.edit(before.title(), before.parameter(), edit, actor);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      Map<String, String> problems = FieldProblems.of(e, "");
      response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
      return form(model, before, edit, problems, e.getMessage());
    }
    flash.addFlashAttribute("ok", "Đã lưu “" + saved.label() + "” của " + saved.title().label() + ": "
        + saved.valueLabel() + (saved.confirmed() ? " (theo văn bản)." : " (chờ xác nhận văn bản)."));
    return "redirect:" + PAGE;
  }

  private String form(Model model, Rule rule, Edit edit, Map<String, String> problems, String error) {
    model.addAttribute("rule", rule);
    model.addAttribute("edit", edit);
    model.addAttribute("problems", problems);
    model.addAttribute("error", error);
    model.addAttribute("action", path(rule));
    model.addAttribute("baseYears", DossierKindRules.BaseYear.values());
    model.addAttribute("maxMonths", DossierKindRules.MAX_MONTHS);
    return "admin/loai-ho-so-sua";
  }
}
