package vn.hoctap.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hoctap.admin.Administration.NewOrgUnit;
import vn.hoctap.admin.Administration.NewUser;
import vn.hoctap.common.DomainException;
import vn.hoctap.security.CurrentUser;

/** Administration of org units, users and roles, and the audit log of those changes (group hoctap-admin only). */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Quản trị")
class AdministrationController {

  record Rename(String name) {}

  record DifficultArea(Boolean difficultArea, String basis) {}

  record RoleRequest(String role, String orgCode) {}

  record PasswordRequest(String password) {}

  record IdentityRequest(String identityNo) {}

  record SuccessorRequest(String successorCode, String basis) {}

  private final Administration admin;
  private final Reorganisation reorganisation;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final RecognitionMappings mappings;

  AdministrationController(Administration admin, Reorganisation reorganisation, AuditLog audit, ObjectMapper json,
      RecognitionMappings mappings) {
    this.mappings = mappings;
    this.admin = admin;
    this.reorganisation = reorganisation;
    this.audit = audit;
    this.json = json;
  }

  @PostMapping("/reorganisations/preview")
  @Operation(summary = "Xem trước sắp xếp đơn vị hành chính: đơn vị chuyển, hồ sơ đang mở chuyển cơ quan, vai trò"
      + " chấm dứt, cảnh báo (không thay đổi gì)")
  Map<String, Object> previewReorganisation(@RequestBody(required = false) Reorganisation.Request body) {
    return reorganisation.preview(administrator(), required(body));
  }

  @PostMapping("/reorganisations")
  @Operation(summary = "Sắp xếp đơn vị hành chính: giải thể đơn vị, chuyển đơn vị trực thuộc sang đơn vị tiếp"
      + " nhận, chuyển hồ sơ đang mở sang cơ quan có thẩm quyền mới")
  Map<String, Object> reorganise(@RequestBody(required = false) Reorganisation.Request body) {
    return reorganisation.apply(administrator(), required(body));
  }

  @PostMapping("/recognitions/{id}/successor")
  @Operation(summary = "Ánh xạ quyết định công nhận của đơn vị đã giải thể sang đơn vị tiếp nhận cùng cấp (việc"
      + " chuyển danh hiệu khi sáp nhập chờ xác nhận văn bản: chỉ tính khi quản trị viên ánh xạ)")
  Map<String, Object> mapRecognition(@PathVariable Long id, @RequestBody(required = false) SuccessorRequest body) {
    String actor = administrator();
    SuccessorRequest r = required(body);
    return mappings.map(actor, id, r.successorCode(), r.basis());
  }

  @DeleteMapping("/recognitions/{id}/successor")
  @Operation(summary = "Bỏ ánh xạ quyết định công nhận sang đơn vị tiếp nhận")
  Map<String, Object> unmapRecognition(@PathVariable Long id) {
    return mappings.unmap(administrator(), id);
  }

