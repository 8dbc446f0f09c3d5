package vn.hoctap.dossier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.Throwables;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.procedure.Applicants;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * "Lập hồ sơ đề nghị": the applicant's staff choose one of their own units and a title from a list (never a typed
 * code), the level, the year and the dossier's kind (or let hoctap derive it from the recognitions it holds); the
 * dossier's process starts as them, through the start form's fields, with the process's own checks (membership,
 * one open dossier a year, the rule of the kind: 12 months after level 1, the retention of the previous
 * recognition). A refusal is shown on the page with what was chosen kept.
 */
@Page
class NewDossierPage {

  /** One unit the user may apply for, with its title. */
  record Choice(String value, String label) {}

  private final RuntimeService runtime;
  private final OrgUnitRepository orgs;
  private final EngineClock clock;
  private final DossierKindRules kindRules;

  NewDossierPage(RuntimeService runtime, OrgUnitRepository orgs, EngineClock clock, DossierKindRules kindRules) {
    this.kindRules = kindRules;
    this.runtime = runtime;
    this.orgs = orgs;
    this.clock = clock;
  }

  /** The user's own applicants: a school's Tổ đánh giá for "Đơn vị học tập", a People's Committee for its title. */
  List<Choice> choices(CurrentUser user) {
    List<Choice> out = new ArrayList<>();
    for (Title title : Title.values()) {
      for (String group : user.groups()) {
        String prefix = title == Title.LEARNING_UNIT ? "team-" : "committee-";
        if (!group.startsWith(prefix)) {
          continue;
        }
        String code = group.substring(prefix.length());
        orgs.findByCode(code).filter(o -> !o.isDissolved()
            && group.equals(Applicants.preparers(title, o))).ifPresent(o ->
            out.add(new Choice(title.name() + ":" + code, title.label() + " — " + o.getName())));
      }
    }
    return out;
  }

  @GetMapping("/ho-so/moi")
  String form(Model model) {
    return show(model, null, "1", String.valueOf(clock.today().getYear()), "", List.of());
  }

  @PostMapping("/ho-so/moi")
  String start(@RequestParam(name = "donVi", required = false) String choice,
      @RequestParam(name = "mucDo", required = false) String level,
      @RequestParam(name = "nam", required = false) String year,
      @RequestParam(name = "loai", required = false) String kind, Model model) {
    CurrentUser user = CurrentUser.get();
    List<String> problems = new ArrayList<>();
    Choice chosen = choices(user).stream().filter(c -> c.value().equals(choice)).findFirst().orElse(null);
    if (chosen == null) {
      problems.add("Hãy chọn đơn vị và danh hiệu đề nghị trong danh sách.");
    }
    if (!"1".equals(level) && !"2".equals(level)) {
      problems.add("Hãy chọn mức độ đề nghị: 1 hoặc 2.");
    }
    Integer y = null;
    try {
      y = Integer.valueOf(year == null ? "" : year.strip());
      if (y < 2023 || y > clock.today().getYear() + 1) {
        problems.add("Năm đánh giá phải từ 2023 đến năm sau (đang là " + y + ").");
      }
    } catch (NumberFormatException e) {
      problems.add("Năm đánh giá phải là số có 4 chữ số, ví dụ " + clock.today().getYear() + ".");
    }
    DossierKind chosenKind = null;
    try {
      chosenKind = DossierKind.parse(kind);
    } catch (DomainException e) {
      problems.add("Hãy chọn loại hồ sơ trong danh sách.");
    }
    if (!problems.isEmpty()) {
      return show(model, choice, level, year, kind, problems);
    }
    String[] parts = chosen.value().split(":", 2);
    Map<String, Object> vars = new HashMap<>();
    vars.put("unitCode", parts[1]);
    vars.put("level", Long.valueOf(level));
    vars.put("assessmentYear", (long) y);
    if (chosenKind != null) {
      vars.put("dossierKind", chosenKind.name());
    }
    try {
      ProcessInstance pi = runtime.startProcessInstanceByKey(Title.valueOf(parts[0]).processKey(), vars);
      return "redirect:/ho-so/" + pi.getBusinessKey();
    } catch (RuntimeException e) {
      DomainException refused = Throwables.find(e, DomainException.class);
      if (refused == null) {
        throw e;
      }
      List<String> reasons = new ArrayList<>(List.of(refused.getMessage()));
      reasons.addAll(refused.details());
      return show(model, choice, level, year, kind, reasons);
    }
  }

  private String show(Model model, String choice, String level, String year, String kind, List<String> problems) {
    model.addAttribute("choices", choices(CurrentUser.get()));
    model.addAttribute("donVi", choice);
    model.addAttribute("mucDo", level);
    model.addAttribute("nam", year);
    model.addAttribute("loai", kind == null ? "" : kind);
    model.addAttribute("kinds", DossierKind.values());
    model.addAttribute("kindRules", kindRules.all());
    model.addAttribute("problems", problems);
    return "dossier/moi";
  }
}
