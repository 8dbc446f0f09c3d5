package vn.hoctap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the results, prints them as a table and writes target/bench/results.json and results.md. */
final class Report {

  private final BenchSettings settings;
  private final List<Result> results = new ArrayList<>();
  private final OffsetDateTime started = OffsetDateTime.now();

  Report(BenchSettings settings) {
    this.settings = settings;
  }

  synchronized Result add(Result r) {
    results.add(r);
    System.out.println("[bench] " + line(r));
    return r;
  }

  synchronized List<Result> results() {
    return List.copyOf(results);
  }

  static String line(Result r) {
    return r.db() + " | " + r.item() + " | " + r.metric() + " | " + value(r) + " | " + nz(r.target()) + " | "
        + met(r) + (r.note() == null ? "" : " | " + r.note());
  }

  static String value(Result r) {
    return switch (r.status()) {
      case NOT_BUILT -> "not built yet";
      case FAILED -> "FAILED";
      case MEASURED -> format(r.value()) + (r.unit() == null ? "" : " " + r.unit());
    };
  }

  static String format(Double v) {
    if (v == null) {
      return "";
    }
    double a = Math.abs(v);
    return a >= 100 ? String.format("%,.0f", v) : a >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
  }

  static String met(Result r) {
    return r.met() == null ? "" : r.met() ? "met" : "MISSED";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  void write() throws IOException {
    Files.createDirectories(settings.out());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("started", started.toString());
    doc.put("finished", OffsetDateTime.now().toString());
    doc.put("machine", machine());
    doc.put("settings", settings.describe());
    doc.put("results", results());
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .enable(SerializationFeature.INDENT_OUTPUT);
    Path json = settings.out().resolve("results.json");
    mapper.writeValue(json.toFile(), doc);
    String md = markdown();
    Files.writeString(settings.out().resolve("results.md"), md, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(table());
    System.out.println("[bench] wrote " + json.toAbsolutePath() + " and results.md");
  }

  String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"db", "item", "metric", "value", "target", "met"});
    for (Result r : results()) {
      rows.add(new String[] {r.db(), r.item(), r.metric(), value(r), nz(r.target()), met(r)});
    }
    int[] w = new int[6];
    for (String[] row : rows) {
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] row = rows.get(k);
      for (int i = 0; i < w.length; i++) {
        sb.append(i == 3 ? String.format("%" + w[i] + "s", row[i]) : String.format("%-" + w[i] + "s", row[i]));
        sb.append(i < w.length - 1 ? "  " : "\n");
      }
      if (k == 0) {
        for (int i = 0; i < w.length; i++) {
          sb.append("-".repeat(w[i])).append(i < w.length - 1 ? "  " : "\n");
        }
      }
    }
    return sb.toString();
  }

  String markdown() {
    StringBuilder sb = new StringBuilder("| DB | item | metric | value | target | |\n|---|---|---|---:|---|---|\n");
    for (Result r : results()) {
      sb.append("| ").append(r.db()).append(" | ").append(r.item()).append(" | ").append(r.metric()).append(" | ")
          .append(value(r)).append(" | ").append(nz(r.target())).append(" | ").append(met(r)).append(" |\n");
    }
    return sb.toString();
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commit", command("git", "rev-parse", "--short", "HEAD") + (command("git", "status", "--porcelain",
        "--untracked-files=no").isEmpty() ? "" : " (with uncommitted changes)"));
    m.put("nproc", Runtime.getRuntime().availableProcessors());
    m.put("cpu", command("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"));
    m.put("free -h", command("free", "-h"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    try (Connection c = DriverManager.getConnection(BenchDatabase.PG_ADMIN_URL, "postgres", "");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version()")) {
      rs.next();
      m.put("postgres", rs.getString(1));
      try (ResultSet rs2 = s.executeQuery("select name, setting from pg_settings where name in"
          + " ('shared_buffers', 'work_mem', 'effective_cache_size', 'synchronous_commit', 'max_connections')")) {
        Map<String, String> pg = new LinkedHashMap<>();
        while (rs2.next()) {
          pg.put(rs2.getString(1), rs2.getString(2));
        }
        m.put("postgresSettings", pg);
      }
    } catch (Exception e) {
      m.put("postgres", "unavailable: " + e.getMessage());
    }
    m.put("h2", org.h2.engine.Constants.FULL_VERSION);
    return m;
  }

  static String command(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      StringBuilder sb = new StringBuilder();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          sb.append(l).append('\n');
        }
      }
      p.waitFor();
      return sb.toString().strip();
    } catch (IOException e) {
      return "unavailable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
