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
    String minutes = form.text(FIELD_MINUTES_FILE);
    if (minutes == null) {
      form.problem(FIELD_MINUTES_FILE, "Cần chọn tệp biên bản họp (nếu chưa có, hãy tải biên bản lên mục «Minh"
          + " chứng» của hồ sơ trước).");
    }
    String outcome = form.choice(VAR_MEETING_OUTCOME, "Kết quả cuộc họp", AGREE, DISAGREE);
    String comment = form.text(FIELD_MEETING_COMMENT);
    // each refusal next to its field on the page (the service checks the same again under the dossier's lock)
    if (heldOn != null && communities.whyNotHeldOn(heldOn) != null) {
      form.problem(FIELD_MEETING_DATE, communities.whyNotHeldOn(heldOn));
    }
    if (minutes != null && communities.whyNotMinutes(id, minutes) != null) {
      form.problem(FIELD_MINUTES_FILE, communities.whyNotMinutes(id, minutes));
    }
    if (DISAGREE.equals(outcome) && comment == null) {
      form.problem(FIELD_MEETING_COMMENT, "Cần ghi lý do cuộc họp chưa thống nhất kết quả tự đánh giá.");
    }
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
