package vn.hoctap.process;

import static vn.hoctap.process.AwardProcess.*;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hoctap.award.AwardService;
import vn.hoctap.award.CandidateStatus;
import vn.hoctap.award.CouncilService;
import vn.hoctap.award.EligibilityService;
import vn.hoctap.engine.Actors;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;

/**
 * The delegates and listeners of processes/award-nomination.bpmn: thin steps over the award services. Form values
 * live in the task's own execution (local variables) while the task is open, so parallel votes never share one.
 */
@Configuration
class AwardSteps {

  private final AwardService awards;
  private final CouncilService council;
  private final EligibilityService eligibility;
  private final IdentityService identity;
  private final Candidates candidates;
  private final ActorCheck actors;

  AwardSteps(AwardService awards, CouncilService council, EligibilityService eligibility, IdentityService identity,
      Candidates candidates, ActorCheck actors) {
    this.awards = awards;
    this.council = council;
    this.eligibility = eligibility;
    this.identity = identity;
    this.candidates = candidates;
    this.actors = actors;
  }

  /** Kiểm tra điều kiện: the rules of the form and kind, with explanations stored on the candidate. */
  @Bean
  JavaDelegate checkAwardEligibility() {
    return execution -> execution.setVariable(VAR_ELIGIBLE, eligibility.check(candidateId(execution)).eligible());
  }

  /** Convenes the council of the candidate's current body and says whether that body may sign. */
  @Bean
  JavaDelegate openAwardCouncil() {
    return execution -> {
      Long id = candidateId(execution);
      Long reviewId = council.open(id);
      OrgUnit body = awards.currentBody(id);
      OrgUnit signing = awards.signingBody(id);
      execution.setVariable(VAR_REVIEW_ID, reviewId);
      // the secretary's and the signer's groups are derived when their tasks are created (Candidates)
      execution.setVariable(VAR_SIGN_HERE, body.getId().equals(signing.getId()));
    };
  }

  @Bean
  JavaDelegate forwardAward() {
    return execution -> awards.forward(candidateId(execution));
  }

  @Bean
  JavaDelegate recordAward() {
    return execution -> awards.recordAward(candidateId(execution),
        (String) execution.getVariable(VAR_SIGNED_BY));
  }

  /** One member's vote: only that member may cast it. */
  @Bean
  TaskListener awardVoteForm() {
    return task -> {
      DelegateExecution local = task.getExecution();
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        local.setVariableLocal(FIELD_SUMMARY, summary(candidateId(task)));
        local.setVariableLocal(FIELD_VOTE, null);
        local.setVariableLocal(FIELD_VOTE_COMMENT, null);
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      String member = (String) task.getVariable(VAR_MEMBER);
      candidates.boundCandidate(task);
      actors.requireUser(task, member);
      FormValues form = new FormValues(task);
      String vote = form.choice(FIELD_VOTE, "Ý kiến", CouncilService.YES, CouncilService.NO);
      String comment = form.text(FIELD_VOTE_COMMENT);
      form.throwIfInvalid("Phiếu biểu quyết");
      Long reviewId = council.openReviewId(candidateId(task));
      council.vote(reviewId, member, vote, comment);
      local.removeVariablesLocal(List.of(FIELD_SUMMARY, FIELD_VOTE, FIELD_VOTE_COMMENT));
      refreshMinutesDraft(task, reviewId);
    };
  }

  /**
   * The secretary's draft follows the votes: it was drafted when the meeting opened (no vote yet), so each vote
   * drafts it again on the secretary's open task (same instance, same transaction), for every client that shows it.
   */
  private void refreshMinutesDraft(DelegateTask vote, Long reviewId) {
    for (TaskEntity t : Context.getCommandContext().getTaskManager()
        .findTasksByProcessInstanceId(vote.getProcessInstanceId())) {
      if (TASK_MINUTES.equals(t.getTaskDefinitionKey()) && t.getExecution() != null) {
        t.getExecution().setVariableLocal(FIELD_MINUTES_DRAFT, council.draftMinutes(reviewId));
      }
    }
  }

  /** The secretary closes the meeting: refused without quorum or on a tie the rule cannot settle. */
  @Bean
  TaskListener councilMinutesForm() {
    return task -> {
      DelegateExecution local = task.getExecution();
      Long candidateId = candidates.boundCandidate(task);
      Long reviewId = council.openReviewId(candidateId);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        local.setVariableLocal(FIELD_MINUTES_DRAFT, council.draftMinutes(reviewId));
        local.setVariableLocal(FIELD_MINUTES, null);
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      actors.requireMember(task, List.of(Groups.councilSecretary(awards.currentBody(candidateId).getCode())));
      FormValues form = new FormValues(task);
      CouncilService.Outcome o = council.close(reviewId, Actors.current(identity), form.text(FIELD_MINUTES));
      local.removeVariablesLocal(List.of(FIELD_MINUTES_DRAFT, FIELD_MINUTES));
      // the subprocess ends with this task: the flag goes to the instance, where the gateway after it reads it
      task.getExecution().getProcessInstance().setVariable(VAR_COUNCIL_PASSED, o.passed());
    };
  }

  /** The competent signer approves (the decision is numbered and recorded) or refuses with reasons. */
  @Bean
  TaskListener awardSignerForm() {
    return task -> {
      Long id = candidates.boundCandidate(task);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        awards.setStatus(id, CandidateStatus.AWAITING_SIGNATURE);
        task.setVariableLocal(FIELD_SUMMARY, summary(id));
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      actors.requireMember(task, List.of(candidates.awardSigner(id)));
      FormValues form = new FormValues(task);
      String decision = form.choice(VAR_DECISION, "Quyết định", APPROVE, REFUSE);
      String comment = form.text(FIELD_COMMENT);
      if (REFUSE.equals(decision) && comment == null) {
        form.problem("Cần ghi lý do không khen thưởng.");
      }
      form.throwIfInvalid("Quyết định khen thưởng");
      if (REFUSE.equals(decision)) {
        awards.setStatus(id, CandidateStatus.SIGNER_REFUSED);
      }
      awards.event(awards.proposalOf(id), id, Actors.current(identity), APPROVE.equals(decision)
          ? "SIGNER_APPROVED" : "SIGNER_REFUSED", comment, null);
      DelegateExecution pi = task.getExecution();
      pi.removeVariables(List.of(FIELD_COMMENT, FIELD_SUMMARY));
      pi.setVariable(VAR_DECISION, decision);
      pi.setVariable(VAR_SIGNED_BY, Actors.current(identity));
    };
  }

  private String summary(Long candidateId) {
    return awards.summary(candidateId);
  }
}
