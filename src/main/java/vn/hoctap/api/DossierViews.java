package vn.hoctap.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.EvidenceInfo;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.IndicatorInput;

/** What the dossier API returns. */
public final class DossierViews {
  private DossierViews() {}

  public record OrgRef(String code, String name, String kind) {}

  public record Summary(Long id, String title, String titleLabel, OrgRef unit, int level, int assessmentYear,
      String status, String statusLabel, OrgRef receivingOrg, Instant submittedAt, Instant updatedAt, String kind,
      String kindLabel) {}

  public record TaskRef(String id, String name, String taskDefinitionKey, List<String> candidateGroups,
      String assignee, Instant created) {}

  public record DeadlineRef(String kind, String label, LocalDate date, LocalDate ruleDate, boolean extended,
      String extensionReason, boolean confirmed, String source) {}

  public record RevisionView(int revisionNo, String stage, String createdBy, Instant createdAt, String comment,
      Map<String, IndicatorInput> values, Map<String, DossierService.Correction> corrections) {}

  public record EvaluationView(Long id, String stage, Long revisionId, String outcome, Instant evaluatedAt,
      EvaluationResult result) {}

  public record EventView(Instant occurredAt, String actor, String action, String step, String comment,
      String details) {}

  public record RecognitionView(String decisionNo, LocalDate decisionDate, String signerTitle, String signedBy,
      int level, int assessmentYear, LocalDate validUntil, String certificateNo, String verificationCode) {}

  /** The meeting that agreed (or did not agree) a community's self-assessment. */
  public record MeetingView(LocalDate heldOn, String attendees, boolean agreed, Long minutesEvidenceId,
      String comment) {}

  public record Detail(Summary dossier, OrgRef signerOrg, String signerTitle, Long criteriaSetId,
      String criteriaSetCode, int criteriaSetVersion, String processInstanceId, String createdBy,
      Instant createdAt, List<TaskRef> currentTasks, List<DeadlineRef> deadlines, List<RevisionView> revisions,
      List<EvaluationView> evaluations, List<EvidenceInfo> evidence, List<MeetingView> meetings,
      List<EventView> history, RecognitionView recognition) {}

  public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {}

  /** kind: FIRST, RENEWAL or UPGRADE; when absent hoctap derives it from the applicant's recognitions. */
  public record CreateRequest(String title, String unitCode, Integer level, Integer assessmentYear, String kind) {}
}
