package vn.hoctap.unit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.CriteriaCatalog;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.StoredCriteriaSet;
import vn.hoctap.deadline.DeadlineExtension;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.DeadlineService;
import vn.hoctap.deadline.EffectiveDeadline;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Title;
import vn.hoctap.engine.TimerJobs;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.Route;
import vn.hoctap.org.RoutingService;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;

/**
 * The rules of "Đơn vị học tập" (TT 24/2023/TT-BGDĐT): who may open a dossier, when it may be submitted, the
 * 12-month gap before level 2, and what each step records.
 */
@Service
public class LearningUnitService {

  public static final String PROCEDURE = "LEARNING_UNIT";
  /** TT24 took effect on 26/01/2024; the first assessment year it can decide is 2023. */
  static final int FIRST_YEAR = 2023;
  static final int LEVEL2_MONTHS_AFTER_LEVEL1 = 12;

  private final OrgUnitRepository orgs;
  private final RoutingService routing;
  private final DeadlineService deadlines;
  private final CriteriaCatalog catalog;
  private final DossierService dossiers;
  private final RecognitionService recognitions;
  private final NotificationService notifications;
  private final TimerJobs timers;
  private final EngineClock clock;

  LearningUnitService(OrgUnitRepository orgs, RoutingService routing, DeadlineService deadlines,
      CriteriaCatalog catalog, DossierService dossiers, RecognitionService recognitions,
      NotificationService notifications, TimerJobs timers, EngineClock clock) {
    this.notifications = notifications;
    this.timers = timers;
    this.orgs = orgs;
    this.routing = routing;
    this.deadlines = deadlines;
    this.catalog = catalog;
    this.dossiers = dossiers;
    this.recognitions = recognitions;
    this.clock = clock;
  }

  /** Opens a dossier for the unit, after checking everything that can be checked before any work is done. */
  @Transactional
  public Dossier open(String unitCode, Integer level, Integer year, String actor, Collection<String> groups) {
    if (unitCode == null || unitCode.isBlank()) {
      throw DomainException.badInput("Cần nhập mã đơn vị đề nghị công nhận.");
    }
    OrgUnit unit = orgs.findByCode(unitCode.strip()).orElseThrow(() -> DomainException.badInput(
        "Không tìm thấy đơn vị có mã \"" + unitCode.strip() + "\". Kiểm tra lại mã đơn vị."));
    if (level == null || (level != 1 && level != 2)) {
      throw DomainException.badInput("Mức độ đề nghị phải là 1 hoặc 2.");
    }
    int thisYear = clock.today().getYear();
    if (year == null || year < FIRST_YEAR || year > thisYear) {
      throw DomainException.badInput("Năm đánh giá phải từ " + FIRST_YEAR + " đến " + thisYear + ".");
    }
    if (!groups.contains(Groups.team(unit.getCode())) && !groups.contains(Groups.head(unit.getCode()))
        && !groups.contains(Groups.ADMIN)) {
      throw DomainException.forbidden("Bạn không thuộc Tổ đánh giá hoặc Ban giám hiệu / lãnh đạo của \""
          + unit.getName() + "\" nên không lập được hồ sơ cho đơn vị này.");
    }
    Route route = routing.route(unit, PROCEDURE);
    recognitions.ofUnit(unit.getId()).stream()
        .filter(r -> r.getTitle() == Title.LEARNING_UNIT && r.getAssessmentYear() == year && r.getLevel() >= level)
        .findFirst().ifPresent(r -> {
          throw DomainException.conflict("Đơn vị đã được công nhận Đơn vị học tập mức độ " + r.getLevel()
              + " năm " + year + " theo quyết định số " + r.getDecisionNo() + ".");
        });
    if (level == 2) {
      LocalDate possible = level2PossibleFrom(unit);
      EffectiveDeadline submission = deadlines.effective(PROCEDURE, unit, DeadlineKind.SUBMISSION, year);
      if (possible.isAfter(submission.date())) {
        throw DomainException.rule(level2TooEarly(unit, possible) + " Hạn nộp hồ sơ năm " + year + " là "
            + Dates.vn(submission.date()) + ", trước ngày đó, nên chưa thể đề nghị mức độ 2 cho năm " + year + ".");
      }
    }
    // Both deadlines must be configured before work starts, so the timers have dates.
    deadlines.effective(PROCEDURE, unit, DeadlineKind.SUBMISSION, year);
    deadlines.effective(PROCEDURE, unit, DeadlineKind.DECISION, year);
    StoredCriteriaSet criteria = catalog.currentStored(Title.LEARNING_UNIT.name(),
        unit.getUnitKind().assessmentTier(), level, clock.today());
    return dossiers.create(new Dossier(Title.LEARNING_UNIT, unit, level, year, criteria.id(), route.receiving(),
        route.signer(), route.signerTitle(), route.decisionCode(), actor, clock.now()), actor);
  }

