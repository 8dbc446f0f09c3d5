package vn.hoctap.procedure;

import java.util.List;
import java.util.Map;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;

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

  /** The receiving body's reviewers. */
  public static String reviewers(Dossier d) {
    return Groups.reviewer(d.getReceivingOrg().getCode());
  }

  /** The competent signer's group. */
  public static String signers(Dossier d) {
    return Groups.signing(d.getSignerRole(), d.getSignerOrg().getCode());
  }

  /** Who is told when the applicant misses the submission deadline: the receiving body's reviewers. */
  public static String unitSupervisors(Dossier d) {
    return reviewers(d);
  }

  /** Who is told when the receiving body misses the decision deadline: the body above it. */
  public static String bodySupervisors(Dossier d) {
    return Groups.supervisorOf(d.getReceivingOrg());
  }

  /**
   * The groups of the bodies on the dossier's route, by role: what a reorganisation moves on open tasks. The models
   * derive the same groups when they create a task (process/Candidates); none of them is a process variable.
   */
  public static Map<String, String> routeGroups(Dossier d) {
    return Map.of("reviewers", reviewers(d), "signers", signers(d), "unitSupervisors", unitSupervisors(d),
        "bodySupervisors", bodySupervisors(d), "receivingHead", AppraisalCouncils.headGroup(d));
  }
}
