package vn.hoctap.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundCriteria;
import vn.hoctap.citizen.RoundEntry;
import vn.hoctap.citizen.RoundImport;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.RoundStatus;
import vn.hoctap.citizen.RoundWorkflow;
import vn.hoctap.citizen.ScoreSheet;
import vn.hoctap.citizen.Subject;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.security.CurrentUser;

/**
 * Assessment rounds (đợt đánh giá) of "Công dân học tập" and of a village's families, clans and the village:
 * open a round, download the template, upload the filled list, enter or correct one entry, read the round, its
 * entries and the list of those recognised, for integrations. People do the same in hoctap's pages
 * (citizen/RoundPages, /dot-danh-gia); the review and decision steps are tasks there and in the Tasklist.
 */
@RestController
@RequestMapping("/api/rounds")
@Tag(name = "Đợt đánh giá Công dân học tập, Gia đình học tập, Dòng họ học tập")
class RoundController {

  private static final int MAX_PAGE_SIZE = 1000;
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  record OpenRequest(RoundKind kind, String orgCode, Integer assessmentYear) {}

  record EntryRequest(Subject subject, String fullName, String birthYear, Map<String, String> scores,
      String judgement) {}

  record RoundView(long id, RoundKind kind, String kindLabel, String orgCode, String orgName, int assessmentYear,
      RoundStatus status, String statusLabel, String deciderTitle, String decisionNo, LocalDate decisionDate,
      String processInstanceId, RoundService.Counts counts, List<Map<String, Object>> history) {}

  private final RoundService rounds;
  private final RoundWorkflow workflow;
  private final RoundImport imports;
  private final RoundCriteria criteria;
  private final DossierAccess access;

  RoundController(RoundService rounds, RoundWorkflow workflow, RoundImport imports, RoundCriteria criteria,
      DossierAccess access) {
    this.rounds = rounds;
    this.workflow = workflow;
    this.imports = imports;
    this.criteria = criteria;
    this.access = access;
  }

  @PostMapping
  @Operation(summary = "Mở đợt đánh giá và bắt đầu quy trình",
      description = "kind CITIZEN (trường, cơ quan hoặc xã) hoặc VILLAGE (thôn, tổ dân phố); do người lập danh"
          + " sách của đơn vị mở.")
  ResponseEntity<RoundView> open(@RequestBody OpenRequest request) {
    if (request.kind() == null || request.orgCode() == null || request.assessmentYear() == null) {
      throw DomainException.badInput("Cần kind (CITIZEN hoặc VILLAGE), orgCode và assessmentYear.");
    }
    Round r = workflow.start(request.kind(), request.orgCode(), request.assessmentYear(), CurrentUser.get());
    return ResponseEntity.created(URI.create("/api/rounds/" + r.id())).body(view(r, false));
  }

  @GetMapping
  @Operation(summary = "Các đợt đánh giá trong phạm vi của người dùng (mới nhất trước)")
  List<RoundView> list(@RequestParam(required = false) Integer year,
      @RequestParam(defaultValue = "100") int limit) {
    CurrentUser user = CurrentUser.get();
    List<String> paths = user.admin() ? null : access.visiblePaths(user);
    return rounds.list(paths, year, Math.max(1, Math.min(limit, 500))).stream().map(r -> view(r, false)).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Xem đợt đánh giá: trạng thái, số mục đạt / không đạt / bị trả lại, lịch sử")
  RoundView read(@PathVariable long id) {
    return view(readable(id), true);
  }

  @GetMapping("/{id}/entries")
  @Operation(summary = "Danh sách các mục (người, hộ, dòng họ) với điểm từng chỉ tiêu và kết quả",
      description = "filter: passed, failed, returned, recognised; phân trang theo page/size.")
  List<RoundEntry> entries(@PathVariable long id, @RequestParam(required = false) String filter,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
    readable(id);
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw DomainException.badInput("Trang bắt đầu từ 0; mỗi trang từ 1 đến " + MAX_PAGE_SIZE + " mục.");
    }
    return rounds.entries(id, filter, page * size, size);
  }

  @GetMapping("/{id}/entries/{identityNo}")
  RoundEntry entry(@PathVariable long id, @PathVariable String identityNo) {
    readable(id);
    return rounds.entry(id, identityNo).orElseThrow(() ->
        DomainException.notFound("Đợt đánh giá số " + id + " không có mục " + identityNo + "."));
  }

  @PutMapping("/{id}/entries/{identityNo}")
  @Operation(summary = "Nhập hoặc sửa một mục (biểu mẫu từng người / hộ)",
      description = "scores: điểm theo mã chỉ tiêu, ví dụ {\"NL1.1\": \"9,5\"}; judgement (Đạt / Không đạt) khi"
          + " ngưỡng đạt chờ xác nhận văn bản.")
  RoundEntry saveEntry(@PathVariable long id, @PathVariable String identityNo, @RequestBody EntryRequest body) {
    Round r = preparable(id);
    if (body.subject() == null) {
      throw DomainException.badInput("Cần subject (nhóm: OFFICIAL, WORKER, LEARNER, RESIDENT, FAMILY, CLAN,"
          + " VILLAGE).");
    }
    RoundEntry saved = rounds.saveEntry(r.id(), body.subject(), identityNo, body.fullName(), body.birthYear(),
        body.scores() == null ? Map.of() : body.scores(), body.judgement(), CurrentUser.get().id());
    workflow.refreshOpenStep(r.id());
    return saved;
  }

