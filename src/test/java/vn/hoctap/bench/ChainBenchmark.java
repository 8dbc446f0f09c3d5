package vn.hoctap.bench;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Item 1: complete learning-unit chains per second, (a) on the bare engine with the same shape (the limit), (b)
 * through the application's services, (c) through the HTTP API, (d) through the services with the province's
 * open tasks and history loaded. The bare engine runs next to the application on a database of its own, and each
 * of (b)-(d) is measured in alternating blocks with a run of bare chains ({@link ChainRunner#alternate}): its
 * ratio compares two rates taken over the same minutes of the same machine.
 */
final class ChainBenchmark implements AutoCloseable {

  static final String ITEM = "1. chain throughput";
  static final String TARGET_RATIO = "≥ 0.8 × bare";
  static final String APP_KEY = "learning-unit-recognition";
  /** Blocks each side's measured chains are split into. */
  static final int BLOCKS = 10;

  private final BenchSettings s;
  private final Report report;
  private final String db;
  private BareEngine bare;
  private EngineChainDriver bareDriver;
  private int bareUnits;
  private boolean bareCounted;

  ChainBenchmark(BenchSettings s, Report report, String db) {
    this.s = s;
    this.report = report;
    this.db = db;
  }

  /** Starts the bare engine on an empty database of its own; it stays up until {@link #close()}. */
  void startBare(BenchDatabase database) {
    database.recreateBare();
    bare = new BareEngine(database);
    bareDriver = new EngineChainDriver(bare.engine, BareEngine.KEY, BareEngine::startVariables,
        BareEngine::stepVariables).withBusinessKeyAtStart();
  }

  @Override
  public void close() {
    if (bare != null) {
      bare.close();
      bare = null;
    }
  }

  /** Units that exist only as group names, numbered on from the last call: the bare engine has no tree. */
  private List<Province.Unit> syntheticUnits(int n) {
    List<Province.District> districts = new java.util.ArrayList<>();
    for (int i = 0; i < s.districts(); i++) {
      String code = i == 0 ? Province.DEMO_DISTRICT : String.format("HN-Q%02d", i);
      districts.add(new Province.District(code, "pgd." + code.toLowerCase(), "ct." + code.toLowerCase()));
    }
    List<Province.Unit> units = new java.util.ArrayList<>();
    for (int k = 0; k < n; k++) {
      int i = ++bareUnits;
      Province.District d = districts.get(i % districts.size());
      String code = d.code() + "-B" + i;
      units.add(new Province.Unit(code, d, "t." + code.toLowerCase(), "h." + code.toLowerCase()));
    }
    return units;
  }

  /**
   * Chains through the application's services, alternating with bare chains; {@code bareMeasured} is about
   * twice {@code measured}, so that both sides run for a similar time.
   */
  void appVsBare(AppHost app, Province province, String label, int warmup, int measured, int bareWarmup,
      int bareMeasured) throws Exception {
    EngineChainDriver driver = new EngineChainDriver(app.engine(), APP_KEY, u -> LearningUnitForms.start(u.code()),
        LearningUnitForms::form).withEvidence((u, key) -> LearningUnitForms.uploadEvidence(app, u, key));
    compare(app, label, driver, province.newUnits(warmup + measured, false), warmup, measured, bareWarmup,
        bareMeasured);
    if (!bareCounted) {
      bareCounted = true;
      Province.Unit bareUnit = syntheticUnits(1).get(0);
      Province.Unit appUnit = province.newUnits(1, false).get(0);
      statements("bare engine", SqlCounter.count(() -> bareDriver.run(bareUnit)));
      statements(label, SqlCounter.count(() -> driver.run(appUnit)));
    }
  }

  /**
   * The same over HTTP, as the Tasklist and our API are called, twice: each chain's two new users (the school's
   * team and head) sign in with their first request, a bcrypt check each, as in reality; then with those users
   * signed in beforehand (one untimed request each; the check is remembered for minutes), which leaves what
   * every further request of a signed-in user costs.
   */
  void httpVsBare(AppHost app, Province province) throws Exception {
    String label = "application over HTTP (our API + Camunda REST)";
    HttpChainDriver http = new HttpChainDriver(app.port);
    int bareWarmup = Math.max(10, s.bareWarmup() / 4);
    int bareMeasured = Math.max(s.httpChains() * 4, 20);
    compare(app, label + ", each chain's two new users signing in", http,
        province.newUnits(s.httpWarmup() + s.httpChains(), true), s.httpWarmup(), s.httpChains(), bareWarmup,
        bareMeasured);
    List<Province.Unit> signedIn = province.newUnits(s.httpWarmup() + s.httpChains(), true);
    signedIn.forEach(http::signIn);
    compare(app, label + ", users signed in beforehand", http, signedIn, s.httpWarmup(), s.httpChains(), bareWarmup,
        bareMeasured);
  }

  private void compare(AppHost app, String label, ChainDriver driver, List<Province.Unit> units, int warmup,
      int measured, int bareWarmup, int bareMeasured) throws Exception {
    List<Province.Unit> bareList = syntheticUnits(bareWarmup + bareMeasured);
    long bareBefore = recognised(bare.engine, BareEngine.KEY);
    long before = recognised(app.engine(), APP_KEY);
    ChainRunner.Outcome[] o = ChainRunner.alternate(bareDriver, bareList, bareWarmup, bareMeasured, driver, units,
        warmup, measured, s.threads(), BLOCKS);
    check(bare.engine, BareEngine.KEY, bareBefore + bareList.size());
    check(app.engine(), APP_KEY, before + units.size());
    ChainRunner.Outcome b = o[0];
    ChainRunner.Outcome a = o[1];
    report.add(Result.measured(db, ITEM, "bare engine, same BPMN shape (the limit), alongside: " + label,
        b.chainsPerSecond(), "chains/s", null, null, describe(b))
        .with("chains", b.chains()).with("seconds", b.seconds()).with("perChain", b.perChain())
        .with("retries", b.retries()));
    report.add(Result.measured(db, ITEM, label, a.chainsPerSecond(), "chains/s", null, null, describe(a))
        .with("chains", a.chains()).with("seconds", a.seconds()).with("perChain", a.perChain())
        .with("retries", a.retries()));
    double ratio = a.chainsPerSecond() / b.chainsPerSecond();
    report.add(Result.measured(db, ITEM, label + " ÷ bare", ratio, "×", TARGET_RATIO, ratio >= 0.8,
        String.format(Locale.ROOT, "%.2f / %.2f chains/s, measured in %d alternating blocks", a.chainsPerSecond(),
            b.chainsPerSecond(), BLOCKS)));
  }

  /** SQL statements of one chain, counted outside the timed runs. */
  private void statements(String label, SqlCounter.Counts c) {
    report.add(Result.measured(db, ITEM, "SQL statements per chain, " + label, c.total(), "statements", null, null,
        String.format(Locale.ROOT, "engine %d, JPA %d, JdbcTemplate %d", c.engine(), c.jpa(), c.jdbc()))
        .with("engineByStatement", c.engineByStatement()).with("domainByStatement", c.domainByStatement()));
  }

  private static String describe(ChainRunner.Outcome o) {
    return String.format(Locale.ROOT, "%d chains in %.1f s; per chain %s; %d retries", o.chains(), o.seconds(),
        o.perChain(), o.retries());
  }

  static long recognised(ProcessEngine engine, String key) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_Recognised")
        .count();
  }

  /** Every chain really ended recognised (history level activity keeps the end events). */
  private static void check(ProcessEngine engine, String key, long expected) {
    long ended = recognised(engine, key);
    if (ended != expected) {
      throw new IllegalStateException(key + ": " + ended + " chains ended recognised, expected " + expected);
    }
  }
}
