package vn.hoctap.procedure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.CriteriaCatalog;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.StoredCriteriaSet;
import vn.hoctap.deadline.DeadlineExtension;
import vn.hoctap.document.RecognitionDocuments;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.DeadlineService;
import vn.hoctap.deadline.EffectiveDeadline;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierKind;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Title;
import vn.hoctap.engine.TimerJobs;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.Route;
import vn.hoctap.org.RoutingService;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;

/**
 * The procedure every title shares (TT24 Điều 10/16, TT25): open a dossier for an applicant on its route, submit
 * it before the deadline, return it for supplement, appraise, decide, record, notify; the rules of the dossier
 * kinds (DossierKinds). Each title's service adds who may apply and its own preparation steps.
 */
@Service
public class DossierWorkflow {

  /** The first assessment year the 2023 circulars can decide. */
  static final int FIRST_YEAR = 2023;

  private final OrgUnitRepository orgs;
  private final RoutingService routing;
  private final DeadlineService deadlines;
  private final CriteriaCatalog catalog;
  private final DossierService dossiers;
  private final RecognitionService recognitions;
  private final NotificationService notifications;
  private final TimerJobs timers;
  private final EngineClock clock;
  private final RecognitionDocuments documents;
  private final DossierKinds kinds;

  DossierWorkflow(OrgUnitRepository orgs, RoutingService routing, DeadlineService deadlines, CriteriaCatalog catalog,
      DossierService dossiers, RecognitionService recognitions, NotificationService notifications, TimerJobs timers,
      EngineClock clock, RecognitionDocuments documents, DossierKinds kinds) {
    this.kinds = kinds;
    this.documents = documents;
    this.orgs = orgs;
    this.routing = routing;
    this.deadlines = deadlines;
    this.catalog = catalog;
    this.dossiers = dossiers;
    this.recognitions = recognitions;
    this.notifications = notifications;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * Opens a dossier of the title for the applicant with that code, if the organisation may apply for the title
   * and the actor prepares or heads its dossiers (or administers hoctap). A null kind is derived from the
   * applicant's recognitions.
   */
  @Transactional
  public Dossier open(TitleProcedure procedure, String applicantCode, Integer level, Integer year, DossierKind kind,
      String actor, Collection<String> actorGroups) {
    OrgUnit applicant = applicant(applicantCode);
    String whyNot = procedure.whyNotApplicant(applicant);
    if (whyNot != null) {
      throw DomainException.badInput(whyNot);
    }
    Title title = procedure.title();
    if (!actorGroups.contains(Applicants.preparers(title, applicant))
        && !actorGroups.contains(Applicants.head(title, applicant)) && !actorGroups.contains(Groups.ADMIN)) {
      throw DomainException.forbidden("Bạn không thuộc bộ phận lập hồ sơ hoặc lãnh đạo của \"" + applicant.getName()
          + "\" nên không lập được hồ sơ " + title.label() + " cho đơn vị này.");
    }
    return open(title, applicant, level, year, kind, actor);
  }

  /** The applicant with that code, or a refusal that names the code. */
  @Transactional(readOnly = true)
  public OrgUnit applicant(String code) {
    if (code == null || code.isBlank()) {
      throw DomainException.badInput("Cần nhập mã đơn vị đề nghị công nhận.");
    }
    OrgUnit unit = orgs.findByCode(code.strip()).orElseThrow(() -> DomainException.badInput(
        "Không tìm thấy đơn vị có mã \"" + code.strip() + "\". Kiểm tra lại mã đơn vị."));
    if (unit.isDissolved()) {
      throw DomainException.rule("\"" + unit.getName() + "\" đã giải thể khi sắp xếp đơn vị hành chính; không lập"
          + " hồ sơ mới cho đơn vị này.");
    }
    return unit;
  }

  /**
   * Opens a dossier after the checks every title shares: level and year, one open dossier, not already
   * recognised, the rule of the dossier's kind (first recognition, công nhận lại after the retention, nâng mức độ
   * 12 months after level 1), deadlines configured.
   */
  private Dossier open(Title title, OrgUnit applicant, Integer level, Integer year, DossierKind requested,
      String actor) {
    if (level == null || (level != 1 && level != 2)) {
      throw DomainException.badInput("Mức độ đề nghị phải là 1 hoặc 2.");
    }
    int thisYear = clock.today().getYear();
    if (year == null || year < FIRST_YEAR || year > thisYear) {
      throw DomainException.badInput("Năm đánh giá phải từ " + FIRST_YEAR + " đến " + thisYear + ".");
    }
    // the rule in force on the opening day, the day the dossier's criteria version is taken too
    Route route = routing.route(applicant, title.name(), clock.today());
    recognitions.ofUnit(applicant.getId()).stream()
        .filter(r -> r.getTitle() == title && r.getAssessmentYear() == year && r.getLevel() >= level)
        .findFirst().ifPresent(r -> {
          throw DomainException.conflict("\"" + applicant.getName() + "\" đã được công nhận " + title.label()
              + " mức độ " + r.getLevel() + " năm " + year + " theo quyết định số " + r.getDecisionNo() + ".");
        });
    EffectiveDeadline submission = deadlines.effective(title.name(), applicant, DeadlineKind.SUBMISSION, year);
    // the decision deadline must be configured too, so both timers have dates
    deadlines.effective(title.name(), applicant, DeadlineKind.DECISION, year);
    // one read of the applicant's recognitions for both the kind and its rule
    DossierKinds.Choice choice = kinds.choose(applicant, title, requested, level, null);
    DossierKind kind = choice.kind();
    choice.problem().ifPresent(problem -> {
      String late = kind == DossierKind.UPGRADE ? kinds.upgradePossibleFrom(applicant, title)
          .filter(possible -> possible.isAfter(submission.date()))
          .map(possible -> " Hạn nộp hồ sơ năm " + year + " là " + Dates.vn(submission.date())
              + ", trước ngày đó, nên chưa thể đề nghị mức độ 2 cho năm " + year + ".").orElse("") : "";
      throw DomainException.rule(problem + late);
    });
    StoredCriteriaSet criteria = catalog.currentStored(title.name(), applicant.assessmentTier(), level,
        clock.today());
    return dossiers.create(new Dossier(title, kind, applicant, level, year, criteria.id(), route, actor,
        clock.now()), actor);
  }

  @Transactional(readOnly = true)
  public EffectiveDeadline deadline(Long dossierId, DeadlineKind kind) {
    Dossier d = dossiers.get(dossierId);
    return deadlines.effective(d.getTitle().name(), d.getUnit(), kind, d.getAssessmentYear(),
        d.getCompleteReceivedOn());
  }

  /**
   * Checks that the dossier may be submitted now: first the rule of its kind (level 2 not too early, the previous
   * recognition's retention over), then the requested level is met on the applicant's own values and the
   * submission deadline (or the applicant's extension) has not passed.
   */
  @Transactional(readOnly = true)
  public void checkSubmission(Long dossierId) {
    Dossier d = dossiers.get(dossierId);
    // the rule of the dossier's kind comes first: a data change may have moved its date since the opening
    kinds.problem(d.getUnit(), d.getTitle(), d.getKind(), d.getLevel(), d.getId()).ifPresent(problem -> {
      throw DomainException.rule("Loại hồ sơ “" + d.getKind().label() + "”: " + problem);
    });
    EvaluationResult result = dossiers.latestEvaluation(dossierId);
    if (result == null || result.outcome() != EvaluationResult.Outcome.MET) {
      throw DomainException.rule("Theo kết quả tự đánh giá, đơn vị chưa đạt " + d.getTitle().label() + " mức độ "
          + d.getLevel() + " nên không trình được hồ sơ. " + (result == null ? "" : result.summary())
          + " Hãy trả lại để đánh giá lại hoặc rút hồ sơ.");
    }
    EffectiveDeadline due = deadline(dossierId, DeadlineKind.SUBMISSION);
    if (due.passed(clock.now())) {
      throw DomainException.rule("Đã quá hạn nộp hồ sơ (" + due.describe() + "). Hồ sơ nộp muộn không được"
          + " tiếp nhận; đề nghị quản trị viên gia hạn cho đơn vị nếu có lý do chính đáng.");
    }
  }

  @Transactional
  public void submitted(Long dossierId, String actor, String comment) {
    dossiers.moveTo(dossierId, DossierStatus.SUBMITTED);
    Dossier d = dossiers.get(dossierId);
    dossiers.record(dossierId, actor, "SUBMITTED", "Trình hồ sơ (Tờ trình)", comment,
        "Gửi " + d.getReceivingOrg().getName());
    notifications.notify(dossierId, Groups.reviewer(d.getReceivingOrg().getCode()), "SUBMITTED",
        "Hồ sơ mới: " + d.describe(), "Đã trình hồ sơ số " + dossierId + ". Đề nghị kiểm tra tính đầy đủ.");
  }

  @Transactional
  public void sentBack(Long dossierId, String actor, String step, String reason) {
    dossiers.record(dossierId, actor, "SENT_BACK", step, reason, null);
  }

  @Transactional
  public void withdrawn(Long dossierId, String actor, String reason) {
    dossiers.moveTo(dossierId, DossierStatus.WITHDRAWN);
    dossiers.record(dossierId, actor, "WITHDRAWN", "Rút hồ sơ", reason, null);
  }

  /**
   * The completeness check acts on a submitted dossier only. Two reviewers deciding it at once: the second waits
   * for the dossier's lock, then finds it accepted or returned already and is told so (409), instead of moving it
   * on from a state it was never in.
   */
  private void requireSubmitted(Long dossierId) {
    Dossier d = dossiers.lock(dossierId);
    if (d.getStatus() != DossierStatus.SUBMITTED) {
      throw DomainException.conflict("Hồ sơ số " + dossierId + " vừa được người khác xử lý (" + d.getStatus().label()
          + "). Hãy tải lại để xem trạng thái mới. (Handled by someone else meanwhile: reload.)");
    }
  }

  @Transactional
  public void returnedForSupplement(Long dossierId, String actor, String reasons) {
    requireSubmitted(dossierId);
    dossiers.moveTo(dossierId, DossierStatus.RETURNED);
    dossiers.record(dossierId, actor, "RETURNED_FOR_SUPPLEMENT", "Trả lại, yêu cầu bổ sung", reasons, null);
    Dossier d = dossiers.get(dossierId);
    tellApplicant(d, "RETURNED", "Hồ sơ cần bổ sung: " + d.describe(), "Nội dung yêu cầu bổ sung: " + reasons);
  }

  @Transactional
  public void resubmitted(Long dossierId, String actor, String comment) {
    dossiers.moveTo(dossierId, DossierStatus.SUBMITTED);
    dossiers.record(dossierId, actor, "RESUBMITTED", "Nộp lại hồ sơ đã bổ sung", comment, null);
    Dossier d = dossiers.get(dossierId);
    notifications.notify(dossierId, Groups.reviewer(d.getReceivingOrg().getCode()), "RESUBMITTED",
        "Hồ sơ đã bổ sung: " + d.describe(), "Đơn vị đã bổ sung và nộp lại hồ sơ số " + dossierId
            + (comment == null || comment.isBlank() ? "" : " (giải trình: " + comment.strip() + ")")
            + ". Đề nghị kiểm tra lại tính đầy đủ.");
  }

  @Transactional
  public void acceptedComplete(Long dossierId, String actor, String comment, LocalDate receivedOn) {
    requireSubmitted(dossierId);
    dossiers.moveTo(dossierId, DossierStatus.IN_APPRAISAL);
    dossiers.lock(dossierId).receivedComplete(receivedOn);
    EffectiveDeadline decision = deadline(dossierId, DeadlineKind.DECISION);
    dossiers.record(dossierId, actor, "ACCEPTED_COMPLETE", "Tiếp nhận hồ sơ đầy đủ", comment,
        decision.workingDays() == null ? null : decision.describe());
    if (decision.workingDays() != null && !decision.extended()) {
      // the decision timers were dated provisionally when the appraisal began: now they count from this day
      String key = String.valueOf(dossierId);
      timers.reschedule(key, RecognitionProcess.TIMER_DECISION_REMINDER, Date.from(decision.reminderAt()));
      timers.reschedule(key, RecognitionProcess.TIMER_DECISION_OVERDUE, Date.from(decision.overdueAt()));
    }
  }

  @Transactional
  public Recognition recognised(Long dossierId, String signedBy) {
    Dossier d = dossiers.lock(dossierId);
    Recognition r = recognitions.recordDecision(d, signedBy);
    // the decision and the certificate are laid out, signed and stored now, in the signer's transaction
    documents.issue(dossierId);
    dossiers.moveTo(dossierId, DossierStatus.RECOGNISED);
    dossiers.record(dossierId, signedBy, "DECISION_RECORDED", "Quyết định công nhận", null,
        "Quyết định số " + r.getDecisionNo() + " ngày " + Dates.vn(r.getDecisionDate()) + " của "
            + r.getSignerTitle() + "; công nhận " + d.getTitle().label() + " mức độ " + r.getLevel()
            + " năm " + r.getAssessmentYear() + ", có giá trị đến " + Dates.vn(r.getValidUntil()));
    tellApplicant(d, "RECOGNISED", "Đã được công nhận: " + d.describe(), "Quyết định số " + r.getDecisionNo()
        + " ngày " + Dates.vn(r.getDecisionDate()) + " của " + r.getSignerTitle() + ". Giấy chứng nhận có giá trị"
        + " đến " + Dates.vn(r.getValidUntil()) + ".");
    return r;
  }

  @Transactional
  public void refused(Long dossierId, String actor, String step, String reasons) {
    dossiers.moveTo(dossierId, DossierStatus.REFUSED);
    dossiers.record(dossierId, actor, "REFUSED", step, reasons, null);
    // refused by the competent signer: a signed notice (Thông báo không công nhận) with the reasons
    var latest = dossiers.latestEvent(dossierId, List.of("SIGNER_REFUSED", "APPRAISAL_NEGATIVE", "SIGNED",
        "COUNCIL_REFUSED")).filter(e -> java.util.Objects.equals(actor, e.getActor()));
    if (latest.filter(e -> e.getAction().equals("SIGNER_REFUSED")).isPresent()) {
      documents.issueRefusal(dossierId, actor, reasons);
    }
    // the council concluded "không đạt": the head of the receiving body's letter with the reasons (TT24/TT25 K2 d)
    if (latest.filter(e -> e.getAction().equals("COUNCIL_REFUSED")).isPresent()) {
      documents.issueRefusal(dossierId, actor, reasons, true);
    }
    Dossier d = dossiers.get(dossierId);
    tellApplicant(d, "REFUSED", "Không công nhận: " + d.describe(), "Lý do: " + reasons);
  }

  /** Tells the people who prepare the applicant's dossier and its head. */
  private void tellApplicant(Dossier d, String kind, String subject, String body) {
    for (String group : Applicants.groups(d)) {
      notifications.notify(d.getId(), group, kind, subject, body);
    }
  }

  /**
   * An administrator extends a deadline for one applicant and year. Its open dossier, if any, gets its timers
   * moved to the new date and a history entry.
   */
  @Transactional
  public DeadlineExtension extendDeadline(Title title, String applicantCode, int year, DeadlineKind kind,
      LocalDate until, String reason, String actor) {
    OrgUnit applicant = applicant(applicantCode);
    DeadlineExtension ext = deadlines.extend(title.name(), applicant, kind, year, until, reason, actor);
    dossiers.findOpen(title, applicant, year).ifPresent(d -> {
      EffectiveDeadline due = deadlines.effective(title.name(), applicant, kind, year);
      boolean submission = kind == DeadlineKind.SUBMISSION;
      String key = String.valueOf(d.getId());
      timers.reschedule(key, submission ? RecognitionProcess.TIMER_SUBMISSION_REMINDER : RecognitionProcess.TIMER_DECISION_REMINDER,
          Date.from(due.reminderAt()));
      timers.reschedule(key, submission ? RecognitionProcess.TIMER_SUBMISSION_OVERDUE : RecognitionProcess.TIMER_DECISION_OVERDUE,
          Date.from(due.overdueAt()));
      dossiers.record(d.getId(), actor, "DEADLINE_EXTENDED", null, reason.strip(), due.describe());
    });
    return ext;
  }
}
