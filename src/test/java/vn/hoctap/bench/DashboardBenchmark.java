package vn.hoctap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Item 4: the province's dashboard with 20,000 units and 1,000,000 citizens (tiny: 1,000 and 20,000). The province
 * is bulk-loaded into the running application ({@link DashboardLoader}); then the real page is fetched over HTTP as
 * a browser does, in a logged-in session (our login form, session cookie): GET /dashboard?org=&lt;province&gt; as
 * the province's viewer (group viewer-&lt;province&gt;, not an administrator — the jurisdiction rule applies in
 * the SQL), the viewer's own top level (/dashboard, which is the province), the province for one year, one district,
 * the administrator's top level (the whole tree, every plan) and, without a target, the province's yearly report as
 * a spreadsheet. There is no JSON API of the dashboard.
 * Each: warm-up requests, then p50/p95 over the measured ones; the page is checked once for the numbers of a
 * citizen target counted straight from round_entry.
 */
final class DashboardBenchmark {

  static final String ITEM = "4. province dashboard";
  static final String TARGET = "≤ 1 s";

  private final BenchSettings s;
  private final Report report;
  private final BenchDatabase db;

  DashboardBenchmark(BenchSettings s, Report report, BenchDatabase db) {
    this.s = s;
    this.report = report;
    this.db = db;
  }

  void measure(AppHost app) {
    String size = String.format(Locale.ROOT, "%,d units, %,d citizens", s.dashTotalUnits(),
        (long) s.dashTotalUnits() * s.dashPeople());
    DashboardLoader loader = new DashboardLoader(app, s);
    try {
      long t0 = System.nanoTime();
      loader.load();
      double seconds = (System.nanoTime() - t0) / 1e9;
      report.add(Result.measured(db.kind, ITEM, "bulk load of the province, " + size, seconds, "s", null, null,
          "rows: " + loader.counts + " (whole database; bulk SQL into the domain tables, DashboardLoader)")
          .with("rows", loader.counts));
      report.add(Result.measured(db.kind, ITEM, "database size after the load, " + size, db.sizeBytes() / 1048576.0,
          "MB", null, null, null));
    } catch (Exception | Error e) {
      report.add(Result.failed(db.kind, ITEM, "bulk load of the province, " + size, null, e));
      return;
    }
    String province = DashboardLoader.PROVINCE;
    String district = loader.districts.get(0);
    try {
      BenchHttp viewer = BenchHttp.pageSession(app.port, DashboardLoader.VIEWER);
      BenchHttp admin = BenchHttp.pageSession(app.port, "admin");
      check(app, viewer.page("/dashboard?org=" + province).expect(200).body(), loader);
      time("GET /dashboard?org=" + province + " as the province's viewer (session), " + size, TARGET,
          () -> viewer.page("/dashboard?org=" + province).expect(200).body().length());
      time("GET /dashboard (the viewer's own top level: the province) as the province's viewer, " + size, TARGET,
          () -> viewer.page("/dashboard").expect(200).body().length());
      time("GET /dashboard?org=" + province + "&year=2026 as the province's viewer, " + size, TARGET,
          () -> viewer.page("/dashboard?org=" + province + "&year=2026").expect(200).body().length());
      time("GET /dashboard?org=" + district + " (a district) as the province's viewer, " + size, TARGET,
          () -> viewer.page("/dashboard?org=" + district).expect(200).body().length());
      String top = admin.page("/dashboard").expect(200).body();
      if (!top.contains("Tỉnh đo hiệu năng") || !top.contains("Thành phố Hà Nội")) {
        throw new IllegalStateException("the administrator's top level does not list the provinces");
      }
      time("GET /dashboard as administrator (top level, whole tree, every plan), " + size, TARGET,
          () -> admin.page("/dashboard").expect(200).body().length());
      time("GET /bao-cao/" + province + "/2026.xlsx (yearly report) as the province's viewer, " + size, null,
          () -> viewer.page("/bao-cao/" + province + "/2026.xlsx").expect(200).body().length());
    } catch (Exception | Error e) {
      report.add(Result.failed(db.kind, ITEM, "province dashboard, " + size, TARGET, e));
    }
  }

  /**
   * The page really counts the targets: the province's "Công dân học tập" of all staff (officials and workers,
   * every unit) must read recognised / listed as counted here from round_entry itself.
   */
  private static void check(AppHost app, String html, DashboardLoader loader) {
    long[] staff = app.jdbc().queryForObject("select sum(case when e.recognised then 1 else 0 end), count(*)"
        + " from round_entry e join assessment_round r on r.id = e.round_id join org_unit u on u.id = r.org_id"
        + " where u.path like ? and r.status = 'RECOGNISED' and e.subject in ('OFFICIAL', 'WORKER')",
        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, loader.path() + "%");
    String expected = staff[0] + " / " + staff[1];
    if (staff[1] == 0 || !html.contains(expected)) {
      throw new IllegalStateException("the province's dashboard does not show the staff target " + expected);
    }
    System.out.printf(Locale.ROOT, "[bench] dashboard shows the staff target %s (%.1f %%), page of %,d characters%n",
        expected, 100.0 * staff[0] / staff[1], html.length());
  }

  private void time(String metric, String target, Supplier<Integer> call) {
    List<Long> nanos = new ArrayList<>();
    int bytes = 0;
    for (int i = 0; i < s.dashWarmup(); i++) {
      bytes = call.get();
    }
    for (int i = 0; i < s.dashSamples(); i++) {
      long t0 = System.nanoTime();
      bytes = call.get();
      nanos.add(System.nanoTime() - t0);
    }
    Stats st = Stats.of(nanos.stream().mapToLong(Long::longValue).toArray());
    report.add(Result.measured(db.kind, ITEM, metric + ": p95", st.p95Ms(), "ms", target,
        target == null ? null : st.p95Ms() <= 1000, String.format(Locale.ROOT,
            "p50 %.1f ms, max %.1f ms, %d samples after %d warm-up, %,d characters", st.p50Ms(), st.maxMs(),
            st.count(), s.dashWarmup(), bytes)).with("stats", st));
  }
}
