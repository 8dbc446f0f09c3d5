package vn.hoctap.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
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

  AdminController(DossierWorkflow workflow) {
    this.workflow = workflow;
  }

  @PostMapping("/deadline-extensions")
  @Operation(summary = "Gia hạn nộp hồ sơ / ra quyết định cho một đơn vị và năm đánh giá",
      description = "Hồ sơ đang mở của đơn vị được dời các mốc nhắc hạn và báo quá hạn theo hạn mới.")
  Map<String, Object> extend(@RequestBody ExtensionRequest request) {
    CurrentUser user = CurrentUser.get();
    if (!user.admin()) {
      throw DomainException.forbidden("Chỉ quản trị viên mới gia hạn được.");
    }
    if (request.unitCode() == null || request.assessmentYear() == null || request.kind() == null) {
      throw DomainException.badInput("Cần mã đơn vị, năm đánh giá và loại hạn (SUBMISSION hoặc DECISION).");
    }
    DeadlineExtension ext = workflow.extendDeadline(request.title() == null ? Title.LEARNING_UNIT : request.title(),
        request.unitCode(), request.assessmentYear(), request.kind(), request.until(), request.reason(), user.id());
    return Map.of("id", ext.getId(), "extendedUntil", ext.getExtendedUntil());
  }
}
