package vn.hoctap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item 5: start-up time and idle memory of the packaged application, started as an operator starts it, in a JVM
 * of its own with JVM defaults, profiles demo (+ postgres), job executor on. Two launches:
 * <ul>
 *   <li>{@link Launch#JAR}: {@code java -jar hoctap.jar} (the nested jars of Spring Boot's fat jar);</li>
 *   <li>{@link Launch#CDS}: the jar unpacked and started with a class-data sharing archive, as
 *       {@code scripts/cds.sh} prepares it (Spring Boot's documented efficient deployment).</li>
 * </ul>
 * Start-up is the wall-clock time from launching the JVM to /actuator/health answering UP (which it does once the
 * application runners — deployment, demo data — are done); Spring's own "Started … in" figure is recorded too.
 * Each start is repeated (-Dbench.startups, 3 at full size) and the median is held to the target: single starts
 * on this 2-core virtual machine vary by several seconds. Idle memory is read on the last start, 10 s after UP and
 * a full GC (jcmd GC.run): heap used and committed from /actuator/metrics (as admin) and the process's RSS.
 */
final class StartupBenchmark {

  static final String ITEM = "5. start-up and idle memory";
  private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");

  enum Launch {
    JAR("java -jar"), CDS("unpacked jar + CDS archive (scripts/cds.sh)");

    final String label;

    Launch(String label) {
      this.label = label;
    }
  }

  private final BenchSettings s;
  private final Report report;
  private final BenchDatabase db;
  private final int repeats = Integer.getInteger("bench.startups", 3);
  private Path cdsJar;
  private int run;

  StartupBenchmark(BenchSettings s, Report report, BenchDatabase db) {
    this.s = s;
    this.report = report;
    this.db = db;
  }

  /** Starts the application {@code repeats} times, running {@code before} ahead of each start. */
  void measure(String scenario, Launch launch, Runnable before) {
    String what = scenario + ", " + launch.label;
    try {
      List<Double> seconds = new ArrayList<>();
      List<String> spring = new ArrayList<>();
      for (int i = 1; i <= repeats; i++) {
        before.run();
        start(launch, i == repeats, what, seconds, spring);
      }
      List<Double> sorted = seconds.stream().sorted().toList();
      double median = sorted.get(sorted.size() / 2);
      report.add(Result.measured(db.kind, ITEM, "start-up to /actuator/health UP, " + what, median, "s", "≤ 20 s",
          median <= 20, String.format(Locale.ROOT, "median of %d starts: %s s; Spring Boot's own figure: %s s",
              seconds.size(), seconds.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList(), spring))
          .with("startSeconds", seconds.toString()).with("springStartedSeconds", spring.toString()));
    } catch (Exception e) {
      report.add(Result.failed(db.kind, ITEM, "start-up, " + what, "≤ 20 s", e));
    }
  }

  private void start(Launch launch, boolean measureMemory, String what, List<Double> seconds, List<String> spring)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (launch == Launch.CDS) {
      Path jar = cdsJar();
      cmd.addAll(List.of("-XX:SharedArchiveFile=" + jar.resolveSibling("hoctap.jsa"), "-jar", jar.toString()));
    } else {
      cmd.addAll(List.of("-jar", appJar().toString()));
    }
    cmd.add("--server.port=" + port);
    cmd.add("--spring.profiles.active=" + String.join(",", db.appProfiles()));
    for (Map.Entry<String, String> p : db.appProperties().entrySet()) {
      cmd.add("--" + p.getKey() + "=" + p.getValue());
    }
    Files.createDirectories(s.out());
    File log = s.out().resolve("startup-" + db.kind + "-" + (++run) + ".log").toFile();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    try {
      BenchHttp http = new BenchHttp(port);
      double up = -1;
      while (System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(5)) {
        if (!p.isAlive()) {
          throw new IllegalStateException("the application stopped during start-up, see " + log);
        }
        try {
          if (http.get(null, "/actuator/health").status() == 200) {
            up = (System.nanoTime() - t0) / 1e9;
            break;
          }
        } catch (IllegalStateException notYet) {
          // connection refused: not listening yet
        }
        Thread.sleep(50);
      }
      if (up < 0) {
        throw new IllegalStateException("no UP within 5 minutes, see " + log);
      }
      seconds.add(up);
      Matcher m = STARTED.matcher(Files.readString(log.toPath()));
      spring.add(m.find() ? m.group(1) : "?");
      if (measureMemory) {
        idleMemory(p, http, what);
      }
    } finally {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private void idleMemory(Process p, BenchHttp http, String what) throws Exception {
    Thread.sleep(10_000);
    String gc = Report.command("jcmd", String.valueOf(p.pid()), "GC.run");
    double used = metric(http, "jvm.memory.used");
    double committed = metric(http, "jvm.memory.committed");
    double max = metric(http, "jvm.memory.max");
    long rss = rssKb(p.pid());
    report.add(Result.measured(db.kind, ITEM, "idle heap used after full GC, " + what, used / 1024 / 1024,
        "MB", null, null, String.format(Locale.ROOT, "heap committed %.0f MB, max %.0f MB (JVM default); %s",
            committed / 1024 / 1024, max / 1024 / 1024, gc.isEmpty() ? "GC via jcmd" : gc.lines().reduce(
                (a, b) -> b).orElse(""))));
    report.add(Result.measured(db.kind, ITEM, "idle RSS of the JVM process, " + what, rss / 1024.0, "MB",
        null, null, "/proc/" + p.pid() + "/status VmRSS"));
  }

  private Path appJar() {
    if (!Files.exists(s.jar())) {
      throw new IllegalStateException("no application jar at " + s.jar() + " (run through mvn -Pbench verify)");
    }
    return s.jar().toAbsolutePath();
  }

  /** The jar unpacked and its archive trained by scripts/cds.sh, once per benchmark JVM. */
  private Path cdsJar() {
    if (cdsJar == null) {
      Path dir = s.out().resolve("cds").toAbsolutePath();
      String out = Report.command("sh", "scripts/cds.sh", appJar().toString(), dir.toString());
      Path jar = dir.resolve(appJar().getFileName());
      if (!Files.exists(dir.resolve("hoctap.jsa")) || !Files.exists(jar)) {
        throw new IllegalStateException("scripts/cds.sh made no archive: " + out);
      }
      cdsJar = jar;
    }
    return cdsJar;
  }

  private static double metric(BenchHttp http, String name) {
    JsonNode m = http.get("admin", "/actuator/metrics/" + name + "?tag=area:heap").expect(200).json();
    for (JsonNode v : m.get("measurements")) {
      if ("VALUE".equals(v.get("statistic").asText())) {
        return v.get("value").asDouble();
      }
    }
    throw new IllegalStateException("no value in " + m);
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
