package vn.hoctap.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.criteria.Join;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.hoctap.api.DossierViews.CreateRequest;
import vn.hoctap.api.DossierViews.Detail;
import vn.hoctap.api.DossierViews.PageView;
import vn.hoctap.api.DossierViews.Summary;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.DossierRepository;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierKind;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Evidence;
import vn.hoctap.dossier.EvidenceInfo;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.security.CurrentUser;

/**
 * Dossiers (hồ sơ đề nghị): open one, read it with every version, result, evidence file and history entry, and
 * list them by organisation. The work on a dossier's tasks goes through the Camunda Tasklist or REST API.
 */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Hồ sơ đề nghị công nhận")
class DossierController {

  private static final int MAX_PAGE_SIZE = 200;

  private final RuntimeService runtime;
  private final DossierService dossiers;
  private final DossierRepository repository;
  private final DossierAccess access;
  private final DossierReadModel readModel;
  private final EvidenceService evidence;
  private final OrgUnitRepository orgs;

  DossierController(RuntimeService runtime, DossierService dossiers, DossierRepository repository,
      DossierAccess access, DossierReadModel readModel, EvidenceService evidence, OrgUnitRepository orgs) {
    this.runtime = runtime;
    this.dossiers = dossiers;
    this.repository = repository;
    this.access = access;
    this.readModel = readModel;
    this.evidence = evidence;
    this.orgs = orgs;
  }

  @PostMapping
  @Operation(summary = "Lập hồ sơ đề nghị công nhận và bắt đầu quy trình",
      description = "Giống biểu mẫu bắt đầu trong Tasklist: mã đơn vị, mức độ, năm đánh giá; loại hồ sơ (kind:"
          + " FIRST công nhận lần đầu, RENEWAL công nhận lại, UPGRADE nâng mức độ) tùy chọn — không ghi thì hoctap"
          + " xác định theo các quyết định công nhận đã có.")
  ResponseEntity<Detail> create(@RequestBody CreateRequest request) {
    Title title;
    try {
      title = request.title() == null ? Title.LEARNING_UNIT : Title.valueOf(request.title());
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("Danh hiệu \"" + request.title() + "\" không có. Dùng LEARNING_UNIT.");
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("unitCode", request.unitCode());
    vars.put("level", request.level());
    vars.put("assessmentYear", request.assessmentYear());
    if (request.kind() != null) {
      vars.put("dossierKind", DossierKind.parse(request.kind()).name());
    }
    ProcessInstance pi = runtime.startProcessInstanceByKey(title.processKey(), vars);
    Dossier d = dossiers.get(Long.valueOf(pi.getBusinessKey()));
    return ResponseEntity.created(URI.create("/api/dossiers/" + d.getId())).body(readModel.detail(d));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Xem hồ sơ: số liệu mọi phiên bản, kết quả tiêu chí, minh chứng, lịch sử")
  Detail read(@PathVariable Long id) {
    return readModel.detail(readable(id));
  }

  @GetMapping
  @Operation(summary = "Danh sách hồ sơ theo tổ chức (cả cấp dưới), có phân trang và bộ lọc")
  PageView<Summary> list(@RequestParam(required = false) String orgCode,
      @RequestParam(required = false) DossierStatus status, @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer level, @RequestParam(required = false) Title title,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw DomainException.badInput("Trang bắt đầu từ 0; mỗi trang từ 1 đến " + MAX_PAGE_SIZE + " hồ sơ.");
    }
    CurrentUser user = CurrentUser.get();
    List<Specification<Dossier>> filters = new ArrayList<>();
    if (orgCode != null) {
      OrgUnit org = orgs.findByCode(orgCode).orElseThrow(() ->
          DomainException.badInput("Không tìm thấy tổ chức có mã \"" + orgCode + "\"."));
      filters.add(underPath(List.of(org.getPath())));
    }
    if (!user.admin()) {
      List<String> paths = access.visiblePaths(user);
      if (paths.isEmpty()) {
        return new PageView<>(List.of(), page, size, 0, 0);
      }
      filters.add(inJurisdiction(paths));
    }
    if (status != null) {
      filters.add((r, q, cb) -> cb.equal(r.get("status"), status));
    }
    if (year != null) {
      filters.add((r, q, cb) -> cb.equal(r.get("assessmentYear"), year));
    }
    if (level != null) {
      filters.add((r, q, cb) -> cb.equal(r.get("level"), level));
    }
    if (title != null) {
      filters.add((r, q, cb) -> cb.equal(r.get("title"), title));
    }
    Page<Dossier> result = repository.findAll(Specification.allOf(filters),
        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "updatedAt", "id")));
    return new PageView<>(result.map(DossierReadModel::summary).getContent(), page, size,
        result.getTotalElements(), result.getTotalPages());
  }

  /** DossierAccess.canRead as a query: under one of the user's bodies, or routed to one of them. */
  private static Specification<Dossier> inJurisdiction(List<String> paths) {
    return (r, q, cb) -> cb.or(underPath(paths).toPredicate(r, q, cb),
        r.join("receivingOrg").get("path").in(paths), r.join("signerOrg").get("path").in(paths));
  }

  /** Dossiers of units whose path starts with one of the given prefixes (the unit is in that subtree). */
  private static Specification<Dossier> underPath(List<String> prefixes) {
    return (r, q, cb) -> {
      Join<Dossier, OrgUnit> unit = r.join("unit");
      return cb.or(prefixes.stream()
          .map(p -> cb.like(unit.get("path"), PathPrefix.pattern(p), PathPrefix.ESCAPE_CHAR))
          .toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
  }

  @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Tải lên minh chứng (pdf, ảnh, Word, Excel…) cho hồ sơ hoặc cho một chỉ tiêu",
      description = "Chỉ đơn vị lập hồ sơ (Tổ đánh giá / Thủ trưởng; cán bộ UBND / Chủ tịch UBND) khi hồ sơ đang lập"
          + " hoặc được trả lại để bổ sung; người khác nhận 403, hồ sơ đã trình nhận 409.")
  ResponseEntity<EvidenceInfo> upload(@PathVariable Long id, @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String indicatorCode, @RequestParam(required = false) String note)
      throws IOException {
    readable(id);
    EvidenceInfo saved = evidence.upload(id, indicatorCode, file.getOriginalFilename(), file.getInputStream(),
        file.getSize(), note, CurrentUser.get());
    return ResponseEntity.created(URI.create("/api/dossiers/" + id + "/evidence/" + saved.getId())).body(saved);
  }

  @GetMapping("/{id}/evidence/{evidenceId}")
  @Operation(summary = "Tải về một minh chứng")
  ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long evidenceId) {
    readable(id);
    Evidence e = evidence.get(id, evidenceId);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(e.getFileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build().toString())
        .header("X-Content-Type-Options", "nosniff").body(e.getContent());
  }

  private Dossier readable(Long id) {
    Dossier d = dossiers.get(id);
    access.requireRead(CurrentUser.get(), d);
    return d;
  }
}
