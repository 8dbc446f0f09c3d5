package vn.hoctap.recognition;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.Registers;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierKindRules;
import vn.hoctap.dossier.Title;

/** Records decisions: numbers them, stores the recognition and its certificate. */
@Service
public class RecognitionService {

  /** The subject kind under which a recognition's revocation (thu hồi) is recorded in document_revocation. */
  public static final String REVOKED_SUBJECT = "RECOGNITION";
  /**
   * Every recognition with the unit that holds it, as a table to select from: the legal entity that received it
   * (always), and the successor an administrator mapped it to after a merger (recognition_mapping). Columns: id,
   * holder_id, mapped, title, level, assessment_year, decision_date, valid_until. Whether a title passes to a
   * successor is not settled by any text (LEGAL-TEXTS.md §4.3, chờ xác nhận văn bản): only explicit mappings count.
   * A revoked recognition is held by nobody.
   */
  public static final String HELD = "(select r.id, r.unit_id as holder_id, false as mapped, r.title, r.level,"
      + " r.assessment_year, r.decision_date, r.valid_until from recognition r where " + notRevoked("r")
      + " union all select r.id, m.successor_id, true, r.title, r.level, r.assessment_year, r.decision_date,"
      + " r.valid_until from recognition r join recognition_mapping m on m.recognition_id = r.id where "
      + notRevoked("r") + ")";

  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final RecognitionRepository recognitions;
  private final CertificateRepository certificates;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final DossierKindRules kindRules;
  private final Registers registers;
  private final SecureRandom random = new SecureRandom();

  RecognitionService(RecognitionRepository recognitions, CertificateRepository certificates, JdbcTemplate jdbc,
      EngineClock clock, DossierKindRules kindRules, Registers registers) {
    this.kindRules = kindRules;
    this.registers = registers;
    this.recognitions = recognitions;
    this.certificates = certificates;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The next decision number of a signer in a year: its register (decision_counter), unique and gap-free. */
  @Transactional
  public int nextDecisionNumber(Long signerOrgId, int year) {
    return registers.next("decision_counter", List.of("signer_org_id", "decision_year"), signerOrgId, year);
  }

  @Transactional
  public Recognition recordDecision(Dossier dossier, String signedBy) {
    Optional<Recognition> existing = recognitions.findByDossierId(dossier.getId());
    if (existing.isPresent()) {
      return existing.get();
    }
    LocalDate today = clock.today();
    int no = nextDecisionNumber(dossier.getSignerOrg().getId(), today.getYear());
    Recognition r = recognitions.save(new Recognition(dossier.getId(), dossier.getUnit().getId(),
        dossier.getTitle(), dossier.getLevel(), dossier.getAssessmentYear(), no + "/" + dossier.getDecisionCode(),
        today, dossier.getSignerOrg().getId(), dossier.getSignerTitle(), signedBy,
        // kept (bảo lưu) 03 years (36 months) after the year it is recognised in, as the rule data says
        kindRules.retainedUntil(dossier.getTitle(), dossier.getAssessmentYear(), today), clock.now()));
    certificates.save(new Certificate(r.getId(), "GCN-" + today.getYear() + "-" + r.getId(), verificationCode(),
        clock.now()));
    return r;
  }

  @Transactional(readOnly = true)
  public Optional<Recognition> forDossier(Long dossierId) {
    return recognitions.findByDossierId(dossierId);
  }

  @Transactional(readOnly = true)
  public Optional<Certificate> certificate(Long recognitionId) {
    return certificates.findByRecognitionId(recognitionId);
  }

  /**
   * The SQL condition "this recognition (table alias given) has not been revoked": a revoked decision counts for
   * nothing any more (not in statistics, the shares of recognised communes and districts, level-2 eligibility).
   */
  public static String notRevoked(String alias) {
    return "not exists (select 1 from document_revocation rv where rv.subject_kind = '" + REVOKED_SUBJECT
        + "' and rv.subject_id = " + alias + ".id)";
  }

  /**
   * The unit's latest recognition of that title and level: its own, or one of a dissolved predecessor that an
   * administrator mapped to it ({@link #HELD}), never a revoked one; what nâng mức độ is counted from.
   */
  @Transactional(readOnly = true)
  public Optional<Recognition> latest(Long unitId, Title title, int level) {
    return jdbc.queryForList("select h.id from " + HELD + " h where h.holder_id = ? and h.title = ? and h.level = ?"
        + " order by h.decision_date desc, h.id desc", Long.class, unitId, title.name(), level).stream()
        .findFirst().flatMap(recognitions::findById);
  }

  /** The recognitions the unit holds: those it received and those mapped to it after a merger, newest first. */
  @Transactional(readOnly = true)
  public List<Recognition> heldBy(Long unitId) {
    return recognitions.findAllById(jdbc.queryForList("select h.id from " + HELD + " h where h.holder_id = ?",
        Long.class, unitId)).stream()
        .sorted(java.util.Comparator.comparing(Recognition::getDecisionDate).thenComparing(Recognition::getId)
            .reversed())
        .toList();
  }

  /** The unit's recognitions not revoked, latest first. */
  @Transactional(readOnly = true)
  public List<Recognition> ofUnit(Long unitId) {
    return recognitions.notRevokedOfUnit(unitId);
  }

  private String verificationCode() {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
    }
    return sb.toString();
  }
}
