package vn.hoctap.citizen;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes batches of new entries inside the caller's transaction: with PostgreSQL's COPY (several times faster
 * than INSERT batches for rounds of a hundred thousand people), elsewhere (H2) with JDBC batch inserts. Rows are
 * laid out as {@link RoundImport#entryRow}.
 */
final class EntryWriter {

  static final String COPY = "copy round_entry (round_id, subject, identity_no, full_name, birth_year, criteria_id,"
      + " scores, total, passed, explanation, judgement, updated_by, updated_at) from stdin";

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final boolean postgres;

  EntryWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.dataSource = jdbc.getDataSource();
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      this.postgres = c.isWrapperFor(PGConnection.class);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  void write(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (!postgres) {
      jdbc.batchUpdate(RoundImport.INSERT_ENTRY, rows);
      return;
    }
    StringBuilder text = new StringBuilder(rows.size() * 160);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          text.append('\t');
        }
        append(text, row[i]);
      }
      text.append('\n');
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text.toString()));
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("Không ghi được danh sách vào cơ sở dữ liệu", e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  /** One value in COPY's text format: \N for null, t/f, and backslash, tab and line breaks escaped. */
  private static void append(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("\\N");
    } else if (v instanceof Boolean b) {
      sb.append(b ? 't' : 'f');
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else {
      String s = v.toString();
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        switch (ch) {
          case '\\' -> sb.append("\\\\");
          case '\t' -> sb.append("\\t");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          default -> sb.append(ch);
        }
      }
    }
  }
}
