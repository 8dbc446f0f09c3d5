package vn.hoctap.process;

import java.util.Date;
import org.springframework.stereotype.Component;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.procedure.DossierWorkflow;

/**
 * Timer dates of the recognition processes, read from the deadline data when the timer is created
 * (e.g. timeDate="${deadlines.submissionOverdue(dossierId)}").
 */
@Component("deadlines")
public class DeadlineTimers {

  private final DossierWorkflow workflow;

  DeadlineTimers(DossierWorkflow workflow) {
    this.workflow = workflow;
  }

  public Date submissionReminder(Long dossierId) {
    return Date.from(workflow.deadline(dossierId, DeadlineKind.SUBMISSION).reminderAt());
  }

  public Date submissionOverdue(Long dossierId) {
    return Date.from(workflow.deadline(dossierId, DeadlineKind.SUBMISSION).overdueAt());
  }

  public Date decisionReminder(Long dossierId) {
    return Date.from(workflow.deadline(dossierId, DeadlineKind.DECISION).reminderAt());
  }

  public Date decisionOverdue(Long dossierId) {
    return Date.from(workflow.deadline(dossierId, DeadlineKind.DECISION).overdueAt());
  }
}
