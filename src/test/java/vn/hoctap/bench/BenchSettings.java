package vn.hoctap.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sizes of a run. "full" is the size the issue asks for (10,000 and 100,000 open tasks, 1,000,000 finished
 * instances, a province of 20,000 units and 1,000,000 citizens); "tiny" runs every code path in a minute or two,
 * for development. The dashboard's province is dashDistricts × dashCommunes (per district) × dashUnits (per
 * commune) units with dashPeople assessed people each.
 */
record BenchSettings(String scale, List<String> dbs, String only, Path out, Path jar, int threads,
    int bareWarmup, int bareChains, int appWarmup, int appChains, int httpWarmup, int httpChains,
    int loadedChains, List<Integer> openTaskLevels, int finishedInstances, int listWarmup, int listSamples,
    int districts, int dashDistricts, int dashCommunes, int dashUnits, int dashPeople, int dashWarmup,
    int dashSamples) {

  static BenchSettings fromSystemProperties() {
    String scale = System.getProperty("bench.scale", "tiny");
    List<String> dbs = Arrays.stream(System.getProperty("bench.dbs", "postgres,h2").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
    String only = System.getProperty("bench.only", "all");
    Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    Path jar = Path.of(System.getProperty("bench.jar", "target/hoctap-0.1.0-SNAPSHOT.jar"));
    int threads = Integer.getInteger("bench.threads", 2);
    BenchSettings b = scale.equals("full")
        ? new BenchSettings(scale, dbs, only, out, jar, threads, 300, 1500, 100, 600, 50, 300, 300,
            List.of(10_000, 100_000), 1_000_000, 100, 500, 30, 20, 25, 40, 50, 5, 20)
        : new BenchSettings(scale, dbs, only, out, jar, threads, 20, 60, 10, 30, 5, 15, 10,
            List.of(1_000, 3_000), 20_000, 20, 100, 6, 5, 10, 20, 20, 2, 5);
    // single sizes can be overridden, e.g. -Dbench.open=10000,100000 -Dbench.finished=100000
    String open = System.getProperty("bench.open");
    List<Integer> levels = open == null ? b.openTaskLevels()
        : Arrays.stream(open.split(",")).map(String::strip).map(Integer::valueOf).toList();
    return new BenchSettings(scale, dbs, only, out, jar, threads,
        Integer.getInteger("bench.bareWarmup", b.bareWarmup()), Integer.getInteger("bench.bareChains", b.bareChains()),
        Integer.getInteger("bench.appWarmup", b.appWarmup()), Integer.getInteger("bench.appChains", b.appChains()),
        Integer.getInteger("bench.httpWarmup", b.httpWarmup()), Integer.getInteger("bench.httpChains", b.httpChains()),
        Integer.getInteger("bench.loadedChains", b.loadedChains()), levels,
        Integer.getInteger("bench.finished", b.finishedInstances()),
        Integer.getInteger("bench.listWarmup", b.listWarmup()), Integer.getInteger("bench.listSamples", b.listSamples()),
        Integer.getInteger("bench.districts", b.districts()),
        Integer.getInteger("bench.dashDistricts", b.dashDistricts()),
        Integer.getInteger("bench.dashCommunes", b.dashCommunes()),
        Integer.getInteger("bench.dashUnits", b.dashUnits()), Integer.getInteger("bench.dashPeople", b.dashPeople()),
        Integer.getInteger("bench.dashWarmup", b.dashWarmup()),
        Integer.getInteger("bench.dashSamples", b.dashSamples()));
  }

  /** Units of the dashboard's province. */
  int dashTotalUnits() {
    return dashDistricts * dashCommunes * dashUnits;
  }

  boolean runs(String part) {
    return only.equals("all") || Arrays.asList(only.split(",")).contains(part);
  }

  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scale", scale);
    m.put("threads", threads);
    m.put("bareChains", Map.of("warmup", bareWarmup, "measured", bareChains));
    m.put("appChains", Map.of("warmup", appWarmup, "measured", appChains));
    m.put("httpChains", Map.of("warmup", httpWarmup, "measured", httpChains));
    m.put("chainsWithProvinceLoaded", loadedChains);
    m.put("openTaskLevels", openTaskLevels);
    m.put("finishedInstances", finishedInstances);
    m.put("taskListRequests", Map.of("warmup", listWarmup, "measured", listSamples));
    m.put("districts", districts);
    m.put("dashboard", Map.of("districts", dashDistricts, "communesPerDistrict", dashCommunes,
        "unitsPerCommune", dashUnits, "peoplePerUnit", dashPeople, "units", dashTotalUnits(),
        "people", (long) dashTotalUnits() * dashPeople, "requests", Map.of("warmup", dashWarmup,
            "measured", dashSamples)));
    return m;
  }
}
