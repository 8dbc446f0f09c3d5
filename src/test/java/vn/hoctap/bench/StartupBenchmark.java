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
 * Item 5: start-up time and idle memory of the packaged application (target/…/hoctap-*.jar), started as an
 * operator starts it — {@code java -jar} with JVM defaults, profiles demo (+ postgres), job executor on — in a
 * JVM of its own. Start-up is the wall-clock time from launching the JVM to /actuator/health answering UP;
 * Spring's own "Started … in" figure is recorded too. Idle memory is read 10 s later, after a full GC (jcmd
 * GC.run): heap used and committed from /actuator/metrics (as admin) and the process's RSS from /proc.
 */
final class StartupBenchmark {

  static final String ITEM = "5. start-up and idle memory";
  private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");

  private final BenchSettings s;
  private final Report report;
  private final BenchDatabase db;
  private int run;

  StartupBenchmark(BenchSettings s, Report report, BenchDatabase db) {
    this.s = s;
    this.report = report;
    this.db = db;
  }

  void measure(String scenario) {
    try {
      doMeasure(scenario);
    } catch (Exception e) {
      report.add(Result.failed(db.kind, ITEM, "start-up, " + scenario, "≤ 20 s", e));
    }
  }

  private void doMeasure(String scenario) throws Exception {
    if (!Files.exists(s.jar())) {
      throw new IllegalStateException("no application jar at " + s.jar() + " (run through mvn -Pbench verify)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", s.jar().toAbsolutePath().toString(), "--server.port=" + port,
        "--spring.profiles.active=" + String.join(",", db.appProfiles())));
    for (Map.Entry<String, String> p : db.appProperties().entrySet()) {
      cmd.add("--" + p.getKey() + "=" + p.getValue());
    }
    Files.createDirectories(s.out());
    File log = s.out().resolve("startup-" + db.kind + "-" + (++run) + ".log").toFile();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    try {
      BenchHttp http = new BenchHttp(port);
      double seconds = -1;
      while (System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(5)) {
        if (!p.isAlive()) {
          throw new IllegalStateException("the application stopped during start-up, see " + log);
        }
        try {
          if (http.get(null, "/actuator/health").status() == 200) {
            seconds = (System.nanoTime() - t0) / 1e9;
            break;
          }
        } catch (IllegalStateException notYet) {
          // connection refused: not listening yet
        }
        Thread.sleep(50);
      }
      if (seconds < 0) {
        throw new IllegalStateException("no UP within 5 minutes, see " + log);
      }
      Matcher m = STARTED.matcher(Files.readString(log.toPath()));
      String spring = m.find() ? m.group(1) + " s" : "?";
      report.add(Result.measured(db.kind, ITEM, "start-up to /actuator/health UP, " + scenario, seconds, "s",
          "≤ 20 s", seconds <= 20, "Spring Boot's own figure: " + spring + "; java -jar with JVM defaults")
          .with("springStartedSeconds", spring));

      Thread.sleep(10_000);
      String gc = Report.command("jcmd", String.valueOf(p.pid()), "GC.run");
      double used = metric(http, "jvm.memory.used");
      double committed = metric(http, "jvm.memory.committed");
      double max = metric(http, "jvm.memory.max");
      long rss = rssKb(p.pid());
      report.add(Result.measured(db.kind, ITEM, "idle heap used after full GC, " + scenario, used / 1024 / 1024,
          "MB", null, null, String.format(Locale.ROOT, "heap committed %.0f MB, max %.0f MB (JVM default); %s",
              committed / 1024 / 1024, max / 1024 / 1024, gc.isEmpty() ? "GC via jcmd" : gc.lines().reduce(
                  (a, b) -> b).orElse(""))));
      report.add(Result.measured(db.kind, ITEM, "idle RSS of the JVM process, " + scenario, rss / 1024.0, "MB",
          null, null, "/proc/" + p.pid() + "/status VmRSS"));
    } finally {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
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
