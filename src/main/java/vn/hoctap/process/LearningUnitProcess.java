package vn.hoctap.process;

/**
 * Keys and task ids of processes/learning-unit-recognition.bpmn ("Đơn vị học tập", TT 24/2023); the shared ids
 * and variable names are inherited from {@link RecognitionProcess}.
 */
public final class LearningUnitProcess extends RecognitionProcess {
  public static final String KEY = "learning-unit-recognition";
  public static final String TASK_HEAD_REVIEW = "Task_HeadReview";
  public static final String VALUES_FORM = "lu-indicator-values";

  private LearningUnitProcess() {}
}
