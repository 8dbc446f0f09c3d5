package vn.hoctap.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.hoctap.admin.SpreadsheetImport.Result;

/** Bulk import of the organisation tree and users from a spreadsheet (group hoctap-admin only). */
@RestController
@RequestMapping("/api/admin/import")
@Tag(name = "Quản trị")
class ImportController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String TEMPLATE_NAME = "mau-nhap-don-vi-nguoi-dung.xlsx";

  private final SpreadsheetImport imports;

  ImportController(SpreadsheetImport imports) {
    this.imports = imports;
  }

  @GetMapping("/template")
  @Operation(summary = "Bảng tính mẫu (.xlsx): trang Don vi, Nguoi dung và Huong dan")
  ResponseEntity<byte[]> template() {
    AdministrationController.administrator();
    return xlsx(imports.template(), TEMPLATE_NAME);
  }

  static ResponseEntity<byte[]> xlsx(byte[] content, String fileName) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(content);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Nhập cây tổ chức và người dùng từ bảng tính: kiểm tra cả tệp trước, có lỗi thì không nhập"
      + " gì và trả về danh sách lỗi (trang, dòng, cột); không lỗi thì nhập tất cả trong một giao dịch")
  Map<String, Object> importFile(@RequestParam("file") MultipartFile file) throws IOException {
    String actor = AdministrationController.administrator();
    Result r = imports.importFile(actor, file.getOriginalFilename(), file.getBytes());
    return view(r);
  }

  static Map<String, Object> view(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fileName", r.fileName());
    m.put("sha256", r.sha256());
    m.put("orgUnitsCreated", r.orgUnitsCreated());
    m.put("orgUnitsUnchanged", r.orgUnitsUnchanged());
    m.put("usersCreated", r.usersCreated());
    m.put("usersUnchanged", r.usersUnchanged());
    m.put("usersWithoutPassword", r.usersWithoutPassword());
    m.put("rolesGranted", r.rolesGranted());
    m.put("rolesUnchanged", r.rolesUnchanged());
    m.put("message", r.changedNothing() ? "Không có gì mới: mọi dòng đã có trong hệ thống."
        : "Đã nhập. " + (r.usersWithoutPassword() > 0 ? r.usersWithoutPassword() + " người dùng mới chưa có mật"
            + " khẩu: quản trị viên đặt mật khẩu trước khi họ đăng nhập." : ""));
    return m;
  }

  /** Every problem with its sheet, row and column, besides the usual error fields. */
  @ExceptionHandler(ImportRejected.class)
  ResponseEntity<Map<String, Object>> rejected(ImportRejected e) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("error", e.kind().name());
    b.put("message", e.getMessage());
    b.put("details", e.details());
    b.put("errors", e.problems());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(b);
  }
}
