package vn.hoctap.report;

import static vn.hoctap.document.RecognitionDocuments.titleLabel;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.Subject;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Dashboard.ChildRow;
import vn.hoctap.report.Dashboard.Org;
import vn.hoctap.report.Dashboard.DossierRow;
import vn.hoctap.report.Dashboard.StatusRow;
import vn.hoctap.report.Dashboard.StepRow;
import vn.hoctap.report.Dashboard.TargetRatio;
import vn.hoctap.report.Dashboard.Totals;
import vn.hoctap.security.CurrentUser;

/**
 * The numbers of the dashboard and the yearly report, as aggregate SQL over the domain tables (and, for the
 * current step, the engine's runtime task table joined by business key = dossier id), always limited to the
 * subtrees the user works for (DossierAccess.visiblePaths) inside the query. No per-dossier calls.
 */
@Service
public class DashboardService {

  private static final int OVERDUE_ROWS = 200;
  private static final int OPEN_ROWS = 50;

  private final JdbcTemplate jdbc;
  private final DossierAccess access;
  private final PlanCatalog plans;
  private final EngineClock clock;

  DashboardService(JdbcTemplate jdbc, DossierAccess access, PlanCatalog plans, EngineClock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.plans = plans;
    this.clock = clock;
  }

  /** Path prefixes the query is limited to; an empty list means everything (administrators at the top). */
  record Scope(Org org, List<String> prefixes) {}

  /**
   * The organisation a user asks for, if it lies within their jurisdiction. Without a code: everything for an
   * administrator, the bodies the user works for otherwise.
   */
  public Scope scope(CurrentUser user, String orgCode) {
    List<String> visible = user.admin() ? List.of() : access.visiblePaths(user);
    if (orgCode == null || orgCode.isBlank()) {
      if (!user.admin() && visible.isEmpty()) {
        throw DomainException.forbidden("Tài khoản của bạn chưa được giao vai trò ở cơ quan, đơn vị nào nên chưa"
            + " xem được số liệu. Hãy liên hệ quản trị viên.");
      }
      return new Scope(null, visible);
    }
    // the same answer for a code that does not exist and one outside the user's jurisdiction
    Org org = find(orgCode).filter(o -> user.admin() || visible.stream().anyMatch(o.path()::startsWith))
        .orElseThrow(() -> DomainException.notFound("Không tìm thấy đơn vị " + orgCode
            + " trong phạm vi bạn được xem."));
    return new Scope(org, List.of(org.path()));
  }

  @Transactional(readOnly = true)
  public Dashboard dashboard(CurrentUser user, String orgCode, Integer year) {
    Scope scope = scope(user, orgCode);
    Org org = scope.org();
    List<Org> crumbs = org == null ? List.of() : breadcrumb(org, user);
    List<StatusRow> byTitleYear = byTitleYear(scope, year);
    List<DossierRow> overdue = dossierRows(scope, year, true, OVERDUE_ROWS);
    Totals totals = totals(scope, year, overdue.size());
    return new Dashboard(org, crumbs, year, years(scope), children(scope, user, year), byTitleYear,
        Arrays.stream(DossierStatus.values()).map(DossierStatus::label).toList(), openSteps(scope, year), overdue,
        dossierRows(scope, year, false, OPEN_ROWS), targets(scope, clock.today()), totals);
  }

  /** The yearly report of one organisation; targets as of 31/12 of the year, or today while the year runs. */
  @Transactional(readOnly = true)
  public YearlyReport yearly(CurrentUser user, String orgCode, int year) {
    if (year < 2000 || year > 2100) {
      throw DomainException.badInput("Năm báo cáo " + year + " không hợp lệ.");
    }
    if (orgCode == null || orgCode.isBlank()) {
      throw DomainException.badInput("Hãy chọn cơ quan, đơn vị cần lập báo cáo.");
    }
    Scope scope = scope(user, orgCode);
    LocalDate today = clock.today();
    LocalDate endOfYear = LocalDate.of(year, 12, 31);
    LocalDate asOf = endOfYear.isBefore(today) ? endOfYear : today;
    List<Object> p = new ArrayList<>();
    String sql = "select r.title, r.level, count(distinct r.unit_id) from recognition r"
        + " join org_unit u on u.id = r.unit_id where u.path like ? and r.assessment_year = ?"
        + " group by r.title, r.level order by r.title, r.level";
    p.add(scope.org().path() + "%");
    p.add(year);
    List<YearlyReport.RecognisedRow> recognised = jdbc.query(sql, (rs, i) -> new YearlyReport.RecognisedRow(
        titleLabel(rs.getString(1)), rs.getInt(2), rs.getLong(3)), p.toArray());
    List<YearlyReport.DueRow> dues = new ArrayList<>();
    for (Plan plan : plans.all()) {
      if (area(scope, plan) != null && plan.periodFrom() <= year && year <= plan.periodTo()) {
        plan.reportDues().forEach(d -> dues.add(new YearlyReport.DueRow(plan.name(), d.reporter(), d.recipient(),
            d.dueFor(year))));
      }
    }
    return new YearlyReport(scope.org(), year, asOf, today, totals(scope, year, dossierRows(scope, year, true,
        OVERDUE_ROWS).size()), Arrays.stream(DossierStatus.values()).map(DossierStatus::label).toList(),
        byTitleYear(scope, year), recognised, targets(scope, asOf), dues);
  }

