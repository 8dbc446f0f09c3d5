package vn.hoctap.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Loads a province's worth of open tasks and finished instances into the engine's own tables, fast and in the
 * engine's exact layout: the application itself runs one real chain up to each user task (and one to the end);
 * every engine row of those template instances — the title's process and the shared appraisal procedure it
 * calls — (runtime: executions, task, candidate-group link, the task's
 * authorization, variables, timer jobs; history: process, activity and task instances, plus any other ACT_HI_*
 * row at this history level) is then copied N times with one INSERT ... SELECT per template row over a table of
 * clone numbers (BENCH_CLONE). Each copy gets
 * <ul>
 *   <li>fresh ids from a block reserved in the engine's own id allocator (ACT_GE_PROPERTY next.dbid), composite
 *       activity-instance ids ("Task_X:123") included, so references between the rows stay consistent;</li>
 *   <li>its own business key (dossier id) and unit, and a district chosen round robin among {@code districts}
 *       jurisdictions (HN-TT, phonggd's, is one of them): candidate groups, task authorizations and the routing
 *       variables name that unit and district;</li>
 *   <li>its timestamps moved back by a per-copy offset (open: within the last 60 days; finished: within the last
 *       3 years), so the task list sorts by creation date over realistic data; timer due dates stay. A task's own
 *       due date (its deadline, set by the application when the template's task was created: 15/01 or 15/02 of the
 *       next year) moves back twice as far (within 120 days), so the inbox sorts by spread due dates and part of
 *       the copies of every step are overdue at the benchmark's clock (01/12/2026): about three in five of the
 *       submission steps', one in three of the reviewers' and signers'.</li>
 * </ul>
 * Domain tables (dossiers, revisions, events) are not copied: the measured queries never read them.
 */
final class ProvinceLoader {

  /** How the open tasks are spread over the chain's steps (share of all open tasks). */
  static final Map<ChainDriver.Step, Double> OPEN_SHARE = new EnumMap<>(Map.of(
      ChainDriver.Step.SELF_ASSESSMENT, 0.40, ChainDriver.Step.HEAD_REVIEW, 0.20,
      ChainDriver.Step.CHECK_COMPLETENESS, 0.15, ChainDriver.Step.APPRAISE, 0.10,
      ChainDriver.Step.SET_UP_COUNCIL, 0.03, ChainDriver.Step.COUNCIL_MINUTES, 0.02, ChainDriver.Step.DECIDE, 0.10));

  static final int CHUNK = Integer.getInteger("bench.chunk", 100_000);
  static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
  static final long BUSINESS_KEY_BASE = 1_000_000_000L;
  static final List<String> RUNTIME_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK",
      "ACT_RU_AUTHORIZATION", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_RU_INCIDENT");
  /** Timestamps that are not "when it happened" and stay as they are (a task's DUE_DATE_ moves: see above). */
  static final Set<String> FIXED_TIMES = Set.of("DUEDATE_", "LOCK_EXP_TIME_", "FOLLOW_UP_DATE_");

  record Template(String processInstanceId, Province.Unit unit, Map<String, List<Row>> rows, long lo, long hi) {
    long span() {
      return hi - lo + 1;
    }
  }

  record Row(String table, List<String> columns, List<Integer> types, List<Object> values) {
    Object get(String column) {
      int i = columns.indexOf(column);
      return i < 0 ? null : values.get(i);
    }
  }

  private final DataSource dataSource;
  private final boolean postgres;
  private final int districts;
  private final Map<ChainDriver.Step, Template> open = new EnumMap<>(ChainDriver.Step.class);
  private Template finished;
  private Set<String> finishedSkips = Set.of();
  private List<String> historyTables;
  private long nextClone;
  private long openLoaded;
  private long finishedLoaded;
  private final Map<ChainDriver.Step, Long> openByStep = new EnumMap<>(ChainDriver.Step.class);

  ProvinceLoader(DataSource dataSource, boolean postgres, int districts) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.districts = districts;
  }

  /** Runs the real chains that serve as templates: one waiting at each user task, one recognised. */
  void prepareTemplates(AppHost app, Province province) throws SQLException {
    EngineChainDriver driver = new EngineChainDriver(app.engine(), ChainBenchmark.APP_KEY,
        u -> LearningUnitForms.start(u.code()), LearningUnitForms::form)
        .withEvidence((u, key) -> LearningUnitForms.uploadEvidence(app, u, key));
    try (Connection c = dataSource.getConnection()) {
      historyTables = historyTables(c);
    }
    for (ChainDriver.Step step : ChainDriver.Step.values()) {
      Province.Unit u = province.newUnits(1, false).get(0);
      open.put(step, template(rootInstance(driver.runUntil(u, step)), u));
    }
    Province.Unit u = province.newUnits(1, false).get(0);
    finished = template(rootInstance(driver.runUntil(u, null)), u);
  }

  long openLoaded() {
    return openLoaded;
  }

  long finishedLoaded() {
    return finishedLoaded;
  }

  Map<ChainDriver.Step, Long> openByStep() {
    return openByStep;
  }

  /** Adds open instances (one open task each) until the database holds {@code total} loaded open tasks. */
  void loadOpenUpTo(long total) throws SQLException {
    long add = total - openLoaded;
    if (add <= 0) {
      return;
    }
    Map<ChainDriver.Step, Long> counts = new EnumMap<>(ChainDriver.Step.class);
    long assigned = 0;
    ChainDriver.Step[] steps = ChainDriver.Step.values();
    for (ChainDriver.Step step : steps) {
      long n = step == steps[steps.length - 1] ? add - assigned : Math.round(add * OPEN_SHARE.get(step));
      counts.put(step, n);
      assigned += n;
    }
    for (ChainDriver.Step step : steps) {
      clone(open.get(step), counts.get(step), 60L * 24 * 3600);
      openByStep.merge(step, counts.get(step), Long::sum);
    }
    openLoaded = total;
  }

  /** Adds finished (recognised) instances to the history until it holds {@code total} loaded ones. */
  void loadFinishedUpTo(long total) throws SQLException {
    long add = total - finishedLoaded;
    if (add > 0) {
      Template t = finished;
      if (!finishedSkips.isEmpty()) {
        Map<String, List<Row>> rows = new LinkedHashMap<>(t.rows());
        rows.keySet().removeAll(finishedSkips);
        t = new Template(t.processInstanceId(), t.unit(), rows, t.lo(), t.hi());
      }
      clone(t, add, 3L * 365 * 24 * 3600);
      finishedLoaded = total;
    }
  }

  /**
   * History tables left out of the finished instances' copies. H2 in file mode (the application's embedded
   * default, 64 MB cache) copies ACT_HI_ACTINST at ~5,000 rows/s and ACT_HI_TASKINST ever slower as it grows
   * (100,000 instances' task history in 43 s, the next 100,000 in 95 s), with the file growing by gigabytes; a
   * province's 22,000,000 activity and 5,000,000 task instances are out of its reach. No measured query reads
   * them: on H2 the finished instances are ACT_HI_PROCINST rows only.
   */
  ProvinceLoader skipFinishedHistory(Set<String> tables) {
    finishedSkips = Set.copyOf(tables);
    return this;
  }

  Set<String> finishedSkips() {
    return finishedSkips;
  }

  /** Fresh planner statistics after a bulk load, as autovacuum / a DBA would have them. */
  void analyze() throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
    if (VERBOSE) {
      System.out.printf("[load] analyze in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
  }

  // --- templates ---------------------------------------------------------------------------------------------

  private String rootInstance(String businessKey) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ? and SUPER_PROCESS_INSTANCE_ID_ is null")) {
      ps.setString(1, businessKey);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private Template template(String pi, Province.Unit unit) throws SQLException {
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    try (Connection c = dataSource.getConnection()) {
      // the chain's instance and the instances it called (the shared appraisal procedure)
      String tree = "select ID_ from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ = ?";
      List<String> tables = new ArrayList<>(RUNTIME_TABLES);
      tables.addAll(historyTables);
      for (String table : tables) {
        String where = switch (table) {
          case "ACT_RU_IDENTITYLINK" -> "TASK_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ in (" + tree
              + "))";
          case "ACT_RU_AUTHORIZATION" -> "RESOURCE_TYPE_ = 7 and RESOURCE_ID_ in (select ID_ from ACT_RU_TASK where"
              + " PROC_INST_ID_ in (" + tree + "))";
          case "ACT_RU_JOB" -> "PROCESS_INSTANCE_ID_ in (" + tree + ")";
          default -> (hasColumn(c, table, "PROC_INST_ID_") ? "PROC_INST_ID_" : "PROCESS_INSTANCE_ID_") + " in ("
              + tree + ")";
        };
        // executions in the order they were created: parents before children (foreign keys)
        String order = table.equals("ACT_RU_EXECUTION") ? " order by length(ID_), ID_" : "";
        List<Row> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from " + table + " where " + where + order)) {
          ps.setString(1, pi);
          try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
              List<String> cols = new ArrayList<>();
              List<Integer> types = new ArrayList<>();
              List<Object> vals = new ArrayList<>();
              for (int i = 1; i <= md.getColumnCount(); i++) {
                cols.add(md.getColumnName(i).toUpperCase());
                types.add(md.getColumnType(i));
                vals.add(rs.getObject(i));
              }
              Row r = new Row(table, cols, types, vals);
              Object id = r.get("ID_");
              Long n = id == null ? null : number(id.toString());
              if (n != null && table.startsWith("ACT_RU")) {
                lo = Math.min(lo, n);
                hi = Math.max(hi, n);
              }
              list.add(r);
            }
          }
        }
        if (!list.isEmpty()) {
          rows.put(table, list);
        }
      }
      // every id the instance created lies between the instance's first id and the largest id referenced
      lo = Math.min(lo, Long.parseLong(pi));
      for (List<Row> list : rows.values()) {
        for (Row r : list) {
          for (int i = 0; i < r.columns().size(); i++) {
            if (idColumn(r.columns().get(i)) && r.values().get(i) != null) {
              Long n = number(r.values().get(i).toString());
              if (n != null && n >= lo) {
                hi = Math.max(hi, n);
              }
            }
          }
        }
      }
      for (Row r : rows.getOrDefault("ACT_RU_VARIABLE", List.of())) {
        if (r.get("BYTEARRAY_ID_") != null) {
          throw new IllegalStateException("template variable " + r.get("NAME_") + " keeps its value in"
              + " ACT_GE_BYTEARRAY: the loader would have to copy it too");
        }
      }
    }
    return new Template(pi, unit, rows, lo, hi);
  }

  private List<String> historyTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    DatabaseMetaData md = c.getMetaData();
    try (ResultSet rs = md.getTables(null, null, postgres ? "act_hi_%" : "ACT_HI_%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String t = rs.getString("TABLE_NAME").toUpperCase();
        if (hasColumn(c, t, "PROC_INST_ID_") || hasColumn(c, t, "PROCESS_INSTANCE_ID_")) {
          tables.add(t);
        }
      }
    }
    // process instances first (nothing refers to them by foreign key, but it reads better in a SQL log)
    tables.sort((a, b) -> a.equals("ACT_HI_PROCINST") ? -1 : b.equals("ACT_HI_PROCINST") ? 1 : a.compareTo(b));
    return tables;
  }

  private boolean hasColumn(Connection c, String table, String column) throws SQLException {
    String t = postgres ? table.toLowerCase() : table;
    String col = postgres ? column.toLowerCase() : column;
    try (ResultSet rs = c.getMetaData().getColumns(null, null, t, col)) {
      return rs.next();
    }
  }

  static boolean idColumn(String column) {
    return column.equals("ID_") || column.endsWith("_ID_") || column.equals("VAR_SCOPE_")
        || column.equals("SUPER_EXEC_");
  }

  static Long number(String s) {
    String n = s.contains(":") ? s.substring(s.lastIndexOf(':') + 1) : s;
    if (n.isEmpty() || n.length() > 18) {
      return null;
    }
    for (int i = 0; i < n.length(); i++) {
      if (!Character.isDigit(n.charAt(i))) {
        return null;
      }
    }
    return Long.parseLong(n);
  }

  // --- cloning -----------------------------------------------------------------------------------------------

  private void clone(Template t, long count, long spreadSeconds) throws SQLException {
    if (count <= 0) {
      return;
    }
    long first = nextClone;
    nextClone += count;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      fillClones(c, first, count, spreadSeconds);
      long base = reserveIds(c, count * t.span());
      for (long from = 0; from < count; from += CHUNK) {
        long to = Math.min(count, from + CHUNK);
        for (List<Row> rows : t.rows().values()) {
          long t0 = System.nanoTime();
          for (Row r : rows) {
            insertCopies(c, t, r, base, first, from, to);
          }
          if (VERBOSE) {
            System.out.printf("[load] %s: %d rows x %d copies in %.1f s%n", rows.get(0).table(), rows.size(),
                to - from, (System.nanoTime() - t0) / 1e9);
          }
        }
      }
    }
  }

  /**
   * Clone k (0-based within this call) of template row r: its ids become base + k * span + (id - lo); its unit,
   * district and dossier come from BENCH_CLONE row first + k.
   */
  private void insertCopies(Connection c, Template t, Row r, long base, long first, long from, long to)
      throws SQLException {
    List<String> exprs = new ArrayList<>();
    List<Object[]> params = new ArrayList<>(); // {value, sqlType}
    Map<String, String> groups = Map.of(t.unit().teamGroup(), "C.TEAM_G", t.unit().headGroup(), "C.HEAD_G",
        t.unit().district().reviewerGroup(), "C.REVIEWER_G", t.unit().district().signerGroup(), "C.SIGNER_G");
    String k = "(C.I - " + first + ")";
    boolean dossierVariable = "dossierId".equals(r.get("NAME_"));
    for (int i = 0; i < r.columns().size(); i++) {
      String col = r.columns().get(i);
      Object v = r.values().get(i);
      int type = r.types().get(i);
      if (v == null) {
        exprs.add("null");
      } else if (col.equals("BUSINESS_KEY_")) {
        exprs.add("C.BKEY");
      } else if (dossierVariable && col.equals("LONG_")) {
        exprs.add("C.BKEY_NUM");
      } else if (dossierVariable && col.equals("TEXT_")) {
        exprs.add("C.BKEY");
      } else if (v instanceof String s && groups.containsKey(s)) {
        exprs.add(groups.get(s));
      } else if (v instanceof String s && idColumn(col) && inRange(t, s)) {
        long n = number(s);
        String num = "cast(" + (base + n - t.lo()) + " + " + k + " * " + t.span() + " as varchar(64))";
        exprs.add(s.contains(":") ? "'" + s.substring(0, s.lastIndexOf(':') + 1).replace("'", "''") + "' || " + num
            : num);
      } else if (v instanceof Timestamp ts && !FIXED_TIMES.contains(col)) {
        // a task's due date moves back twice as far: a third of the reviewers' tasks are then overdue too
        String shift = col.equals("DUE_DATE_") ? "2 * C.SHIFT_S" : "C.SHIFT_S";
        params.add(new Object[] {ts, Types.TIMESTAMP});
        exprs.add(postgres ? "cast(? as timestamp) - " + shift + " * interval '1 second'"
            : "dateadd(second, -" + shift + ", cast(? as timestamp))");
      } else {
        params.add(new Object[] {v, type});
        exprs.add(postgres ? "cast(? as " + pgType(type) + ")" : "?");
      }
    }
    String sql = "insert into " + r.table() + " (" + String.join(", ", r.columns()) + ") select "
        + String.join(", ", exprs) + " from BENCH_CLONE C where C.I >= ? and C.I < ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int p = 1;
      for (Object[] param : params) {
        ps.setObject(p++, param[0], (int) param[1]);
      }
      ps.setLong(p++, first + from);
      ps.setLong(p, first + to);
      ps.executeUpdate();
    }
  }

  private static String pgType(int sqlType) {
    return switch (sqlType) {
      case Types.INTEGER, Types.SMALLINT -> "integer";
      case Types.BIGINT -> "bigint";
      case Types.BOOLEAN, Types.BIT -> "boolean";
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> "double precision";
      case Types.NUMERIC, Types.DECIMAL -> "numeric";
      case Types.TIMESTAMP -> "timestamp";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> "bytea";
      default -> "varchar";
    };
  }

  private static boolean inRange(Template t, String s) {
    Long n = number(s);
    return n != null && n >= t.lo() && n <= t.hi();
  }

  /** Reserves a block of ids in the engine's allocator, as its DbIdGenerator does (optimistic lock on REV_). */
  private static long reserveIds(Connection c, long count) throws SQLException {
    for (;;) {
      long value;
      int rev;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select VALUE_, REV_ from ACT_GE_PROPERTY where NAME_ = 'next.dbid'")) {
        rs.next();
        value = Long.parseLong(rs.getString(1));
        rev = rs.getInt(2);
      }
      long base = value + 1000; // clear of the block the running engine has taken
      try (PreparedStatement ps = c.prepareStatement(
          "update ACT_GE_PROPERTY set VALUE_ = ?, REV_ = ? where NAME_ = 'next.dbid' and REV_ = ?")) {
        ps.setString(1, String.valueOf(base + count + 1000));
        ps.setInt(2, rev + 1);
        ps.setInt(3, rev);
        if (ps.executeUpdate() == 1) {
          return base;
        }
      }
    }
  }

  /**
   * BENCH_CLONE rows [first, first + count): business key, unit, district groups and time offset of each copy.
   * Units are new codes per copy; districts are HN-TT (phonggd's) and districts - 1 others, round robin.
   */
  private void fillClones(Connection c, long first, long count, long spreadSeconds) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("create table if not exists BENCH_CLONE (I bigint primary key, BKEY varchar(64), BKEY_NUM bigint,"
          + " TEAM_G varchar(100), HEAD_G varchar(100), REVIEWER_G varchar(100), SIGNER_G varchar(100),"
          + " SHIFT_S bigint)");
      String series = postgres ? "generate_series(" + first + ", " + (first + count - 1) + ") as G(X)"
          : "system_range(" + first + ", " + (first + count - 1) + ") G";
      String district = "case when mod(G.X, " + districts + ") = 0 then 'HN-TT' else 'HN-L' || cast(mod(G.X, "
          + districts + ") as varchar(10)) end";
      String unit = district + " || '-U' || cast(G.X as varchar(20))";
      // a spread that is not ordered like the ids: creation order and id order differ, as in real life
      String shift = "mod(cast(G.X as bigint) * 7919, " + spreadSeconds + ")";
      s.executeUpdate("insert into BENCH_CLONE select G.X, cast(" + BUSINESS_KEY_BASE + " + G.X as varchar(64)), "
          + "cast(" + BUSINESS_KEY_BASE + " + G.X as bigint), 'team-' || " + unit + ", 'head-' || " + unit + ", 'reviewer-' || "
          + district + ", 'signer-' || " + district + ", " + shift + " from " + series);
    }
  }

  /** The helper table goes once the loading is done. */
  void dropHelper() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("drop table if exists BENCH_CLONE");
    }
  }
}
