package vn.hoctap.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.DeadlineRuleChanged;
import vn.hoctap.deadline.DeadlineService;
import vn.hoctap.deadline.EffectiveDeadline;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.report.Plan.ReportDue;

/**
 * Reminders before each report due date (processes/report-reminder.bpmn), of two origins:
 * <ul>
 *   <li>a plan's report due date: one instance per due date and report year (business key bao-cao-{due}-{year});</li>
 *   <li>a reporting deadline of the texts (deadline_rule of kind REPORT, e.g. TT24 Điều 20 khoản 3: the Phòng GDĐT
 *       reports the district's results to the Sở GDĐT before 15/03 of N + 1): one instance per national rule,
 *       reporting body and assessment year (bao-cao-vb-{rule}-{body}-{year}), dated by the most specific rule of
 *       the body's province. A rule without a date ("vào cuối năm học") gives no task until a province sets one.</li>
 * </ul>
 * The timer gives the reporting body's viewer- and reviewer- groups a task remindDaysBefore the date; completing it
 * records the body's yearly report as sent, attached as produced, and tells the receiving body; if the date passes
 * with the task open, the body above is given the task too and told (as the dossiers' deadline escalation does).
 * Scheduled at start-up (idempotent: each business key is started once) and again when a province's rule changes;
 * at start-up after every demo data runner, so that the demo's bodies are in the tree when the first start schedules
 * (else a restart would add the reports of the bodies created after it).
 */
@Component("reportReminders")
@Order(60)
public class ReportReminders implements ApplicationRunner {

  public static final String PROCESS_KEY = "report-reminder";
  public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";
  public static final String TIMER_REMIND = "Timer_Remind";
  public static final String TIMER_OVERDUE = "Timer_Overdue";
  static final String VAR_DUE = "reportDueId";
  static final String VAR_YEAR = "reportYear";
  static final String VAR_RULE = "reportRuleId";
  static final String VAR_ORG = "reportOrgId";
  private static final String TEXT_PREFIX = "bao-cao-vb-";

  private final PlanCatalog plans;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ManagementService management;
  private final TaskService tasks;
  private final EngineClock clock;
  private final DeadlineService deadlines;
  private final OrgUnitRepository orgs;
  private final JdbcTemplate jdbc;
  private final NotificationService notifications;

  ReportReminders(PlanCatalog plans, RuntimeService runtime, HistoryService history, ManagementService management,
      TaskService tasks, EngineClock clock, DeadlineService deadlines, OrgUnitRepository orgs, JdbcTemplate jdbc,
      NotificationService notifications) {
    this.plans = plans;
    this.runtime = runtime;
    this.history = history;
    this.management = management;
    this.tasks = tasks;
    this.clock = clock;
    this.deadlines = deadlines;
    this.orgs = orgs;
    this.jdbc = jdbc;
    this.notifications = notifications;
  }

  @Override
  public void run(ApplicationArguments args) {
    int year = clock.today().getYear();
    schedule(year);
    schedule(year + 1);
    // the texts' report dates fall in N + 1 at the latest: last year's results are reported this year
    scheduleTexts(year - 1, null);
    scheduleTexts(year, null);
  }

