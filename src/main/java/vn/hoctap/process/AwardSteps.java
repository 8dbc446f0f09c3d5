package vn.hoctap.process;

import static vn.hoctap.process.AwardProcess.*;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hoctap.award.AwardRouting;
import vn.hoctap.award.AwardService;
import vn.hoctap.award.AwardViews;
import vn.hoctap.award.CandidateStatus;
import vn.hoctap.award.CouncilService;
import vn.hoctap.award.EligibilityService;
import vn.hoctap.common.DomainException;
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
  private final AwardRouting routing;
  private final IdentityService identity;

  AwardSteps(AwardService awards, CouncilService council, EligibilityService eligibility, AwardRouting routing,
      IdentityService identity) {
    this.awards = awards;
    this.council = council;
    this.eligibility = eligibility;
    this.routing = routing;
    this.identity = identity;
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
      execution.setVariable(VAR_SECRETARY_GROUP, Groups.councilSecretary(body.getCode()));
      boolean here = body.getId().equals(signing.getId());
      execution.setVariable(VAR_SIGN_HERE, here);
      execution.setVariable(VAR_SIGNER_GROUP, here ? routing.signerGroup(body) : "");
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
      String actor = Actors.current(identity);
      if (!member.equals(actor)) {
        throw DomainException.forbidden("Phiếu này của thành viên " + member + "; mỗi thành viên tự biểu quyết.");
      }
      FormValues form = new FormValues(task);
      String vote = form.choice(FIELD_VOTE, "Ý kiến", CouncilService.YES, CouncilService.NO);
      String comment = form.text(FIELD_VOTE_COMMENT);
      form.throwIfInvalid("Phiếu biểu quyết");
      council.vote(((Number) task.getVariable(VAR_REVIEW_ID)).longValue(), member, vote, comment);
      local.removeVariablesLocal(List.of(FIELD_SUMMARY, FIELD_VOTE, FIELD_VOTE_COMMENT));
    };
  }

  /** The secretary closes the meeting: refused without quorum or on a tie the rule cannot settle. */
  @Bean
  TaskListener councilMinutesForm() {
    return task -> {
      DelegateExecution local = task.getExecution();
      Long reviewId = ((Number) task.getVariable(VAR_REVIEW_ID)).longValue();
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        local.setVariableLocal(FIELD_MINUTES_DRAFT, council.draftMinutes(reviewId));
        local.setVariableLocal(FIELD_MINUTES, null);
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
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
      Long id = candidateId(task);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        awards.setStatus(id, CandidateStatus.AWAITING_SIGNATURE);
        task.setVariableLocal(FIELD_SUMMARY, summary(id));
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
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
      DelegateExecution pi = task.getExecution();
      pi.removeVariables(List.of(FIELD_COMMENT, FIELD_SUMMARY));
      pi.setVariable(VAR_DECISION, decision);
      pi.setVariable(VAR_SIGNED_BY, Actors.current(identity));
    };
  }

  private String summary(Long candidateId) {
    AwardViews.Candidate c = awards.candidate(candidateId);
    StringBuilder sb = new StringBuilder();
    sb.append(c.kindLabel()).append(": ").append(c.name()).append(" — ").append(c.orgName());
    if (c.position() != null) {
      sb.append(" (").append(c.position()).append(")");
    }
    sb.append("\nThành tích: ").append(c.summary() == null ? "(không ghi)" : c.summary());
    sb.append("\n").append(c.eligibility());
    for (AwardViews.Evidence e : c.evidence()) {
      sb.append("\nMinh chứng: ").append(e.description());
    }
    for (AwardViews.Review r : c.reviews()) {
      if (!"OPEN".equals(r.status())) {
        sb.append("\nHội đồng ").append(r.body()).append(": ").append("PASSED".equals(r.status()) ? "thông qua" : "không thông qua")
            .append(" (").append(r.yes()).append("/").append(r.present()).append(" đồng ý)");
      }
    }
    return sb.toString();
  }
}
