package vn.hoctap.bench;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Item 1: complete learning-unit chains per second, (a) on the bare engine with the same shape (the limit), (b)
 * through the application's services, (c) through the HTTP API, (d) through the services with the province's
 * open tasks and history loaded. (b)-(d) are reported as a ratio to (a) of the same run and database.
 */
final class ChainBenchmark {

  static final String ITEM = "1. chain throughput";
  static final String TARGET_RATIO = "≥ 0.8 × bare";
  static final String APP_KEY = "learning-unit-recognition";

  private final BenchSettings s;
  private final Report report;
  private final String db;
  private Double bareRate;

  ChainBenchmark(BenchSettings s, Report report, String db) {
    this.s = s;
    this.report = report;
    this.db = db;
  }

  void bare(BenchDatabase database) throws Exception {
    try (BareEngine bare = new BareEngine(database)) {
      List<Province.Unit> units = syntheticUnits(s.bareWarmup() + s.bareChains());
      EngineChainDriver driver = new EngineChainDriver(bare.engine, BareEngine.KEY, BareEngine::startVariables,
          BareEngine::stepVariables).withBusinessKeyAtStart();
      ChainRunner.Outcome o = ChainRunner.run(driver, units, s.bareWarmup(), s.bareChains(), s.threads());
      check(bare.engine, BareEngine.KEY, units.size());
      bareRate = o.chainsPerSecond();
      report.add(Result.measured(db, ITEM, "bare engine, same BPMN shape (the limit)", o.chainsPerSecond(),
          "chains/s", null, null, describe(o))
          .with("chains", o.chains()).with("seconds", o.seconds()).with("perChain", o.perChain())
          .with("retries", o.retries()));
      Province.Unit extra = syntheticUnits(units.size() + 1).get(units.size());
      statements("bare engine", SqlCounter.count(() -> driver.run(extra)));
    }
  }

  /** Units that exist only as group names: the bare engine has no organisation tree. */
  private List<Province.Unit> syntheticUnits(int n) {
    List<Province.District> districts = new java.util.ArrayList<>();
    for (int i = 0; i < s.districts(); i++) {
      String code = i == 0 ? Province.DEMO_DISTRICT : String.format("HN-Q%02d", i);
      districts.add(new Province.District(code, "pgd." + code.toLowerCase(), "ct." + code.toLowerCase()));
    }
    List<Province.Unit> units = new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Province.District d = districts.get(i % districts.size());
      String code = d.code() + "-B" + i;
      units.add(new Province.Unit(code, d, "t." + code.toLowerCase(), "h." + code.toLowerCase()));
    }
    return units;
  }

  void app(AppHost app, Province province, String label, int warmup, int measured) throws Exception {
    List<Province.Unit> units = province.newUnits(warmup + measured, false);
    EngineChainDriver driver = new EngineChainDriver(app.engine(), APP_KEY, u -> LearningUnitForms.start(u.code()),
        LearningUnitForms::form);
    long before = recognised(app.engine(), APP_KEY);
    ChainRunner.Outcome o = ChainRunner.run(driver, units, warmup, measured, s.threads());
    check(app.engine(), APP_KEY, before + units.size());
    ratio(label, o);
    if (label.equals("application services")) {
      Province.Unit extra = province.newUnits(1, false).get(0);
      statements(label, SqlCounter.count(() -> driver.run(extra)));
    }
  }

  /** SQL statements of one chain, counted outside the timed runs. */
  private void statements(String label, SqlCounter.Counts c) {
    report.add(Result.measured(db, ITEM, "SQL statements per chain, " + label, c.total(), "statements", null, null,
        String.format(Locale.ROOT, "engine %d, JPA %d, JdbcTemplate %d", c.engine(), c.jpa(), c.jdbc()))
        .with("engineByStatement", c.engineByStatement()).with("domainByStatement", c.domainByStatement()));
  }

  void http(AppHost app, Province province) throws Exception {
    List<Province.Unit> units = province.newUnits(s.httpWarmup() + s.httpChains(), true);
    long before = recognised(app.engine(), APP_KEY);
    ChainRunner.Outcome o = ChainRunner.run(new HttpChainDriver(app.port), units, s.httpWarmup(), s.httpChains(),
        s.threads());
    check(app.engine(), APP_KEY, before + units.size());
    ratio("application over HTTP (our API + Camunda REST)", o);
  }

  private void ratio(String label, ChainRunner.Outcome o) {
    report.add(Result.measured(db, ITEM, label, o.chainsPerSecond(), "chains/s", null, null, describe(o))
        .with("chains", o.chains()).with("seconds", o.seconds()).with("perChain", o.perChain())
        .with("retries", o.retries()));
    if (bareRate != null) {
      double ratio = o.chainsPerSecond() / bareRate;
      report.add(Result.measured(db, ITEM, label + " ÷ bare", ratio, "×", TARGET_RATIO, ratio >= 0.8,
          String.format(Locale.ROOT, "%.2f / %.2f chains/s", o.chainsPerSecond(), bareRate)));
    }
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
