package vn.hoctap.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoctap.common.EngineClock;
import vn.hoctap.deadline.DeadlineExtended;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.DeadlineService;
import vn.hoctap.deadline.EffectiveDeadline;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierRepository;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Title;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.engine.TaskDueDates;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.report.PlanCatalog;
import vn.hoctap.report.ReportReminders;

/**
 * The due date (hạn xử lý) of each user task, from the deadlines hoctap keeps as data ({@link DeadlineService}: per
 * procedure, tier, province and year, moved by an administrator's extension). The engine asks when it creates a
 * task ({@link TaskDueDates}); an extension moves the open tasks it dates. A task is due at the end of its
 * deadline's day, Vietnam time: the day itself is on time, as for the timers, and overdue means due date &lt; now.
 * <ul>
 *   <li>a dossier's preparation steps (self-assessment, the head's review, the commune's meeting) work to the
 *       submission deadline (hạn nộp hồ sơ); every step of the appraisal — including the supplement a returned
 *       dossier needs, which runs under the appraisal's timers — to the decision deadline (hạn ra quyết định);</li>
 *   <li>an assessment round feeds the recognition dossier of its body for the same year ("Công dân học tập" of a
 *       school's members → its "Đơn vị học tập", TC3.CT1; a commune's or a village's round → the commune's "Cộng đồng
 *       học tập"), so it is due at that dossier's submission deadline;</li>
 *   <li>an award candidate is due at the deadline "{@value #AWARD_PROCEDURE}" of the body that decides it, for the
 *       proposal's year, where a province has configured one (no legal text sets it: RECOGNITION.md §3);</li>
 *   <li>a yearly report is due at its plan's report date, or at the reporting deadline of the texts (most specific
 *       rule of the reporting body's province).</li>
 * </ul>
 * Where no deadline applies the task has no due date, and lists put it after the dated ones.
 */
@Component(TaskDueDates.EXPRESSION_BEAN)
public class TaskDeadlines {

  /** The procedure name of award deadlines in deadline_rule / deadline_extension. */
  public static final String AWARD_PROCEDURE = "AWARD";

  /** The steps before submission: they work to the submission deadline; the others to the decision deadline. */
  static final Set<String> SUBMISSION_STEPS = Set.of(RecognitionProcess.TASK_SELF_ASSESSMENT,
      LearningUnitProcess.TASK_HEAD_REVIEW, LearningCommunityProcess.TASK_MEETING);

  private final DossierRepository dossiers;
  private final OrgUnitRepository orgs;
  private final DeadlineService deadlines;
  private final PlanCatalog plans;
  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final EngineQueries engine;
  private final ReportReminders reports;

  TaskDeadlines(DossierRepository dossiers, OrgUnitRepository orgs, DeadlineService deadlines, PlanCatalog plans,
      JdbcTemplate jdbc, TaskService tasks, EngineQueries engine, ReportReminders reports) {
    this.reports = reports;
    this.dossiers = dossiers;
    this.orgs = orgs;
    this.deadlines = deadlines;
    this.plans = plans;
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.engine = engine;
  }

  /** The engine's due-date expression of every user task. */
  public Date dueDate(DelegateExecution execution, String taskKey) {
    return dueDate(execution.getProcessBusinessKey(), taskKey);
  }

  /** The due date of a task of that step in the instance with that business key, or null. */
  public Date dueDate(String businessKey, String taskKey) {
    return deadlineDay(businessKey, taskKey).map(TaskDeadlines::endOf).orElse(null);
  }

