package vn.hoctap.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.security.CurrentUser;

/** Minh chứng: validated uploads (type by name and content, size, indicator) stored with the dossier. */
@Service
public class EvidenceService {

  private final EvidenceRepository evidence;
  private final DossierService dossiers;
  private final DossierAccess access;
  private final EngineClock clock;
  private final long maxBytes;
  private final Set<String> allowedTypes;

  EvidenceService(EvidenceRepository evidence, DossierService dossiers, DossierAccess access, EngineClock clock,
      @Value("${hoctap.evidence.max-bytes}") DataSize maxBytes,
      @Value("${hoctap.evidence.allowed-types}") Set<String> allowedTypes) {
    this.evidence = evidence;
    this.dossiers = dossiers;
    this.access = access;
    this.clock = clock;
    this.maxBytes = maxBytes.toBytes();
    this.allowedTypes = allowedTypes;
  }

  /**
   * Stores one evidence file, uploaded by the applicant while the dossier is at their step (DossierAccess
   * .requireEvidenceUpload), checked under the dossier's lock so that it cannot slip in while the dossier is being
   * submitted.
   */
  @Transactional
  public EvidenceInfo upload(Long dossierId, String indicatorCode, String originalName, InputStream content,
      long declaredSize, String note, CurrentUser user) throws IOException {
    Dossier d = dossiers.lock(dossierId);
    access.requireEvidenceUpload(user, d);
    Evidence saved = store(d, indicatorCode, null, originalName, content, declaredSize, note, user);
    return evidence.findByDossierIdOrderById(dossierId).stream().filter(e -> e.getId().equals(saved.getId()))
        .findFirst().orElseThrow();
  }

  /** One file of a batch from the evidence page: its name and content. */
  public interface Upload {
    String name();

    long size();

    InputStream open() throws IOException;
  }

  /**
   * Stores a batch of files from the evidence page, all for one indicator or one whole-dossier category, all or
   * nothing: every file is checked with the same rules as {@link #upload}; if any is refused, none is kept and
   * the refusal lists each refused file with its reason (DomainException details).
   */
  @Transactional
  public int uploadAll(Long dossierId, String indicatorCode, EvidenceCategory category, List<Upload> files,
      String note, CurrentUser user) {
    Dossier d = dossiers.lock(dossierId);
    access.requireEvidenceUpload(user, d);
    List<Upload> real = files.stream().filter(f -> f.name() != null && !f.name().isBlank()).toList();
    if (real.isEmpty()) {
      throw DomainException.badInput("Chưa chọn tệp nào để tải lên.");
    }
    if (indicatorCode == null && category == null) {
      throw DomainException.badInput("Hãy chọn chỉ tiêu hoặc loại tài liệu của hồ sơ cho các tệp này.");
    }
    List<String> refused = new java.util.ArrayList<>();
    for (Upload f : real) {
      try (InputStream in = f.open()) {
        store(d, indicatorCode, category, f.name(), in, f.size(), note, user);
      } catch (DomainException e) {
        refused.add(e.getMessage());
      } catch (IOException e) {
        refused.add("Không đọc được tệp \"" + f.name() + "\" (đường truyền bị gián đoạn?). Hãy tải lên lại.");
      }
    }
    if (!refused.isEmpty()) {
      // thrown out of the transaction: the files of this batch that passed are not kept either
      throw DomainException.badInput(refused.size() == real.size() && real.size() == 1
          ? "Tệp không được nhận." : "Không tệp nào trong lần tải này được lưu, vì có tệp không hợp lệ:", refused);
    }
    return real.size();
  }

