package vn.hoctap.bench;

/**
 * Items 3 and 4 of issue #8 measure features that are not built yet (bulk rounds and the province dashboard are
 * other issues). They are reported as "not built yet" with their targets, never with a number.
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
    BulkRounds.report(report, db);
    Dashboard.report(report, db);
  }

  /**
   * Item 3: people imported, scored and stored per second for 100,000 and 1,000,000 people, and the peak heap.
   * When built: generate the import file(s) of a round (e.g. a commune's citizens with their learning records)
   * once per size, run the round through its service in this JVM with -Xmx512m-style headroom checks via
   * MemoryPoolMXBean peak usage (or a child JVM started with -Xmx512m and -Xlog:gc to prove the bound), and
   * report people/s = people / wall-clock seconds of import + scoring + storing.
   */
  static final class BulkRounds {
    static final String ITEM = "3. bulk rounds";

    static void report(Report report, String db) {
      String note = "bulk rounds are another issue and not built yet";
      report.add(Result.notBuilt(db, ITEM, "people imported, scored and stored per second, 100,000 people",
          "≥ 20,000 people/s", note));
      report.add(Result.notBuilt(db, ITEM, "people imported, scored and stored per second, 1,000,000 people",
          "≥ 20,000 people/s", note));
      report.add(Result.notBuilt(db, ITEM, "peak heap, 1,000,000 people", "≤ 512 MB", note));
    }
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
