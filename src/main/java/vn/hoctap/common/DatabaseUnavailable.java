package vn.hoctap.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Recognises "the database cannot be reached" (server restarting, network cut, no connection from the pool within
 * its timeout) behind the engine's and Spring's wrappers, so that the answer is a clean 503 asking to retry, never
 * a 500 or a stack trace. Nothing was saved: the request's transaction could not commit.
 */
public final class DatabaseUnavailable {

  public static final int STATUS = 503;
  public static final String ERROR = "UNAVAILABLE";
  public static final String MESSAGE = "Cơ sở dữ liệu tạm thời không truy cập được; chưa lưu gì. Hãy thử lại sau"
      + " ít phút. (The database is unavailable for the moment: nothing was saved, retry shortly.)";
  /** Seconds a client should wait before retrying (the Retry-After header). */
  public static final String RETRY_AFTER = "10";

  private DatabaseUnavailable() {}

  public static boolean is(Throwable t) {
    if (Throwables.find(t, SQLTransientConnectionException.class) != null
        || Throwables.find(t, DataAccessResourceFailureException.class) != null) {
      return true;
    }
    // SQLSTATE class 08: connection exception (the server went away mid-transaction); 57P01-03: shutting down.
    // A connection broken mid-transaction then fails the rollback with HikariCP's "Connection is closed" (no state).
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException s && (s.getSQLState() == null ? "Connection is closed".equals(s.getMessage())
          : s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
        return true;
      }
    }
    return false;
  }
}
