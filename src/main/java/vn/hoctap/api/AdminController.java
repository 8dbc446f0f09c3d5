package vn.hoctap.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.common.DomainException;
import vn.hoctap.deadline.DeadlineExtension;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.dossier.Title;
import vn.hoctap.procedure.DossierWorkflow;

/** Administrators' actions on the running campaign. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Quản trị")
class AdminController {

  /** title defaults to LEARNING_UNIT; unitCode is the applicant's code (a school, or a commune for TT25). */
  record ExtensionRequest(Title title, String unitCode, Integer assessmentYear, DeadlineKind kind, LocalDate until,
      String reason) {}

  private final DossierWorkflow workflow;
  private final AuditLog audit;

  AdminController(DossierWorkflow workflow, AuditLog audit) {
    this.workflow = workflow;
    this.audit = audit;
  }

  @PostMapping("/deadline-extensions")
  @Operation(summary = "Gia hạn nộp hồ sơ / ra quyết định cho một đơn vị và năm đánh giá",
      description = "Hồ sơ đang mở của đơn vị được dời các mốc nhắc hạn và báo quá hạn theo hạn mới.")
  @Transactional
  public Map<String, Object> extend(@RequestBody ExtensionRequest request) {
    CurrentUser user = CurrentUser.get();
    if (!user.admin()) {
      throw DomainException.forbidden("Chỉ quản trị viên mới gia hạn được.");
    }
    if (request.unitCode() == null || request.assessmentYear() == null || request.kind() == null) {
      throw DomainException.badInput("Cần mã đơn vị, năm đánh giá và loại hạn (SUBMISSION hoặc DECISION).");
    }
    Title title = request.title() == null ? Title.LEARNING_UNIT : request.title();
    DeadlineExtension ext = workflow.extendDeadline(title, request.unitCode(), request.assessmentYear(),
        request.kind(), request.until(), request.reason(), user.id());
    Map<String, Object> after = Map.of("id", ext.getId(), "title", title, "unitCode", request.unitCode(),
        "assessmentYear", request.assessmentYear(), "kind", request.kind(), "extendedUntil", ext.getExtendedUntil(),
        "reason", ext.getReason());
    audit.record(user.id(), "DEADLINE_EXTENDED", AuditLog.Target.DEADLINE,
        request.unitCode() + ":" + request.assessmentYear() + ":" + request.kind(), null, after);
    return Map.of("id", ext.getId(), "extendedUntil", ext.getExtendedUntil());
  }
}
