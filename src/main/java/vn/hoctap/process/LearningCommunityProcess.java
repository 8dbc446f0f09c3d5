package vn.hoctap.process;

/**
 * Keys and task ids of processes/learning-community-recognition.bpmn ("Cộng đồng học tập", TT 25/2023); the
 * shared ids and variable names are inherited from {@link RecognitionProcess}.
 */
public final class LearningCommunityProcess extends RecognitionProcess {
  public static final String KEY = "learning-community-recognition";
  public static final String TASK_MEETING = "Task_AgreementMeeting";
  public static final String VALUES_FORM = "lc-indicator-values";
  public static final String FIELD_MEETING_DATE = "meetingDate";
  public static final String FIELD_ATTENDEES = "attendees";
  public static final String FIELD_MINUTES_FILE = "minutesFile";
  public static final String FIELD_MEETING_COMMENT = "meetingComment";

  private LearningCommunityProcess() {}
}
