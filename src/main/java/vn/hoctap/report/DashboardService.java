package vn.hoctap.report;

import static vn.hoctap.document.RecognitionDocuments.titleLabel;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.org.UnitKind;
import vn.hoctap.recognition.RecognitionService;
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
    // the rows below the view's organisation (or the roots, for an administrator's top level) come from the same
    // grouped query as the totals; the bodies of a user with several roles, anywhere in the tree, from their own
    String childParent = org != null ? org.path() : user.admin() ? "/" : null;
    // every year in one pass, even for a year's view: the years to choose from come from the same rows
    List<FigureRow> rows = figureRows(scope, null, childParent);
    DossierFigures figures = DossierFigures.of(rows, year);
    List<Integer> years = rows.stream().map(FigureRow::year).distinct().sorted(Comparator.reverseOrder()).toList();
    return new Dashboard(org, crumbs, year, years, children(scope, user, year, figures), byTitleYear(figures.counts()),
        Arrays.stream(DossierStatus.values()).map(DossierStatus::label).toList(), openSteps(scope, year),
        dossierRows(scope, year, true, OVERDUE_ROWS), dossierRows(scope, year, false, OPEN_ROWS),
        targets(scope, clock.today()), totals(figures));
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
    return yearly(scope(user, orgCode), year);
  }

  /**
   * The yearly report of a body as the system produces it for that body's own reporting task (the task's
   * candidate groups are the body's: no user's jurisdiction to check here).
   */
  @Transactional(readOnly = true)
  YearlyReport yearlyOfBody(String orgCode, int year) {
    Org org = find(orgCode).orElseThrow(() -> DomainException.notFound("Không có đơn vị " + orgCode + "."));
    return yearly(new Scope(org, List.of(org.path())), year);
  }

  private YearlyReport yearly(Scope scope, int year) {
    LocalDate today = clock.today();
    LocalDate endOfYear = LocalDate.of(year, 12, 31);
    LocalDate asOf = endOfYear.isBefore(today) ? endOfYear : today;
    List<Object> p = new ArrayList<>();
    String sql = "select r.title, r.level, count(distinct r.unit_id) from recognition r"
        + " join org_unit u on u.id = r.unit_id where " + PathPrefix.like("u.path") + " and r.assessment_year = ?"
        + " and " + RecognitionService.notRevoked("r")
        + " group by r.title, r.level order by r.title, r.level";
    p.add(PathPrefix.pattern(scope.org().path()));
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
    DossierFigures figures = DossierFigures.of(figureRows(scope, year, null), year);
    return new YearlyReport(scope.org(), year, asOf, today, totals(figures),
        Arrays.stream(DossierStatus.values()).map(DossierStatus::label).toList(),
        byTitleYear(figures.counts()), recognised, targets(scope, asOf), dues);
  }

  private Optional<Org> find(String code) {
    return jdbc.query("select code, name, kind, path from org_unit where code = ?", ORG, code).stream().findFirst();
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
        sql.append(i == 0 ? "" : " or ").append(PathPrefix.like(unitAlias + ".path"));
        params.add(PathPrefix.pattern(scope.prefixes().get(i)));
      }
      sql.append(')');
    }
    if (year != null) {
      sql.append(" and d.assessment_year = ?");
      params.add(year);
    }
    return sql.toString();
  }

  /** Dossiers of one title, year and status, and how many of them are open. */
  record StatusCount(String title, int year, DossierStatus status, long dossiers, long open) {}

  /**
   * The dossiers of a view: per title, year and status; per organisation one level below childParent (its path;
   * counts: dossiers, open, returned, recognised), when given; and how many open ones are overdue.
   */
  record DossierFigures(List<StatusCount> counts, Map<String, long[]> byChild, long overdue) {

    /** The figures of the rows of one year, or of every row when year is null. */
    static DossierFigures of(List<FigureRow> rows, Integer year) {
      Map<StatusCount, long[]> counts = new LinkedHashMap<>(); // keyed by title, year and status (counts 0)
      Map<String, long[]> byChild = new LinkedHashMap<>();
      long overdue = 0;
      for (FigureRow r : rows) {
        if (year != null && r.year() != year) {
          continue;
        }
        long[] c = counts.computeIfAbsent(new StatusCount(r.title(), r.year(), r.status(), 0, 0), k -> new long[2]);
        c[0] += r.dossiers();
        c[1] += r.open();
        long[] row = byChild.computeIfAbsent(r.child(), k -> new long[4]);
        row[0] += r.dossiers();
        row[1] += r.open();
        row[2] += r.status() == DossierStatus.RETURNED ? r.dossiers() : 0;
        row[3] += r.status() == DossierStatus.RECOGNISED ? r.dossiers() : 0;
        overdue += r.overdue();
      }
      List<StatusCount> list = new ArrayList<>();
      counts.forEach((k, c) -> list.add(new StatusCount(k.title(), k.year(), k.status(), c[0], c[1])));
      return new DossierFigures(list, byChild, overdue);
    }
  }

  /** One group of the view's dossiers: organisation below the view's, title, year, status; how many, open, overdue. */
  record FigureRow(String child, String title, int year, DossierStatus status, long dossiers, long open,
      long overdue) {}

  /**
   * One grouped query over the view's dossiers (of one year, or of all when year is null). Each dossier goes to the
   * organisation below childParent whose path begins its unit's path: childParent's path plus the next code, cut
   * from the unit's path (then looked up by equality, instead of matching every unit against every child's path).
   * Overdue: open and escalated by the deadline timer.
   */
  private List<FigureRow> figureRows(Scope scope, Integer year, String childParent) {
    List<Object> p = new ArrayList<>();
    String child = "cast('' as varchar(1000))";
    if (childParent != null) {
      child = "substring(u.path from 1 for ? + position('/' in substring(u.path from ?)))";
      p.add(childParent.length());
      p.add(childParent.length() + 1);
    }
    String sql = "select y.child, y.title, y.assessment_year, y.status, count(*), sum(y.is_open), sum(y.escalated)"
        + " from (select " + child + " child, d.title, d.assessment_year, d.status,"
        + " case when d.open_key is not null then 1 else 0 end is_open,"
        + " case when d.open_key is not null and d.id in (" + ESCALATED + ") then 1 else 0 end escalated"
        + " from dossier d join org_unit u on u.id = d.unit_id" + where(scope, year, p, "u")
        + ") y group by y.child, y.title, y.assessment_year, y.status";
    return jdbc.query(sql, (rs, i) -> new FigureRow(rs.getString(1), rs.getString(2), rs.getInt(3),
        DossierStatus.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7)), p.toArray());
  }

  private static Totals totals(DossierFigures figures) {
    long dossiers = 0;
    long open = 0;
    long returned = 0;
    long recognised = 0;
    for (StatusCount c : figures.counts()) {
      dossiers += c.dossiers();
      open += c.open();
      returned += c.status() == DossierStatus.RETURNED ? c.dossiers() : 0;
      recognised += c.status() == DossierStatus.RECOGNISED ? c.dossiers() : 0;
    }
    return new Totals(dossiers, open, returned, recognised, figures.overdue());
  }

  /**
   * The organisations one level down (or the roots), each with its subtree's dossiers from the figures; for a user
   * without a chosen organisation, the bodies they work for, each with its subtree (one grouped query).
   */
  private List<ChildRow> children(Scope scope, CurrentUser user, Integer year, DossierFigures figures) {
    if (scope.org() != null || user.admin()) {
      List<Org> orgs = scope.org() != null
          ? jdbc.query("select code, name, kind, path from org_unit where parent_id = (select id from org_unit"
              + " where code = ?) order by kind, name", ORG, scope.org().code())
          : jdbc.query("select code, name, kind, path from org_unit where parent_id is null order by kind, name", ORG);
      return orgs.stream().map(o -> {
        long[] c = figures.byChild().getOrDefault(o.path(), new long[4]);
        return new ChildRow(o, c[0], c[1], c[2], c[3]);
      }).toList();
    }
    if (scope.prefixes().size() == 1) { // the one body: everything the figures counted
      long[] c = figures.byChild().getOrDefault("", new long[4]);
      String[] codes = scope.prefixes().get(0).substring(1).split("/");
      return find(codes[codes.length - 1]).map(o -> List.of(new ChildRow(o, c[0], c[1], c[2], c[3])))
          .orElse(List.of());
    }
    List<Object> p = new ArrayList<>();
    String yearCond = year == null ? "" : " and d.assessment_year = ?";
    if (year != null) {
      p.add(year); // the join condition comes before the where clause
    }
    p.addAll(scope.prefixes());
    String sql = "select c.code, c.name, c.kind, c.path, count(d.id),"
        + " sum(case when d.open_key is not null then 1 else 0 end),"
        + " sum(case when d.status = 'RETURNED' then 1 else 0 end),"
        + " sum(case when d.status = 'RECOGNISED' then 1 else 0 end)"
        + " from org_unit c left join org_unit u on " + PathPrefix.startsWithColumn("u.path", "c.path")
        + " left join dossier d on d.unit_id = u.id" + yearCond + " where c.path in ("
        + scope.prefixes().stream().map(x -> "?").collect(Collectors.joining(", ")) + ")"
        + " group by c.code, c.name, c.kind, c.path order by c.kind, c.name";
    return jdbc.query(sql, (rs, i) -> new ChildRow(ORG.mapRow(rs, i), rs.getLong(5), rs.getLong(6), rs.getLong(7),
        rs.getLong(8)), p.toArray());
  }

  /**
   * The dossiers escalated by their deadline timer (an ESCALATED event), as a subquery for "d.id in (…)": read once
   * per query through index ix_dossier_event_action (a correlated EXISTS per dossier made H2 probe every row).
   */
  private static final String ESCALATED = "select dossier_id from dossier_event where action = 'ESCALATED'";

  private static final org.springframework.jdbc.core.RowMapper<Org> ORG = (rs, i) -> new Org(rs.getString(1),
      rs.getString(2), OrgKind.valueOf(rs.getString(3)).label(), rs.getString(4));

  /** Newest year first, then by title; one count per status in DossierStatus order. */
  private static List<StatusRow> byTitleYear(List<StatusCount> counts) {
    Map<String, long[]> cells = new LinkedHashMap<>();
    DossierStatus[] statuses = DossierStatus.values();
    for (StatusCount c : counts.stream().sorted(Comparator.comparingInt(StatusCount::year).reversed()
        .thenComparing(StatusCount::title)).toList()) {
      cells.computeIfAbsent(c.title() + "|" + c.year(), k -> new long[statuses.length])[c.status().ordinal()]
          = c.dossiers();
    }
    List<StatusRow> rows = new ArrayList<>();
    cells.forEach((key, values) -> {
      String[] k = key.split("\\|");
      List<Long> list = Arrays.stream(values).boxed().toList();
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
    String sql = "select d.id, d.title, u.name, d.assessment_year, d.status, d.process_instance_id"
        + " from dossier d join org_unit u on u.id = d.unit_id" + where(scope, year, p, "u")
        + " and d.open_key is not null" + (overdueOnly ? " and d.id in (" + ESCALATED + ") order by d.id"
        : " order by d.updated_at desc")
        // in the SQL, not only as the driver's maximum: the database then sorts for the first rows only
        + " limit ?";
    p.add(limit);
    List<Object[]> rows = jdbc.query(sql, (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getInt(4), rs.getString(5), rs.getString(6), null}, p.toArray());
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
    // when each listed dossier was escalated, for these rows only
    Map<Long, java.sql.Timestamp> escalated = new java.util.HashMap<>();
    jdbc.query("select dossier_id, max(occurred_at) from dossier_event where action = 'ESCALATED' and dossier_id in ("
        + ids.stream().map(x -> "?").collect(Collectors.joining(",")) + ") group by dossier_id",
        rs -> {
          escalated.put(rs.getLong(1), rs.getTimestamp(2));
        }, ids.toArray());
    rows.forEach(r -> r[6] = escalated.get((Long) r[0]));
    Map<String, List<String[]>> tasks = openTasks(ids);
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
   * people, households and clans) the entries of each body's latest round decided by asOf. One grouped query per
   * area serves every unit target there, one per area and kind of round every round target.
   */
  List<TargetRatio> targets(Scope scope, LocalDate asOf) {
    List<TargetRatio> out = new ArrayList<>();
    Map<String, Map<List<String>, long[]>> unitsByArea = new LinkedHashMap<>();
    Map<String, Map<List<Object>, long[]>> roundsByArea = new LinkedHashMap<>();
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
          RoundKind kind = t.roundSubjects().iterator().next().kind();
          List<Subject> subjects = subjectsOf(kind);
          Set<String> kinds = t.unitTier() == null ? null : new java.util.HashSet<>(tierKinds(t.unitTier()));
          long mask = 0;
          for (Subject subject : t.roundSubjects()) {
            mask |= 1L << subjects.indexOf(subject);
          }
          long bodies = 0;
          eligible = 0L;
          recognised = 0L;
          for (Map.Entry<List<Object>, long[]> e : roundsByArea.computeIfAbsent(area + "|" + kind,
              a -> rounds(area, kind, asOf)).entrySet()) {
            List<Object> k = e.getKey();
            long[] v = e.getValue();
            if ((t.populationKind() != null && !t.populationKind().equals(k.get(0)))
                || (kinds != null && !kinds.contains((String) k.get(1))) || ((Long) k.get(2) & mask) == 0) {
              continue;
            }
            bodies += v[0];
            for (Subject subject : t.roundSubjects()) {
              eligible += v[1 + 2 * subjects.indexOf(subject)];
              recognised += v[2 + 2 * subjects.indexOf(subject)];
            }
          }
          ratio = eligible == 0 ? null : 100.0 * recognised / eligible;
          basis = roundBasis(t.roundSubjects(), bodies, asOf);
        } else if (area != null && t.populationKind() != null && t.measure().recognitionTitle() != null) {
          int title = TITLES.indexOf(t.measure().recognitionTitle());
          Set<String> kinds = t.unitTier() == null ? null : new java.util.HashSet<>(tierKinds(t.unitTier()));
          eligible = 0L;
          recognised = 0L;
          for (Map.Entry<List<String>, long[]> e : unitsByArea.computeIfAbsent(area, a -> units(a, asOf))
              .entrySet()) {
            if (e.getKey().get(0).equals(t.populationKind()) && (kinds == null || kinds.contains(e.getKey().get(1)))) {
              eligible += e.getValue()[0];
              recognised += e.getValue()[1 + title];
            }
          }
          ratio = eligible == 0 ? null : 100.0 * recognised / eligible;
        }
        out.add(new TargetRatio(plan.name(), plan.issuingBody(), areaName, t.measure(), t.population(),
            t.targetText(), t.targetPercent(), t.targetYear(), recognised, eligible, ratio, t.note(), basis));
      }
    }
    return out;
  }

  /** The subjects of a kind of round, in enum order: subject i is bit 1 &lt;&lt; i of a body's mask. */
  private static List<Subject> subjectsOf(RoundKind kind) {
    return Arrays.stream(Subject.values()).filter(x -> x.kind() == kind).toList();
  }

  /**
   * The decided rounds of one kind over an area, read once for every target counted from them. For each
   * body and each subject (population) it lists, the body's latest round listing that subject that was decided by
   * asOf — highest assessment year, then highest id, the order {@code RoundService.latestRatio} reads for TC3.CT1
   * (a body's rounds of one kind and year follow one another: the higher id is the later decision) — gives the
   * people (households, clans) listed and recognised, from round_tally. So a later round replaces an earlier one,
   * and a body that assesses its staff and its learners in separate rounds keeps both lists. Returned per kind of
   * body, unit kind and mask of the subjects the body has (bit i: subjectsOf(kind).get(i)):
   * [bodies, listed and recognised of subject 0, listed and recognised of subject 1, …].
   */
  private Map<List<Object>, long[]> rounds(String area, RoundKind kind, LocalDate asOf) {
    List<Subject> subjects = subjectsOf(kind);
    List<String> names = subjects.stream().map(Subject::name).toList();
    // One pass over the area's decided tally rows; the latest round per body and subject, the bodies' masks and the
    // sums are made here rather than in SQL: a window and two grouped levels over every row of a province took
    // 4 × the plain join on H2 (docs/benchmarks.md, "Province dashboard").
    Map<BodySubject, TallyRow> latest = new HashMap<>(); // the tally of each body's latest round per subject
    jdbc.query("select r.org_id, t.subject, r.assessment_year, r.id, u.kind, u.unit_kind, t.entries, t.recognised"
        + " from assessment_round r join org_unit u on u.id = r.org_id join round_tally t on t.round_id = r.id"
        + " where " + PathPrefix.like("u.path") + " and r.kind = ? and r.status = 'RECOGNISED'"
        + " and r.decision_date <= ?", rs -> {
          TallyRow row = new TallyRow(rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getLong(7),
              rs.getLong(8));
          latest.merge(new BodySubject(rs.getLong(1), rs.getString(2)), row,
              (old, now) -> now.laterThan(old) ? now : old);
        }, PathPrefix.pattern(area), kind.name(), Date.valueOf(asOf));
    // per body: its kinds, and {mask of the subjects it has, entries and recognised per subject}
    Map<Long, BodyTally> perBody = new HashMap<>();
    latest.forEach((key, row) -> {
      long[] v = perBody.computeIfAbsent(key.org(), o -> new BodyTally(row.kind(), row.unitKind(),
          new long[1 + 2 * subjects.size()])).values();
      int i = names.indexOf(key.subject());
      if (i >= 0) {
        v[0] |= 1L << i;
        v[1 + 2 * i] += row.entries();
        v[2 + 2 * i] += row.recognised();
      }
    });
    // summed per [kind, unit kind, mask]: {bodies, entries and recognised per subject}
    Map<List<Object>, long[]> out = new LinkedHashMap<>();
    for (BodyTally b : perBody.values()) {
      long[] sum = out.computeIfAbsent(Arrays.asList(b.kind(), b.unitKind(), b.values()[0]),
          k -> new long[b.values().length]);
      sum[0]++;
      for (int i = 1; i < sum.length; i++) {
        sum[i] += b.values()[i];
      }
    }
    return out;
  }

  private record BodySubject(long org, String subject) {}

  private record BodyTally(String kind, String unitKind, long[] values) {}

  /** One round_tally row with its round's order and its body's kinds. */
  private record TallyRow(int year, long roundId, String kind, String unitKind, long entries, long recognised) {
    /** A later round: higher assessment year, then higher id. */
    boolean laterThan(TallyRow other) {
      return year != other.year ? year > other.year : roundId > other.roundId;
    }
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
        + Dates.vn(asOf) + ") của mỗi " + body + (subjects.size() > 1 ? " (mỗi đối tượng theo đợt gần nhất có đối"
        + " tượng đó)" : "") + "; " + bodies + " " + body + " có đợt như vậy.";
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

  /** The recognition titles unit targets count (Measure.recognitionTitle), in a fixed order. */
  private static final List<String> TITLES = Arrays.stream(Measure.values()).map(Measure::recognitionTitle)
      .filter(java.util.Objects::nonNull).distinct().toList();

  /**
   * The organisation units of an area by kind and unit kind ([kind, unit kind or null] →
   * [units, holding TITLES[0] on asOf, holding TITLES[1] …]), in one grouped query for every unit target of the
   * area: a unit holds a title when one of its recognitions of that title is decided and still valid on asOf. Units
   * dissolved by a reorganisation are not counted; their successor counts a recognition an administrator mapped to it
   * (RecognitionService.HELD).
   */
  private Map<List<String>, long[]> units(String area, LocalDate asOf) {
    List<Object> p = new ArrayList<>();
    StringBuilder sums = new StringBuilder();
    for (String title : TITLES) {
      sums.append(", sum(case when u.id in (select holder_id from " + RecognitionService.HELD + " h where h.title = ?"
          + " and h.decision_date <= ? and h.valid_until >= ?) then 1 else 0 end)");
      p.add(title);
      p.add(Date.valueOf(asOf));
      p.add(Date.valueOf(asOf));
    }
    p.add(PathPrefix.pattern(area));
    String sql = "select u.kind, u.unit_kind, count(*)" + sums + " from org_unit u where " + PathPrefix.like("u.path")
        + " and u.dissolved_at is null group by u.kind, u.unit_kind";
    Map<List<String>, long[]> out = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      long[] v = new long[1 + TITLES.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = rs.getLong(3 + i);
      }
      out.put(Arrays.asList(rs.getString(1), rs.getString(2)), v);
    }, p.toArray());
    return out;
  }

  /** Unit kinds of a target's tier: EDUCATION (education institutions), or the tier that assesses them. */
  private static List<String> tierKinds(String unitTier) {
    return Arrays.stream(UnitKind.values()).filter(k -> switch (unitTier) {
      case "EDUCATION" -> k.educationInstitution();
      default -> k.assessmentTier().name().equals(unitTier);
    }).map(Enum::name).toList();
  }
}
