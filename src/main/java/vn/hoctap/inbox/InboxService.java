package vn.hoctap.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Title;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.PersonNames;

/**
 * "Việc cần làm" (the inbox): the tasks the user may work on — their own and their groups' — read through the
 * engine's task query from the user's candidate links like the Tasklist's filter "Tất cả việc tôi được xem" (see
 * {@link #page} for why without its per-row authorization join), a page at a time; then the page's dossiers,
 * rounds and awards in one query each.
 * Each task carries its due date (process/TaskDeadlines): the list shows it, sorts by it (soonest first, undated
 * last; or newest first) and the overdue filter and count read it — one notion of "quá hạn" everywhere, the same
 * as the Tasklist's. Filters on the dossier (title, year) become a list of business keys from the indexed domain
 * tables.
 */
@Service
public class InboxService {

  public static final int PAGE_SIZE = 15;

  /** Who holds the tasks shown: everything the user may see, what they hold, or their groups' unclaimed ones. */
  public enum Scope {
    ALL("Tất cả"), MINE("Việc tôi đang giữ"), GROUP("Việc của nhóm, chưa ai nhận");

    private final String label;

    Scope(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The order of the list: by due date, soonest first and undated last (the default), or newest first. */
  public enum Sort {
    DEADLINE("Hạn gần nhất trước"), NEWEST("Mới nhất trước");

    private final String label;

    Sort(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The filters of the inbox; null means "any". */
  public record Filter(Scope scope, Title title, Integer year, String step, boolean overdue, Sort sort, int page) {}

  /** One row: the task, what it is about in words, who holds it, its deadline and how long it has waited. */
  public record Row(String taskId, String taskKey, String step, String subject, String detail, String link,
      Long dossierId, String holder, boolean mine, boolean unclaimed, String deadline, boolean overdue,
      String waited, String note) {}

  public record Page(List<Row> rows, long total, Map<Scope, Long> counts, long overdueCount, int page, int pages) {}

  /** The steps one may filter by, in the order of the procedure. */
  public static final Map<String, String> STEPS = new LinkedHashMap<>();

  static {
    STEPS.put(RecognitionProcess.TASK_SELF_ASSESSMENT, "Tự đánh giá các chỉ tiêu");
    STEPS.put("Task_HeadReview", "Xem xét, quyết định trình hồ sơ");
    STEPS.put("Task_AgreementMeeting", "Họp thống nhất kết quả tự đánh giá");
    STEPS.put(RecognitionProcess.TASK_CHECK_COMPLETENESS, "Kiểm tra tính đầy đủ của hồ sơ");
    STEPS.put(RecognitionProcess.TASK_SUPPLEMENT, "Bổ sung hồ sơ theo yêu cầu");
    STEPS.put(RecognitionProcess.TASK_APPRAISE, "Thẩm định hồ sơ và minh chứng");
    STEPS.put(RecognitionProcess.TASK_SET_UP_COUNCIL, "Thành lập Hội đồng đánh giá");
    STEPS.put(RecognitionProcess.TASK_COUNCIL_MINUTES, "Lập biên bản họp Hội đồng đánh giá");
    STEPS.put(RecognitionProcess.TASK_COUNCIL_OPINION, "Cho ý kiến bằng văn bản (thành viên Hội đồng)");
    STEPS.put(RecognitionProcess.TASK_SIGN_REFUSAL, "Ký văn bản trả lời: không đạt");
    STEPS.put(RecognitionProcess.TASK_DECIDE, "Ký quyết định công nhận");
    STEPS.put("Task_PrepareList", "Lập danh sách, tự đánh giá (công dân học tập)");
    STEPS.put("Task_ReviewList", "Xét duyệt danh sách");
    STEPS.put("Task_FixReturned", "Sửa các mục bị trả lại");
    STEPS.put("Task_Vote", "Biểu quyết về ứng viên khen thưởng");
    STEPS.put("Task_Minutes", "Lập biên bản phiên họp");
    STEPS.put("Task_Sign", "Ký quyết định khen thưởng");
    STEPS.put("Task_SubmitReport", "Lập và gửi báo cáo kết quả năm");
  }

  private final TaskService tasks;
  private final FormService forms;
  private final JdbcTemplate jdbc;
  private final DossierAccess access;
  private final EngineClock clock;
  private final PersonNames personNames;
  private final EngineQueries engine;

  InboxService(TaskService tasks, FormService forms, JdbcTemplate jdbc, DossierAccess access,
      EngineClock clock, PersonNames personNames, EngineQueries engine) {
    this.engine = engine;
    this.tasks = tasks;
    this.forms = forms;
    this.jdbc = jdbc;
    this.access = access;
    this.clock = clock;
    this.personNames = personNames;
  }

  /** The engine query of a scope: the candidate links of the user (and their groups), as the user. */
  TaskQuery query(String user, Scope scope) {
    TaskQuery q = tasks.createTaskQuery().active();
    return switch (scope) {
      case ALL -> q.taskCandidateUser(user).includeAssignedTasks();
      case MINE -> q.taskAssignee(user);
      case GROUP -> q.taskCandidateUser(user);
    };
  }

  /**
   * The query of a scope with the filters: the step by task definition key, overdue by the task's due date (the
   * same due date the list shows and sorts by), title and year by the business keys of the matching dossiers.
   */
  private TaskQuery filtered(String user, Scope scope, Filter f, List<String> keys, boolean overdueOnly,
      Date now) {
    TaskQuery q = query(user, scope);
    if (f.step() != null && !f.step().isBlank()) {
      q.taskDefinitionKey(f.step());
    }
    if (overdueOnly) {
      q.dueBefore(now);
    }
    if (keys != null) {
      q.processInstanceBusinessKeyIn(keys.isEmpty() ? new String[] {"-"} : keys.toArray(String[]::new));
    }
    return q;
  }

  /**
   * A page of the inbox with its counts. The list and the counts read the user's candidate links and assignments
   * with the engine's per-row authorization join switched off ({@link EngineQueries#asSystem}): in hoctap a
   * candidate link or an assignment is exactly what grants a task to a user — each carries its authorization row
   * (TASK_WORK), and no authorization is ever revoked (application.yaml) — so the answer is the same, and that
   * join, which compares every task of the user's groups with every authorization row of those groups, grew with
   * the square of a body's open tasks (about 50 ms a query for a district's 500, docs/benchmarks.md). Acting on
   * a task ({@link #visible}) still goes through the engine's check.
   */
  public Page page(CurrentUser user, Filter f) {
    List<String> keys = f.title() != null || f.year() != null ? dossierKeys(user, f.title(), f.year()) : null;
    Date now = Date.from(clock.now());
    return engine.asSystem(() -> {
      Map<Scope, Long> counts = new LinkedHashMap<>();
      for (Scope s : Scope.values()) {
        counts.put(s, filtered(user.id(), s, f, keys, f.overdue(), now).count());
      }
      long overdueCount = f.overdue() ? counts.get(f.scope())
          : filtered(user.id(), f.scope(), f, keys, true, now).count();
      long total = counts.get(f.scope());
      int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
      int page = Math.max(0, Math.min(f.page(), pages - 1));
      Supplier<TaskQuery> q = () -> filtered(user.id(), f.scope(), f, keys, f.overdue(), now);
      List<Task> found = f.sort() == Sort.NEWEST
          ? q.get().orderByTaskCreateTime().desc().listPage(page * PAGE_SIZE, PAGE_SIZE)
          : byDeadline(q, f.overdue(), page * PAGE_SIZE, PAGE_SIZE);
      return new Page(rows(user, found), total, counts, overdueCount, page, pages);
    });
  }

  /** Any due date the engine may hold is after this: "has a due date" as a query the engine can page. */
  private static final Date DATED = new Date(0);

  /**
   * A page in the order of the due dates, soonest first, the tasks without a due date after all dated ones (the
   * engine's own ordering puts nulls first on H2 and last on PostgreSQL): the dated ones first, then — only on the
   * page where they run out — the undated ones, oldest first. Overdue ones all have a due date.
   */
  private static List<Task> byDeadline(Supplier<TaskQuery> q, boolean overdue, int first, int size) {
    TaskQuery byDue = overdue ? q.get() : q.get().dueAfter(DATED);
    List<Task> out = new ArrayList<>(byDue.orderByDueDate().asc().orderByTaskCreateTime().asc()
        .listPage(first, size));
    if (out.size() < size && !overdue) {
      long dated = out.isEmpty() ? q.get().dueAfter(DATED).count() : first + out.size();
      out.addAll(q.get().withoutDueDate().orderByTaskCreateTime().asc()
          .listPage((int) Math.max(0, first - dated), size - out.size()));
    }
    return out;
  }

  /** The first few tasks of the user, the most urgent first, for the home page. */
  public Page top(CurrentUser user, int n) {
    Page p = page(user, new Filter(Scope.ALL, null, null, null, false, Sort.DEADLINE, 0));
    return new Page(p.rows().subList(0, Math.min(n, p.rows().size())), p.total(), p.counts(), p.overdueCount(), 0,
        p.pages());
  }

  /**
   * Business keys (dossier ids) of the open dossiers the user's bodies see, of a title and year: an indexed domain
   * query, bounded by the user's area.
   */
  List<String> dossierKeys(CurrentUser user, Title title, Integer year) {
    StringBuilder sql = new StringBuilder("select d.id from dossier d join org_unit u on u.id = d.unit_id"
        + " where d.status in (?, ?, ?, ?, ?)");
    List<Object> args = new ArrayList<>();
    for (DossierStatus s : DossierStatus.values()) {
      if (s.open()) {
        args.add(s.name());
      }
    }
    if (title != null) {
      sql.append(" and d.title = ?");
      args.add(title.name());
    }
    if (year != null) {
      sql.append(" and d.assessment_year = ?");
      args.add(year);
    }
    if (!user.admin()) {
      List<String> paths = access.visiblePaths(user);
      if (paths.isEmpty()) {
        return List.of();
      }
      List<String> or = new ArrayList<>();
      for (String p : paths) {
        or.add(PathPrefix.like("u.path"));
        args.add(PathPrefix.pattern(p));
        or.add("d.receiving_org_id = (select id from org_unit where path = ?)");
        args.add(p);
        or.add("d.signer_org_id = (select id from org_unit where path = ?)");
        args.add(p);
      }
      sql.append(" and (").append(String.join(" or ", or)).append(")");
    }
    return jdbc.queryForList(sql.toString(), Long.class, args.toArray()).stream().map(String::valueOf).toList();
  }

  private record DossierInfo(long id, Title title, int level, int year, String unit) {}

  private List<Row> rows(CurrentUser user, List<Task> page) {
    Map<String, String> keyOfInstance = new HashMap<>();
    List<Long> dossierIds = new ArrayList<>();
    List<Long> roundIds = new ArrayList<>();
    List<Long> awardIds = new ArrayList<>();
    List<String> instanceIds = page.stream().map(Task::getProcessInstanceId).distinct().toList();
    if (!instanceIds.isEmpty()) {
      // the business key of each instance: one indexed lookup by primary key for the whole page
      jdbc.query("select ID_, BUSINESS_KEY_ from ACT_RU_EXECUTION where ID_ in (" + marks(instanceIds.size()) + ")",
          rs -> {
            keyOfInstance.put(rs.getString(1), rs.getString(2));
          }, instanceIds.toArray());
    }
    for (String key : keyOfInstance.values()) {
      if (key == null) {
        continue;
      }
      if (key.matches("\\d+")) {
        dossierIds.add(Long.parseLong(key));
      } else if (key.matches("round-\\d+")) {
        roundIds.add(Long.parseLong(key.substring(6)));
      } else if (key.matches("award-\\d+")) {
        awardIds.add(Long.parseLong(key.substring(6)));
      }
    }
    Map<Long, DossierInfo> dossiers = new HashMap<>();
    if (!dossierIds.isEmpty()) {
      jdbc.query("select d.id, d.title, d.level, d.assessment_year, u.name from dossier d join org_unit u"
          + " on u.id = d.unit_id where d.id in (" + marks(dossierIds.size()) + ")", rs -> {
            dossiers.put(rs.getLong(1), new DossierInfo(rs.getLong(1), Title.valueOf(rs.getString(2)), rs.getInt(3),
                rs.getInt(4), rs.getString(5)));
          }, dossierIds.toArray());
    }
    Map<Long, String[]> rounds = new HashMap<>();
    if (!roundIds.isEmpty()) {
      jdbc.query("select r.id, r.assessment_year, u.name, r.kind from assessment_round r join org_unit u"
          + " on u.id = r.org_id where r.id in (" + marks(roundIds.size()) + ")", rs -> {
            rounds.put(rs.getLong(1), new String[] {roundLabel(rs.getString(4)) + " — " + rs.getString(3),
                "Năm " + rs.getInt(2), "/dot-danh-gia/" + rs.getLong(1)});
          }, roundIds.toArray());
    }
    Map<Long, String[]> awards = new HashMap<>();
    if (!awardIds.isEmpty()) {
      jdbc.query("select c.id, a.name, p.movement, p.id from award_candidate c join awardee a on a.id = c.awardee_id"
          + " join award_proposal p on p.id = c.proposal_id where c.id in (" + marks(awardIds.size()) + ")", rs -> {
            awards.put(rs.getLong(1), new String[] {"Đề nghị khen thưởng — " + rs.getString(2), rs.getString(3),
                "/khen-thuong/" + rs.getLong(4)});
          }, awardIds.toArray());
    }
    Map<String, String> names = names(page.stream().map(Task::getAssignee).filter(a -> a != null).distinct()
        .toList());
    Map<Long, String> returnReasons = returnReasons(page, keyOfInstance);
    Instant now = clock.now();
    List<Row> rows = new ArrayList<>();
    for (Task t : page) {
      String key = keyOfInstance.get(t.getProcessInstanceId());
      String subject = "Công việc";
      String detail = "";
      String link = null;
      Long dossierId = null;
      String deadline = null;
      boolean overdue = false;
      if (key != null && key.matches("\\d+") && dossiers.containsKey(Long.parseLong(key))) {
        DossierInfo d = dossiers.get(Long.parseLong(key));
        dossierId = d.id();
        subject = d.unit();
        detail = d.title().label() + " mức " + d.level() + ", năm " + d.year() + " — hồ sơ số " + d.id();
        link = "/ho-so/" + d.id();
      } else if (key != null && key.startsWith("round-") && rounds.containsKey(Long.parseLong(key.substring(6)))) {
        String[] r = rounds.get(Long.parseLong(key.substring(6)));
        subject = r[0];
        detail = r[1];
        link = r[2];
      } else if (key != null && key.startsWith("award-") && awards.containsKey(Long.parseLong(key.substring(6)))) {
        String[] a = awards.get(Long.parseLong(key.substring(6)));
        subject = a[0];
        detail = a[1];
        link = a[2] + "?viec=" + t.getId();
      } else if (key != null && key.startsWith("bao-cao-")) {
        subject = "Báo cáo kết quả xây dựng xã hội học tập";
        detail = "Năm " + key.substring(key.lastIndexOf('-') + 1);
        link = "/bao-cao/viec/" + t.getId();
      }
      if (t.getDueDate() != null) {
        LocalDate due = t.getDueDate().toInstant().atZone(EngineClock.ZONE).toLocalDate();
        deadline = Dates.vn(due);
        overdue = t.getDueDate().toInstant().isBefore(now);
      }
      String holder = t.getAssignee() == null ? "Chưa ai nhận"
          : t.getAssignee().equals(user.id()) ? "Tôi (" + names.getOrDefault(t.getAssignee(), "") + ")"
          : names.getOrDefault(t.getAssignee(), "Cán bộ khác");
      rows.add(new Row(t.getId(), t.getTaskDefinitionKey(), t.getName(), subject, detail, link, dossierId,
          holder.replace(" ()", ""), user.id().equals(t.getAssignee()), t.getAssignee() == null, deadline, overdue,
          waited(t.getCreateTime() == null ? now : t.getCreateTime().toInstant(), now),
          dossierId == null || !RecognitionProcess.TASK_SUPPLEMENT.equals(t.getTaskDefinitionKey()) ? null
              : returnReasons.get(dossierId)));
    }
    return rows;
  }

  /**
   * "Yêu cầu bổ sung: …" for the supplement steps of the page: the latest return's reasons of those dossiers, one
   * indexed query for the whole page (and none when the page has no such step).
   */
  private Map<Long, String> returnReasons(List<Task> page, Map<String, String> keyOfInstance) {
    List<Long> ids = page.stream().filter(t -> RecognitionProcess.TASK_SUPPLEMENT.equals(t.getTaskDefinitionKey()))
        .map(t -> keyOfInstance.get(t.getProcessInstanceId())).filter(k -> k != null && k.matches("\\d+"))
        .map(Long::parseLong).distinct().toList();
    Map<Long, String> reasons = new HashMap<>();
    if (ids.isEmpty()) {
      return reasons;
    }
    jdbc.query("select dossier_id, comment from dossier_event where action = 'RETURNED_FOR_SUPPLEMENT'"
        + " and dossier_id in (" + marks(ids.size()) + ") order by id", rs -> {
          String c = rs.getString(2);
          if (c != null && !c.isBlank()) {
            String text = c.strip();
            reasons.put(rs.getLong(1), "Yêu cầu bổ sung: " + (text.length() > 300 ? text.substring(0, 299) + "…"
                : text));
          }
        }, ids.toArray());
    return reasons;
  }

  static String waited(Instant since, Instant now) {
    Duration d = Duration.between(since, now);
    if (d.isNegative() || d.toMinutes() < 60) {
      return "dưới 1 giờ";
    }
    if (d.toHours() < 24) {
      return d.toHours() + " giờ";
    }
    return d.toDays() + " ngày";
  }

  /** People's names ("Lê Văn Cường") by login, for the holder column: never a login where a name belongs. */
  Map<String, String> names(List<String> ids) {
    Map<String, String> out = new HashMap<>(personNames.of(ids));
    ids.forEach(id -> out.putIfAbsent(id, "Cán bộ khác"));
    return out;
  }

  static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  /** A task the user may see (their own or their groups'), or "not found" — as if it did not exist. */
  Task visible(CurrentUser user, String taskId) {
    Task t = query(user.id(), Scope.ALL).taskId(taskId).singleResult();
    if (t == null) {
      throw DomainException.notFound("Không tìm thấy công việc này, hoặc công việc đã được xử lý.");
    }
    return t;
  }

  public void claim(CurrentUser user, String taskId) {
    Task t = visible(user, taskId);
    if (t.getAssignee() != null && !t.getAssignee().equals(user.id())) {
      throw DomainException.conflict("Công việc \"" + t.getName() + "\" đã có cán bộ khác nhận.");
    }
    tasks.claim(taskId, user.id());
  }

  public void handBack(CurrentUser user, String taskId) {
    Task t = visible(user, taskId);
    if (!user.id().equals(t.getAssignee())) {
      throw DomainException.conflict("Chỉ người đang giữ công việc mới trả lại được cho nhóm.");
    }
    tasks.setAssignee(taskId, null);
  }

  /**
   * Accepts the completeness check of several dossiers, one by one, each as its own step through the form of the
   * step (so each is checked and audited as if done alone): a line in Vietnamese for each.
   */
  public List<String> acceptComplete(CurrentUser user, List<String> taskIds) {
    List<String> report = new ArrayList<>();
    for (String id : taskIds) {
      String what = "Công việc đã chọn";
      boolean claimed = false;
      try {
        Task t = visible(user, id);
        List<Row> row = rows(user, List.of(t));
        what = row.get(0).dossierId() != null ? "Hồ sơ số " + row.get(0).dossierId() + " (" + row.get(0).subject()
            + ")" : row.get(0).subject();
        if (!RecognitionProcess.TASK_CHECK_COMPLETENESS.equals(t.getTaskDefinitionKey())) {
          report.add(what + ": không ở bước kiểm tra tính đầy đủ, không xử lý.");
          continue;
        }
        if (t.getAssignee() == null) {
          tasks.claim(id, user.id());
          claimed = true;
        } else if (!t.getAssignee().equals(user.id())) {
          report.add(what + ": đang do cán bộ khác giữ, không xử lý.");
          continue;
        }
        forms.submitTaskForm(id, Map.of(RecognitionProcess.FIELD_COMPLETENESS, RecognitionProcess.COMPLETE));
        report.add(what + ": đã tiếp nhận hồ sơ đầy đủ, chuyển sang thẩm định.");
      } catch (RuntimeException e) {
        DomainException refused = vn.hoctap.common.Throwables.find(e, DomainException.class);
        report.add(what + ": không xử lý được — " + (refused != null ? refused.fullMessage()
            : "công việc đã thay đổi hoặc anh/chị không được phép làm bước này."));
        handBackQuietly(id, claimed);
      }
    }
    return report;
  }

  private void handBackQuietly(String taskId, boolean claimed) {
    if (!claimed) {
      return;
    }
    try {
      tasks.setAssignee(taskId, null);
    } catch (RuntimeException ignored) {
      // the task has moved on meanwhile
    }
  }

  /** "Đợt đánh giá Công dân học tập" or "Đợt đánh giá Gia đình học tập, …" for a round's kind. */
  private static String roundLabel(String kind) {
    return "Đợt đánh giá " + vn.hoctap.citizen.RoundKind.valueOf(kind).label();
  }

  /** One line of "Đã xử lý": what the user did, on which dossier or round, when. */
  public record Done(Instant at, String what, String subject, String link) {}

  /** The user's own recorded steps, newest first, from the dossiers' and rounds' audit trails (indexed by actor). */
  public List<Done> done(CurrentUser user, int limit) {
    List<Done> out = new ArrayList<>();
    jdbc.query("select e.occurred_at, e.step, e.action, d.id, d.title, d.level, d.assessment_year, u.name"
        + " from dossier_event e join dossier d on d.id = e.dossier_id join org_unit u on u.id = d.unit_id"
        + " where e.actor = ? order by e.occurred_at desc limit ?", rs -> {
          out.add(new Done(rs.getTimestamp(1).toInstant(), rs.getString(2) == null ? "Đã xử lý" : rs.getString(2),
              rs.getString(8) + " — " + Title.valueOf(rs.getString(5)).label() + " mức " + rs.getInt(6) + ", năm "
                  + rs.getInt(7) + " (hồ sơ số " + rs.getLong(4) + ")", "/ho-so/" + rs.getLong(4)));
        }, user.id(), limit);
    jdbc.query("select e.occurred_at, e.step, r.assessment_year, u.name, r.kind, r.id from round_event e"
        + " join assessment_round r on r.id = e.round_id join org_unit u on u.id = r.org_id where e.actor = ?"
        + " order by e.occurred_at desc limit ?", rs -> {
          out.add(new Done(rs.getTimestamp(1).toInstant(), rs.getString(2) == null ? "Đã xử lý" : rs.getString(2),
              roundLabel(rs.getString(5)) + " — " + rs.getString(4) + ", năm " + rs.getInt(3),
              "/dot-danh-gia/" + rs.getLong(6)));
        }, user.id(), limit);
    out.sort((a, b) -> b.at().compareTo(a.at()));
    return out.size() > limit ? out.subList(0, limit) : out;
  }
}
