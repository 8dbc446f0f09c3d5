package vn.hoctap.bench;

/**
 * Item 4 of issue #8 measures a feature that is not built yet (the province dashboard is another issue; item 3,
 * bulk rounds, is measured by {@link BulkRoundBenchmark}). It is reported as "not built yet" with its target,
 * never with a number.
 * <p>
 * To add one when its feature exists: replace its {@code report} body with a measurement in the style of the
 * others — a class with a {@code measure(AppHost app, ...)} that loads its data with {@link ProvinceLoader}-style
 * bulk SQL or the feature's own import, drives the feature through its service or HTTP API, and adds
 * {@link Result#measured} rows with the same item and metric names, so that results.json stays comparable
 * across runs — and call it from {@link BenchmarkSuite#runOn} while the application is up.
 */
final class NotBuiltYet {

  private NotBuiltYet() {}

  static void report(Report report, String db) {
    Dashboard.report(report, db);
  }

  /**
   * Item 4: time to render a province's dashboard with 1,000,000 citizens and 20,000 units. When built: load the
   * citizens and units with bulk SQL into the domain tables (as {@link ProvinceLoader} does for the engine's),
   * then time the dashboard's HTTP call as a province user (warm-up, then p50/p95 as in {@link TaskListBenchmark}).
   */
  static final class Dashboard {
    static final String ITEM = "4. province dashboard";

    static void report(Report report, String db) {
      report.add(Result.notBuilt(db, ITEM, "render time, 1,000,000 citizens and 20,000 units", "≤ 1 s",
          "the dashboard is another issue and not built yet"));
    }
  }
}
