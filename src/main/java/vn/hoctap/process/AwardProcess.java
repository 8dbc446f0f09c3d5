package vn.hoctap.process;

/** Keys, task ids and variable names of processes/award-nomination.bpmn (khen thưởng). */
public final class AwardProcess {

  public static final String KEY = vn.hoctap.award.AwardService.PROCESS_KEY;

  public static final String TASK_VOTE = "Task_Vote";
  public static final String TASK_MINUTES = "Task_Minutes";
  public static final String TASK_SIGN = "Task_Sign";

  public static final String VAR_CANDIDATE_ID = vn.hoctap.award.AwardService.VAR_CANDIDATE_ID;
  public static final String VAR_ELIGIBLE = "eligible";
  public static final String VAR_REVIEW_ID = "reviewId";
  public static final String VAR_MEMBER = "member";
  public static final String VAR_SIGN_HERE = "signHere";
  public static final String VAR_COUNCIL_PASSED = "councilPassed";
  public static final String VAR_DECISION = "awardDecision";
  /** Who approved, for the decision record (a user id). */
  public static final String VAR_SIGNED_BY = "awardSignedBy";

  /** Form fields, kept only while their task is open. */
  public static final String FIELD_SUMMARY = "candidateSummary";
  public static final String FIELD_VOTE = "vote";
  public static final String FIELD_VOTE_COMMENT = "voteComment";
  public static final String FIELD_MINUTES_DRAFT = "minutesDraft";
  public static final String FIELD_MINUTES = "minutes";
  public static final String FIELD_COMMENT = "awardComment";

  public static final String APPROVE = "APPROVE";
  public static final String REFUSE = "REFUSE";

  private AwardProcess() {}

  static Long candidateId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    Object id = scope.getVariable(VAR_CANDIDATE_ID);
    if (id == null) {
      throw new IllegalStateException("Quy trình khen thưởng không có biến candidateId");
    }
    return ((Number) id).longValue();
  }
}