  private Optional<Org> find(String code) {
    return jdbc.query("select code, name, kind, path from org_unit where code = ?",
        (rs, i) -> new Org(rs.getString(1), rs.getString(2), OrgKind.valueOf(rs.getString(3)).label(),
            rs.getString(4)), code).stream().findFirst();
  }

  /** The name of the organisation at the end of a path ("/HN/HN-TT/" → Huyện Thanh Trì). */
  private String nameOf(String path) {
    String[] codes = path.substring(1).split("/");
    return find(codes[codes.length - 1]).map(Org::name).orElse(path);
  }

  /** From the top the user may see down to the organisation. */
  private List<Org> breadcrumb(Org org, CurrentUser user) {
    List<String> visible = user.admin() ? List.of() : access.visiblePaths(user);
    List<Org> crumbs = new ArrayList<>();
    String[] codes = org.path().substring(1).split("/");
    StringBuilder path = new StringBuilder("/");
    for (String code : codes) {
      path.append(code).append('/');
      String p = path.toString();
      if (user.admin() || visible.stream().anyMatch(p::startsWith)) {
        find(code).ifPresent(crumbs::add);
      }
    }
    return crumbs;
  }

  // --- SQL pieces -------------------------------------------------------------------------------------------

  private static String where(Scope scope, Integer year, List<Object> params, String unitAlias) {
    StringBuilder sql = new StringBuilder(" where 1 = 1");
    if (!scope.prefixes().isEmpty()) {
      sql.append(" and (");
      for (int i = 0; i < scope.prefixes().size(); i++) {
        sql.append(i == 0 ? "" : " or ").append(unitAlias).append(".path like ?");
        params.add(scope.prefixes().get(i) + "%");
      }
      sql.append(')');
    }
    if (year != null) {
      sql.append(" and d.assessment_year = ?");
      params.add(year);
    }
    return sql.toString();
  }

  private List<Integer> years(Scope scope) {
    List<Object> p = new ArrayList<>();
    String sql = "select distinct d.assessment_year from dossier d join org_unit u on u.id = d.unit_id"
        + where(scope, null, p, "u") + " order by d.assessment_year desc";
    return jdbc.queryForList(sql, Integer.class, p.toArray());
  }

  private Totals totals(Scope scope, Integer year, long overdue) {
    List<Object> p = new ArrayList<>();
    String sql = "select count(*), sum(case when d.open_key is not null then 1 else 0 end),"
        + " sum(case when d.status = 'RETURNED' then 1 else 0 end),"
        + " sum(case when d.status = 'RECOGNISED' then 1 else 0 end)"
        + " from dossier d join org_unit u on u.id = d.unit_id" + where(scope, year, p, "u");
    return jdbc.queryForObject(sql, (rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
        rs.getLong(4), overdue), p.toArray());
  }

