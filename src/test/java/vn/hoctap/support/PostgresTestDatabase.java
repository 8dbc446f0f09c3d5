package vn.hoctap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the PostgreSQL run of the suite a fresh database: hoctap_test (or the name in the system property
 * hoctap.test.pg-database, so that two checkouts can run their suites side by side) followed by the number of the
 * test JVM ({@link TestJvm}: each half of the suite runs in two), dropped and created once per test JVM, before the
 * first application context connects to it.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final String NAME = System.getProperty("hoctap.test.pg-database", "hoctap_test")
      + "_" + TestJvm.number();
  private static boolean created;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (TestProfiles.postgres()) {
      recreate();
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hoctap-test-database",
          Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + NAME)));
    }
  }

  private static synchronized void recreate() {
    if (created) {
      return;
    }
    String url = System.getProperty("hoctap.test.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      if (!NAME.matches("[a-z][a-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("hoctap.test.pg-database: lower-case letters, digits and _ only");
      }
      s.execute("drop database if exists " + NAME + " with (force)");
      s.execute("create database " + NAME + " encoding 'UTF8' template template0");
      created = true;
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for the postgres run of the tests"
          + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
    }
  }
}
