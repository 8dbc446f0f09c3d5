package vn.hoctap.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/** The reorganisation page: the same preview and change as /api/admin/reorganisations, for administrators. */
@Page
@RequestMapping("/quan-tri/sap-xep")
class ReorganisationPage {

  private final Reorganisation reorganisation;

  ReorganisationPage(Reorganisation reorganisation) {
    this.reorganisation = reorganisation;
  }

  private static String administrator() {
    CurrentUser user = CurrentUser.get();
    if (user == null || !user.admin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ quản trị viên mới được sắp xếp đơn vị.");
    }
    return user.id();
  }

  @GetMapping
  String form(Model model) {
    administrator();
    return "admin/sap-xep";
  }

  @PostMapping("/xem-truoc")
  String preview(@RequestParam String orgCodes, @RequestParam String targetCode,
      @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean twoTier,
      Model model) {
    return run(model, orgCodes, targetCode, reason, twoTier, true);
  }

  @PostMapping("/thuc-hien")
  String apply(@RequestParam String orgCodes, @RequestParam String targetCode,
      @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean twoTier,
      Model model) {
    return run(model, orgCodes, targetCode, reason, twoTier, false);
  }

  private String run(Model model, String orgCodes, String targetCode, String reason, boolean twoTier,
      boolean preview) {
    String actor = administrator();
    model.addAttribute("orgCodes", orgCodes);
    model.addAttribute("targetCode", targetCode);
    model.addAttribute("reason", reason);
    model.addAttribute("twoTier", twoTier);
    List<String> codes = Arrays.stream(orgCodes.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    Reorganisation.Request request = new Reorganisation.Request(codes, targetCode,
        twoTier ? provinceTakesOverTheDistrictTier() : List.of(), reason);
    try {
      Map<String, Object> report = preview ? reorganisation.preview(actor, request)
          : reorganisation.apply(actor, request);
      model.addAttribute("report", report);
      model.addAttribute("applied", !preview);
    } catch (DomainException e) {
      List<String> problems = new ArrayList<>();
      problems.add(e.getMessage());
      problems.addAll(e.details());
      model.addAttribute("problems", problems);
    }
    return "admin/sap-xep";
  }

  /**
   * The choice most provinces made in 2025 (Ninh Bình's in the demo): what the Phòng GDĐT received now goes to the
   * Sở GDĐT, and its director decides. Not in a confirmed text, so the rules are saved as unconfirmed.
   */
  static List<Reorganisation.RuleChange> provinceTakesOverTheDistrictTier() {
    String note = "Từ khi không còn cấp huyện: cấu hình của tỉnh (chờ xác nhận văn bản)";
    return List.of(
        new Reorganisation.RuleChange("LEARNING_UNIT", UnitKind.Tier.DISTRICT, OrgKind.PROVINCE, "Sở GDĐT",
            OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", false, note),
        new Reorganisation.RuleChange("LEARNING_COMMUNITY", UnitKind.Tier.COMMUNE, OrgKind.PROVINCE, "Sở GDĐT",
            OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", false, note));
  }
}
