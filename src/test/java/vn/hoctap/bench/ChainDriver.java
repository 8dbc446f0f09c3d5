package vn.hoctap.bench;

/** Drives one learning-unit chain from the start to the recognition, as the users of each role. */
interface ChainDriver {

  /** The steps of the chain in order: which task, who completes it. */
  enum Step {
    SELF_ASSESSMENT("Task_SelfAssessment"),
    HEAD_REVIEW("Task_HeadReview"),
    CHECK_COMPLETENESS("Task_CheckCompleteness"),
    APPRAISE("Task_Appraise"),
    /** Thành lập Hội đồng đánh giá: the head of the receiving body (Trưởng phòng GDĐT). */
    SET_UP_COUNCIL("Task_SetUpCouncil"),
    /** Biên bản họp Hội đồng: the council's secretary, conclusion "đạt". */
    COUNCIL_MINUTES("Task_CouncilMinutes"),
    DECIDE("Task_Decide");

    final String taskKey;

    Step(String taskKey) {
      this.taskKey = taskKey;
    }
  }

  void run(Province.Unit unit) throws Exception;

  /** OptimisticLockingExceptions retried so far (callers retry, ARCHITECTURE.md). */
  default long retries() {
    return 0;
  }
}
