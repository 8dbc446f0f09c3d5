package vn.hoctap.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.hoctap.web.PersonNames;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.HttpStatuses;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * Minh chứng in the browser: the dossier's evidence listed by indicator and for the whole dossier, uploaded in
 * batches (all or nothing), downloaded, previewed (PDF and images), removed before submission by the applicant,
 * and marked "phù hợp" / "không phù hợp" by the receiving body's reviewers. The page stands alone at
 * /ho-so/{id}/minh-chung; its section (templates/dossier/minh-chung.html, fragment "section") can be included in
 * the dossier page with the model attribute "evidence" = {@link #view}.
 */
@Page
public class EvidencePages {

  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  static final String WHOLE = "ho-so:";
  static final String INDICATOR = "chi-tieu:";

  /** The evidence of one dossier as the user may see and act on it. */
  public record EvidenceView(long dossierId, String dossierName, List<Group> groups, int count, boolean canUpload,
      String uploadClosedReason, boolean canMark, List<Option> targets, String accept, long maxBytes, String maxLabel, long maxRequestBytes, String maxRequestLabel,
      String uploadMessage, List<String> uploadProblems, Long markErrorId, String markError, String notice) {

    EvidenceView withUploadError(String message, List<String> problems) {
      return new EvidenceView(dossierId, dossierName, groups, count, canUpload, uploadClosedReason, canMark, targets,
          accept, maxBytes, maxLabel, maxRequestBytes, maxRequestLabel, message, problems, markErrorId, markError, notice);
    }

    EvidenceView withMarkError(Long id, String message) {
      return new EvidenceView(dossierId, dossierName, groups, count, canUpload, uploadClosedReason, canMark, targets,
          accept, maxBytes, maxLabel, maxRequestBytes, maxRequestLabel, uploadMessage, uploadProblems, id, message, notice);
    }

    EvidenceView withNotice(String message) {
      return new EvidenceView(dossierId, dossierName, groups, count, canUpload, uploadClosedReason, canMark, targets,
          accept, maxBytes, maxLabel, maxRequestBytes, maxRequestLabel, uploadMessage, uploadProblems, markErrorId, markError, message);
    }
  }

  /** The files of one indicator, or of the whole dossier. */
  public record Group(String key, String heading, List<Item> items) {}

  /** One file as listed. */
  public record Item(long id, String fileName, String kind, String uploader, String uploadedAt, String size,
      String note, boolean previewable, boolean removable, String verdict, String verdictLabel, String reason,
      String reviewer, String reviewedAt, String supplement) {}

  /** One choice of the "for what" select of the upload form. */
  public record Option(String value, String label) {}

  private final DossierService dossiers;
  private final DossierAccess access;
  private final EvidenceService evidence;
  private final PersonNames personNames;
  private final long maxBytes;
  private final long maxRequestBytes;
  private final Set<String> allowedTypes;

  EvidencePages(DossierService dossiers, DossierAccess access, EvidenceService evidence,
      PersonNames personNames, @Value("${hoctap.evidence.max-bytes}") org.springframework.util.unit.DataSize max,
      @Value("${hoctap.evidence.allowed-types}") Set<String> allowedTypes,
      @Value("${spring.servlet.multipart.max-request-size}") org.springframework.util.unit.DataSize maxRequest) {
    this.maxRequestBytes = maxRequest.toBytes();
    this.dossiers = dossiers;
    this.access = access;
    this.evidence = evidence;
    this.personNames = personNames;
    this.maxBytes = max.toBytes();
    this.allowedTypes = new TreeSet<>(allowedTypes);
  }

  @GetMapping("/ho-so/{id}/minh-chung")
  String page(@PathVariable long id, @RequestParam(name = "da-tai", required = false) Integer uploaded,
      @RequestParam(name = "da-xoa", required = false) String removed,
      @RequestParam(name = "da-danh-gia", required = false) String marked,
      @RequestParam(name = OversizeEvidenceUpload.PARAM, required = false) String oversize, Model model) {
    EvidenceView v = view(id, CurrentUser.get());
    if (oversize != null && v.canUpload()) {
      v = v.withUploadError(oversize(oversize), List.of());
    } else if (uploaded != null) {
      v = v.withNotice("Đã tải lên " + uploaded + " tệp.");
    } else if (removed != null) {
      v = v.withNotice("Đã xóa tệp \"" + removed + "\".");
    } else if (marked != null) {
      v = v.withNotice("Đã ghi đánh giá minh chứng \"" + marked + "\".");
    }
    model.addAttribute("evidence", v);
    return "dossier/minh-chung-trang";
  }

  /**
   * The refusal of a plain form's upload above the request limit (OversizeEvidenceUpload sent the browser here):
   * what was refused, the limits, and what to do; its size comes from the address, so only a number is shown.
   */
  private String oversize(String mb) {
    String sent = mb.matches("\\d{1,6}") ? " (khoảng " + Integer.parseInt(mb) + " MB)" : "";
    return "Lần tải lên vừa rồi" + sent + " vượt quá dung lượng cho phép nên không được nhận; không tệp nào được"
        + " lưu. Mỗi tệp tối đa " + (maxBytes / (1024 * 1024)) + " MB, mỗi lần tải tối đa "
        + (maxRequestBytes / (1024 * 1024)) + " MB. Hãy nén hoặc tách tệp lớn (ví dụ chia tệp PDF theo chương),"
        + " hoặc tải lên từng tệp một.";
  }

  /** The section's data for the dossier page: 404 for a user who may not read the dossier. */
  public EvidenceView view(long dossierId, CurrentUser user) {
    Dossier d = dossiers.get(dossierId);
    access.requireRead(user, d);
    List<EvidenceRow> rows = evidence.rows(dossierId);
    Instant submitted = evidence.lastSubmittedAt(dossierId);
    Instant first = evidence.firstSubmittedAt(dossierId);
    boolean canUpload;
    String closed = null;
    try {
      access.requireEvidenceUpload(user, d);
      canUpload = true;
    } catch (DomainException e) {
      canUpload = false;
      if (user.inAny(d.getTitle().preparers(d.getUnit().getCode()), d.getTitle().head(d.getUnit().getCode()))) {
        closed = "Hồ sơ đã trình (" + d.getStatus().label().toLowerCase(Locale.ROOT) + "): các minh chứng được giữ"
            + " nguyên, không thêm hoặc xóa được nữa. Nếu hồ sơ được trả lại để bổ sung, đơn vị thêm được minh"
            + " chứng mới.";
      }
    }
    boolean canMark = EvidenceService.reviewerOf(user, d) && EvidenceService.REVIEW_STEPS.contains(d.getStatus());
    CriteriaSet set = dossiers.criteriaSet(d);
    Map<String, String> names = names(rows);

    Map<String, Group> groups = new LinkedHashMap<>();
    groups.put(WHOLE, new Group("ca-ho-so", "Cả hồ sơ (tờ trình, báo cáo tự đánh giá, biên bản họp…)",
        new ArrayList<>()));
    for (Indicator i : set.indicators()) {
      groups.put(INDICATOR + i.code(), new Group(i.formKey(), "Chỉ tiêu " + i.code() + " — " + i.text(),
          new ArrayList<>()));
    }
    for (EvidenceRow r : rows) {
      String key = r.getIndicatorCode() == null ? WHOLE : INDICATOR + r.getIndicatorCode();
      Group g = groups.computeIfAbsent(key, k -> new Group("khac-" + r.getIndicatorCode(),
          "Chỉ tiêu " + r.getIndicatorCode(), new ArrayList<>()));
      String ct = r.getContentType();
      boolean previewable = ct.equals("application/pdf") || ct.startsWith("image/");
      g.items().add(new Item(r.getId(), r.getFileName(),
          r.getIndicatorCode() == null ? EvidenceCategory.labelOf(r.getCategory()) : "Minh chứng chỉ tiêu",
          names.getOrDefault(r.getUploadedBy(), r.getUploadedBy()), at(r.getUploadedAt()), size(r.getSizeBytes()),
          r.getNote(), previewable, canUpload && EvidenceService.unsubmitted(r.getUploadedAt(), submitted),
          r.getReviewVerdict(), r.getReviewVerdict() == null ? null
              : EvidenceService.Verdict.valueOf(r.getReviewVerdict()).label(), r.getReviewReason(),
          r.getReviewedBy() == null ? null : names.getOrDefault(r.getReviewedBy(), r.getReviewedBy()),
          r.getReviewedAt() == null ? null : at(r.getReviewedAt()),
          // added after the first submission: a supplement the reviewers have not seen before
          first != null && r.getUploadedAt().isAfter(first) ? "Bổ sung sau khi trả lại" : null));
    }
    List<Group> shown = groups.entrySet().stream()
        .filter(e -> e.getKey().equals(WHOLE) || !e.getValue().items().isEmpty()).map(Map.Entry::getValue).toList();

    List<Option> targets = new ArrayList<>();
    for (EvidenceCategory c : EvidenceCategory.values()) {
      targets.add(new Option(WHOLE + c.name(), "Cả hồ sơ — " + c.label()));
    }
    set.indicators().stream().filter(i -> i.appliesTo(d.getUnit().profile())).forEach(i -> targets.add(
        new Option(INDICATOR + i.code(), "Chỉ tiêu " + i.code() + " — " + shorten(i.shortText(), 90))));
    String accept = String.join(",", allowedTypes.stream().map(t -> "." + t).toList());
    return new EvidenceView(dossierId, d.getTitle().label() + " — " + d.getUnit().getName() + " — năm "
        + d.getAssessmentYear(), shown, rows.size(), canUpload, closed, canMark, targets, accept, maxBytes,
        (maxBytes / (1024 * 1024)) + " MB", maxRequestBytes, (maxRequestBytes / (1024 * 1024)) + " MB", null, List.of(), null, null, null);
  }

  /**
   * The dossier's files as choices of a step's form (the meeting's minutes): the minutes first, newest first, then
   * every other file; the value is the file's name.
   */
  List<StepForm.Option> fileChoices(long dossierId) {
    List<EvidenceRow> rows = new ArrayList<>(evidence.rows(dossierId));
    java.util.Collections.reverse(rows);
    List<StepForm.Option> minutes = new ArrayList<>();
    List<StepForm.Option> others = new ArrayList<>();
    for (EvidenceRow r : rows) {
      boolean isMinutes = r.getIndicatorCode() == null && EvidenceCategory.BIEN_BAN_HOP.name().equals(r.getCategory());
      (isMinutes ? minutes : others).add(new StepForm.Option(r.getFileName(), r.getFileName() + " (" + kind(r)
          + ", " + at(r.getUploadedAt()) + ")"));
    }
    minutes.addAll(others);
    return minutes;
  }

  static String kind(EvidenceRow r) {
    return r.getIndicatorCode() == null ? EvidenceCategory.labelOf(r.getCategory())
        : "chỉ tiêu " + r.getIndicatorCode();
  }

  @PostMapping("/ho-so/{id}/minh-chung")
  ModelAndView upload(@PathVariable long id, @RequestParam(name = "tep", required = false) List<MultipartFile> files,
      @RequestParam(name = "muc", required = false) String target,
      @RequestParam(name = "ghi-chu", required = false) String note) {
    CurrentUser user = CurrentUser.get();
    List<EvidenceService.Upload> uploads = new ArrayList<>();
    for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
      uploads.add(new EvidenceService.Upload() {
        public String name() {
          return f.getOriginalFilename();
        }

        public long size() {
          return f.getSize();
        }

        public InputStream open() throws IOException {
          return f.getInputStream();
        }
      });
    }
    String indicator = null;
    EvidenceCategory category = null;
    if (target != null && target.startsWith(INDICATOR)) {
      indicator = target.substring(INDICATOR.length());
    } else if (target != null && target.startsWith(WHOLE)) {
      try {
        category = EvidenceCategory.valueOf(target.substring(WHOLE.length()));
      } catch (IllegalArgumentException e) {
        category = null;
      }
    }
    try {
      int n = evidence.uploadAll(id, indicator, category, uploads, note, user);
      return new ModelAndView("redirect:/ho-so/" + id + "/minh-chung?da-tai=" + n + "#minh-chung");
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      return page(view(id, user).withUploadError(e.getMessage(), e.details()), e);
    }
  }

  @PostMapping("/ho-so/{id}/minh-chung/{evidenceId}/xoa")
  ModelAndView remove(@PathVariable long id, @PathVariable long evidenceId) {
    CurrentUser user = CurrentUser.get();
    String name = evidence.get(readable(id, user), evidenceId).getFileName();
    try {
      evidence.remove(id, evidenceId, user);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      return page(view(id, user).withMarkError(evidenceId, e.getMessage()), e);
    }
    return new ModelAndView("redirect:/ho-so/" + id + "/minh-chung?da-xoa="
        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "#minh-chung");
  }

  @PostMapping("/ho-so/{id}/minh-chung/{evidenceId}/danh-gia")
  ModelAndView mark(@PathVariable long id, @PathVariable long evidenceId,
      @RequestParam(name = "ket-qua", required = false) String verdict,
      @RequestParam(name = "ly-do", required = false) String reason) {
    CurrentUser user = CurrentUser.get();
    String name = evidence.get(readable(id, user), evidenceId).getFileName();
    EvidenceService.Verdict v = null;
    for (EvidenceService.Verdict candidate : EvidenceService.Verdict.values()) {
      if (candidate.name().equals(verdict)) {
        v = candidate;
      }
    }
    try {
      evidence.mark(id, evidenceId, v, reason, user);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      return page(view(id, user).withMarkError(evidenceId, e.getMessage()), e);
    }
    return new ModelAndView("redirect:/ho-so/" + id + "/minh-chung?da-danh-gia="
        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "#tep-" + evidenceId);
  }

  @GetMapping("/ho-so/{id}/minh-chung/{evidenceId}")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
    Evidence e = evidence.get(readable(id, CurrentUser.get()), evidenceId);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(e.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .body(e.getContent());
  }

  /**
   * Shown in the browser: only PDFs and images (their first bytes were checked at upload), in a sandbox without
   * scripts; anything else is downloaded.
   */
  @GetMapping("/ho-so/{id}/minh-chung/{evidenceId}/xem")
  ResponseEntity<byte[]> preview(@PathVariable long id, @PathVariable long evidenceId) {
    Evidence e = evidence.get(readable(id, CurrentUser.get()), evidenceId);
    String ct = e.getContentType();
    boolean pdf = ct.equals("application/pdf");
    boolean image = ct.equals("image/png") || ct.equals("image/jpeg");
    if (!pdf && !image) {
      return download(id, evidenceId);
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(ct))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(e.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        // Chromium's PDF viewer does not open in a sandboxed document; a PDF gets no script, form or frame source
        .header("Content-Security-Policy", pdf
            ? "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'self'"
            : "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'")
        .body(e.getContent());
  }

  private Long readable(long id, CurrentUser user) {
    access.requireRead(user, dossiers.get(id));
    return id;
  }

  private static ModelAndView page(EvidenceView v, DomainException e) {
    ModelAndView mv = new ModelAndView("dossier/minh-chung-trang");
    mv.addObject("evidence", v);
    mv.setStatus(e.kind() == DomainException.Kind.BAD_INPUT ? HttpStatus.UNPROCESSABLE_ENTITY
        : HttpStatus.valueOf(HttpStatuses.of(e.kind())));
    return mv;
  }

  /** "Nguyễn Văn An" for each user id (the engine's own user table: a page user may not query other users). */
  private Map<String, String> names(List<EvidenceRow> rows) {
    Set<String> ids = new TreeSet<>();
    for (EvidenceRow r : rows) {
      ids.add(r.getUploadedBy());
      if (r.getReviewedBy() != null) {
        ids.add(r.getReviewedBy());
      }
    }
    return personNames.of(ids);
  }

  private static String at(Instant t) {
    return AT.format(ZonedDateTime.ofInstant(t, EngineClock.ZONE));
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.forLanguageTag("vi"), "%,.0f KB", bytes / 1024.0);
    }
    return String.format(Locale.forLanguageTag("vi"), "%,.1f MB", bytes / (1024.0 * 1024));
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
