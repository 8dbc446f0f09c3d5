package vn.hoctap.org;

import java.util.List;
import java.util.Optional;

/**
 * Candidate-group names derived from the organisation tree (ARCHITECTURE.md principle 3). A BPMN file never
 * names an org code: it names the role variable that the route fills in.
 */
public final class Groups {
  /** Application administrators of hoctap. */
  public static final String ADMIN = "hoctap-admin";
  /** Camunda's own administrators group (Cockpit, Admin). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /**
   * Roles a user can hold in an org unit; the role's group is "&lt;role&gt;-&lt;orgCode&gt;". Longest first, so that
   * parsing a group name never mistakes one role for the prefix of another.
   */
  public static final List<String> ROLES = List.of("committee", "secretary", "reviewer", "director", "council",
      "citizen", "signer", "viewer", "branch", "chair", "team", "head");

  /**
   * The role of a person assessing themselves ("Công dân", group "citizen-&lt;orgCode&gt;" at their unit or commune): it
   * names where their rounds are, and gives no jurisdiction — no "org-" group, no path in
   * {@link #orgOfStaffGroup}, so no dossier, round list or report of that body.
   */
  public static final String CITIZEN = "citizen";

  private Groups() {}

  /**
   * The jurisdiction group of an org unit ("org-HN-TT"): every holder of any role there is a member. Process
   * instances are readable by the jurisdiction groups of the applicant's whole path and of the bodies on its route,
   * so one authorization per level covers every role of that level.
   */
  public static String jurisdiction(String orgCode) {
    return "org-" + orgCode;
  }

  /** The org code of a role group ("reviewer-HN-TT" → "HN-TT"); empty for other groups. */
  public static Optional<String> orgOfRoleGroup(String group) {
    for (String role : ROLES) {
      if (group.startsWith(role + "-") && group.length() > role.length() + 1) {
        return Optional.of(group.substring(role.length() + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * The org code of a staff role group — every role but {@link #CITIZEN} — whose holders work for that body and see
   * its jurisdiction; empty for a citizen's group and for other groups.
   */
  public static Optional<String> orgOfStaffGroup(String group) {
    return isCitizenGroup(group) ? Optional.empty() : orgOfRoleGroup(group);
  }

  /** True for "citizen-&lt;orgCode&gt;". */
  public static boolean isCitizenGroup(String group) {
    return group != null && group.startsWith(CITIZEN + "-") && group.length() > CITIZEN.length() + 1;
  }

  /** A person's own "Công dân" role at their unit (as a member) or commune (as a resident). */
  public static String citizen(String orgCode) {
    return CITIZEN + "-" + orgCode;
  }

  /** Tổ đánh giá of a unit. */
  public static String team(String unitCode) {
    return "team-" + unitCode;
  }

  /** Thủ trưởng (head) of a unit. */
  public static String head(String unitCode) {
    return "head-" + unitCode;
  }

  /** Reviewers of an education authority (Phòng GDĐT of a district, Sở GDĐT of a province). */
  public static String reviewer(String orgCode) {
    return "reviewer-" + orgCode;
  }

  /** Signers of a People's Committee (Chủ tịch UBND) or of the Ministry (Bộ trưởng). */
  public static String signer(String orgCode) {
    return "signer-" + orgCode;
  }

  /** Heads of an education authority (Trưởng phòng GDĐT, Giám đốc Sở GDĐT) where they sign themselves. */
  public static String director(String orgCode) {
    return "director-" + orgCode;
  }

  /** Staff of a People's Committee preparing its own "Cộng đồng học tập" dossier. */
  public static String committee(String orgCode) {
    return "committee-" + orgCode;
  }

  /** Chủ tịch UBND of a commune, district or province, as the applicant's head. */
  public static String chair(String orgCode) {
    return "chair-" + orgCode;
  }

  /** Chi hội khuyến học of a village: reviews its families, clans and the village itself. */
  public static String branch(String orgCode) {
    return "branch-" + orgCode;
  }

  /** Report viewers of a body: leaders and staff who follow its dashboards and reports without acting on tasks. */
  public static String viewer(String orgCode) {
    return "viewer-" + orgCode;
  }

  /**
   * Members of a body's council (Hội đồng Thi đua - Khen thưởng): each votes personally on award candidates, and
   * the council reviews the body's own "Công dân học tập" round.
   */
  public static String council(String orgCode) {
    return "council-" + orgCode;
  }

  /** Secretary of a body's emulation council: closes the meeting and records the minutes (biên bản). */
  public static String councilSecretary(String orgCode) {
    return "secretary-" + orgCode;
  }

  /** The group of a signing role named in an authority rule ("signer" or "director"). */
  public static String signing(String role, String orgCode) {
    return switch (role) {
      case "signer" -> signer(orgCode);
      case "director" -> director(orgCode);
      default -> throw new IllegalArgumentException("Vai trò ký không có: " + role);
    };
  }

  /** Overdue work of a body goes to the reviewers of the province above it, or to the administrators at the top. */
  public static String supervisorOf(OrgUnit body) {
    OrgUnit above = body.getParent();
    return above == null ? ADMIN : reviewer(above.province().getCode());
  }
}
