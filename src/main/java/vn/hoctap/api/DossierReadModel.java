package vn.hoctap.api;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.api.DossierViews.DeadlineRef;
import vn.hoctap.api.DossierViews.Detail;
import vn.hoctap.api.DossierViews.EvaluationView;
import vn.hoctap.api.DossierViews.EventView;
import vn.hoctap.api.DossierViews.MeetingView;
import vn.hoctap.api.DossierViews.OrgRef;
import vn.hoctap.api.DossierViews.RecognitionView;
import vn.hoctap.api.DossierViews.RevisionView;
import vn.hoctap.api.DossierViews.Summary;
import vn.hoctap.api.DossierViews.TaskRef;
import vn.hoctap.community.DossierMeetingRepository;
import vn.hoctap.criteria.StoredCriteriaSet;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.EffectiveDeadline;
import vn.hoctap.dossier.CriteriaEvaluationRecord;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.procedure.DossierWorkflow;

/** Assembles the dossier as the API shows it: data, every version, results, evidence, history, current step. */
@Component
class DossierReadModel {

  private final DossierService dossiers;
  private final EvidenceService evidence;
  private final DossierWorkflow workflow;
  private final RecognitionService recognitions;
  private final EngineQueries engine;
  private final TaskService tasks;
  private final DossierMeetingRepository meetings;

  DossierReadModel(DossierService dossiers, EvidenceService evidence, DossierWorkflow workflow,
      RecognitionService recognitions, EngineQueries engine, TaskService tasks, DossierMeetingRepository meetings) {
    this.meetings = meetings;
    this.dossiers = dossiers;
    this.evidence = evidence;
    this.workflow = workflow;
    this.recognitions = recognitions;
    this.engine = engine;
    this.tasks = tasks;
  }

  static OrgRef ref(OrgUnit o) {
    return new OrgRef(o.getCode(), o.getName(), o.getUnitKind() != null ? o.getUnitKind().name() : o.getKind().name());
  }

  static Summary summary(Dossier d) {
    return new Summary(d.getId(), d.getTitle().name(), d.getTitle().label(), ref(d.getUnit()), d.getLevel(),
        d.getAssessmentYear(), d.getStatus().name(), d.getStatus().label(), ref(d.getReceivingOrg()),
        d.getSubmittedAt(), d.getUpdatedAt(), d.getKind().name(), d.getKind().label());
  }

  @Transactional(readOnly = true)
  public Detail detail(Dossier d) {
    Long id = d.getId();
    StoredCriteriaSet set = dossiers.storedCriteriaSet(d);
    List<RevisionView> revisions = dossiers.revisions(id).stream().map(r -> new RevisionView(r.getRevisionNo(),
        r.getStage().name(), r.getCreatedBy(), r.getCreatedAt(), r.getComment(), dossiers.read(r),
        dossiers.corrections(r))).toList();
    List<EvaluationView> evaluations = dossiers.evaluations(id).stream().map(this::evaluation).toList();
    List<EventView> history = dossiers.history(id).stream().map(e -> new EventView(e.getOccurredAt(), e.getActor(),
        e.getAction(), e.getStep(), e.getComment(), e.getDetails())).toList();
    List<DeadlineRef> deadlines = new ArrayList<>();
    for (DeadlineKind k : DeadlineKind.ofDossiers()) {
      EffectiveDeadline e = workflow.deadline(id, k);
      deadlines.add(new DeadlineRef(k.name(), k.label(), e.date(), e.ruleDate(), e.extended(),
          e.extended() ? e.extension().getReason() : null, e.confirmed(), e.source()));
    }
    RecognitionView recognition = recognitions.forDossier(id).map(r -> {
      var cert = recognitions.certificate(r.getId()).orElse(null);
      return new RecognitionView(r.getDecisionNo(), r.getDecisionDate(), r.getSignerTitle(), r.getSignedBy(),
          r.getLevel(), r.getAssessmentYear(), r.getValidUntil(), cert == null ? null : cert.getCertificateNo(),
          cert == null ? null : cert.getVerificationCode());
    }).orElse(null);
    return new Detail(summary(d), ref(d.getSignerOrg()), d.getSignerTitle(), set.id(), set.set().code(),
        set.set().version(), d.getProcessInstanceId(), d.getCreatedBy(), d.getCreatedAt(), currentTasks(d),
        deadlines, revisions, evaluations, evidence.list(id), meetings.findByDossierIdOrderById(id).stream()
            .map(m -> new MeetingView(m.getHeldOn(), m.getAttendees(), m.agreed(), m.getMinutesEvidenceId(),
                m.getComment())).toList(), history, recognition);
  }

  private EvaluationView evaluation(CriteriaEvaluationRecord e) {
    return new EvaluationView(e.getId(), e.getStage().name(), e.getRevisionId(), e.getOutcome(), e.getEvaluatedAt(),
        dossiers.result(e));
  }

  private List<TaskRef> currentTasks(Dossier d) {
    if (!d.getStatus().open()) {
      return List.of();
    }
    return engine.asSystem(() -> {
      List<TaskRef> refs = new ArrayList<>();
      for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(d.getId())).list()) {
        List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
            .map(IdentityLink::getGroupId).toList();
        refs.add(new TaskRef(t.getId(), t.getName(), t.getTaskDefinitionKey(), groups, t.getAssignee(),
            t.getCreateTime() == null ? null : t.getCreateTime().toInstant()));
      }
      return refs;
    });
  }
}