  /** The organisations one level down, each with its subtree's dossiers (one grouped query). */
  private List<ChildRow> children(Scope scope, CurrentUser user, Integer year) {
    List<Object> p = new ArrayList<>();
    String yearCond = year == null ? "" : " and d.assessment_year = ?";
    if (year != null) {
      p.add(year); // the join condition comes before the where clause
    }
    String parentCond;
    if (scope.org() != null) {
      parentCond = "c.parent_id = (select id from org_unit where code = ?)";
      p.add(scope.org().code());
    } else if (user.admin()) {
      parentCond = "c.parent_id is null";
    } else {
      parentCond = "c.path in (" + scope.prefixes().stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
      p.addAll(scope.prefixes());
    }
    String sql = "select c.code, c.name, c.kind, c.path, count(d.id),"
        + " sum(case when d.open_key is not null then 1 else 0 end),"
        + " sum(case when d.status = 'RETURNED' then 1 else 0 end),"
        + " sum(case when d.status = 'RECOGNISED' then 1 else 0 end)"
        + " from org_unit c left join org_unit u on u.path like c.path || '%'"
        + " left join dossier d on d.unit_id = u.id" + yearCond
        + " where " + parentCond + " group by c.code, c.name, c.kind, c.path order by c.kind, c.name";
    return jdbc.query(sql, (rs, i) -> new ChildRow(new Org(rs.getString(1), rs.getString(2),
        OrgKind.valueOf(rs.getString(3)).label(), rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7),
        rs.getLong(8)), p.toArray());
  }

  private List<StatusRow> byTitleYear(Scope scope, Integer year) {
    List<Object> p = new ArrayList<>();
    String sql = "select d.title, d.assessment_year, d.status, count(*) from dossier d"
        + " join org_unit u on u.id = d.unit_id" + where(scope, year, p, "u")
        + " group by d.title, d.assessment_year, d.status order by d.assessment_year desc, d.title";
    Map<String, long[]> cells = new LinkedHashMap<>();
    DossierStatus[] statuses = DossierStatus.values();
    jdbc.query(sql, rs -> {
      String key = rs.getString(1) + "|" + rs.getInt(2);
      cells.computeIfAbsent(key, k -> new long[statuses.length])[DossierStatus.valueOf(rs.getString(3)).ordinal()]
          = rs.getLong(4);
    }, p.toArray());
    List<StatusRow> rows = new ArrayList<>();
    cells.forEach((key, counts) -> {
      String[] k = key.split("\\|");
      List<Long> list = Arrays.stream(counts).boxed().toList();
      rows.add(new StatusRow(titleLabel(k[0]), Integer.parseInt(k[1]), list,
          list.stream().mapToLong(Long::longValue).sum()));
    });
    return rows;
  }

  /** Open tasks per step: the engine's runtime tasks of the process instances whose business key is the dossier. */
  private List<StepRow> openSteps(Scope scope, Integer year) {
    List<Object> p = new ArrayList<>();
    String sql = "select t.NAME_, count(*) from dossier d join org_unit u on u.id = d.unit_id"
        + " join ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = cast(d.id as varchar(20)) and e.ID_ = e.PROC_INST_ID_"
        + " join ACT_RU_TASK t on t.PROC_INST_ID_ = e.ID_" + where(scope, year, p, "u")
        + " and d.open_key is not null group by t.NAME_ order by count(*) desc, t.NAME_";
    return jdbc.query(sql, (rs, i) -> new StepRow(rs.getString(1), rs.getLong(2)), p.toArray());
  }

  /**
   * Open dossiers with their open step and the groups holding it (candidate groups of the engine task): the
   * overdue ones — the deadline timer has escalated them (an ESCALATED event: the SLA has passed) — or the most
   * recently changed.
   */
  private List<DossierRow> dossierRows(Scope scope, Integer year, boolean overdueOnly, int limit) {
    List<Object> p = new ArrayList<>();
    String sql = "select d.id, d.title, u.name, d.assessment_year, d.status, d.process_instance_id,"
        + " (select max(ev.occurred_at) from dossier_event ev where ev.dossier_id = d.id and ev.action = 'ESCALATED')"
        + " from dossier d join org_unit u on u.id = d.unit_id" + where(scope, year, p, "u")
        + " and d.open_key is not null" + (overdueOnly ? " and exists (select 1 from dossier_event ev"
        + " where ev.dossier_id = d.id and ev.action = 'ESCALATED') order by d.id" : " order by d.updated_at desc");
    List<Object[]> rows = jdbc.query(con -> {
      var ps = con.prepareStatement(sql);
      for (int i = 0; i < p.size(); i++) {
        ps.setObject(i + 1, p.get(i));
      }
      ps.setMaxRows(limit);
      return ps;
    }, (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
        rs.getString(6), rs.getTimestamp(7)});
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<String[]>> tasks = openTasks(rows.stream().map(r -> (Long) r[0]).toList());
    List<DossierRow> out = new ArrayList<>();
    for (Object[] r : rows) {
      List<String[]> t = tasks.getOrDefault(String.valueOf(r[0]), List.of());
      String step = t.stream().map(x -> x[0]).distinct().collect(Collectors.joining(", "));
      String groups = t.stream().map(x -> x[1]).filter(g -> g != null).distinct().collect(Collectors.joining(", "));
      java.sql.Timestamp at = (java.sql.Timestamp) r[6];
      out.add(new DossierRow((Long) r[0], titleLabel((String) r[1]), (String) r[2], (Integer) r[3],
          DossierStatus.valueOf((String) r[4]).label(), step.isEmpty() ? "—" : step, groups.isEmpty() ? "—" : groups,
          at == null ? "" : Dates.vn(LocalDate.ofInstant(at.toInstant(), EngineClock.ZONE)), (String) r[5]));
    }
    return out;
  }