  static String administrator() {
    CurrentUser user = CurrentUser.get();
    if (user == null || !user.admin()) {
      throw DomainException.forbidden("Chỉ quản trị viên (nhóm hoctap-admin) mới được thực hiện thao tác quản trị.");
    }
    return user.id();
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw DomainException.badInput("Thiếu nội dung yêu cầu (JSON).");
    }
    return body;
  }

  @PostMapping("/org-units")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Tạo đơn vị trong cây tổ chức (đơn vị cấp trên theo mã)")
  Map<String, Object> createOrgUnit(@RequestBody(required = false) NewOrgUnit body) {
    return admin.createOrgUnit(administrator(), required(body));
  }

  @PutMapping("/org-units/{code}")
  @Operation(summary = "Đổi tên đơn vị (mã, cấp trên và nhóm vai trò giữ nguyên)")
  Map<String, Object> renameOrgUnit(@PathVariable String code, @RequestBody(required = false) Rename body) {
    String actor = administrator();
    return admin.renameOrgUnit(actor, code, required(body).name());
  }

  @PutMapping("/org-units/{code}/difficult-area")
  @Operation(summary = "Ghi xã thuộc vùng khó khăn (TT25: ngưỡng riêng của chỉ tiêu TC5.CT2) và văn bản làm căn cứ")
  Map<String, Object> setDifficultArea(@PathVariable String code,
      @RequestBody(required = false) DifficultArea body) {
    String actor = administrator();
    DifficultArea d = required(body);
    if (d.difficultArea() == null) {
      throw DomainException.badInput("Thiếu difficultArea (true hoặc false).");
    }
    return admin.setDifficultArea(actor, code, d.difficultArea(), d.basis());
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Tạo người dùng (tên đăng nhập, họ tên, email, mật khẩu ban đầu)")
  Map<String, Object> createUser(@RequestBody(required = false) NewUser body) {
    return admin.createUser(administrator(), required(body));
  }

  @PostMapping("/users/{userId}/roles")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Giao vai trò tại một đơn vị (nhóm <role>-<orgCode>)")
  Map<String, Object> grantRole(@PathVariable String userId, @RequestBody(required = false) RoleRequest body) {
    String actor = administrator();
    RoleRequest r = required(body);
    return admin.grantRole(actor, userId, r.role(), r.orgCode());
  }

  @DeleteMapping("/users/{userId}/roles/{role}/{orgCode}")
  @Operation(summary = "Thu hồi vai trò tại một đơn vị")
  Map<String, Object> revokeRole(@PathVariable String userId, @PathVariable String role,
      @PathVariable String orgCode) {
    return admin.revokeRole(administrator(), userId, role, orgCode);
  }

  @PutMapping("/users/{userId}/citizen-identity")
  @Operation(summary = "Gắn số định danh cá nhân (CCCD, 12 chữ số) với tài khoản — cần trước khi giao vai trò"
      + " citizen (Công dân); mỗi số một tài khoản")
  Map<String, Object> setCitizenIdentity(@PathVariable String userId,
      @RequestBody(required = false) IdentityRequest body) {
    String actor = administrator();
    return admin.setCitizenIdentity(actor, userId, required(body).identityNo());
  }

  @PostMapping("/users/{userId}/unlock")
  @Operation(summary = "Mở khóa tài khoản bị khóa do nhập sai mật khẩu nhiều lần")
  Map<String, Object> unlock(@PathVariable String userId) {
    return admin.unlockUser(administrator(), userId);
  }

  @PostMapping("/users/{userId}/password")
  @Operation(summary = "Đặt mật khẩu mới cho người dùng (và mở khóa nếu đang bị khóa)")
  Map<String, Object> setPassword(@PathVariable String userId, @RequestBody(required = false) PasswordRequest body) {
    String actor = administrator();
    return admin.setPassword(actor, userId, required(body).password());
  }

  @GetMapping("/audit")
  @Operation(summary = "Nhật ký thay đổi của quản trị viên, mới nhất trước")
  Map<String, Object> audit(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    administrator();
    if (page < 0 || size < 1 || size > 500) {
      throw DomainException.badInput("Trang (page) từ 0, cỡ trang (size) từ 1 đến 500.");
    }
    Page<AuditEntry> p = audit.page(page, size);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("page", page);
    out.put("size", size);
    out.put("total", p.getTotalElements());
    List<Map<String, Object>> entries = p.getContent().stream().map(this::view).toList();
    out.put("entries", entries);
    return out;
  }

  private Map<String, Object> view(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.getId());
    m.put("at", e.getOccurredAt());
    m.put("actor", e.getActor());
    m.put("action", e.getAction());
    m.put("targetType", e.getTargetType());
    m.put("targetId", e.getTargetId());
    m.put("before", parse(e.getBeforeJson()));
    m.put("after", parse(e.getAfterJson()));
    return m;
  }

  private JsonNode parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return json.readTree(s);
    } catch (IOException e) {
      return json.getNodeFactory().textNode(s);
    }
  }
}
