package vn.hoctap.deadline;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.FieldProblems;
import vn.hoctap.web.FlashOutcome;
import vn.hoctap.web.Page;

/**
 * /quan-tri/thoi-han: the deadlines of the texts (read-only, with their article) and the provinces' own
 * deadlines, which administrators add, change and remove; the processes use the most specific one.
 */
@Page
@RequestMapping("/quan-tri/thoi-han")
class DeadlineRulePages {

  private static final String PAGE = "/quan-tri/thoi-han";

  private final DeadlineRules rules;
  private final OrgUnitRepository orgs;

  DeadlineRulePages(DeadlineRules rules, OrgUnitRepository orgs) {
    this.rules = rules;
    this.orgs = orgs;
  }

  private static String administrator() {
    CurrentUser user = CurrentUser.get();
    if (user == null || !user.admin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ quản trị viên mới được sửa thời hạn.");
    }
    return user.id();
  }

  /** A rule as the page shows it. */
  record Row(long id, long version, String label, String province, String when, int remindDaysBefore,
      String source, boolean confirmed, boolean report, boolean dated) {}

  static String label(DeadlineRule r) {
    String title;
    try {
      title = Title.valueOf(r.getProcedure()).label();
    } catch (IllegalArgumentException e) {
      title = "AWARD".equals(r.getProcedure()) ? "Khen thưởng" : r.getProcedure();
    }
    return title + ", " + r.getUnitTier().label() + ": " + r.getKind().label();
  }

  private Row row(DeadlineRule r, Map<Long, String> provinces) {
    return new Row(r.getId(), r.getRowVersion(), label(r), r.getProvinceId() == null ? "Toàn quốc"
        : provinces.getOrDefault(r.getProvinceId(), "Tỉnh số " + r.getProvinceId()), DeadlineRules.when(r),
        r.getRemindDaysBefore(), r.getSource(), r.isConfirmed(), r.getKind() == DeadlineKind.REPORT,
        r.dated() || r.getWorkingDays() != null);
  }

  @GetMapping
  String page(Model model) {
    administrator();
    return render(null, model);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable long id, Model model) {
    administrator();
    if (!model.containsAttribute("form")) {
      DeadlineRule r = rules.get(id);
      if (r.getProvinceId() == null) {
        throw DomainException.notFound("Thời hạn toàn quốc là quy định của văn bản, không sửa ở đây.");
      }
      model.addAttribute("form", rules.formOf(id));
    }
    return render(id, model);
  }

  private String render(Long editing, Model model) {
    List<OrgUnit> provinces = orgs.findByKindAndDissolvedAtIsNullOrderByName(OrgKind.PROVINCE);
    Map<Long, String> names = provinces.stream().collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getName,
        (a, b) -> a));
    List<DeadlineRule> national = rules.national();
    model.addAttribute("national", national.stream().map(r -> row(r, names)).toList());
    List<DeadlineRule> overrides = rules.overrides();
    overrides.stream().filter(r -> !names.containsKey(r.getProvinceId())).forEach(r -> orgs.findById(
        r.getProvinceId()).ifPresent(o -> names.put(o.getId(), o.getName())));
    model.addAttribute("overrides", overrides.stream().map(r -> row(r, names)).toList());
    model.addAttribute("nationalChoices", national.stream().collect(Collectors.toMap(DeadlineRule::getId,
        r -> label(r) + " (" + r.getSource().split(":")[0] + ")", (a, b) -> a, LinkedHashMap::new)));
    model.addAttribute("provinces", provinces);
    model.addAttribute("editing", editing);
    if (editing != null) {
      DeadlineRule r = rules.get(editing);
      model.addAttribute("editingLabel", label(r) + " — " + names.getOrDefault(r.getProvinceId(), ""));
    }
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", DeadlineRules.Form.empty());
    }
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", Map.of());
    }
    return "admin/thoi-han";
  }

  @PostMapping
  String add(@RequestParam(required = false) Long rule, @RequestParam(required = false) Long province,
      @RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String month,
      @RequestParam(defaultValue = "1") String yearOffset, @RequestParam(defaultValue = "") String workingDays,
      @RequestParam(defaultValue = "") String remindDaysBefore, @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes flash,
      HttpServletResponse response) {
    return save(null, new DeadlineRules.Form(rule, province, day, month, yearOffset, workingDays, remindDaysBefore,
        source, confirmed, null), model, flash, response);
  }

  @PostMapping("/{id}")
  String change(@PathVariable long id, @RequestParam(required = false) Long version,
      @RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String month,
      @RequestParam(defaultValue = "1") String yearOffset, @RequestParam(defaultValue = "") String workingDays,
      @RequestParam(defaultValue = "") String remindDaysBefore, @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes flash,
      HttpServletResponse response) {
    return save(id, new DeadlineRules.Form(null, null, day, month, yearOffset, workingDays, remindDaysBefore, source,
        confirmed, version), model, flash, response);
  }

  private String save(Long id, DeadlineRules.Form typed, Model model, RedirectAttributes flash,
      HttpServletResponse response) {
    String actor = administrator();
    try {
      DeadlineRule saved = rules.save(actor, id, typed);
      flash.addFlashAttribute("ok", (id == null ? "Đã thêm" : "Đã lưu") + " thời hạn " + label(saved) + ": "
          + DeadlineRules.when(saved) + ".");
      return "redirect:" + PAGE;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      if (e.kind() != DomainException.Kind.BAD_INPUT) {
        FlashOutcome.refusal(flash, e);
        return "redirect:" + PAGE;
      }
      Map<String, String> problems = FieldProblems.of(e, null);
      model.addAttribute("form", typed);
      model.addAttribute("problems", problems);
      model.addAttribute("formError", e.getMessage());
      response.setStatus(400);
      return render(id, model);
    }
  }

  @PostMapping("/{id}/xoa")
  String remove(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, PAGE, () -> {
      DeadlineRule r = rules.remove(actor, id, version);
      return "Đã xoá thời hạn riêng của tỉnh (" + label(r) + "): thời hạn toàn quốc áp dụng lại.";
    });
  }
}
