package vn.hoctap.process;

import java.util.Set;

/**
 * Ids and variable names shared by every recognition process and by processes/recognition-appraisal.bpmn, the
 * procedure they all call: receive, check completeness, appraise, decide, record and notify.
 */
public class RecognitionProcess {
  // user tasks of the shared procedure
  public static final String TASK_CHECK_COMPLETENESS = "Task_CheckCompleteness";
  public static final String TASK_SUPPLEMENT = "Task_Supplement";
  public static final String TASK_APPRAISE = "Task_Appraise";
  public static final String TASK_DECIDE = "Task_Decide";
  /** Hội đồng đánh giá (TT24 Điều 10 K2, Điều 16 K2; TT25 Điều 9 K2, 14, 19): set up, deliberate, conclude. */
  public static final String TASK_SET_UP_COUNCIL = "Task_SetUpCouncil";
  public static final String TASK_COUNCIL_MINUTES = "Task_CouncilMinutes";
  public static final String TASK_COUNCIL_OPINION = "Task_CouncilOpinion";
  public static final String TASK_SIGN_REFUSAL = "Task_SignRefusal";

  // timers
  public static final String TIMER_SUBMISSION_REMINDER = "Timer_SubmissionReminder";
  public static final String TIMER_SUBMISSION_OVERDUE = "Timer_SubmissionOverdue";
  public static final String TIMER_DECISION_REMINDER = "Timer_DecisionReminder";
  public static final String TIMER_DECISION_OVERDUE = "Timer_DecisionOverdue";

  // end events
  public static final String END_RECOGNISED = "EndEvent_Recognised";
  public static final String END_REFUSED = "EndEvent_Refused";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

  // start form variables
  public static final String VAR_UNIT_CODE = "unitCode";
  public static final String VAR_ASSESSMENT_YEAR = "assessmentYear";

  // the first user task of each title's preparation
  public static final String TASK_SELF_ASSESSMENT = "Task_SelfAssessment";

  // ids and routing flags (who works on a step is never a variable: see Candidates)
  public static final String VAR_DOSSIER_ID = "dossierId";
  public static final String VAR_LEVEL = "level";
  /** Optional start variable: FIRST, RENEWAL or UPGRADE (DossierKind); derived when absent. */
  public static final String VAR_DOSSIER_KIND = "dossierKind";
  public static final String VAR_HEAD_DECISION = "headDecision";
  public static final String VAR_DOSSIER_COMPLETE = "dossierComplete";
  public static final String VAR_APPRAISAL_RECOMMENDATION = "appraisalRecommendation";
  public static final String VAR_CRITERIA_OUTCOME = "criteriaOutcome";
  public static final String VAR_SIGNER_DECISION = "signerDecision";
  /** The form a title uses for its indicator values (supplement and appraisal in the shared procedure). */
  public static final String VAR_VALUES_FORM = "valuesForm";
  /** What the shared procedure decided, handed back to the title's process. */
  public static final String VAR_RECOGNISED = "recognised";
  public static final String VAR_MEETING_OUTCOME = "meetingOutcome";
  /** The council's mode (MEETING or WRITTEN) and its conclusion, each for the gateway right after its step. */
  public static final String VAR_COUNCIL_MODE = "councilMode";
  public static final String VAR_COUNCIL_PASSED = "councilPassed";

  /**
   * The only variables that outlive a step: the ids and flags the system set. A person's step outcome (headDecision,
   * dossierComplete, appraisalRecommendation, signerDecision, meetingOutcome) is set by that step's listener for the
   * gateway right after it and dropped at the next step.
   */
  public static final Set<String> KEPT_VARIABLES = Set.of(VAR_DOSSIER_ID, VAR_LEVEL, VAR_CRITERIA_OUTCOME,
      VAR_VALUES_FORM, VAR_RECOGNISED);

  // form fields of the decision steps
  public static final String FIELD_HEAD_COMMENT = "headComment";
  public static final String FIELD_COMPLETENESS = "completeness";
  public static final String FIELD_COMPLETENESS_COMMENT = "completenessComment";
  public static final String FIELD_ASSESSMENT_COMMENT = "assessmentComment";
  public static final String FIELD_CORRECTION_REASON = "correctionReason";
  public static final String FIELD_APPRAISAL_COMMENT = "appraisalComment";
  public static final String FIELD_SIGNER_COMMENT = "signerComment";
  // the council's steps
  public static final String FIELD_COUNCIL_CHAIR = "councilChair";
  public static final String FIELD_COUNCIL_SECRETARY = "councilSecretary";
  public static final String FIELD_COUNCIL_MEMBERS = "councilMembers";
  public static final String FIELD_COUNCIL_DATE = "councilMeetingDate";
  public static final String FIELD_PRESENT = "councilPresent";
  public static final String FIELD_VOTES_FOR = "votesFor";
  public static final String FIELD_VOTES_AGAINST = "votesAgainst";
  public static final String FIELD_COUNCIL_CONCLUSION = "councilConclusion";
  public static final String FIELD_COUNCIL_MINUTES = "councilMinutes";
  public static final String FIELD_OPINION = "councilOpinion";
  public static final String FIELD_OPINION_COMMENT = "councilOpinionComment";
  public static final String FIELD_REFUSAL_REASONS = "refusalReasons";

  // values of the routing variables
  public static final String SUBMIT = "SUBMIT";
  public static final String SEND_BACK = "SEND_BACK";
  public static final String WITHDRAW = "WITHDRAW";
  public static final String RECOGNISE = "RECOGNISE";
  public static final String REFUSE = "REFUSE";
  public static final String APPROVE = "APPROVE";
  public static final String COMPLETE = "COMPLETE";
  public static final String INCOMPLETE = "INCOMPLETE";
  public static final String AGREE = "AGREE";
  public static final String DISAGREE = "DISAGREE";

  // read-only variables shown in the forms while a task is open
  public static final String SHOW_SUMMARY = "dossierSummary";
  public static final String SHOW_EVALUATION = "evaluationReport";
  public static final String SHOW_RETURN_REASONS = "returnReasons";
  public static final String SHOW_APPLICABLE = "applicableCodes";
  public static final String SHOW_PENDING = "pendingCodes";
  public static final String SHOW_STAGE = "formStage";
  public static final String SHOW_GUIDE = "criteriaGuide";
  public static final String SHOW_COUNCIL = "councilInfo";
  public static final String SHOW_COUNCIL_PEOPLE = "councilPeople";
  public static final String SHOW_COUNCIL_RULE = "councilRule";

  protected RecognitionProcess() {}
}
