package vn.hoctap.security.sso;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
import vn.hoctap.web.FieldProblems;
import vn.hoctap.web.FlashOutcome;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * Administration of single sign-on (/quan-tri/dang-nhap-mot-lan, administrators only): which provider account is
 * which hoctap user (link, suspend, resume, unlink), the logins refused lately (to link them in one step), and the
 * units whose people may get an account at their first login. Every change is audited.
 */
@Page
@RequestMapping("/quan-tri/dang-nhap-mot-lan")
class SsoAdminPages {

  static final String PAGE = "/quan-tri/dang-nhap-mot-lan";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(EngineClock.ZONE);

  private final SsoAccounts accounts;
  private final SsoClientRegistrations registrations;

  SsoAdminPages(SsoAccounts accounts, SsoClientRegistrations registrations) {
    this.accounts = accounts;
    this.registrations = registrations;
  }

  private static String administrator() {
    CurrentUser user = CurrentUser.get();
    if (user == null || !user.admin()) {
      throw DomainException.forbidden("Chỉ quản trị viên (nhóm hoctap-admin) mới được quản trị đăng nhập một lần.");
    }
    return user.id();
  }

  @GetMapping
  String page(@RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "nguon", required = false) String providerId,
      @RequestParam(name = "ma", required = false) String subject, Model model) {
    administrator();
    if (!model.containsAttribute("link")) {
      model.addAttribute("link", new LinkForm(providerId, subject, null));
    }
    return render(q, model);
  }

  private String render(String q, Model model) {
    List<SsoClientRegistrations.Option> providers = registrations.options();
    Map<String, String> names = new LinkedHashMap<>();
    providers.forEach(p -> names.put(p.id(), p.name()));
    model.addAttribute("providers", providers);
    model.addAttribute("providerNames", names);
    model.addAttribute("q", q);
    model.addAttribute("identities", accounts.identities(q));
    model.addAttribute("allowances", accounts.allowances());
    model.addAttribute("refusals", accounts.recentRefusals());
    if (!model.containsAttribute("allow")) {
      model.addAttribute("allow", new AllowForm(providers.size() == 1 ? providers.get(0).id() : null, null, true));
    }
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", Map.of());
    }
    return "admin/dang-nhap-mot-lan";
  }

  /** The link form's typed values, kept when it is refused. */
  record LinkForm(String providerId, String subject, String userId) {}

  /** The self-provisioning form's typed values. */
  record AllowForm(String providerId, String orgCode, boolean includeBelow) {}

  @PostMapping("/gan")
  String link(@RequestParam(required = false) String providerId, @RequestParam(required = false) String subject,
      @RequestParam(required = false) String userId, Model model, RedirectAttributes flash,
      HttpServletResponse response) {
    String actor = administrator();
    try {
      SsoAccounts.Identity i = accounts.link(actor, providerId, subject, userId);
      flash.addFlashAttribute("ok", "Đã gắn tài khoản " + i.subject() + " với người dùng "
          + (i.userName() == null ? i.userId() : i.userName() + " (" + i.userId() + ")") + ".");
      return "redirect:" + PAGE;
    } catch (DomainException e) {
      return refusedForm(e, model, response, "link", new LinkForm(providerId, subject, userId));
    }
  }

  @PostMapping("/{id}/tam-ngung")
  String suspend(@PathVariable long id, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, PAGE, () -> {
      SsoAccounts.Identity i = accounts.suspend(actor, id, true);
      return "Đã tạm ngừng đăng nhập một lần của " + who(i) + ": lần đăng nhập sau sẽ bị từ chối.";
    });
  }

  @PostMapping("/{id}/mo-lai")
  String resume(@PathVariable long id, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, PAGE, () -> "Đã cho " + who(accounts.suspend(actor, id, false))
        + " đăng nhập một lần trở lại.");
  }

  @PostMapping("/{id}/go")
  String unlink(@PathVariable long id, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, PAGE, () -> "Đã gỡ liên kết của " + who(accounts.unlink(actor, id))
        + ". Người dùng hoctap vẫn giữ nguyên vai trò và lịch sử.");
  }

  @PostMapping("/tu-tao")
  String allow(@RequestParam(required = false) String providerId, @RequestParam(required = false) String orgCode,
      @RequestParam(name = "includeBelow", defaultValue = "false") boolean includeBelow, Model model,
      RedirectAttributes flash, HttpServletResponse response) {
    String actor = administrator();
    try {
      SsoAccounts.Allowance a = accounts.allow(actor, providerId, orgCode, includeBelow);
      flash.addFlashAttribute("ok", "Đã cho phép tự tạo tài khoản khi đăng nhập lần đầu cho " + a.orgName()
          + (a.includeBelow() ? " và các đơn vị trực thuộc" : "") + ". Tài khoản mới chưa có vai trò nào cho đến khi"
          + " bạn giao.");
      return "redirect:" + PAGE;
    } catch (DomainException e) {
      return refusedForm(e, model, response, "allow", new AllowForm(providerId, orgCode, includeBelow));
    }
  }

  @PostMapping("/tu-tao/{id}/thu-hoi")
  String disallow(@PathVariable long id, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, PAGE, () -> {
      SsoAccounts.Allowance a = accounts.disallow(actor, id);
      return "Đã thu hồi quyền tự tạo tài khoản của " + a.orgName() + ". Các tài khoản đã tạo vẫn giữ nguyên.";
    });
  }

  private String refusedForm(DomainException e, Model model, HttpServletResponse response, String form,
      Object typed) {
    if (e.kind() == DomainException.Kind.FORBIDDEN) {
      throw e;
    }
    Map<String, String> problems = FieldProblems.of(e, null);
    model.addAttribute(form, typed);
    model.addAttribute("problems", problems);
    model.addAttribute("formError", e.getMessage());
    model.addAttribute("formDetails", e.details());
    model.addAttribute("errorForm", form);
    response.setStatus(e.kind() == DomainException.Kind.NOT_FOUND ? 404
        : e.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
    return render(null, model);
  }


  private static String who(SsoAccounts.Identity i) {
    return i.userName() == null ? i.userId() : i.userName() + " (" + i.userId() + ")";
  }

  /** dd/MM/yyyy HH:mm in Vietnam time, for the template. */
  static String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }
}
