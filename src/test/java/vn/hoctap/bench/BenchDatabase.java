package vn.hoctap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The database of a run: PostgreSQL database hoctap_bench (or -Dbench.pg-database=…, so that two checkouts can
 * run side by side) at 127.0.0.1:5432 (dropped and created by {@link #recreate()}), or H2 in file mode (the application's embedded default) in a fresh temporary directory.
 */
final class BenchDatabase {

  static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  static final String PG_NAME = System.getProperty("bench.pg-database", "hoctap_bench")
      .replaceAll("[^a-z0-9_]", "");

  final String kind;
  private Path h2Dir;
  private Path bareH2Dir;

  BenchDatabase(String kind) {
    if (!kind.equals("postgres") && !kind.equals("h2")) {
      throw new IllegalArgumentException("bench.dbs: postgres or h2, not " + kind);
    }
    this.kind = kind;
  }

  boolean postgres() {
    return kind.equals("postgres");
  }

  /** An empty database for the application. */
  void recreate() {
    if (postgres()) {
      recreatePg(PG_NAME);
    } else {
      h2Dir = freshDir(h2Dir);
    }
  }

  /**
   * An empty database of its own for the bare engine, which runs next to the application (their chains are
   * measured in alternating blocks): PostgreSQL database {@code <name>_bare}, or an H2 file in another directory.
   */
  void recreateBare() {
    if (postgres()) {
      recreatePg(PG_NAME + "_bare");
    } else {
      bareH2Dir = freshDir(bareH2Dir);
    }
  }

  private static void recreatePg(String name) {
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed (start it with: pg_ctlcluster"
          + " --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
    }
  }

  private static Path freshDir(Path old) {
    delete(old);
    try {
      return Files.createTempDirectory("hoctap-bench-h2");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes the H2 files of the run (nothing for PostgreSQL: its databases stay for inspection), unless
   * -Dbench.keepH2=true keeps them for a look afterwards (EXPLAIN ANALYZE).
   */
  void deleteH2() {
    if (Boolean.getBoolean("bench.keepH2")) {
      System.out.println("[bench] keeping " + h2Dir + " and " + bareH2Dir);
      return;
    }
    delete(h2Dir);
    delete(bareH2Dir);
    h2Dir = null;
    bareH2Dir = null;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JDBC URL of the application's database (PostgreSQL; H2 is found through hoctap.data-dir). */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:5432/" + PG_NAME;
  }

  /** JDBC URL of the bare engine's database. */
  String bareJdbcUrl() {
    return postgres() ? "jdbc:postgresql://127.0.0.1:5432/" + PG_NAME + "_bare"
        : "jdbc:h2:file:" + bareH2Dir.resolve("bare") + ";AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256";
  }

  String user() {
    return postgres() ? "postgres" : "sa";
  }

  /** Spring profiles and properties that point the application at this database. */
  List<String> appProfiles() {
    return postgres() ? List.of("demo", "postgres") : List.of("demo");
  }

  Map<String, String> appProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    if (postgres()) {
      p.put("spring.datasource.url", jdbcUrl());
      p.put("spring.datasource.username", "postgres");
      p.put("spring.datasource.password", "");
    } else {
      // the application's own H2 URL (file mode), in the run's directory
      p.put("hoctap.data-dir", h2Dir.toString());
    }
    return p;
  }

  long sizeBytes() {
    if (postgres()) {
      try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
          Statement s = c.createStatement();
          var rs = s.executeQuery("select pg_database_size('" + PG_NAME + "')")) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        return -1;
      }
    }
    try (Stream<Path> files = Files.walk(h2Dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }
}
