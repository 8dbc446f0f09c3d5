package vn.hoctap.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
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
    Evidence saved = evidence.save(new Evidence(dossierId, code, name, mediaType(ext), bytes, sha,
        note == null || note.isBlank() ? null : note.strip(), actor, clock.now()));
    dossiers.record(dossierId, actor, "EVIDENCE_UPLOADED", null, saved.getNote(),
        name + (code == null ? "" : " — chỉ tiêu " + code));
    return evidence.findByDossierIdOrderById(dossierId).stream().filter(e -> e.getId().equals(saved.getId()))
        .findFirst().orElseThrow();
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