  private Evidence store(Dossier d, String indicatorCode, EvidenceCategory category, String originalName,
      InputStream content, long declaredSize, String note, CurrentUser user) throws IOException {
    Long dossierId = d.getId();
    String actor = user.id();
    String name = safeName(originalName);
    String ext = extension(name);
    if (!allowedTypes.contains(ext)) {
      throw DomainException.badInput("Tệp \"" + name + "\" không đúng loại cho phép. Chỉ nhận: "
          + String.join(", ", allowedTypes.stream().sorted().toList()) + ".");
    }
    if (declaredSize > maxBytes) {
      throw tooLarge(name);
    }
    byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length == 0) {
      throw DomainException.badInput("Tệp \"" + name + "\" rỗng.");
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(name);
    }
    if (!contentMatches(ext, bytes)) {
      throw DomainException.badInput("Nội dung tệp \"" + name + "\" không phải là tệp ." + ext
          + " hợp lệ. Hãy tải lên đúng tệp gốc.");
    }
    String code = indicatorCode == null || indicatorCode.isBlank() ? null : indicatorCode.strip();
    if (code != null && dossiers.criteriaSet(d).indicator(code).isEmpty()) {
      throw DomainException.badInput("Bộ tiêu chí của hồ sơ không có chỉ tiêu \"" + code + "\".");
    }
    String sha = sha256(bytes);
    if (evidence.existsByDossierIdAndSha256(dossierId, sha)) {
      throw DomainException.conflict("Tệp \"" + name + "\" đã có trong hồ sơ (cùng nội dung).");
    }
    Evidence toSave = new Evidence(dossierId, code, name, mediaType(ext), bytes, sha,
        note == null || note.isBlank() ? null : note.strip(), actor, clock.now());
    if (code == null && category != null) {
      toSave.setCategory(category.name());
    }
    Evidence saved = evidence.save(toSave);
    dossiers.record(dossierId, actor, "EVIDENCE_UPLOADED", null, saved.getNote(),
        name + (code == null ? (category == null ? "" : " — " + category.label()) : " — chỉ tiêu " + code));
    return saved;
  }

  /** The listing with categories and markings, for the evidence pages. */
  @Transactional(readOnly = true)
  public List<EvidenceRow> rows(Long dossierId) {
    return evidence.findAllByDossierIdOrderById(dossierId);
  }

  /**
   * When the dossier was last submitted or resubmitted after a return (null if never): a file uploaded before then
   * is part of a submitted version and is kept for good, also when the dossier is returned once more.
   */
  @Transactional(readOnly = true)
  public Instant lastSubmittedAt(Long dossierId) {
    return dossiers.latestEvent(dossierId, List.of("SUBMITTED", "RESUBMITTED")).map(DossierEvent::getOccurredAt)
        .orElse(null);
  }

  /** When the dossier was first submitted (null if never): a file uploaded later was added in a supplement. */
  @Transactional(readOnly = true)
  public Instant firstSubmittedAt(Long dossierId) {
    return dossiers.firstEvent(dossierId, List.of("SUBMITTED")).map(DossierEvent::getOccurredAt).orElse(null);
  }

  /** Whether the file was added after the last submission (so it is not yet part of a submitted version). */
  public static boolean unsubmitted(Instant uploadedAt, Instant lastSubmittedAt) {
    return lastSubmittedAt == null || uploadedAt.isAfter(lastSubmittedAt);
  }

  /**
   * Removes a file the applicant added by mistake: only who may upload (DossierAccess.requireEvidenceUpload: the
   * applicant, at their step) and only a file not yet part of a submitted version. The removal is recorded in the
   * dossier's history with the file's name and fingerprint.
   */
  @Transactional
  public void remove(Long dossierId, Long evidenceId, CurrentUser user) {
    Dossier d = dossiers.lock(dossierId);
    access.requireEvidenceUpload(user, d);
    Evidence e = get(dossierId, evidenceId);
    if (!unsubmitted(e.getUploadedAt(), lastSubmittedAt(dossierId))) {
      throw DomainException.conflict("Tệp \"" + e.getFileName() + "\" đã thuộc hồ sơ đã trình nên được giữ lại,"
          + " không xóa được. Nếu cần thay, hãy tải lên tệp mới kèm ghi chú.");
    }
    evidence.delete(e);
    dossiers.record(dossierId, user.id(), "EVIDENCE_REMOVED", null, null,
        e.getFileName() + (e.getIndicatorCode() == null ? "" : " — chỉ tiêu " + e.getIndicatorCode())
            + " (SHA-256 " + e.getSha256() + ")");
  }

  /** The reviewer's marking of one file. */
  public enum Verdict {
    PHU_HOP("Phù hợp"), KHONG_PHU_HOP("Không phù hợp");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The statuses in which the receiving body examines the dossier (completeness check and appraisal). */
  static final java.util.Set<DossierStatus> REVIEW_STEPS =
      java.util.EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.IN_APPRAISAL);

  /** Whether the user is one of the receiving body's reviewers (who check completeness and appraise). */
  public static boolean reviewerOf(CurrentUser user, Dossier d) {
    return user.inAny(vn.hoctap.org.Groups.reviewer(d.getReceivingOrg().getCode()));
  }

  /**
   * The receiving body's reviewer marks a file "phù hợp" or "không phù hợp" (with a reason) while the dossier is
   * with them; the marking is stored with the file and written to the dossier's history.
   */
  @Transactional
  public void mark(Long dossierId, Long evidenceId, Verdict verdict, String reason, CurrentUser user) {
    Dossier d = dossiers.lock(dossierId);
    access.requireRead(user, d);
    if (!reviewerOf(user, d)) {
      throw DomainException.forbidden("Chỉ cán bộ thẩm định của " + d.getReceivingOrg().getName()
          + " được đánh giá minh chứng của hồ sơ số " + dossierId + ".");
    }
    if (!REVIEW_STEPS.contains(d.getStatus())) {
      throw DomainException.conflict("Hồ sơ số " + dossierId + " đang ở bước \"" + d.getStatus().label()
          + "\": chỉ đánh giá minh chứng khi hồ sơ đang được kiểm tra hoặc thẩm định.");
    }
    if (verdict == null) {
      throw DomainException.badInput("Hãy chọn \"Phù hợp\" hoặc \"Không phù hợp\".");
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (verdict == Verdict.KHONG_PHU_HOP && why == null) {
      throw DomainException.badInput("Hãy ghi lý do minh chứng không phù hợp, để đơn vị biết cần bổ sung gì.");
    }
    if (why != null && why.length() > 2000) {
      throw DomainException.badInput("Lý do dài quá 2000 ký tự.");
    }
    Evidence e = get(dossierId, evidenceId);
    e.mark(verdict.name(), why, user.id(), clock.now());
    dossiers.record(dossierId, user.id(), "EVIDENCE_REVIEWED", null, why,
        e.getFileName() + ": " + verdict.label());
  }

  @Transactional(readOnly = true)
  public List<EvidenceInfo> list(Long dossierId) {
    return evidence.findByDossierIdOrderById(dossierId);
  }

  @Transactional(readOnly = true)
  public Evidence get(Long dossierId, Long evidenceId) {
    return evidence.findByIdAndDossierId(evidenceId, dossierId)
        .orElseThrow(() -> DomainException.notFound("Không tìm thấy minh chứng số " + evidenceId + "."));
  }

  private DomainException tooLarge(String name) {
    return DomainException.badInput("Tệp \"" + name + "\" vượt quá dung lượng cho phép ("
        + (maxBytes / (1024 * 1024)) + " MB). Hãy nén hoặc tách tệp.");
  }

  /** Keeps the last path segment only, without control characters: no directory tricks reach storage or logs. */
  static String safeName(String original) {
    if (original == null) {
      throw DomainException.badInput("Thiếu tên tệp.");
    }
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw DomainException.badInput("Tên tệp \"" + original + "\" không hợp lệ.");
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The first bytes of each allowed type, so a renamed executable is not accepted as a PDF. */
  private static boolean contentMatches(String ext, byte[] b) {
    return switch (ext) {
      case "pdf" -> startsWith(b, 0x25, 0x50, 0x44, 0x46);
      case "png" -> startsWith(b, 0x89, 0x50, 0x4E, 0x47);
      case "jpg", "jpeg" -> startsWith(b, 0xFF, 0xD8, 0xFF);
      case "docx", "xlsx", "odt", "ods" -> startsWith(b, 0x50, 0x4B, 0x03, 0x04);
      case "doc", "xls" -> startsWith(b, 0xD0, 0xCF, 0x11, 0xE0);
      default -> false;
    };
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static String mediaType(String ext) {
    return switch (ext) {
      case "pdf" -> "application/pdf";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      case "odt" -> "application/vnd.oasis.opendocument.text";
      case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
      case "doc" -> "application/msword";
      case "xls" -> "application/vnd.ms-excel";
      default -> "application/octet-stream";
    };
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