  /** The first day a level-2 request is possible: 12 months after the latest level-1 decision. */
  @Transactional(readOnly = true)
  public LocalDate level2PossibleFrom(OrgUnit unit) {
    return level1(unit).map(r -> r.getDecisionDate().plusMonths(LEVEL2_MONTHS_AFTER_LEVEL1))
        .orElseThrow(() -> DomainException.rule("\"" + unit.getName() + "\" chưa có quyết định công nhận Đơn vị"
            + " học tập mức độ 1. Mức độ 2 chỉ được đề nghị sau ít nhất 12 tháng kể từ quyết định mức độ 1."));
  }

  private Optional<Recognition> level1(OrgUnit unit) {
    return recognitions.latest(unit.getId(), Title.LEARNING_UNIT, 1);
  }

  private String level2TooEarly(OrgUnit unit, LocalDate possible) {
    Recognition r = level1(unit).orElseThrow();
    return "Mức độ 2 chỉ được đề nghị sau ít nhất 12 tháng kể từ quyết định công nhận mức độ 1 (số "
        + r.getDecisionNo() + " ngày " + Dates.vn(r.getDecisionDate()) + "), tức từ ngày " + Dates.vn(possible) + ".";
  }

  @Transactional(readOnly = true)
  public EffectiveDeadline deadline(Long dossierId, DeadlineKind kind) {
    Dossier d = dossiers.get(dossierId);
    return deadlines.effective(PROCEDURE, d.getUnit(), kind, d.getAssessmentYear());
  }

  /**
   * Checks that the head may sign the Tờ trình now: the requested level is met on the unit's own values, the
   * submission deadline (or the unit's extension) has not passed, and level 2 is not requested too early.
   */
  @Transactional(readOnly = true)
  public void checkSubmission(Long dossierId) {
    Dossier d = dossiers.get(dossierId);
    EvaluationResult result = dossiers.latestEvaluation(dossierId);
    if (result == null || result.outcome() != EvaluationResult.Outcome.MET) {
      throw DomainException.rule("Theo kết quả tự đánh giá, đơn vị chưa đạt " + Title.LEARNING_UNIT.label()
          + " mức độ " + d.getLevel() + " nên không trình được hồ sơ. "
          + (result == null ? "" : result.summary()) + " Hãy trả lại Tổ đánh giá hoặc rút hồ sơ.");
    }
    EffectiveDeadline due = deadlines.effective(PROCEDURE, d.getUnit(), DeadlineKind.SUBMISSION,
        d.getAssessmentYear());
    if (due.passed(clock.now())) {
      throw DomainException.rule("Đã quá hạn nộp hồ sơ (" + due.describe() + "). Hồ sơ nộp muộn không được"
          + " tiếp nhận; đề nghị quản trị viên gia hạn cho đơn vị nếu có lý do chính đáng.");
    }
    if (d.getLevel() == 2) {
      LocalDate possible = level2PossibleFrom(d.getUnit());
      if (clock.today().isBefore(possible)) {
        throw DomainException.rule(level2TooEarly(d.getUnit(), possible));
      }
    }
  }

  @Transactional
  public void submitted(Long dossierId, String actor, String comment) {
    dossiers.moveTo(dossierId, DossierStatus.SUBMITTED);
    Dossier d = dossiers.get(dossierId);
    dossiers.record(dossierId, actor, "SUBMITTED", "Trình hồ sơ (Tờ trình)", comment,
        "Gửi " + d.getReceivingOrg().getName());
    notifications.notify(dossierId, Groups.reviewer(d.getReceivingOrg().getCode()), "SUBMITTED",
        "Hồ sơ mới: " + d.describe(), "Đơn vị đã trình hồ sơ số " + dossierId + ". Đề nghị kiểm tra tính đầy đủ.");
  }

  /** Tells the unit's assessment team and head. */
  private void tellUnit(Dossier d, String kind, String subject, String body) {
    notifications.notify(d.getId(), Groups.team(d.getUnit().getCode()), kind, subject, body);
    notifications.notify(d.getId(), Groups.head(d.getUnit().getCode()), kind, subject, body);
  }

  @Transactional
  public void sentBack(Long dossierId, String actor, String reason) {
    dossiers.record(dossierId, actor, "SENT_BACK", "Thủ trưởng trả lại Tổ đánh giá", reason, null);
  }

  @Transactional
  public void withdrawn(Long dossierId, String actor, String reason) {
    dossiers.moveTo(dossierId, DossierStatus.WITHDRAWN);
    dossiers.record(dossierId, actor, "WITHDRAWN", "Rút hồ sơ", reason, null);
  }

