package vn.hoctap.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbering registers (sổ đăng ký văn bản): a table with one row per register — its key columns and
 * {@code last_no} — such as decision_counter (a signer's decisions of a year) and document_counter (a body's
 * reports or letters of a year). The next number is taken by an update that locks the row until the transaction
 * ends, so numbers are unique and, since a rolled-back transaction gives its number back, gap-free.
 */
@Component
public class Registers {

  private static final int ATTEMPTS = 10;

  private final JdbcTemplate jdbc;

  Registers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The next number of the register whose key columns (names from our own code, never from a request) hold the
   * values given. The first number inserts the row at 0 behind a savepoint: if another transaction inserted it
   * first, only the insert is undone (on PostgreSQL a failed statement would otherwise abort the whole transaction)
   * and the update waits for that transaction's lock like any other. On H2 the insert gives up after its lock
   * timeout while the other transaction has not committed yet: then it is tried again.
   */
  @Transactional
  public int next(String table, List<String> keyColumns, Object... key) {
    String where = String.join(" = ? and ", keyColumns) + " = ?";
    String bump = "update " + table + " set last_no = last_no + 1 where " + where;
    String insert = "insert into " + table + " (" + String.join(", ", keyColumns) + ", last_no) values ("
        + String.join(", ", Collections.nCopies(keyColumns.size(), "?")) + ", 0)";
    for (int attempt = 0; jdbc.update(bump, key) == 0; attempt++) {
      if (attempt == ATTEMPTS) {
        throw new IllegalStateException(table + " row missing for " + List.of(key));
      }
      jdbc.execute((ConnectionCallback<Void>) c -> {
        Savepoint before = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
          for (int i = 0; i < key.length; i++) {
            ps.setObject(i + 1, key[i]);
          }
          ps.executeUpdate();
          c.releaseSavepoint(before);
        } catch (SQLException raced) {
          c.rollback(before);
        }
        return null;
      });
    }
    return jdbc.queryForObject("select last_no from " + table + " where " + where, Integer.class, key);
  }
}