  /** The last moment of the day in Vietnam: overdue from the first moment of the next day. */
  static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant().minusMillis(1));
  }

  Optional<LocalDate> deadlineDay(String key, String taskKey) {
    if (key == null) {
      return Optional.empty();
    }
    if (key.matches("\\d{1,18}")) {
      return dossiers.findById(Long.parseLong(key)).flatMap(d -> deadlines.find(d.getTitle().name(), d.getUnit(),
          SUBMISSION_STEPS.contains(taskKey) ? DeadlineKind.SUBMISSION : DeadlineKind.DECISION,
          d.getAssessmentYear(), d.getCompleteReceivedOn())).map(EffectiveDeadline::date);
    }
    if (key.matches("round-\\d{1,18}")) {
      return round(Long.parseLong(key.substring(6)));
    }
    if (key.matches("award-\\d{1,18}")) {
      return award(Long.parseLong(key.substring(6)));
    }
    if (key.startsWith("bao-cao-vb-")) {
      return reports.dueOn(key);
    }
    if (key.matches("bao-cao-\\d{1,18}-\\d{4}")) {
      String[] parts = key.split("-");
      return plans.reportDue(Long.parseLong(parts[2])).map(d -> d.dueFor(Integer.parseInt(parts[3])));
    }
    return Optional.empty();
  }

  /** The round's body — or, for a village, the commune that decides it — and the title its result feeds. */
  private Optional<LocalDate> round(long roundId) {
    List<Object[]> found = jdbc.query("select kind, org_id, decider_org_id, assessment_year from assessment_round"
        + " where id = ?", (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)},
        roundId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = found.get(0);
    Optional<OrgUnit> org = orgs.findById((Long) r[1]);
    if (org.isPresent() && org.get().getKind() == OrgKind.VILLAGE) {
      org = orgs.findById((Long) r[2]);
    }
    return org.flatMap(applicant -> deadlines.find(feeds(applicant).name(), applicant, DeadlineKind.SUBMISSION,
        (Integer) r[3])).map(EffectiveDeadline::date);
  }

  private static Title feeds(OrgUnit applicant) {
    return applicant.getKind() == OrgKind.UNIT ? Title.LEARNING_UNIT : Title.LEARNING_COMMUNITY;
  }

  private Optional<LocalDate> award(long candidateId) {
    List<long[]> found = jdbc.query("select c.current_body_id, p.period_year from award_candidate c"
        + " join award_proposal p on p.id = c.proposal_id where c.id = ?",
        (rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}, candidateId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return orgs.findById(found.get(0)[0]).flatMap(body -> deadlines.find(AWARD_PROCEDURE, body,
        DeadlineKind.DECISION, (int) found.get(0)[1])).map(EffectiveDeadline::date);
  }

  /**
   * An extension moves the due dates of the open tasks it dates: the dossier of that title, unit and year; for a
   * submission deadline also the rounds feeding it; for an award deadline the candidates the body decides.
   */
  @EventListener
  public void extended(DeadlineExtended e) {
    List<String> keys = new ArrayList<>();
    for (DossierStatus s : DossierStatus.values()) {
      if (s.open()) {
        jdbc.queryForList("select id from dossier where title = ? and unit_id = ? and assessment_year = ?"
            + " and status = ?", Long.class, e.procedure(), e.unitId(), e.assessmentYear(), s.name())
            .forEach(id -> keys.add(String.valueOf(id)));
      }
    }
    if (e.kind() == DeadlineKind.SUBMISSION) {
      // the open rounds of the body and those it decides (its villages'): each is dated again as a whole
      jdbc.queryForList("select id from assessment_round where assessment_year = ? and open_key is not null"
          + " and (org_id = ? or decider_org_id = ?)", Long.class, e.assessmentYear(), e.unitId(), e.unitId())
          .forEach(id -> keys.add("round-" + id));
    }
    if (e.procedure().equals(AWARD_PROCEDURE)) {
      jdbc.queryForList("select c.id from award_candidate c join award_proposal p on p.id = c.proposal_id"
          + " where c.current_body_id = ? and p.period_year = ?", Long.class, e.unitId(), e.assessmentYear())
          .forEach(id -> keys.add("award-" + id));
    }
    keys.forEach(this::refresh);
  }

  /** Sets again the due date of every open task of the instances with that business key; returns how many moved. */
  public int refresh(String businessKey) {
    return engine.asSystem(() -> {
      int moved = 0;
      for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list()) {
        Date due = dueDate(businessKey, t.getTaskDefinitionKey());
        Long was = t.getDueDate() == null ? null : t.getDueDate().getTime();
        if (!java.util.Objects.equals(was, due == null ? null : due.getTime())) {
          tasks.setDueDate(t.getId(), due);
          moved++;
        }
      }
      return moved;
    });
  }
}
