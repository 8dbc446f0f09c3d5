package vn.hoctap.citizen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * The citizen's pages: "/tu-danh-gia" (their open rounds and past results), "/tu-danh-gia/{roundId}" (the form of
 * their population, their score and result with the reasons, the round's outcome); and, for the staff who keep a
 * body's list, "/tai-khoan-cong-dan" (create the account of one of their people). A refusal is shown whole at the
 * top and each message next to its field, with what was typed kept.
 */
@Page
class SelfAssessmentPages {

  private final SelfAssessment self;
  private final CitizenAccounts accounts;
  private final RoundService rounds;

  SelfAssessmentPages(SelfAssessment self, CitizenAccounts accounts, RoundService rounds) {
    this.self = self;
    this.accounts = accounts;
    this.rounds = rounds;
  }

  @GetMapping("/tu-danh-gia")
  String list(Model model) {
    model.addAttribute("o", self.overview(CurrentUser.get()));
    model.addAttribute("home", false);
    return "citizen/tu-danh-gia";
  }

  @GetMapping("/tu-danh-gia/{roundId}")
  String form(@PathVariable long roundId, @RequestParam(name = SelfAssessment.SUBJECT, required = false) String subject,
      Model model) {
    return show(model, self.form(CurrentUser.get(), roundId, subject, null), null, List.of());
  }

