package vn.hoctap.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.hoctap.award.AwardRouting;
import vn.hoctap.award.AwardService;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundRoute;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.RoundWorkflow;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.procedure.Applicants;
import vn.hoctap.procedure.AppraisalCouncils;

/**
 * Who works on each user task, derived when the task is created from the dossier, round or award candidate bound
 * to the instance and from the organisation tree — never from a process variable a client could have written
 * (ARCHITECTURE.md principle 7). The models name these methods in their candidate groups
 * ({@code ${candidates.reviewers(execution)}}); {@link #ofStep} gives the same answer for the checks on the actor.
 */
@Component("candidates")
public class Candidates {

  private final StepSupport steps;
  private final RoundService rounds;
  private final AwardService awards;
  private final AwardRouting awardRouting;
  private final AppraisalCouncils councils;

  Candidates(StepSupport steps, RoundService rounds, AwardService awards, AwardRouting awardRouting,
      AppraisalCouncils councils) {
    this.councils = councils;
    this.steps = steps;
    this.rounds = rounds;
    this.awards = awards;
    this.awardRouting = awardRouting;
  }

  // dossiers of "Đơn vị học tập" and "Cộng đồng học tập"

  /** The applicant's preparers: a school's Tổ đánh giá, a People's Committee's staff. */
  public String preparers(DelegateExecution execution) {
    Dossier d = steps.boundDossier(execution);
    return Applicants.preparers(d.getTitle(), d.getUnit());
  }

  /** The applicant's head: a school's principal, a People's Committee's chair. */
  public String head(DelegateExecution execution) {
    Dossier d = steps.boundDossier(execution);
    return Applicants.head(d.getTitle(), d.getUnit());
  }

  /** The receiving body's reviewers. */
  public String reviewers(DelegateExecution execution) {
    return Applicants.reviewers(steps.boundDossier(execution));
  }

  /** The head of the receiving body: sets up the Hội đồng đánh giá and signs a refusal (AppraisalCouncils). */
  public String receivingHead(DelegateExecution execution) {
    return AppraisalCouncils.headGroup(steps.boundDossier(execution));
  }

  /** The secretary of the dossier's Hội đồng đánh giá, as stored when the head set it up. */
  public String councilSecretary(DelegateExecution execution) {
    return CouncilSteps.council(steps, councils, execution).secretary();
  }

  /** The members of the dossier's Hội đồng đánh giá: one written-opinion task each. */
  public List<String> councilMembers(DelegateExecution execution) {
    return CouncilSteps.council(steps, councils, execution).userIds();
  }

  /** The competent signer. */
  public String signers(DelegateExecution execution) {
    return Applicants.signers(steps.boundDossier(execution));
  }

  /** Who may act on a dossier's step, by task id of the models: the same groups the models give the task. */
  List<String> ofStep(String taskKey, Dossier d) {
    String preparers = Applicants.preparers(d.getTitle(), d.getUnit());
    String head = Applicants.head(d.getTitle(), d.getUnit());
    return switch (taskKey) {
      case RecognitionProcess.TASK_SELF_ASSESSMENT -> List.of(preparers);
      case LearningUnitProcess.TASK_HEAD_REVIEW -> List.of(head);
      case LearningCommunityProcess.TASK_MEETING, RecognitionProcess.TASK_SUPPLEMENT -> List.of(preparers, head);
      case RecognitionProcess.TASK_CHECK_COMPLETENESS, RecognitionProcess.TASK_APPRAISE -> List.of(Applicants.reviewers(d));
      case RecognitionProcess.TASK_DECIDE -> List.of(Applicants.signers(d));
      case RecognitionProcess.TASK_SET_UP_COUNCIL, RecognitionProcess.TASK_SIGN_REFUSAL ->
          List.of(AppraisalCouncils.headGroup(d));
      default -> throw new IllegalStateException("Bước không có trong quy trình hồ sơ: " + taskKey);
    };
  }

  // assessment rounds

  public String roundPreparers(DelegateExecution execution) {
    return roundRoute(execution).preparerGroup();
  }

  public String roundReviewers(DelegateExecution execution) {
    return roundRoute(execution).reviewerGroup();
  }

  public String roundDeciders(DelegateExecution execution) {
    return roundRoute(execution).deciderGroup();
  }

  RoundRoute roundRoute(DelegateExecution execution) {
    return rounds.route(boundRound(execution));
  }

  /** The round of the instance: its id variable must be the one its business key (set by the system) names. */
  Round boundRound(org.camunda.bpm.engine.delegate.VariableScope scope) {
    long id = RoundSteps.Support.roundId(scope);
    String key = scope instanceof DelegateTask t ? t.getExecution().getProcessBusinessKey()
        : ((DelegateExecution) scope).getProcessBusinessKey();
    if (!RoundWorkflow.businessKey(id).equals(key)) {
      throw new IllegalStateException("Quy trình " + key + " không phải của đợt đánh giá số " + id);
    }
    return rounds.get(id);
  }

  // award nominations

  /** The secretary of the council of the body now reviewing the candidate. */
  public String awardSecretary(DelegateExecution execution) {
    return Groups.councilSecretary(awards.currentBody(boundCandidate(execution)).getCode());
  }

  /** The signer of the body now reviewing the candidate (the gateway before the task makes sure it may sign). */
  public String awardSigner(DelegateExecution execution) {
    return awardSigner(boundCandidate(execution));
  }

  String awardSigner(Long candidateId) {
    OrgUnit body = awards.currentBody(candidateId);
    return awardRouting.signerGroup(body);
  }

  /** The candidate of the instance: its id variable must be the one its business key (set by the system) names. */
  Long boundCandidate(org.camunda.bpm.engine.delegate.VariableScope scope) {
    Long id = AwardProcess.candidateId(scope);
    String key = scope instanceof DelegateTask t ? t.getExecution().getProcessBusinessKey()
        : ((DelegateExecution) scope).getProcessBusinessKey();
    if (!AwardService.businessKey(id).equals(key)) {
      throw new IllegalStateException("Quy trình " + key + " không phải của ứng viên khen thưởng số " + id);
    }
    return id;
  }
}
