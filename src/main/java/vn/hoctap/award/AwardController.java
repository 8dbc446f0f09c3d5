package vn.hoctap.award;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hoctap.common.DomainException;
import vn.hoctap.document.ProposalDocuments;
import vn.hoctap.security.CurrentUser;

/**
 * Khen thưởng: proposal lists, their exports, council minutes drafts, decisions and awardees. Votes, minutes and
 * signatures are tasks of processes/award-nomination.bpmn (Camunda Tasklist or REST API).
 */
@RestController
@RequestMapping("/api/awards")
@Tag(name = "Khen thưởng")
class AwardController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final AwardService awards;
  private final CouncilService councils;
  private final ProposalExports exports;
  private final ProposalDocuments submissions;

  AwardController(AwardService awards, CouncilService councils, ProposalExports exports,
      ProposalDocuments submissions) {
    this.awards = awards;
    this.councils = councils;
    this.exports = exports;
    this.submissions = submissions;
  }

  @PostMapping("/proposals")
  @Operation(summary = "Lập danh sách đề nghị khen thưởng (tờ trình, báo cáo thành tích, ứng viên) và bắt đầu xét",
      description = "Mỗi ứng viên một quy trình: kiểm tra điều kiện, Hội đồng TĐKT các cấp, người có thẩm quyền ký.")
  ResponseEntity<AwardViews.Proposal> propose(@RequestBody ProposalRequest request) {
    CurrentUser user = CurrentUser.get();
    Long id = awards.propose(request, user);
    return ResponseEntity.created(URI.create("/api/awards/proposals/" + id)).body(awards.proposal(id, user));
  }

  @GetMapping("/proposals")
  @Operation(summary = "Các danh sách đề nghị khen thưởng trong phạm vi của người dùng")
  List<Map<String, Object>> proposals() {
    return awards.proposals(CurrentUser.get());
  }

  @GetMapping("/proposals/{id}")
  @Operation(summary = "Xem danh sách đề nghị: ứng viên, điều kiện, minh chứng, kết quả Hội đồng, quyết định")
  AwardViews.Proposal proposal(@PathVariable Long id) {
    return awards.proposal(id, CurrentUser.get());
  }

  @GetMapping("/proposals/{id}/export.xlsx")
  @Operation(summary = "Tải danh sách đề nghị (Excel) gửi cấp trên")
  ResponseEntity<byte[]> spreadsheet(@PathVariable Long id) {
    return file(exports.spreadsheet(awards.proposal(id, CurrentUser.get())), XLSX,
        "danh-sach-de-nghi-khen-thuong-" + id + ".xlsx");
  }

  @GetMapping("/proposals/{id}/export.pdf")
  @Operation(summary = "Tải tờ trình kèm danh sách và biên bản Hội đồng (PDF) gửi cấp trên")
  ResponseEntity<byte[]> document(@PathVariable Long id) {
    return file(submissions.pdf(awards.proposal(id, CurrentUser.get())), MediaType.APPLICATION_PDF,
        "to-trinh-khen-thuong-" + id + ".pdf");
  }

  @GetMapping(value = "/candidates/{id}/minutes-draft", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
  @Operation(summary = "Dự thảo biên bản xét khen thưởng lập từ các phiếu của phiên họp đang mở")
  String minutesDraft(@PathVariable Long id) {
    Long proposalId = awards.proposalOf(id);
    awards.proposal(proposalId, CurrentUser.get());
    Long review = councils.openReviewId(id);
    if (review == null) {
      throw DomainException.notFound("Ứng viên số " + id + " không có phiên họp Hội đồng nào đang mở.");
    }
    return councils.draftMinutes(review);
  }

  @GetMapping("/decisions/{id}")
  @Operation(summary = "Quyết định khen thưởng: số, ngày, người ký và danh sách được khen")
  AwardViews.Decision decision(@PathVariable Long id) {
    return awards.decision(id, CurrentUser.get());
  }

  @GetMapping("/awardees/{id}")
  @Operation(summary = "Đối tượng được khen: danh hiệu và khen thưởng qua các năm, kèm quyết định")
  AwardViews.Awardee awardee(@PathVariable Long id) {
    return awards.awardee(id, CurrentUser.get());
  }

  @GetMapping("/rules")
  @Operation(summary = "Tiêu chuẩn khen thưởng (dữ liệu, có nguồn); tiêu chuẩn chưa xác nhận ghi \"chờ xác nhận văn bản\"")
  List<Map<String, Object>> rules() {
    return awards.rules();
  }

  @GetMapping("/councils/{orgCode}")
  @Operation(summary = "Hội đồng Thi đua - Khen thưởng của một cơ quan: thành viên, thư ký, số dự họp tối thiểu, tỷ lệ thông qua",
      description = "Chỉ cơ quan của người dùng, cấp dưới hoặc cấp trên của cơ quan đó (quản trị viên: mọi cơ quan);"
          + " cơ quan khác trả 404 như mã không có.")
  Map<String, Object> council(@PathVariable String orgCode) {
    return councils.describe(orgCode, CurrentUser.get());
  }

  @PutMapping("/councils/{orgCode}")
  @Operation(summary = "Cấu hình Hội đồng của một cơ quan (quản trị viên; ghi nhật ký quản trị)")
  CouncilService.Config configure(@PathVariable String orgCode, @RequestBody CouncilService.Config config) {
    return councils.configure(orgCode, config, CurrentUser.get());
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
  }
}
