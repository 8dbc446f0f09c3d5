package vn.hoctap.citizen;

import java.time.Instant;
import java.time.LocalDate;

/** An assessment round as read from assessment_round, with the names and paths of its bodies. */
public record Round(long id, RoundKind kind, long orgId, String orgCode, String orgName, String orgPath,
    int assessmentYear, RoundStatus status, long deciderOrgId, String deciderCode, String deciderPath,
    String deciderTitle, String processInstanceId, String decisionNo, LocalDate decisionDate, String decidedBy,
    String createdBy, Instant createdAt) {

  public String describe() {
    return "Đợt đánh giá " + kind.label() + " năm " + assessmentYear + " của " + orgName;
  }
}
