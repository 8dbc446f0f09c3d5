package vn.hoctap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import vn.hoctap.common.DatabaseUnavailable;

/**
 * Which failures are "the database cannot be reached" (answered 503, retry) and which are not (500). The outage
 * itself is exercised by scripts/reliability/db-restart.sh against a real PostgreSQL restart.
 */
class DatabaseUnavailableTest {

  @Test
  void outagesAreRecognisedBehindTheWrappers() {
    // no connection from the pool within its timeout, seen by Spring when a transaction begins
    assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("Could not open JPA EntityManager",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    // the server went away mid-statement, seen through the engine
    assertThat(DatabaseUnavailable.is(new ProcessEngineException("persistence layer",
        new SQLException("An I/O error occurred while sending to the backend.", "08006",
            new SocketException("Broken pipe"))))).isTrue();
    assertThat(DatabaseUnavailable.is(new SQLException("terminating connection due to administrator command",
        "57P01"))).isTrue();
    // the rollback of a transaction whose connection broke
    assertThat(DatabaseUnavailable.is(new JpaSystemException(new RuntimeException("Unable to rollback",
        new SQLException("Connection is closed"))))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseUnavailable.is(new SQLException("duplicate key value", "23505"))).isFalse();
    assertThat(DatabaseUnavailable.is(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseUnavailable.is(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.is(new ProcessEngineException("no such task"))).isFalse();
  }
}
