package vn.hoctap.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
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
    UploadRules.Checked checked = UploadRules.check(originalName, content, declaredSize, maxBytes, allowedTypes);
    String name = checked.name();
    byte[] bytes = checked.bytes();
    String code = indicatorCode == null || indicatorCode.isBlank() ? null : indicatorCode.strip();
    if (code != null && dossiers.criteriaSet(d).indicator(code).isEmpty()) {
      throw DomainException.badInput("Bộ tiêu chí của hồ sơ không có chỉ tiêu \"" + code + "\".");
    }
    String sha = checked.sha256();
    if (evidence.existsByDossierIdAndSha256(dossierId, sha)) {
      throw DomainException.conflict("Tệp \"" + name + "\" đã có trong hồ sơ (cùng nội dung).");
    }
    Evidence toSave = new Evidence(dossierId, code, name, checked.contentType(), bytes, sha,
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
}
