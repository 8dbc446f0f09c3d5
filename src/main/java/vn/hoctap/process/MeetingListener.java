package vn.hoctap.process;

import static vn.hoctap.process.LearningCommunityProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.hoctap.community.LearningCommunityService;

/**
 * Họp thống nhất kết quả tự đánh giá (TT25): a meeting that agrees sends the dossier up (if it is submittable);
 * one that does not agree sends it back to the self-assessment and nothing is submitted.
 */
@Component("meetingForm")
class MeetingListener extends FormStep {

  private final LearningCommunityService communities;

  MeetingListener(StepSupport steps, Candidates candidates, LearningCommunityService communities) {
    super(steps, candidates);
    this.communities = communities;
  }

  @Override
  protected void complete(DelegateTask task, Long id) {
    FormValues form = new FormValues(task);
    LocalDate heldOn = form.date(FIELD_MEETING_DATE, "Ngày họp");
    String attendees = form.requiredText(FIELD_ATTENDEES, "Thành phần tham dự");
    String minutes = form.requiredText(FIELD_MINUTES_FILE, "Tên tệp biên bản họp");
    String outcome = form.choice(VAR_MEETING_OUTCOME, "Kết quả cuộc họp", AGREE, DISAGREE);
    String comment = form.text(FIELD_MEETING_COMMENT);
    form.throwIfInvalid("Kết quả cuộc họp");
    String actor = steps.actor();
    boolean agreed = AGREE.equals(outcome);
    communities.recordMeeting(id, heldOn, attendees, minutes, agreed, comment, actor);
    if (agreed) {
      steps.workflow.submitted(id, actor, comment);
    } else {
      steps.workflow.sentBack(id, actor, task.getName(), comment);
    }
    steps.cleanUp(task);
    task.getExecution().setVariable(VAR_MEETING_OUTCOME, outcome);
  }
}