  /** Starts the reminders of every report due for the report year that is still ahead; returns how many. */
  public int schedule(int year) {
    int started = 0;
    for (Plan plan : plans.all()) {
      if (year < plan.periodFrom() || year > plan.periodTo()) {
        continue;
      }
      for (ReportDue due : plan.reportDues()) {
        String key = businessKey(due.id(), year);
        if (due.reporterOrgCode() == null || due.dueFor(year).isBefore(clock.today()) || started(key)) {
          continue;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(VAR_DUE, due.id());
        vars.put(VAR_YEAR, year);
        runtime.startProcessInstanceByKey(PROCESS_KEY, key, vars);
        started++;
      }
    }
    return started;
  }

  /**
   * Starts the reminders of the texts' reporting deadlines for the results of assessment year {@code year}: for
   * each national REPORT rule, each reporting body the text names that exists in the tree (a live district's
   * Phòng GDĐT; the Sở GDĐT of a province for the province's reports), when the rule that applies there has a date
   * still ahead. Only the bodies of {@code provinceId} when it is not null. Returns how many were started.
   */
  public int scheduleTexts(int year, Long provinceId) {
    int started = 0;
    List<Object[]> rules = jdbc.query("select id, procedure, unit_tier from deadline_rule where kind = ?"
        + " and province_id is null and assessment_year is null order by id",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), UnitKind.Tier.valueOf(rs.getString(3))},
        DeadlineKind.REPORT.name());
    for (Object[] rule : rules) {
      UnitKind.Tier tier = (UnitKind.Tier) rule[2];
      for (OrgUnit body : reporters(tier, provinceId)) {
        String key = textKey((Long) rule[0], body.getId(), year);
        Optional<LocalDate> due = deadlines.find((String) rule[1], tier, body, DeadlineKind.REPORT, year)
            .map(EffectiveDeadline::date);
        if (due.isEmpty() || due.get().isBefore(clock.today()) || started(key)) {
          continue;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(VAR_RULE, rule[0]);
        vars.put(VAR_ORG, body.getId());
        vars.put(VAR_YEAR, year);
        runtime.startProcessInstanceByKey(PROCESS_KEY, key, vars);
        started++;
      }
    }
    return started;
  }

