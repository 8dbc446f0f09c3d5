package vn.hoctap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives the PostgreSQL run of the suite a fresh database: hoctap_test is dropped and created once per test JVM,
 * before the first application context connects to it.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static boolean created;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (TestProfiles.postgres()) {
      recreate();
    }
  }

  private static synchronized void recreate() {
    if (created) {
      return;
    }
    String url = System.getProperty("hoctap.test.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists hoctap_test with (force)");
      s.execute("create database hoctap_test encoding 'UTF8' template template0");
      created = true;
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for the postgres run of the tests"
          + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
    }
  }
}