  @PostMapping("/tu-danh-gia/{roundId}")
  String save(@PathVariable long roundId, @RequestParam MultiValueMap<String, String> params, Model model,
      RedirectAttributes flash) {
    CurrentUser user = CurrentUser.get();
    Map<String, String> scores = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (k.startsWith(SelfAssessment.SCORE) && !v.isEmpty()) {
        scores.put(k.substring(SelfAssessment.SCORE.length()), v.get(0));
      }
    });
    SelfAssessment.Typed typed = new SelfAssessment.Typed(params.getFirst(SelfAssessment.SUBJECT),
        params.getFirst(SelfAssessment.BIRTH_YEAR), scores, params.getFirst(SelfAssessment.JUDGEMENT),
        params.getFirst(SelfAssessment.VERSION));
    try {
      RoundEntry e = self.save(user, roundId, typed);
      flash.addFlashAttribute("saved", "Đã lưu phiếu tự đánh giá: " + (e.passed() ? "đạt" : "chưa đạt") + ", tổng "
          + SelfAssessment.plain(e.total()) + " điểm.");
      return "redirect:/tu-danh-gia/" + roundId;
    } catch (DomainException refused) {
      if (refused.kind() == DomainException.Kind.NOT_FOUND || refused.kind() == DomainException.Kind.FORBIDDEN) {
        throw refused;
      }
      // the stored state as it is now (a newer version, a round that moved on), with what was typed
      SelfAssessment.Form form = self.form(user, roundId, typed.subject(), typed);
      return show(model, form, refused.getMessage(), refused.fieldProblems());
    }
  }

  private String show(Model model, SelfAssessment.Form form, String error, List<DomainException.Problem> problems) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (DomainException.Problem p : problems) {
      if (p.field() != null) {
        byField.computeIfAbsent(field(p.field()), k -> new ArrayList<>()).add(p.message());
      }
    }
    model.addAttribute("f", form);
    model.addAttribute("error", error);
    model.addAttribute("problems", problems.stream().map(DomainException.Problem::message).toList());
    model.addAttribute("fieldErrors", byField);
    return "citizen/phieu";
  }

  /** The form field of a problem of the round's entry rules (EntryRules' names, indicator codes). */
  private static String field(String problemField) {
    return switch (problemField) {
      case EntryRules.BIRTH_YEAR -> SelfAssessment.BIRTH_YEAR;
      case EntryRules.JUDGEMENT -> SelfAssessment.JUDGEMENT;
      case SelfAssessment.SUBJECT -> SelfAssessment.SUBJECT;
      case EntryRules.NAME, EntryRules.IDENTITY -> "";
      default -> SelfAssessment.SCORE + problemField;
    };
  }

  // accounts, for the staff who keep the list ///////////////////////////////////////////////////////////////

  @GetMapping("/tai-khoan-cong-dan")
  String accountsPage(@RequestParam(name = CitizenAccounts.BODY, required = false) String bodyCode,
      @RequestParam(name = "dot", required = false) Long roundId,
      @RequestParam(name = "so", required = false) String identityNo, Model model) {
    CurrentUser user = CurrentUser.get();
    Map<String, String> typed = new LinkedHashMap<>();
    if (roundId != null && identityNo != null) {
      // "from the person's row of a round list": their number, name and body, if the user keeps that list
      Round r = rounds.get(roundId);
      OrgUnit body = accounts.body(user, r.orgCode());
      RoundEntry e = rounds.entry(roundId, identityNo.strip()).orElseThrow(() -> DomainException.notFound(
          "Đợt đánh giá số " + roundId + " không có người có số định danh " + identityNo + "."));
      bodyCode = body.getCode();
      typed.put(CitizenAccounts.IDENTITY, e.identityNo());
      String name = e.fullName().strip();
      int cut = name.lastIndexOf(' ');
      typed.put(CitizenAccounts.LAST_NAME, cut < 0 ? "" : name.substring(0, cut));
      typed.put(CitizenAccounts.FIRST_NAME, cut < 0 ? name : name.substring(cut + 1));
    }
    return accountsView(model, user, bodyCode, typed, null, List.of());
  }

  @PostMapping("/tai-khoan-cong-dan")
  String createAccount(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
    CurrentUser user = CurrentUser.get();
    String body = params.getFirst(CitizenAccounts.BODY);
    try {
      CitizenAccounts.Created c = accounts.create(user, body, params.getFirst(CitizenAccounts.IDENTITY),
          params.getFirst(CitizenAccounts.LAST_NAME), params.getFirst(CitizenAccounts.FIRST_NAME),
          params.getFirst(CitizenAccounts.LOGIN), params.getFirst(CitizenAccounts.PASSWORD));
      flash.addFlashAttribute("ok", c.existed()
          ? c.name() + " đã có tài khoản: đã thêm vai trò Công dân tại " + c.body() + ". Người này đăng nhập bằng"
              + " tài khoản đã có."
          : "Đã tạo tài khoản cho " + c.name() + " tại " + c.body() + ". Tên đăng nhập: " + c.userId()
              + ". Hãy trao mật khẩu ban đầu cho chính người này.");
      return "redirect:" + UriComponentsBuilder.fromPath("/tai-khoan-cong-dan")
          .queryParam(CitizenAccounts.BODY, body).encode().toUriString();
    } catch (DomainException refused) {
      if (refused.kind() == DomainException.Kind.NOT_FOUND || refused.kind() == DomainException.Kind.FORBIDDEN) {
        throw refused;
      }
      Map<String, String> typed = new LinkedHashMap<>();
      for (String k : List.of(CitizenAccounts.IDENTITY, CitizenAccounts.LAST_NAME, CitizenAccounts.FIRST_NAME,
          CitizenAccounts.LOGIN)) {
        typed.put(k, params.getFirst(k));
      }
      return accountsView(model, user, body, typed, refused.getMessage(), refused.fieldProblems());
    }
  }

  private String accountsView(Model model, CurrentUser user, String bodyCode, Map<String, String> typed,
      String error, List<DomainException.Problem> problems) {
    List<OrgUnit> bodies = accounts.bodies(user);
    OrgUnit body = bodyCode == null || bodyCode.isBlank() ? (bodies.size() == 1 ? bodies.get(0) : null)
        : accounts.body(user, bodyCode);
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (DomainException.Problem p : problems) {
      if (p.field() != null) {
        byField.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p.message());
      }
    }
    model.addAttribute("bodies", bodies);
    model.addAttribute("body", body);
    model.addAttribute("list", body == null ? List.of() : accounts.accounts(body));
    model.addAttribute("limit", CitizenAccounts.LIST_LIMIT);
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    model.addAttribute("problems", problems.stream().map(DomainException.Problem::message).toList());
    model.addAttribute("fieldErrors", byField);
    return "citizen/tai-khoan";
  }
}