  /** Whether an instance of that key runs or ran (one cancelled because its date was removed does not count). */
  private boolean started(String key) {
    for (HistoricProcessInstance h : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey(PROCESS_KEY).list()) {
      if (!HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(h.getState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bodies that report under a rule of that tier: the Sở GDĐT (its province) for the province tier (TT24 Điều
   * 18 khoản 3, TT25 Điều 21 khoản 3), else each district's Phòng GDĐT (TT24 Điều 20 khoản 3, TT25 Điều 23 khoản
   * 2) — in a two-tier province there is no live district, so nobody.
   */
  private List<OrgUnit> reporters(UnitKind.Tier tier, Long provinceId) {
    OrgKind kind = tier == UnitKind.Tier.PROVINCE ? OrgKind.PROVINCE : OrgKind.DISTRICT;
    List<Long> ids = jdbc.queryForList("select id from org_unit where kind = ? and dissolved_at is null order by id",
        Long.class, kind.name());
    List<OrgUnit> out = new ArrayList<>();
    for (OrgUnit o : orgs.findAllById(ids)) {
      if (provinceId == null || provinceId.equals(o.province().getId())) {
        out.add(o);
      }
    }
    return out;
  }

  public static String businessKey(long dueId, int year) {
    return "bao-cao-" + dueId + "-" + year;
  }

  public static String textKey(long ruleId, long orgId, int year) {
    return TEXT_PREFIX + ruleId + "-" + orgId + "-" + year;
  }

  /** What one instance is about: who reports what to whom, by when, under which text. */
  record Target(String key, OrgUnit reporter, String reporterName, OrgUnit recipient, String recipientName,
      int year, LocalDate due, int remindDaysBefore, String what, String source, String dateSource) {}

  private ReportDue due(long id) {
    return plans.reportDue(id).orElseThrow(() -> DomainException.notFound("Không có hạn báo cáo số " + id + "."));
  }

  Target target(VariableScope scope, String businessKey) {
    return target(scope::getVariable, businessKey);
  }

  Target target(Function<String, Object> vars, String businessKey) {
    Integer year = (Integer) vars.apply(VAR_YEAR);
    Object rule = vars.apply(VAR_RULE);
    if (rule == null) {
      long dueId = ((Number) vars.apply(VAR_DUE)).longValue();
      if (!businessKey(dueId, year).equals(businessKey)) {
        throw new IllegalStateException("Quy trình " + businessKey + " không phải của hạn báo cáo " + dueId + " năm "
            + year);
      }
      ReportDue d = due(dueId);
      String plan = plans.all().stream().filter(p -> p.reportDues().contains(d)).map(Plan::name).findFirst()
          .orElse("");
      OrgUnit reporter = orgs.findByCode(d.reporterOrgCode()).orElseThrow();
      return new Target(businessKey, reporter, d.reporter(), null, d.recipient(), year, d.dueFor(year),
          d.remindDaysBefore(), "Báo cáo kết quả năm " + year, plan, null);
    }
    long ruleId = ((Number) rule).longValue();
    long orgId = ((Number) vars.apply(VAR_ORG)).longValue();
    if (!textKey(ruleId, orgId, year).equals(businessKey)) {
      throw new IllegalStateException("Quy trình " + businessKey + " không phải của thời hạn " + ruleId);
    }
    return textTarget(ruleId, orgId, year).orElseThrow(() -> DomainException.rule("Thời hạn báo cáo của "
        + orgs.findById(orgId).map(OrgUnit::getName).orElse("cơ quan") + " năm " + year + " chưa có ngày."));
  }

  private Optional<Target> textTarget(long ruleId, long orgId, int year) {
    Object[] r = jdbc.queryForObject("select procedure, unit_tier, source from deadline_rule where id = ?",
        (rs, i) -> new Object[] {rs.getString(1), UnitKind.Tier.valueOf(rs.getString(2)), rs.getString(3)}, ruleId);
    String text = (String) r[2];
    String procedure = (String) r[0];
    UnitKind.Tier tier = (UnitKind.Tier) r[1];
    OrgUnit reporter = orgs.findById(orgId).orElseThrow();
    Optional<EffectiveDeadline> found = deadlines.find(procedure, tier, reporter, DeadlineKind.REPORT, year);
    if (found.isEmpty() || found.get().date() == null) {
      return Optional.empty();
    }
    EffectiveDeadline d = found.get();
    boolean province = tier == UnitKind.Tier.PROVINCE;
    OrgUnit recipient = province ? reporter.getParent() : reporter.province();
    String recipientName = province ? "Bộ Giáo dục và Đào tạo" : "Sở GDĐT " + reporter.province().getName();
    String reporterName = (province ? "Sở GDĐT " : "Phòng GDĐT ") + reporter.getName();
    String titleLabel;
    try {
      titleLabel = Title.valueOf(procedure).label();
    } catch (IllegalArgumentException e) {
      titleLabel = procedure;
    }
    String what = "Báo cáo kết quả công nhận “" + titleLabel + "” " + tier.label() + " năm " + year;
    return Optional.of(new Target(textKey(ruleId, orgId, year), reporter, reporterName, recipient, recipientName,
        year, d.date(), d.remindDaysBefore(), what, text, text.equals(d.source()) ? null : d.source()));
  }

  /** The article of a rule's source: "TT 24/2023/TT-BGDĐT, Điều 20 khoản 3" (what comes before the colon). */
  static String article(String source) {
    int colon = source.indexOf(':');
    return colon > 0 ? source.substring(0, colon).strip() : source;
  }

  /**
   * Who gets the task: the reporting body's viewer- and reviewer- groups, derived when the task is created; the
   * variables must be those the instance's business key (set by the system) names.
   */
  public String groups(DelegateExecution execution) {
    String org = target(execution, execution.getProcessBusinessKey()).reporter().getCode();
    return Groups.viewer(org) + "," + Groups.reviewer(org);
  }

  /** Timer date of the task: remindDaysBefore the due date, 08:00 Vietnam time. */
  public Date remindAt(DelegateExecution execution) {
    Target t = target(execution, execution.getProcessBusinessKey());
    return remindAt(t);
  }

  private static Date remindAt(Target t) {
    return Date.from(t.due().minusDays(t.remindDaysBefore()).atTime(8, 0).atZone(EngineClock.ZONE).toInstant());
  }

  /** Kept for the instances of the model's first version. */
  public Date remindAt(Long dueId, Integer year) {
    ReportDue d = due(dueId);
    return Date.from(d.dueFor(year).minusDays(d.remindDaysBefore()).atTime(8, 0).atZone(EngineClock.ZONE)
        .toInstant());
  }

  /** The date has passed: the first moment of the day after it, Vietnam time (the day itself is on time). */
  public Date overdueAt(DelegateExecution execution) {
    return overdueAt(target(execution, execution.getProcessBusinessKey()));
  }

  private static Date overdueAt(Target t) {
    return Date.from(t.due().plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant());
  }

  /** The due date of the task of an instance with that business key (its inbox deadline), if any. */
  public Optional<LocalDate> dueOn(String businessKey) {
    if (businessKey == null || !businessKey.matches("bao-cao-vb-\\d{1,18}-\\d{1,18}-\\d{4}")) {
      return Optional.empty();
    }
    String[] p = businessKey.substring(TEXT_PREFIX.length()).split("-");
    return textTarget(Long.parseLong(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2])).map(Target::due);
  }

  /** The task's name: what, to whom, before which date, under which article. */
  String taskName(Target t) {
    if (!t.key().startsWith(TEXT_PREFIX)) {
      return "Lập và gửi báo cáo kết quả năm " + t.year() + " (hạn " + Dates.vn(t.due()) + ")";
    }
    String name = t.what() + " gửi " + t.recipientName() + " trước ngày " + Dates.vn(t.due()) + " ("
        + article(t.source()) + ")";
    return name.length() > 250 ? name.substring(0, 249) + "…" : name;
  }

  /** What the task shows: which report, to whom, by when. */
  String describe(Target t) {
    return t.what() + " của " + t.reporterName() + " gửi " + t.recipientName() + ", hạn " + Dates.vn(t.due())
        + (t.source().isBlank() ? "" : " (" + t.source() + ")")
        + (t.dateSource() == null ? "" : "; ngày hạn theo quy định của tỉnh: " + t.dateSource()) + ".";
  }

  /**
   * The date passed with the task open: the body above the reporting body is given the task too (it appears in
   * its list) and told; the reporting body is told it is overdue.
   */
  public void escalate(DelegateExecution execution) {
    Target t = target(execution, execution.getProcessBusinessKey());
    String supervisor = Groups.supervisorOf(t.reporter());
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      tasks.addCandidateGroup(task.getId(), supervisor);
    }
    String subject = "Quá hạn: " + t.what() + " của " + t.reporterName();
    notifications.notify(null, supervisor, "ESCALATION", subject, "Hạn gửi " + t.recipientName() + " là "
        + Dates.vn(t.due()) + " (" + article(t.source()) + ") đã qua mà " + t.reporterName() + " chưa gửi báo cáo."
        + " Công việc đã được chuyển thêm vào danh sách việc của nhóm giám sát.");
    for (String group : List.of(Groups.viewer(t.reporter().getCode()), Groups.reviewer(t.reporter().getCode()))) {
      notifications.notify(null, group, "OVERDUE", subject, "Hạn " + Dates.vn(t.due()) + " đã qua: hãy lập và gửi"
          + " báo cáo ngay.");
    }
  }

  /** The instances of the texts' rules in a province whose rule changed follow the new date; new ones start. */
  @EventListener
  public void ruleChanged(DeadlineRuleChanged e) {
    if (e.kind() != DeadlineKind.REPORT || e.provinceId() == null) {
      return;
    }
    for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKeyLike(TEXT_PREFIX + "%").list()) {
      String[] p = pi.getBusinessKey().substring(TEXT_PREFIX.length()).split("-");
      OrgUnit body = orgs.findById(Long.parseLong(p[1])).orElse(null);
      if (body == null || !e.provinceId().equals(body.province().getId())) {
        continue;
      }
      Optional<Target> t = textTarget(Long.parseLong(p[0]), body.getId(), Integer.parseInt(p[2]));
      if (t.isEmpty()) {
        runtime.deleteProcessInstance(pi.getId(), "Thời hạn báo cáo không còn ngày", false, true);
        continue;
      }
      for (Job job : management.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
        String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId();
        management.setJobDuedate(job.getId(), TIMER_REMIND.equals(activity) ? remindAt(t.get()) : overdueAt(t.get()));
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
        task.setDueDate(Date.from(overdueAt(t.get()).toInstant().minusMillis(1)));
        task.setName(taskName(t.get()));
        tasks.saveTask(task);
      }
    }
    int year = clock.today().getYear();
    scheduleTexts(year - 1, e.provinceId());
    scheduleTexts(year, e.provinceId());
  }
}
