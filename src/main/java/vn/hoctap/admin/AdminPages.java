package vn.hoctap.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.hoctap.web.FlashOutcome;
import vn.hoctap.admin.Administration.NewOrgUnit;
import vn.hoctap.admin.Administration.NewUser;
import vn.hoctap.citizen.CitizenIdentities;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.AdministrativeType;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * The administration pages (/quan-tri, group hoctap-admin): the tree, users and roles, the spreadsheet import and
 * the audit log. Every change goes through the same services as the REST API ({@link Administration},
 * {@link SpreadsheetImport}); their Vietnamese refusals are shown on the page (a refused page view, e.g. for a
 * non-administrator, is the Vietnamese error page of {@link Page} controllers).
 */
@Page
@RequestMapping("/quan-tri")
class AdminPages {

  static final int AUDIT_PAGE = 50;

  private final Administration admin;
  private final AdminDirectory directory;
  private final SpreadsheetImport imports;
  private final AuditLog audit;
  private final CitizenIdentities citizens;
  private final UnitPicker picker;
  private final RecognitionMappings mappings;

  AdminPages(Administration admin, AdminDirectory directory, SpreadsheetImport imports, AuditLog audit,
      CitizenIdentities citizens, UnitPicker picker, RecognitionMappings mappings) {
    this.mappings = mappings;
    this.citizens = citizens;
    this.picker = picker;
    this.admin = admin;
    this.directory = directory;
    this.imports = imports;
    this.audit = audit;
  }

  private static String administrator() {
    return AdministrationController.administrator();
  }

  private static String unitPage(String code) {
    return UriComponentsBuilder.fromPath("/quan-tri/don-vi").queryParam("ma", code).encode().toUriString();
  }

  private static String userPage(String id) {
    return UriComponentsBuilder.fromPath("/quan-tri/nguoi-dung/{id}").encode().buildAndExpand(id).toUriString();
  }

  // overview ///////////////////////////////////////////////////////////////////////////////////////////////

  @GetMapping
  String index(Model model) {
    administrator();
    model.addAttribute("roles", Roles.ALL);
    return "admin/index";
  }

  // the tree ///////////////////////////////////////////////////////////////////////////////////////////////

  @GetMapping("/don-vi")
  String units(@RequestParam(name = "ma", required = false) String code,
      @RequestParam(name = "q", required = false) String q, Model model) {
    administrator();
    return unitsPage(model, code, q);
  }

