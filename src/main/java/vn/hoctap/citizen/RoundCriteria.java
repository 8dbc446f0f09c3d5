package vn.hoctap.citizen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;

/**
 * The scored criteria sheets of the rounds, as versioned data: the bundled files
 * (src/main/resources/round-criteria/*.json) are stored on first use; an administrator publishes a revised
 * version of what awaits the official text. Entries keep the version they were scored with.
 */
@Service
public class RoundCriteria {

  static final String BUNDLED = "classpath*:round-criteria/*.json";

  /** A sheet version as stored, with its row id. */
  public record Stored(long id, ScoreSheet sheet) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final EngineClock clock;
  private final Map<Long, ScoreSheet> byId = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  RoundCriteria(JdbcTemplate jdbc, ObjectMapper json, EngineClock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** The current (highest) version of the sheet of a subject. */
  @Transactional
  public Stored current(Subject subject) {
    ensureBundled();
    List<Long> ids = jdbc.queryForList("select id from round_criteria_version where subject = ?"
        + " order by version desc, id desc", Long.class, subject.name());
    if (ids.isEmpty()) {
      throw DomainException.notFound("Chưa có bộ tiêu chí cho " + subject.label() + ".");
    }
    return new Stored(ids.get(0), byId(ids.get(0)));
  }

  public ScoreSheet byId(long id) {
    return byId.computeIfAbsent(id, k -> read(jdbc.queryForObject(
        "select definition from round_criteria_version where id = ?", String.class, k)));
  }

  /** Every subject's current sheet. */
  @Transactional
  public List<Stored> all() {
    List<Stored> out = new ArrayList<>();
    for (Subject s : Subject.values()) {
      out.add(current(s));
    }
    return out;
  }

  /**
   * Publishes a revised version of a subject's sheet. Only what awaits the official text may change: a confirmed
   * indicator or a confirmed pass rule must stay as it is.
   */
  @Transactional
  public Stored revise(Subject subject, ScoreSheet revised, String actor) {
    ScoreSheet now = current(subject).sheet();
    if (revised.subject() != subject) {
      throw DomainException.badInput("Bộ tiêu chí gửi lên dành cho " + revised.subject() + ", không phải " + subject);
    }
    List<String> problems = new ArrayList<>();
    if (now.passRule().confirmed() && !now.passRule().equals(revised.passRule())) {
      problems.add("Quy tắc đạt đã được xác nhận theo văn bản, không sửa được.");
    }
    for (ScoreSheet.Item i : now.indicators()) {
      if (i.confirmed() && revised.indicators().stream().noneMatch(r -> r.equals(i))) {
        problems.add("Chỉ tiêu " + i.code() + " đã được xác nhận theo văn bản, không sửa hay bỏ được.");
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(DomainException.Kind.RULE, "Chưa lưu phiên bản mới của bộ tiêu chí:", problems);
    }
    ScoreSheet next = new ScoreSheet(now.code(), now.version() + 1, subject, revised.name(), revised.source(),
        revised.passRule(), revised.indicators());
    return insert(next, actor);
  }

  private synchronized void ensureBundled() {
    if (loaded) {
      return;
    }
    try {
      Resource[] files = new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(BUNDLED);
      for (Resource r : files) {
        ScoreSheet sheet;
        try (InputStream in = r.getInputStream()) {
          sheet = json.readValue(in, ScoreSheet.class);
        }
        Integer present = jdbc.queryForObject("select count(*) from round_criteria_version where code = ?"
            + " and version = ?", Integer.class, sheet.code(), sheet.version());
        if (Objects.requireNonNull(present) == 0) {
          insert(sheet, "hệ thống");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Không đọc được thư mục round-criteria/", e);
    }
    // the rows are inserted in the caller's transaction: if it rolls back (a refused revision was the first use),
    // they are gone and the next use must insert them again
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          loaded = true;
        }
      });
    } else {
      loaded = true;
    }
  }

  private Stored insert(ScoreSheet sheet, String actor) {
    jdbc.update("insert into round_criteria_version (code, version, subject, definition, created_at, created_by)"
        + " values (?, ?, ?, ?, ?, ?)", sheet.code(), sheet.version(), sheet.subject().name(), write(sheet),
        Timestamp.from(clock.now()), actor);
    long id = Objects.requireNonNull(jdbc.queryForObject("select id from round_criteria_version where code = ?"
        + " and version = ?", Long.class, sheet.code(), sheet.version()));
    byId.put(id, sheet);
    return new Stored(id, sheet);
  }

  private ScoreSheet read(String s) {
    try {
      return json.readValue(s, ScoreSheet.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Bộ tiêu chí lưu không đọc được", e);
    }
  }

  private String write(ScoreSheet s) {
    try {
      return json.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
