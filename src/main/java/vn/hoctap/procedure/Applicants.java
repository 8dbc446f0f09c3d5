package vn.hoctap.procedure;

import java.util.List;
import java.util.Map;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.process.RecognitionProcess;

/**
 * The groups that handle one dossier, derived from its applicant and route: who prepares it (a school's Tổ đánh
 * giá, a People's Committee's staff), its head, the receiving reviewers, the signers and the supervisors.
 */
public final class Applicants {

  private Applicants() {}

  /** Who prepares the applicant's dossier: a school's Tổ đánh giá, a People's Committee's staff. */
  public static String preparers(Title title, OrgUnit applicant) {
    return title.preparers(applicant.getCode());
  }

  /** The applicant's head: a school's principal, a People's Committee's chair. */
  public static String head(Title title, OrgUnit applicant) {
    return title.head(applicant.getCode());
  }

  public static List<String> groups(Dossier d) {
    return List.of(preparers(d.getTitle(), d.getUnit()), head(d.getTitle(), d.getUnit()));
  }

  /** The routing variables every recognition process starts with. */
  public static Map<String, Object> routingVariables(Dossier d) {
    return Map.of(
        RecognitionProcess.VAR_DOSSIER_ID, d.getId(),
        RecognitionProcess.VAR_LEVEL, d.getLevel(),
        RecognitionProcess.VAR_TEAM_GROUP, preparers(d.getTitle(), d.getUnit()),
        RecognitionProcess.VAR_HEAD_GROUP, head(d.getTitle(), d.getUnit()),
        RecognitionProcess.VAR_REVIEWER_GROUP, Groups.reviewer(d.getReceivingOrg().getCode()),
        RecognitionProcess.VAR_SIGNER_GROUP, Groups.signing(d.getSignerRole(), d.getSignerOrg().getCode()),
        RecognitionProcess.VAR_UNIT_SUPERVISOR_GROUP, Groups.reviewer(d.getReceivingOrg().getCode()),
        RecognitionProcess.VAR_BODY_SUPERVISOR_GROUP, Groups.supervisorOf(d.getReceivingOrg()));
  }
}
