package vn.hoctap.recognition;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierKindRules;
import vn.hoctap.dossier.Title;

/** Records decisions: numbers them, stores the recognition and its certificate. */
@Service
public class RecognitionService {

  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final RecognitionRepository recognitions;
  private final CertificateRepository certificates;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final DossierKindRules kindRules;
  private final SecureRandom random = new SecureRandom();

  RecognitionService(RecognitionRepository recognitions, CertificateRepository certificates, JdbcTemplate jdbc,
      EngineClock clock, DossierKindRules kindRules) {
    this.kindRules = kindRules;
    this.recognitions = recognitions;
    this.certificates = certificates;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The next decision number of a signer in a year. The update locks the counter row until the transaction ends,
   * so numbers are unique and, since a rolled-back transaction gives its number back, gap-free. The first number
   * of a year inserts the row at 0 behind a savepoint: if another transaction inserted it first, only the insert
   * is undone (on PostgreSQL a failed statement would otherwise abort the whole transaction) and the update waits
   * for that transaction's lock like any other.
   */
  @Transactional
  public int nextDecisionNumber(Long signerOrgId, int year) {
    String bump = "update decision_counter set last_no = last_no + 1 where signer_org_id = ? and decision_year = ?";
    if (jdbc.update(bump, signerOrgId, year) == 0) {
      jdbc.execute((ConnectionCallback<Void>) c -> {
        Savepoint before = c.setSavepoint();
        try (PreparedStatement insert = c.prepareStatement(
            "insert into decision_counter (signer_org_id, decision_year, last_no) values (?, ?, 0)")) {
          insert.setLong(1, signerOrgId);
          insert.setInt(2, year);
          insert.executeUpdate();
          c.releaseSavepoint(before);
        } catch (SQLException raced) {
          c.rollback(before);
        }
        return null;
      });
      if (jdbc.update(bump, signerOrgId, year) != 1) {
        throw new IllegalStateException("decision_counter row missing for signer " + signerOrgId + ", " + year);
      }
    }
    return jdbc.queryForObject("select last_no from decision_counter where signer_org_id = ? and decision_year = ?",
        Integer.class, signerOrgId, year);
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

  @Transactional(readOnly = true)
  public Optional<Recognition> latest(Long unitId, Title title, int level) {
    return recognitions.findFirstByUnitIdAndTitleAndLevelOrderByDecisionDateDesc(unitId, title, level);
  }

  @Transactional(readOnly = true)
  public List<Recognition> ofUnit(Long unitId) {
    return recognitions.findByUnitIdOrderByDecisionDateDesc(unitId);
  }

  private String verificationCode() {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
    }
    return sb.toString();
  }
}
