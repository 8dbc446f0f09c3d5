package vn.hoctap.inbox;

import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Title;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * "Việc cần làm" and "Đã xử lý" (the inbox), and "Thông báo" (the notifications): pages of every user, each showing
 * only the user's own and their groups' work and messages.
 */
@Page
class InboxPages {

  private final InboxService inbox;
  private final NotificationReads notifications;
  private final EngineClock clock;

  InboxPages(InboxService inbox, NotificationReads notifications, EngineClock clock) {
    this.inbox = inbox;
    this.notifications = notifications;
    this.clock = clock;
  }

  @GetMapping("/viec-can-lam")
  String inbox(@RequestParam(name = "pham-vi", required = false) String scope,
      @RequestParam(name = "danh-hieu", required = false) String title,
      @RequestParam(name = "nam", required = false) Integer year,
      @RequestParam(name = "buoc", required = false) String step,
      @RequestParam(name = "qua-han", required = false) String overdue,
      @RequestParam(name = "sap-xep", required = false) String sort,
      @RequestParam(name = "trang", required = false, defaultValue = "1") int page, Model model) {
    InboxService.Scope s = parse(InboxService.Scope.class, scope, InboxService.Scope.ALL);
    Title t = parse(Title.class, title, null);
    String st = step == null || !InboxService.STEPS.containsKey(step) ? null : step;
    boolean late = "1".equals(overdue);
    boolean newest = "moi-nhat".equals(sort);
    InboxService.Filter f = new InboxService.Filter(s, t, year, st, late,
        newest ? InboxService.Sort.NEWEST : InboxService.Sort.DEADLINE, Math.max(0, page - 1));
    model.addAttribute("p", inbox.page(CurrentUser.get(), f));
    model.addAttribute("scope", s);
    model.addAttribute("scopes", InboxService.Scope.values());
    model.addAttribute("title", t == null ? "" : t.name());
    model.addAttribute("titles", Title.values());
    model.addAttribute("year", year);
    int now = clock.today().getYear();
    model.addAttribute("years", List.of(now + 1, now, now - 1, now - 2, now - 3));
    model.addAttribute("step", st == null ? "" : st);
    model.addAttribute("steps", InboxService.STEPS);
    model.addAttribute("overdue", late);
    model.addAttribute("sort", newest ? "moi-nhat" : "");
    model.addAttribute("checkStep", vn.hoctap.process.RecognitionProcess.TASK_CHECK_COMPLETENESS);
    return "inbox/viec-can-lam";
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return otherwise;
    }
  }

  @GetMapping("/viec-can-lam/da-xu-ly")
  String done(Model model) {
    model.addAttribute("done", inbox.done(CurrentUser.get(), 100));
    return "inbox/da-xu-ly";
  }

  @PostMapping("/viec-can-lam/{taskId}/nhan")
  String claim(@PathVariable String taskId, RedirectAttributes flash) {
    inbox.claim(CurrentUser.get(), taskId);
    flash.addFlashAttribute("message", "Anh/chị đã nhận công việc. Công việc hiện ở mục \"Việc tôi đang giữ\".");
    return "redirect:/viec-can-lam";
  }

  @PostMapping("/viec-can-lam/{taskId}/tra-lai")
  String handBack(@PathVariable String taskId, RedirectAttributes flash) {
    inbox.handBack(CurrentUser.get(), taskId);
    flash.addFlashAttribute("message", "Anh/chị đã trả công việc về cho nhóm; người khác trong nhóm có thể nhận.");
    return "redirect:/viec-can-lam";
  }

  @PostMapping("/viec-can-lam/tiep-nhan")
  String acceptComplete(@RequestParam(name = "viec", required = false) List<String> taskIds,
      RedirectAttributes flash) {
    if (taskIds == null || taskIds.isEmpty()) {
      throw DomainException.badInput("Chưa chọn hồ sơ nào để tiếp nhận.");
    }
    flash.addFlashAttribute("results", inbox.acceptComplete(CurrentUser.get(), taskIds));
    return "redirect:/viec-can-lam";
  }

  @GetMapping("/thong-bao")
  String notifications(@RequestParam(name = "trang", required = false, defaultValue = "1") int page, Model model) {
    CurrentUser user = CurrentUser.get();
    int size = 20;
    long total = notifications.total(user);
    int pages = (int) Math.max(1, (total + size - 1) / size);
    int p = Math.max(0, Math.min(page - 1, pages - 1));
    model.addAttribute("items", notifications.list(user, p, size));
    model.addAttribute("unread", notifications.unread(user));
    model.addAttribute("page", p);
    model.addAttribute("pages", pages);
    return "inbox/thong-bao";
  }

  @PostMapping("/thong-bao/{id}/da-doc")
  String markRead(@PathVariable long id) {
    notifications.markRead(CurrentUser.get(), id);
    return "redirect:/thong-bao";
  }

  @PostMapping("/thong-bao/da-doc-tat-ca")
  String markAllRead() {
    notifications.markAllRead(CurrentUser.get());
    return "redirect:/thong-bao";
  }
}
