package vn.hoctap.admin;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.award.AwardAuthority;
import vn.hoctap.award.AwardForm;
import vn.hoctap.award.AwardSettings;
import vn.hoctap.award.CandidateKind;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.web.FieldProblems;
import vn.hoctap.web.Page;

/**
 * Thẩm quyền và mức tiền thưởng (/quan-tri/khen-thuong-tham-quyen): who signs each award form by period, the cash
 * coefficients and the mức lương cơ sở by period, each row with its source and "chờ xác nhận văn bản" when no
 * official text was read; for a chosen day, what an individual and a household receive for each form.
 */
@Page
@RequestMapping(AwardSettingsPages.PATH)
class AwardSettingsPages {

  static final String PATH = "/quan-tri/khen-thuong-tham-quyen";

  private final AwardSettings settings;
  private final EngineClock clock;

  AwardSettingsPages(AwardSettings settings, EngineClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping
  String list(@RequestParam(name = "ngay", required = false) String day, Model model) {
    AdministrationController.administrator();
    LocalDate chosen = day == null || day.isBlank() ? clock.today() : AwardSettings.day(day);
    if (chosen == null) {
      model.addAttribute("dayError", "Ngày \"" + day.strip() + "\" không hợp lệ: nhập ngày/tháng/năm, ví dụ"
          + " 01/07/2025.");
      chosen = clock.today();
    }
    model.addAttribute("day", day == null || day.isBlank() || model.containsAttribute("dayError") ? Dates.vn(chosen)
        : day.strip());
    model.addAttribute("chosen", Dates.vn(chosen));
    model.addAttribute("figures", settings.figures(chosen));
    model.addAttribute("authorities", settings.authorities());
    model.addAttribute("amounts", settings.amountRows());
    model.addAttribute("salaries", settings.salaries());
    return "admin/khen-thuong-tham-quyen";
  }

  // ---- who signs ----

  @GetMapping("/tham-quyen/moi")
  String newAuthority(Model model) {
    AdministrationController.administrator();
    return authorityForm(model, null, new AwardSettings.AuthorityEdit(AwardForm.GIAY_KHEN.name(), "COMMUNE", "", "",
        "", AwardAuthority.Signer.OWN.name(), "", "", false, null), Map.of(), null);
  }

  @GetMapping("/tham-quyen/{id}")
  String editAuthority(@PathVariable Long id, Model model) {
    AdministrationController.administrator();
    AwardAuthority a = settings.authority(id);
    return authorityForm(model, a, AwardSettings.AuthorityEdit.of(a, provinceCode(a)), Map.of(), null);
  }

  @PostMapping({"/tham-quyen/moi", "/tham-quyen/{id}"})
  String saveAuthority(@PathVariable(required = false) Long id, @RequestParam(required = false) String form,
      @RequestParam(required = false) String proposerKind, @RequestParam(required = false) String province,
      @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validTo,
      @RequestParam(required = false) String signer, @RequestParam(required = false) String refusal,
      @RequestParam(required = false) String source, @RequestParam(defaultValue = "false") boolean confirmed,
      @RequestParam(required = false) Long version, Model model, RedirectAttributes flash) {
    String actor = AdministrationController.administrator();
    AwardSettings.AuthorityEdit edit = new AwardSettings.AuthorityEdit(form, proposerKind, province, validFrom,
        validTo, signer, refusal, source, confirmed, version);
    return saved(flash, id == null ? "Đã thêm quy định thẩm quyền." : "Đã lưu quy định thẩm quyền.",
        () -> settings.saveAuthority(actor, id, edit),
        problems -> authorityForm(model, id == null ? null : settings.authority(id), edit, problems.fields(),
            problems.message()));
  }

  private String authorityForm(Model model, AwardAuthority row, AwardSettings.AuthorityEdit edit,
      Map<String, String> problems, String error) {
    editing(model, row, edit, problems, error);
    model.addAttribute("forms", AwardForm.values());
    model.addAttribute("kinds", AwardAuthority.PROPOSER_KINDS);
    model.addAttribute("signers", AwardAuthority.Signer.values());
    model.addAttribute("provinces", settings.provinces());
    return "admin/khen-thuong-tham-quyen-sua";
  }

  private String provinceCode(AwardAuthority a) {
    return a.provinceId() == null ? "" : settings.provinces().stream().filter(p -> p.getId().equals(a.provinceId()))
        .map(OrgUnit::getCode).findFirst().orElse("");
  }

  // ---- amounts ----

  @GetMapping("/muc-tien/moi")
  String newAmount(Model model) {
    AdministrationController.administrator();
    return amountForm(model, null, new AwardSettings.AmountEdit(AwardForm.GIAY_KHEN.name(),
        CandidateKind.INDIVIDUAL.name(), "", "", "", "", "", false, null), Map.of(), null);
  }

  @GetMapping("/muc-tien/{id}")
  String editAmount(@PathVariable Long id, Model model) {
    AdministrationController.administrator();
    AwardSettings.AmountRow r = settings.amountRow(id);
    return amountForm(model, r, AwardSettings.AmountEdit.of(r), Map.of(), null);
  }

  @PostMapping({"/muc-tien/moi", "/muc-tien/{id}"})
  String saveAmount(@PathVariable(required = false) Long id, @RequestParam(required = false) String form,
      @RequestParam(required = false) String candidateKind, @RequestParam(required = false) String coefficient,
      @RequestParam(required = false) String householdMultiple, @RequestParam(required = false) String validFrom,
      @RequestParam(required = false) String validTo, @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(required = false) Long version,
      Model model, RedirectAttributes flash) {
    String actor = AdministrationController.administrator();
    AwardSettings.AmountEdit edit = new AwardSettings.AmountEdit(form, candidateKind, coefficient,
        householdMultiple, validFrom, validTo, source, confirmed, version);
    return saved(flash, id == null ? "Đã thêm mức tiền thưởng." : "Đã lưu mức tiền thưởng.",
        () -> settings.saveAmount(actor, id, edit),
        problems -> amountForm(model, id == null ? null : settings.amountRow(id), edit, problems.fields(),
            problems.message()));
  }

  private String amountForm(Model model, AwardSettings.AmountRow row, AwardSettings.AmountEdit edit,
      Map<String, String> problems, String error) {
    editing(model, row, edit, problems, error);
    model.addAttribute("forms", AwardForm.values());
    model.addAttribute("kinds", CandidateKind.values());
    return "admin/khen-thuong-muc-tien-sua";
  }

  // ---- base salary ----

  @GetMapping("/luong-co-so/moi")
  String newSalary(Model model) {
    AdministrationController.administrator();
    return salaryForm(model, null, new AwardSettings.SalaryEdit("", "", "", false, null), Map.of(), null);
  }

  @GetMapping("/luong-co-so/{id}")
  String editSalary(@PathVariable Long id, Model model) {
    AdministrationController.administrator();
    AwardSettings.SalaryRow r = settings.salary(id);
    return salaryForm(model, r, AwardSettings.SalaryEdit.of(r), Map.of(), null);
  }

  @PostMapping({"/luong-co-so/moi", "/luong-co-so/{id}"})
  String saveSalary(@PathVariable(required = false) Long id, @RequestParam(required = false) String validFrom,
      @RequestParam(required = false) String amount, @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(required = false) Long version,
      Model model, RedirectAttributes flash) {
    String actor = AdministrationController.administrator();
    AwardSettings.SalaryEdit edit = new AwardSettings.SalaryEdit(validFrom, amount, source, confirmed, version);
    return saved(flash, id == null ? "Đã thêm mức lương cơ sở." : "Đã lưu mức lương cơ sở.",
        () -> settings.saveSalary(actor, id, edit),
        problems -> salaryForm(model, id == null ? null : settings.salary(id), edit, problems.fields(),
            problems.message()));
  }

  private String salaryForm(Model model, AwardSettings.SalaryRow row, AwardSettings.SalaryEdit edit,
      Map<String, String> problems, String error) {
    editing(model, row, edit, problems, error);
    return "admin/khen-thuong-luong-co-so-sua";
  }

  /** What every edit form shows: the row as stored (null when new), the input, the problems by field, the error. */
  private static void editing(Model model, Object row, Object edit, Map<String, String> problems, String error) {
    model.addAttribute("row", row);
    model.addAttribute("edit", edit);
    model.addAttribute("problems", problems);
    model.addAttribute("error", error);
  }

  // ---- the save, then the list; or the form again with the input and every problem next to its field ----

  private record Refusal(String message, Map<String, String> fields) {}

  private String saved(RedirectAttributes flash, String ok, Supplier<Object> save,
      java.util.function.Function<Refusal, String> again) {
    try {
      save.get();
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      Map<String, String> problems = FieldProblems.of(e, "");
      return again.apply(new Refusal(e.getMessage(), problems));
    }
    flash.addFlashAttribute("ok", ok);
    return "redirect:" + PATH;
  }
}
