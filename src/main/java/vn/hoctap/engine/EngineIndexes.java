package vn.hoctap.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that Camunda 7.24 does not create and that the province-sized benchmarks
 * (docs/benchmarks.md) showed to be missing. They cannot be Flyway migrations: Flyway runs before the engine
 * creates its ACT_* tables. This runner starts after the engine has created or checked its schema, so the tables
 * exist; each index is created once ("if not exists"), on PostgreSQL without blocking writes (concurrently).
 */
@Component
@Order(-30)
public class EngineIndexes implements ApplicationRunner {

  /** Name, table, column: every index here is a single-column B-tree. */
  record EngineIndex(String name, String table, String column, String why) {}

  static final List<EngineIndex> INDEXES = List.of(
      // every task completion looks for sub-tasks of the task (select ... where PARENT_TASK_ID_ = ?): a full scan
      // of ACT_RU_TASK per completion without it
      new EngineIndex("HOCTAP_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_", "sub-task look-up on completion"),
      // the authorization check of every query reads "USER_ID_ in (?, '*') or GROUP_ID_ in (...)": with an index on
      // both columns this is a bitmap OR of two index scans instead of a full scan of ACT_RU_AUTHORIZATION, which
      // holds one row per open task and candidate group
      new EngineIndex("HOCTAP_IDX_AUTH_USER", "ACT_RU_AUTHORIZATION", "USER_ID_", "authorization check by user"));

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  private final DataSource dataSource;

  public EngineIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      c.setAutoCommit(true); // CREATE INDEX CONCURRENTLY cannot run inside a transaction
      for (EngineIndex index : INDEXES) {
        if (postgres) {
          createOnPostgres(c, index);
        } else {
          try (Statement s = c.createStatement()) {
            s.execute("create index if not exists " + index.name() + " on " + index.table() + " ("
                + index.column() + ")");
          }
        }
      }
    }
  }

  private static void createOnPostgres(Connection c, EngineIndex index) throws SQLException {
    String name = index.name().toLowerCase();
    Boolean valid = null;
    try (PreparedStatement ps = c.prepareStatement("select i.indisvalid from pg_index i join pg_class x"
        + " on x.oid = i.indexrelid where x.relname = ? and pg_table_is_visible(x.oid)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          valid = rs.getBoolean(1);
        }
      }
    }
    if (Boolean.TRUE.equals(valid)) {
      return;
    }
    try (Statement s = c.createStatement()) {
      if (valid != null) {
        // an interrupted concurrent build leaves an invalid index behind: build it again
        s.execute("drop index concurrently if exists " + name);
      }
      long t0 = System.nanoTime();
      s.execute("create index concurrently if not exists " + name + " on " + index.table() + " ("
          + index.column() + ")");
      LOG.info("Created engine index {} on {}({}) for the {} in {} ms", name, index.table(), index.column(),
          index.why(), (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