  @Transactional
  public void returnedForSupplement(Long dossierId, String actor, String reasons) {
    dossiers.moveTo(dossierId, DossierStatus.RETURNED);
    dossiers.record(dossierId, actor, "RETURNED_FOR_SUPPLEMENT", "Trả lại, yêu cầu bổ sung", reasons, null);
    Dossier d = dossiers.get(dossierId);
    tellUnit(d, "RETURNED", "Hồ sơ cần bổ sung: " + d.describe(), "Nội dung yêu cầu bổ sung: " + reasons);
  }

  @Transactional
  public void resubmitted(Long dossierId, String actor, String comment) {
    dossiers.moveTo(dossierId, DossierStatus.SUBMITTED);
    dossiers.record(dossierId, actor, "RESUBMITTED", "Nộp lại hồ sơ đã bổ sung", comment, null);
  }

  @Transactional
  public void acceptedComplete(Long dossierId, String actor, String comment) {
    dossiers.moveTo(dossierId, DossierStatus.IN_APPRAISAL);
    dossiers.record(dossierId, actor, "ACCEPTED_COMPLETE", "Tiếp nhận hồ sơ đầy đủ", comment, null);
  }

  @Transactional
  public void proposedForDecision(Long dossierId, String actor, String comment) {
    dossiers.moveTo(dossierId, DossierStatus.AWAITING_DECISION);
    dossiers.record(dossierId, actor, "PROPOSED", "Đề nghị công nhận", comment, null);
  }

  @Transactional
  public Recognition recognised(Long dossierId, String signedBy, String comment) {
    Dossier d = dossiers.lock(dossierId);
    Recognition r = recognitions.recordDecision(d, signedBy);
    dossiers.moveTo(dossierId, DossierStatus.RECOGNISED);
    dossiers.record(dossierId, signedBy, "DECISION_RECORDED", "Quyết định công nhận", comment,
        "Quyết định số " + r.getDecisionNo() + " ngày " + Dates.vn(r.getDecisionDate()) + " của "
            + r.getSignerTitle() + "; công nhận " + Title.LEARNING_UNIT.label() + " mức độ " + r.getLevel()
            + " năm " + r.getAssessmentYear() + ", có giá trị đến " + Dates.vn(r.getValidUntil()));
    tellUnit(d, "RECOGNISED", "Đã được công nhận: " + d.describe(), "Quyết định số " + r.getDecisionNo()
        + " ngày " + Dates.vn(r.getDecisionDate()) + " của " + r.getSignerTitle() + ". Giấy chứng nhận có giá trị"
        + " đến " + Dates.vn(r.getValidUntil()) + ".");
    return r;
  }

  @Transactional
  public void refused(Long dossierId, String actor, String step, String reasons) {
    dossiers.moveTo(dossierId, DossierStatus.REFUSED);
    dossiers.record(dossierId, actor, "REFUSED", step, reasons, null);
    Dossier d = dossiers.get(dossierId);
    tellUnit(d, "REFUSED", "Không công nhận: " + d.describe(), "Lý do: " + reasons);
  }

  /**
   * An administrator extends a deadline for one unit and year. The unit's open dossier, if any, gets its timers
   * moved to the new date and a history entry.
   */
  @Transactional
  public DeadlineExtension extendDeadline(String unitCode, int year, DeadlineKind kind, LocalDate until,
      String reason, String actor) {
    OrgUnit unit = orgs.findByCode(unitCode).orElseThrow(() -> DomainException.badInput(
        "Không tìm thấy đơn vị có mã \"" + unitCode + "\"."));
    DeadlineExtension ext = deadlines.extend(PROCEDURE, unit, kind, year, until, reason, actor);
    dossiers.findOpen(Title.LEARNING_UNIT, unit, year).ifPresent(d -> {
      EffectiveDeadline due = deadlines.effective(PROCEDURE, unit, kind, year);
      boolean submission = kind == DeadlineKind.SUBMISSION;
      timers.reschedule(d.getProcessInstanceId(), submission ? LearningUnitProcess.TIMER_SUBMISSION_REMINDER
          : LearningUnitProcess.TIMER_DECISION_REMINDER, Date.from(due.reminderAt()));
      timers.reschedule(d.getProcessInstanceId(), submission ? LearningUnitProcess.TIMER_SUBMISSION_OVERDUE
          : LearningUnitProcess.TIMER_DECISION_OVERDUE, Date.from(due.overdueAt()));
      dossiers.record(d.getId(), actor, "DEADLINE_EXTENDED", null, reason.strip(), due.describe());
    });
    return ext;
  }
}