  @PostMapping(path = "/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Tải lên danh sách đã điền theo mẫu (.xlsx)",
      description = "Kiểm tra cả tệp trước: có lỗi thì không lưu dòng nào, trả về mọi lỗi theo dòng, cột và tệp"
          + " đánh dấu lỗi. Tải lại cùng một tệp không lưu lần thứ hai.")
  ResponseEntity<RoundImport.ImportResult> upload(@PathVariable long id, @RequestParam Subject subject,
      @RequestPart("file") MultipartFile file) throws IOException {
    Round r = preparable(id);
    Path tmp = Files.createTempFile("round-import-", ".xlsx");
    try {
      file.transferTo(tmp);
      String name = file.getOriginalFilename() == null ? "danh-sach.xlsx" : file.getOriginalFilename();
      RoundImport.ImportResult result = imports.importFile(r.id(), subject, tmp, name, CurrentUser.get().id());
      workflow.refreshOpenStep(r.id());
      return result.alreadyImported() ? ResponseEntity.ok(result)
          : ResponseEntity.created(URI.create("/api/rounds/" + id + "/entries")).body(result);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @GetMapping("/{id}/imports/{sha}/annotated.xlsx")
  @Operation(summary = "Tải về tệp đã đánh dấu lỗi của lần tải lên bị từ chối")
  ResponseEntity<StreamingResponseBody> annotated(@PathVariable long id, @PathVariable String sha) {
    readable(id);
    Path p = imports.annotated(id, sha);
    return xlsx("danh-sach-can-sua.xlsx", out -> Files.copy(p, out));
  }

  @GetMapping("/{id}/recognised.xlsx")
  @Operation(summary = "Danh sách kèm theo quyết định công nhận: mọi người, hộ được công nhận")
  ResponseEntity<StreamingResponseBody> recognised(@PathVariable long id) {
    Round r = readable(id);
    if (r.status() != RoundStatus.RECOGNISED) {
      throw DomainException.rule("Đợt đánh giá chưa có quyết định công nhận (" + r.status().label() + ").");
    }
    return xlsx("danh-sach-cong-nhan-" + id + ".xlsx", out -> imports.recognisedList(r, out));
  }

  @GetMapping("/template")
  @Operation(summary = "Tải mẫu Excel của một nhóm (mỗi dòng một người / hộ, mỗi cột một chỉ tiêu)")
  ResponseEntity<StreamingResponseBody> template(@RequestParam Subject subject) {
    return xlsx("mau-" + subject.name().toLowerCase() + ".xlsx", out -> imports.template(subject, out));
  }

  @GetMapping("/criteria")
  @Operation(summary = "Các bộ tiêu chí chấm điểm hiện hành (nội dung chờ xác nhận văn bản được đánh dấu)")
  List<RoundCriteria.Stored> criteria() {
    return criteria.all();
  }

  @PutMapping("/criteria/{subject}")
  @Operation(summary = "Quản trị: công bố phiên bản mới của bộ tiêu chí (chỉ phần chờ xác nhận văn bản)")
  RoundCriteria.Stored revise(@PathVariable Subject subject, @RequestBody ScoreSheet sheet) {
    CurrentUser user = CurrentUser.get();
    if (!user.admin()) {
      throw DomainException.forbidden("Chỉ quản trị viên mới sửa bộ tiêu chí.");
    }
    return criteria.revise(subject, sheet, user.id());
  }

  @GetMapping("/ratio")
  @Operation(summary = "Tỷ lệ thành viên (và người học) của đơn vị được công nhận Công dân học tập, từ đợt gần"
      + " nhất đã có quyết định — số liệu cho chỉ tiêu TC3.CT1 của Đơn vị học tập")
  Map<String, Object> ratio(@RequestParam String unitCode, @RequestParam int year) {
    OrgUnit unit = rounds.org(unitCode);
    CurrentUser user = CurrentUser.get();
    if (!user.admin() && access.visiblePaths(user).stream().noneMatch(p -> unit.getPath().startsWith(p))) {
      throw DomainException.notFound("Không có đơn vị mã \"" + unitCode + "\".");
    }
    return Map.of("unitCode", unitCode, "year", year,
        "members", rounds.latestRatio(unit.getId(), year, false).map(Object.class::cast).orElse("chưa có"),
        "learners", rounds.latestRatio(unit.getId(), year, true).map(Object.class::cast).orElse("chưa có"));
  }

  private RoundView view(Round r, boolean withHistory) {
    return new RoundView(r.id(), r.kind(), r.kind().label(), r.orgCode(), r.orgName(), r.assessmentYear(),
        r.status(), r.status().label(), r.deciderTitle(), r.decisionNo(), r.decisionDate(), r.processInstanceId(),
        rounds.counts(r.id()), withHistory ? rounds.history(r.id()) : null);
  }

  /** The round if the user works for its body, a body above it, or its deciding body; 404 otherwise. */
  private Round readable(long id) {
    Round r = rounds.get(id);
    CurrentUser user = CurrentUser.get();
    if (user.admin()) {
      return r;
    }
    for (String p : access.visiblePaths(user)) {
      if (r.orgPath().startsWith(p) || r.deciderPath().equals(p)) {
        return r;
      }
    }
    throw DomainException.notFound("Không tìm thấy đợt đánh giá số " + id + ".");
  }

  /** Only the round's preparers (or an administrator) change its list. */
  private Round preparable(long id) {
    Round r = readable(id);
    CurrentUser user = CurrentUser.get();
    if (!user.admin() && !user.inAny(rounds.route(r).preparerGroup())) {
      throw DomainException.forbidden("Chỉ người lập danh sách của " + r.orgName() + " mới nhập, sửa danh sách.");
    }
    return r;
  }

  private static ResponseEntity<StreamingResponseBody> xlsx(String fileName, Writer writer) {
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(writer::write);
  }

  @FunctionalInterface
  private interface Writer {
    void write(OutputStream out) throws IOException;
  }
}