  private String unitsPage(Model model, String code, String q) {
    OrgUnit unit = null;
    if (code != null && !code.isBlank()) {
      unit = directory.unit(code.strip()).orElseThrow(() -> DomainException.notFound(
          "Không tìm thấy đơn vị có mã \"" + code + "\"."));
    }
    boolean searching = q != null && !q.isBlank();
    model.addAttribute("unit", unit);
    model.addAttribute("q", q);
    model.addAttribute("searching", searching);
    model.addAttribute("path", unit == null ? List.of() : AdminDirectory.pathTo(unit));
    model.addAttribute("rows", searching ? directory.searchUnits(q) : directory.children(unit));
    model.addAttribute("holders", unit == null ? java.util.Map.of() : directory.holders(unit.getCode()));
    model.addAttribute("recognitions", unit == null ? List.of() : mappings.ofUnit(unit));
    model.addAttribute("successorCode", unit == null ? null : mappings.successorCodeOf(unit));
    model.addAttribute("kinds", OrgKind.values());
    model.addAttribute("unitKinds", UnitKind.values());
    model.addAttribute("adminTypes", AdministrativeType.values());
    model.addAttribute("limit", AdminDirectory.LIMIT);
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", java.util.Map.of());
    }
    return "admin/units";
  }

  /**
   * Creates a unit. A refusal is shown on the same page (400) with what was typed kept and each problem next to
   * its field (e.g. a 4-digit code for a đặc khu of the official list).
   */
  @PostMapping("/don-vi")
  String createUnit(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
      @RequestParam(required = false) OrgKind kind, @RequestParam(required = false) UnitKind unitKind,
      @RequestParam(required = false) AdministrativeType adminType,
      @RequestParam(name = "publicUnit", defaultValue = "true") boolean publicUnit,
      @RequestParam(required = false) String parentCode, Model model, HttpServletResponse response,
      RedirectAttributes flash) {
    String actor = administrator();
    String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
    try {
      Map<String, Object> created = admin.createOrgUnit(actor, new NewOrgUnit(code, name, kind,
          kind == OrgKind.UNIT ? unitKind : null, publicUnit, parent, adminType));
      flash.addFlashAttribute("ok", "Đã tạo đơn vị \"" + created.get("name") + "\" (mã " + created.get("code")
          + ").");
      return "redirect:" + (parent == null ? "/quan-tri/don-vi" : unitPage(parent));
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      Map<String, String> problems = new LinkedHashMap<>();
      List<String> general = new ArrayList<>();
      for (DomainException.Problem p : e.fieldProblems()) {
        if (p.field() != null) {
          problems.merge(p.field(), p.message(), (a, b) -> a + " " + b);
        } else if (e.kind() == DomainException.Kind.CONFLICT) {
          problems.merge("code", p.message(), (a, b) -> a + " " + b);
        } else {
          general.add(p.message());
        }
      }
      if (problems.isEmpty() && general.isEmpty()) {
        general.add(e.getMessage());
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("formError", e.getMessage());
      model.addAttribute("formDetails", general);
      model.addAttribute("problems", problems);
      model.addAttribute("entered", new Entered(code, name, kind, unitKind, adminType, publicUnit));
      return unitsPage(model, parent, null);
    }
  }

  /** What the administrator typed into the form to create a unit, shown again after a refusal. */
  record Entered(String code, String name, OrgKind kind, UnitKind unitKind, AdministrativeType adminType,
      boolean publicUnit) {}

  /**
   * Maps a recognition of a dissolved unit to a successor unit (the administrator's explicit act: no text says that
   * a title passes in a merger — chờ xác nhận văn bản), or removes that mapping.
   */
  @PostMapping("/don-vi/cong-nhan")
  String mapRecognition(@RequestParam String code, @RequestParam(name = "recognitionId") Long recognitionId,
      @RequestParam(name = "successorCode", required = false) String successorCode,
      @RequestParam(name = "canCu", required = false) String basis,
      @RequestParam(name = "boAnhXa", defaultValue = "false") boolean unmap, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, unitPage(code), () -> {
      if (unmap) {
        mappings.unmap(actor, recognitionId);
        return "Đã bỏ ánh xạ quyết định công nhận.";
      }
      Map<String, Object> m = mappings.map(actor, recognitionId, successorCode, basis);
      return "Đã ánh xạ quyết định số " + m.get("decisionNo") + " sang " + m.get("successorName") + ".";
    });
  }

  @PostMapping("/don-vi/doi-ten")
  String renameUnit(@RequestParam String code, @RequestParam(required = false) String name,
      RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, unitPage(code), () -> {
      admin.renameOrgUnit(actor, code, name);
      return "Đã đổi tên đơn vị \"" + code + "\".";
    });
  }

  @PostMapping("/don-vi/vung-kho-khan")
  String difficultArea(@RequestParam String code, @RequestParam(name = "vungKhoKhan", defaultValue = "false")
      boolean difficult, @RequestParam(name = "canCu", required = false) String basis, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, unitPage(code), () -> {
      admin.setDifficultArea(actor, code, difficult, basis);
      return difficult ? "Đã ghi xã \"" + code + "\" thuộc vùng khó khăn." : "Đã ghi xã \"" + code
          + "\" không thuộc vùng khó khăn.";
    });
  }

  // users //////////////////////////////////////////////////////////////////////////////////////////////////

  @GetMapping("/nguoi-dung")
  String users(@RequestParam(name = "q", required = false) String q, Model model) {
    administrator();
    model.addAttribute("q", q);
    model.addAttribute("found", q == null || q.isBlank() ? List.of() : directory.searchUsers(q));
    model.addAttribute("limit", AdminDirectory.LIMIT);
    return "admin/users";
  }

  /**
   * A user's roles, and the form that grants one: the unit is chosen with the picker — type part of its name or
   * code, "Tìm" lists the units found (the page itself, so it works without JavaScript; /js/chon-don-vi.js lists
   * them as one types), choose one.
   */
  @GetMapping("/nguoi-dung/{id}")
  String user(@PathVariable String id, @RequestParam(name = "tim-don-vi", required = false) String query,
      @RequestParam(name = "vai-tro", required = false) String role, Model model) {
    administrator();
    return userPage(model, id, query, role, null, null);
  }

  private String userPage(Model model, String id, String query, String role, String chosen, String unitError) {
    model.addAttribute("person", directory.person(id).orElseThrow(() -> DomainException.notFound(
        "Không tìm thấy người dùng \"" + id + "\".")));
    model.addAttribute("roles", Roles.ALL);
    model.addAttribute("identityNo", citizens.identityOf(id).orElse(null));
    model.addAttribute("found", picker.search(CurrentUser.get(), query));
    model.addAttribute("minChars", UnitPicker.MIN_CHARS);
    model.addAttribute("role", role);
    model.addAttribute("chosen", chosen);
    model.addAttribute("unitError", unitError);
    return "admin/user";
  }

  @PostMapping("/nguoi-dung")
  String createUser(@RequestParam(required = false) String id, @RequestParam(required = false) String lastName,
      @RequestParam(required = false) String firstName, @RequestParam(required = false) String email,
      @RequestParam(required = false) String password, RedirectAttributes flash) {
    String actor = administrator();
    try {
      admin.createUser(actor, new NewUser(id, firstName, lastName, email, password));
      flash.addFlashAttribute("ok", "Đã tạo người dùng \"" + id + "\". Giao vai trò cho người này dưới đây.");
      return "redirect:" + userPage(id.strip());
    } catch (DomainException e) {
      FlashOutcome.refusal(flash, e);
      return "redirect:/quan-tri/nguoi-dung";
    }
  }

  /**
   * Grants the role at the unit chosen in the picker. A unit that is not chosen, unknown, outside the
   * administrator's scope or dissolved is refused next to the field (400), with the search and the role kept.
   */
  @PostMapping("/nguoi-dung/{id}/vai-tro")
  String grant(@PathVariable String id, @RequestParam(required = false) String role,
      @RequestParam(required = false) String orgCode,
      @RequestParam(name = "tim-don-vi", required = false) String query, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    String actor = administrator();
    CurrentUser user = CurrentUser.get();
    Optional<UnitPicker.Refusal> refused = picker.refusal(user, orgCode);
    if (refused.isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      String search = query != null && !query.isBlank() ? query : orgCode;
      return userPage(model, id, search, role, orgCode, refused.get().message());
    }
    OrgUnit unit = picker.pick(user, orgCode).orElseThrow();
    return FlashOutcome.act(flash, userPage(id), () -> {
      admin.grantRole(actor, id, role, unit.getCode());
      return "Đã giao vai trò " + Roles.label(role) + " tại " + unit.getName() + " (" + unit.getCode() + ").";
    });
  }

  @PostMapping("/nguoi-dung/{id}/vai-tro/thu-hoi")
  String revoke(@PathVariable String id, @RequestParam String role, @RequestParam String orgCode,
      RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, userPage(id), () -> {
      admin.revokeRole(actor, id, role, orgCode);
      return "Đã thu hồi vai trò " + Roles.label(role) + " tại \"" + orgCode + "\".";
    });
  }

  /** The person's personal identification number (CCCD), which the role "Công dân" needs. */
  @PostMapping("/nguoi-dung/{id}/so-dinh-danh")
  String identity(@PathVariable String id, @RequestParam(name = "soDinhDanh", required = false) String identityNo,
      RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, userPage(id), () -> {
      admin.setCitizenIdentity(actor, id, identityNo);
      return "Đã lưu số định danh cá nhân " + identityNo.strip() + " cho \"" + id + "\".";
    });
  }

  @PostMapping("/nguoi-dung/{id}/mo-khoa")
  String unlock(@PathVariable String id, RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, userPage(id), () -> {
      admin.unlockUser(actor, id);
      return "Đã mở khóa tài khoản \"" + id + "\".";
    });
  }

  @PostMapping("/nguoi-dung/{id}/mat-khau")
  String setPassword(@PathVariable String id, @RequestParam(required = false) String password,
      RedirectAttributes flash) {
    String actor = administrator();
    return FlashOutcome.act(flash, userPage(id), () -> {
      admin.setPassword(actor, id, password);
      return "Đã đặt mật khẩu mới cho \"" + id + "\".";
    });
  }

  // spreadsheet import /////////////////////////////////////////////////////////////////////////////////////

  @GetMapping("/nhap")
  String importPage(Model model) {
    administrator();
    model.addAttribute("maxRows", imports.maxRows());
    model.addAttribute("maxMb", imports.maxBytes() / 1024 / 1024);
    return "admin/import";
  }

  @GetMapping("/nhap/mau")
  ResponseEntity<byte[]> template() {
    administrator();
    return ImportController.xlsx(imports.template(), ImportController.TEMPLATE_NAME);
  }

  @PostMapping("/nhap")
  String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
      throws IOException {
    String actor = administrator();
    model.addAttribute("maxRows", imports.maxRows());
    model.addAttribute("maxMb", imports.maxBytes() / 1024 / 1024);
    if (file == null || file.isEmpty()) {
      model.addAttribute("error", "Chọn tệp bảng tính .xlsx để tải lên.");
      return "admin/import";
    }
    try {
      model.addAttribute("result", imports.importFile(actor, file.getOriginalFilename(), file.getBytes()));
    } catch (ImportRejected e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("problems", e.problems());
    }
    return "admin/import";
  }

  // audit log //////////////////////////////////////////////////////////////////////////////////////////////

  @GetMapping("/nhat-ky")
  String audit(@RequestParam(name = "trang", defaultValue = "0") int page, Model model) {
    administrator();
    org.springframework.data.domain.Page<AuditEntry> entries = audit.page(Math.max(0, page), AUDIT_PAGE);
    model.addAttribute("entries", entries);
    model.addAttribute("page", Math.max(0, page));
    return "admin/audit";
  }
}
