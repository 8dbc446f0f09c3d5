package vn.hoctap.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Runs every benchmark of issue #8 on each database in turn and writes the report. Per database: start-up on an
 * empty database; then the bare engine (on a database of its own) and the application in this JVM side by side:
 * chains through the application's services and over HTTP, each alternating with bare chains; the reviewer's
 * task list with the province's open tasks and history bulk-loaded, chains again with the province loaded, bulk
 * rounds, the dashboard of a province of 20,000 units and 1,000,000 citizens; then a restart of the packaged
 * application on the loaded database. Parts: -Dbench.only=startup,chains,tasklist,rounds,dashboard
 * (comma-separated; all by default).
 */
final class BenchmarkSuite {

  /** Jurisdictions the bulk-loaded tasks are spread over (HN-TT, phonggd's, is one of them). */
  static final int LOADED_DISTRICTS = 60;

  private final BenchSettings s;
  private final Report report;

  BenchmarkSuite(BenchSettings s) {
    this.s = s;
    this.report = new Report(s);
  }

  /** 01/12/2026 09:00 in Vietnam, as the process tests: the units submit on time for 2026. */
  static void setEngineClock() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0)
        .atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
  }

  void run() throws Exception {
    // outside Spring Boot (bare engine, loaders) logback would log at DEBUG
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    System.out.println("[bench] settings " + s.describe());
    try {
      for (String kind : s.dbs()) {
        BenchDatabase db = new BenchDatabase(kind);
        try {
          runOn(db);
        } finally {
          db.deleteH2();
        }
      }
    } finally {
      report.write();
    }
  }

  private void runOn(BenchDatabase db) throws Exception {
    StartupBenchmark startup = new StartupBenchmark(s, report, db);
    if (s.runs("startup")) {
      for (StartupBenchmark.Launch launch : StartupBenchmark.Launch.values()) {
        startup.measure("first start, empty database", launch, db::recreate);
      }
    }
    setEngineClock();
    try (ChainBenchmark chains = new ChainBenchmark(s, report, db.kind)) {
      if (s.runs("chains")) {
        chains.startBare(db);
      }
      db.recreate();
      try (AppHost app = AppHost.start(db)) {
        setEngineClock();
        Province province = new Province(app.jdbc(), app.engine().getIdentityService()).withDistricts(s.districts());
        if (s.runs("chains")) {
          chains.appVsBare(app, province, "application services", s.appWarmup(), s.appChains(), s.bareWarmup(),
              s.bareChains());
          if (s.httpChains() > 0) { // -Dbench.httpChains=0: the engine-level comparison alone (e.g. to profile it)
            chains.httpVsBare(app, province);
          }
        }
        if (s.runs("tasklist")) {
          loadedProvince(db, app, province, chains);
        }
        if (s.runs("rounds")) {
          BulkRoundBenchmark rounds = new BulkRoundBenchmark(report, db.kind);
          rounds.warmUp(app);
          for (int people : BulkRoundBenchmark.sizes(s.scale())) {
            rounds.measure(app, people);
          }
          for (int people : BulkRoundBenchmark.sizes(s.scale())) {
            if (people <= BulkRoundBenchmark.PAGE_MAX_PEOPLE) {
              rounds.measurePage(app, people);
            }
          }
        }
        if (s.runs("dashboard")) {
          new DashboardBenchmark(s, report, db).measure(app);
        }
      }
    } finally {
      ClockUtil.reset();
    }
    if (s.runs("startup")) {
      for (StartupBenchmark.Launch launch : StartupBenchmark.Launch.values()) {
        startup.measure(s.runs("tasklist") ? "restart, province loaded" : "restart", launch, () -> { });
      }
    }
  }

  /** Item 2, then item 1 again with the province loaded. */
  private void loadedProvince(BenchDatabase db, AppHost app, Province province, ChainBenchmark chains)
      throws Exception {
    ProvinceLoader loader = new ProvinceLoader(app.dataSource(), db.postgres(), LOADED_DISTRICTS);
    if (!db.postgres()) {
      loader.skipFinishedHistory(Set.of("ACT_HI_ACTINST", "ACT_HI_TASKINST"));
    }
    loader.prepareTemplates(app, province);
    TaskListBenchmark list = new TaskListBenchmark(s, report, db.kind);
    for (int level : s.openTaskLevels()) {
      long t0 = System.nanoTime();
      loader.loadFinishedUpTo(s.finishedInstances());
      loader.loadOpenUpTo(level);
      loader.analyze();
      report.add(Result.measured(db.kind, TaskListBenchmark.ITEM, String.format(Locale.ROOT,
          "bulk load up to %,d open tasks + %,d finished instances", level, s.finishedInstances()),
          (System.nanoTime() - t0) / 1e9, "s", null, null, "copies of real instances in the engine's tables"
          + " (ProvinceLoader)" + (loader.finishedSkips().isEmpty() ? "" : "; finished instances without "
          + String.join(", ", loader.finishedSkips())) + "; database now " + (db.sizeBytes() >> 20) + " MB")
          .with("openByStep", loader.openByStep()));
      list.measure(app, level);
    }
    loader.dropHelper();
    if (s.runs("chains")) {
      String loaded = String.format(Locale.ROOT, "application services, %,d open tasks loaded",
          loader.openLoaded());
      int warmup = Math.max(10, s.appWarmup() / 4); // the JIT is warm by now: this only warms the caches
      int bareWarmup = Math.max(10, s.bareWarmup() / 4);
      chains.appVsBare(app, province, loaded, warmup, s.loadedChains(), bareWarmup, 2 * s.loadedChains());
    }
  }
}
