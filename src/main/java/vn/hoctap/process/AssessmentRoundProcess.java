package vn.hoctap.process;

import java.util.Set;

/**
 * Keys, task ids and variable names of processes/assessment-round.bpmn: one instance per assessment round
 * (đợt đánh giá) of "Công dân học tập" or of a village's families, clans and the village itself. Only the round
 * id and two routing flags are variables (who works on each step is derived: Candidates); every entry lives in
 * round_entry.
 */
public final class AssessmentRoundProcess {

  public static final String KEY = "assessment-round";

  public static final String TASK_PREPARE = "Task_PrepareList";
  public static final String TASK_REVIEW = "Task_ReviewList";
  public static final String TASK_FIX = "Task_FixReturned";
  public static final String TASK_DECIDE = "Task_Decide";
  public static final String END_RECOGNISED = "EndEvent_Recognised";
  public static final String END_REFUSED = "EndEvent_Refused";

  public static final String VAR_ROUND_ID = "roundId";
  public static final String VAR_REVIEW_OUTCOME = "reviewOutcome";
  public static final String VAR_DECISION = "roundDecision";

  public static final String APPROVE_ALL = "APPROVE_ALL";
  public static final String RETURN = "RETURN";
  public static final String RECOGNISE = "RECOGNISE";
  public static final String REFUSE = "REFUSE";

  /** Form fields. */
  public static final String FIELD_SUMMARY = "roundSummary";
  public static final String FIELD_RETURNED = "returnedEntries";
  public static final String FIELD_RETURN_LIST = "returnList";
  public static final String FIELD_COMMENT = "roundComment";
  /** Corrections typed in the fix step: one line per entry, "số định danh: NL2.1=8,5; năm sinh=1981". */
  public static final String FIELD_CORRECTIONS = "entryCorrections";

  /** The round's id and the outcomes of its gateways; who works on a step is derived (Candidates). */
  static final Set<String> ROUTING_VARIABLES = Set.of(VAR_ROUND_ID, VAR_REVIEW_OUTCOME, VAR_DECISION);

  private AssessmentRoundProcess() {}
}
