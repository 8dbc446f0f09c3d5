package vn.hoctap.org;

/**
 * Candidate-group names derived from the organisation tree (ARCHITECTURE.md principle 3). A BPMN file never
 * names an org code: it names the role variable that the route fills in.
 */
public final class Groups {
  /** Application administrators of hoctap. */
  public static final String ADMIN = "hoctap-admin";
  /** Camunda's own administrators group (Cockpit, Admin). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  private Groups() {}

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

  /** Signers of a People's Committee or authority (Chủ tịch UBND, Giám đốc Sở…). */
  public static String signer(String orgCode) {
    return "signer-" + orgCode;
  }

  /** Overdue work of a body goes to the reviewers of the province above it, or to the administrators at the top. */
  public static String supervisorOf(OrgUnit body) {
    OrgUnit above = body.getParent();
    return above == null ? ADMIN : reviewer(above.province().getCode());
  }
}