  /**
   * The open tasks (name, candidate group) of the dossiers, by business key, in one query on the engine's runtime
   * tables; a task with several candidate groups gives several pairs.
   */
  Map<String, List<String[]>> openTasks(List<Long> dossierIds) {
    Map<String, List<String[]>> tasks = new LinkedHashMap<>();
    if (dossierIds.isEmpty()) {
      return tasks;
    }
    String marks = dossierIds.stream().map(x -> "?").collect(Collectors.joining(","));
    jdbc.query("select e.BUSINESS_KEY_, t.NAME_, l.GROUP_ID_ from ACT_RU_EXECUTION e"
        + " join ACT_RU_TASK t on t.PROC_INST_ID_ = e.ID_"
        + " left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null"
        + " where e.ID_ = e.PROC_INST_ID_ and e.BUSINESS_KEY_ in (" + marks + ") order by t.NAME_, l.GROUP_ID_",
        rs -> {
          tasks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new String[] {rs.getString(2), rs.getString(3)});
        }, dossierIds.stream().map(String::valueOf).toArray());
    return tasks;
  }

  // --- targets ------------------------------------------------------------------------------------------------

  /**
   * The targets of every plan that covers this part of the tree (a plan of a body above it) or lies inside it,
   * each counted over the narrower of the two areas: units with recognitions still valid on asOf, or (titles of
   * people, households and clans) the entries of each body's latest round decided by asOf.
   */
  List<TargetRatio> targets(Scope scope, LocalDate asOf) {
    List<TargetRatio> out = new ArrayList<>();
    for (Plan plan : plans.all()) {
      String area = area(scope, plan);
      boolean unscopedAtTop = plan.scopePath() == null && scope.org() == null && scope.prefixes().isEmpty();
      if (area == null && !unscopedAtTop) {
        continue;
      }
      String areaName = area == null ? plan.issuingBody() + " (chưa có trong cây tổ chức)"
          : area.equals(plan.scopePath()) ? plan.scopeName() : nameOf(area);
      for (Plan.Target t : plan.targets()) {
        Long recognised = null;
        Long eligible = null;
        Double ratio = null;
        String basis = null;
        if (area != null && t.roundSubjects() != null) {
          long[] tally = roundTally(t, area, asOf);
          recognised = tally[2];
          eligible = tally[1];
          ratio = eligible == 0 ? null : 100.0 * recognised / eligible;
          basis = roundBasis(t.roundSubjects(), tally[0], asOf);
        } else if (area != null && t.populationKind() != null && t.measure().recognitionTitle() != null) {
          List<Object> p = new ArrayList<>();
          String cond = population(t, area, p);
          eligible = jdbc.queryForObject("select count(*) from org_unit u where " + cond, Long.class, p.toArray());
          p.add(t.measure().recognitionTitle());
          p.add(Date.valueOf(asOf));
          p.add(Date.valueOf(asOf));
          recognised = jdbc.queryForObject("select count(*) from org_unit u where " + cond + " and exists (select 1"
              + " from recognition r where r.unit_id = u.id and r.title = ? and r.decision_date <= ?"
              + " and r.valid_until >= ?)", Long.class, p.toArray());
          ratio = eligible == 0 ? null : 100.0 * recognised / eligible;
        }
        out.add(new TargetRatio(plan.name(), plan.issuingBody(), areaName, t.measure(), t.population(),
            t.targetText(), t.targetPercent(), t.targetYear(), recognised, eligible, ratio, t.note(), basis));
      }
    }
    return out;
  }

  /**
   * A title of people, households or clans over an area, in one query: every body there (restricted as
   * {@link #population} does when the target names a kind of body) contributes its latest round of that kind
   * decided by asOf — highest assessment year, then highest id, as {@code RoundService.latestRatio} chooses for
   * TC3.CT1 (rounds of one body, kind and year follow one another, so the higher id is the later decision) —
   * among the rounds with entries of the target's subjects; the decided rounds' tallies give the entries listed
   * (eligible) and recognised. Returns {bodies, eligible, recognised}.
   */
  private long[] roundTally(Plan.Target t, String area, LocalDate asOf) {
    List<Object> p = new ArrayList<>();
    String cond;
    if (t.populationKind() == null) {
      cond = "u.path like ?";
      p.add(area + "%");
    } else {
      cond = population(t, area, p);
    }
    List<String> subjects = t.roundSubjects().stream().map(Enum::name).toList();
    String in = subjects.stream().map(x -> "?").collect(Collectors.joining(", "));
    p.add(t.roundSubjects().iterator().next().kind().name());
    p.add(Date.valueOf(asOf));
    p.addAll(subjects);
    p.addAll(subjects);
    String sql = "select count(distinct l.id), coalesce(sum(t.entries), 0), coalesce(sum(t.recognised), 0) from ("
        + "select r.id, row_number() over (partition by r.org_id order by r.assessment_year desc, r.id desc) rn"
        + " from assessment_round r join org_unit u on u.id = r.org_id where " + cond + " and r.kind = ?"
        + " and r.status = 'RECOGNISED' and r.decision_date <= ?"
        + " and exists (select 1 from round_tally s where s.round_id = r.id and s.subject in (" + in + "))) l"
        + " join round_tally t on t.round_id = l.id and t.subject in (" + in + ") where l.rn = 1";
    return jdbc.queryForObject(sql, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
        p.toArray());
  }

  /** What the ratio of a round-counted target is taken over, in words for the page and the report. */
  static String roundBasis(Set<Subject> subjects, long bodies, LocalDate asOf) {
    boolean villages = subjects.stream().allMatch(s -> s.kind() == RoundKind.VILLAGE);
    String who = subjects.contains(Subject.FAMILY) ? "hộ gia đình" : subjects.contains(Subject.CLAN) ? "dòng họ"
        : "người";
    String body = villages ? "thôn, tổ dân phố" : subjects.equals(Set.of(Subject.RESIDENT)) ? "xã, phường"
        : subjects.contains(Subject.RESIDENT) ? "xã, phường, cơ quan, đơn vị" : "cơ quan, đơn vị";
    if (bodies == 0) {
      return "Chưa có " + body + " nào trong phạm vi có đợt đánh giá đã có quyết định công nhận đến ngày "
          + Dates.vn(asOf) + ".";
    }
    return "Tỷ lệ trên số " + who + " trong danh sách đánh giá của đợt gần nhất đã có quyết định (đến ngày "
        + Dates.vn(asOf) + ") của mỗi " + body + "; " + bodies + " " + body + " có đợt như vậy.";
  }

  /** The path to count a plan over in this view: the deeper of the plan's scope and the view; null if unrelated. */
  private static String area(Scope scope, Plan plan) {
    if (plan.scopePath() == null) {
      return null;
    }
    if (scope.prefixes().isEmpty()) {
      return plan.scopePath();
    }
    for (String prefix : scope.prefixes()) {
      if (plan.scopePath().startsWith(prefix)) {
        return plan.scopePath();
      }
      if (prefix.startsWith(plan.scopePath())) {
        return prefix;
      }
    }
    return null;
  }

  private static String population(Plan.Target t, String area, List<Object> p) {
    StringBuilder sql = new StringBuilder("u.path like ? and u.kind = ?");
    p.add(area + "%");
    p.add(t.populationKind());
    if (t.unitTier() != null) {
      List<String> kinds = Arrays.stream(UnitKind.values()).filter(k -> switch (t.unitTier()) {
        case "EDUCATION" -> k.educationInstitution();
        default -> k.assessmentTier().name().equals(t.unitTier());
      }).map(Enum::name).toList();
      sql.append(" and u.unit_kind in (").append(kinds.stream().map(k -> "?").collect(Collectors.joining(", ")))
          .append(')');
      p.addAll(kinds);
    }
    return sql.toString();
  }
}
