package vn.hoctap.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Counts the SQL statements one chain executes, from the statement logs of the engine (MyBatis, one
 * "Parameters" line per execution, batched ones included), Hibernate (org.hibernate.SQL) and JdbcTemplate. Used
 * once per chain benchmark, outside the timed runs: it explains where the application's time goes compared with
 * the bare engine.
 */
final class SqlCounter extends AppenderBase<ILoggingEvent> {

  record Counts(long engine, long jpa, long jdbc, Map<String, Long> engineByStatement,
      Map<String, Long> domainByStatement) {
    long total() {
      return engine + jpa + jdbc;
    }
  }

  static final List<String> LOGGERS = List.of("org.camunda.bpm.engine.impl.persistence.entity", "org.hibernate.SQL",
      "org.springframework.jdbc.core.JdbcTemplate");

  private final AtomicLong engine = new AtomicLong();
  private final AtomicLong jpa = new AtomicLong();
  private final AtomicLong jdbc = new AtomicLong();
  private final Map<String, Long> byStatement = new TreeMap<>();
  private final Map<String, Long> domain = new TreeMap<>();
  private final String thread = Thread.currentThread().getName();

  @Override
  protected void append(ILoggingEvent e) {
    if (!e.getThreadName().equals(thread)) {
      return;
    }
    String logger = e.getLoggerName();
    String msg = e.getFormattedMessage();
    if (logger.startsWith("org.camunda") && msg.contains("Parameters:")) {
      engine.incrementAndGet();
      String statement = logger.substring(logger.lastIndexOf('.', logger.lastIndexOf('.') - 1) + 1);
      synchronized (byStatement) {
        byStatement.merge(statement, 1L, Long::sum);
      }
    } else if (logger.equals("org.hibernate.SQL")) {
      jpa.incrementAndGet();
      domain(msg);
    } else if (logger.startsWith("org.springframework.jdbc") && msg.startsWith("Executing") && msg.contains("[")) {
      jdbc.incrementAndGet();
      domain(msg.substring(msg.indexOf('[') + 1));
    }
  }

  /** "select dossier", "insert notification", "update decision_counter": the kind and the main table. */
  private void domain(String sql) {
    String s = sql.strip().toLowerCase().replaceAll("\\s+", " ");
    String verb = s.split(" ")[0];
    String table = "?";
    for (String kw : new String[] {" from ", "insert into ", "update "}) {
      int i = outsideParentheses(s, kw);
      if (i >= 0) {
        String rest = s.substring(i + kw.length()).strip();
        table = rest.split("[ (]")[0];
        break;
      }
    }
    synchronized (byStatement) {
      domain.merge(verb + " " + table, 1L, Long::sum);
    }
  }

  /** The first occurrence of the keyword that is not inside a subquery, or -1. */
  private static int outsideParentheses(String sql, String keyword) {
    int depth = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && sql.startsWith(keyword, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Runs the work on this thread with the statement logs on (and printed nowhere else), counting them. */
  static Counts count(Runnable work) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    SqlCounter counter = new SqlCounter();
    counter.setContext(ctx);
    counter.start();
    Map<Logger, Level> levels = new LinkedHashMap<>();
    Map<Logger, Boolean> additive = new LinkedHashMap<>();
    for (String name : LOGGERS) {
      Logger l = ctx.getLogger(name);
      levels.put(l, l.getLevel());
      additive.put(l, l.isAdditive());
      l.setLevel(Level.DEBUG);
      l.setAdditive(false);
      l.addAppender(counter);
    }
    try {
      work.run();
    } finally {
      for (Logger l : levels.keySet()) {
        l.detachAppender(counter);
        l.setLevel(levels.get(l));
        l.setAdditive(additive.get(l));
      }
      counter.stop();
    }
    synchronized (counter.byStatement) {
      return new Counts(counter.engine.get(), counter.jpa.get(), counter.jdbc.get(),
          new LinkedHashMap<>(counter.byStatement), new LinkedHashMap<>(counter.domain));
    }
  }
}
