package vn.hoctap.deadline;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.web.FieldProblems;
import vn.hoctap.web.FlashOutcome;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * /quan-tri/lich-lam-viec: the working-day calendar of one year (public holidays, days off in compensation, days
 * worked instead), editable by administrators, and the deadlines of the texts as configured.
 */
@Page
@RequestMapping("/quan-tri/lich-lam-viec")
class CalendarPages {

  private static final String PAGE = "/quan-tri/lich-lam-viec";

  private final WorkingCalendar calendar;
  private final WorkingDays workingDays;
  private final DeadlineService deadlines;
  private final EngineClock clock;

  CalendarPages(WorkingCalendar calendar, WorkingDays workingDays, DeadlineService deadlines, EngineClock clock) {
    this.calendar = calendar;
    this.workingDays = workingDays;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  private static String administrator() {
    CurrentUser user = CurrentUser.get();
    if (user == null || !user.admin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ quản trị viên mới được sửa lịch làm việc.");
    }
    return user.id();
  }

  @GetMapping
  String page(@RequestParam(name = "nam", required = false) Integer year, Model model) {
    administrator();
    return render(year, model);
  }

  private String render(Integer year, Model model) {
    int shown = year == null || year < 2000 || year > 2100 ? clock.today().getYear() : year;
    model.addAttribute("year", shown);
    model.addAttribute("days", calendar.year(shown));
    model.addAttribute("completeness", calendar.completeness(shown));
    model.addAttribute("kinds", CalendarDay.Kind.values());
    model.addAttribute("workingDaysInYear", workingDays.between(java.time.LocalDate.of(shown - 1, 12, 31),
        java.time.LocalDate.of(shown, 12, 31)));
    model.addAttribute("rules", deadlines.rules());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", WorkingCalendar.NewDay.empty());
    }
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", Map.of());
    }
    return "admin/lich-lam-viec";
  }

  @PostMapping
  String add(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name, @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(name = "nam", required = false)
      Integer year, Model model, RedirectAttributes flash, HttpServletResponse response) {
    String actor = administrator();
    WorkingCalendar.NewDay typed = new WorkingCalendar.NewDay(date, kind, name, source, confirmed);
    try {
      CalendarDay saved = calendar.add(actor, typed);
      flash.addFlashAttribute("ok", "Đã thêm " + Dates.vn(saved.getDate()) + " (" + saved.getName() + ") vào lịch.");
      return "redirect:" + PAGE + "?nam=" + saved.getDate().getYear();
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      Map<String, String> problems = FieldProblems.of(e, null);
      model.addAttribute("form", typed);
      model.addAttribute("problems", problems);
      model.addAttribute("formError", e.getMessage());
      response.setStatus(400);
      return render(year, model);
    }
  }

  @PostMapping("/{id}/xac-nhan")
  String confirm(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String source,
      @RequestParam(name = "nam", required = false) Integer year, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, PAGE + (year == null ? "" : "?nam=" + year), () -> {
      CalendarDay d = calendar.confirm(actor, id, version, source);
      return "Đã xác nhận ngày " + Dates.vn(d.getDate()) + " theo " + d.getSource() + ".";
    });
  }

  @PostMapping("/{id}/xoa")
  String remove(@PathVariable long id, @RequestParam long version,
      @RequestParam(name = "nam", required = false) Integer year, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, PAGE + (year == null ? "" : "?nam=" + year), () -> {
      CalendarDay d = calendar.remove(actor, id, version);
      return "Đã xoá " + Dates.vn(d.getDate()) + " (" + d.getName() + ") khỏi lịch.";
    });
  }

}
