package vn.hoctap.criteria;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoctap.org.UnitKind;

/**
 * The stored criteria set versions (table criteria_set_version). The sets bundled under criteria/ are imported at
 * start-up; rows are never updated, a revision of an unconfirmed indicator becomes a new version, so every
 * evaluation stored on a dossier can still be explained with the exact version it used.
 */
@Service
@Order(0)
public class CriteriaCatalog implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CriteriaCatalog.class);

  /** created_by of the rows imported from the bundled files. */
  public static final String BUNDLED_BY = "system:criteria-files";

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final String COLUMNS = "id, definition, created_at, created_by";

  private final JdbcTemplate jdbc;
  private final CriteriaSetJson json;
  private final Clock clock;
  /** Rows are immutable, so a parsed set can be cached by id forever. */
  private final Map<Long, StoredCriteriaSet> byId = new ConcurrentHashMap<>();
  private volatile boolean imported;

  @Autowired
  public CriteriaCatalog(JdbcTemplate jdbc, ObjectMapper objectMapper) {
    this(jdbc, new CriteriaSetJson(objectMapper), Clock.system(VIETNAM));
  }

  CriteriaCatalog(JdbcTemplate jdbc, CriteriaSetJson json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    importBundledSets();
  }

  /**
   * Stores each bundled set whose (code, version) is not stored yet; returns how many were stored. A bundled
   * file that differs from the stored row of the same version is not applied (it would rewrite history): its
   * version must be raised instead, which the warning says.
   */
  public synchronized int importBundledSets() {
    int stored = 0;
    for (CriteriaSet set : json.readBundled()) {
      Optional<StoredCriteriaSet> existing = find(set.code(), set.version());
      if (existing.isPresent()) {
        if (!existing.get().set().equals(set)) {
          log.warn("Tệp criteria/{}.json khác với phiên bản {} đã lưu (id={}); không ghi đè. Hãy tăng version trong tệp.",
              set.code(), set.version(), existing.get().id());
        }
        continue;
      }
      try {
        insert(set, BUNDLED_BY);
        stored++;
        log.info("Đã lưu bộ tiêu chí {} phiên bản {}", set.code(), set.version());
      } catch (DuplicateKeyException e) {
        log.debug("Bộ tiêu chí {} phiên bản {} vừa được nút khác lưu", set.code(), set.version());
      }
    }
    imported = true;
    return stored;
  }

  /** The set in force on {@code asOf}: see {@link #currentStored}. */
  public CriteriaSet current(String title, UnitKind.Tier tier, int level, LocalDate asOf) {
    return currentStored(title, tier, level, asOf).set();
  }

  /**
   * The version in force on {@code asOf} for a title, tier and level: the latest effective date not after
   * {@code asOf}, and among those the highest version. Ordering by date first lets a set with a new code (a new
   * circular) replace the old one from its effective date.
   */
  public StoredCriteriaSet currentStored(String title, UnitKind.Tier tier, int level, LocalDate asOf) {
    ensureImported();
    List<Long> ids = jdbc.queryForList(
        "select id from criteria_set_version where title = ? and tier = ? and level = ? and effective_from <= ?"
            + " order by effective_from desc, version desc, id desc limit 1",
        Long.class, title, tier.name(), level, asOf);
    if (ids.isEmpty()) {
      throw new IllegalStateException("Chưa có bộ tiêu chí " + title + " cho đơn vị "
          + tier.label() + ", mức độ " + level
          + " có hiệu lực vào ngày " + asOf + ": cần nạp bộ tiêu chí trước khi đánh giá.");
    }
    return byId(ids.get(0));
  }

  public StoredCriteriaSet byId(long id) {
    return byId.computeIfAbsent(id, this::load);
  }

  /** All stored versions of one set code, oldest first (for administration screens). */
  public List<StoredCriteriaSet> versions(String code) {
    ensureImported();
    return jdbc.queryForList("select id from criteria_set_version where code = ? order by version", Long.class, code)
        .stream().map(this::byId).toList();
  }

  /**
   * Stores a new version of a set in which one unconfirmed indicator ("chờ xác nhận văn bản") has a new text
   * and/or threshold, effective today (or from the base's own date if that is later). {@code null} keeps the
   * current value; an empty threshold removes it. Confirmed indicators follow the legal text and are refused.
   */
  public synchronized StoredCriteriaSet reviseUnconfirmedIndicator(long baseId, String indicatorCode, String newText,
      String newThreshold, String by) {
    if (by == null || by.isBlank() || by.length() > 100) {
      throw new IllegalArgumentException("Cần ghi rõ người sửa bộ tiêu chí (tối đa 100 ký tự).");
    }
    StoredCriteriaSet base = byId(baseId);
    CriteriaSet set = base.set();
    Indicator old = set.indicator(indicatorCode).orElseThrow(() -> new IllegalArgumentException(
        "Bộ tiêu chí " + set.code() + " (phiên bản " + set.version() + ") không có chỉ tiêu «" + indicatorCode + "»."));
    if (old.confirmed()) {
      throw new IllegalArgumentException("Chỉ tiêu " + old.code() + " đã được xác nhận theo văn bản (" + old.source()
          + ") nên không được sửa; chỉ sửa được các chỉ tiêu chờ xác nhận văn bản.");
    }
    Indicator revised = old.withTextAndThreshold(
        newText == null ? old.text() : newText, newThreshold == null ? old.threshold() : newThreshold);
    if (revised.equals(old)) {
      throw new IllegalArgumentException("Chỉ tiêu " + old.code() + " không có gì thay đổi nên không tạo phiên bản mới.");
    }
    // max + 1 rather than base + 1: the base may not be the latest version of this code.
    Integer max = jdbc.queryForObject("select max(version) from criteria_set_version where code = ?", Integer.class,
        set.code());
    LocalDate today = LocalDate.now(clock);
    LocalDate effective = set.effectiveFrom().isAfter(today) ? set.effectiveFrom() : today;
    CriteriaSet next = set.withIndicator(revised).asVersion(max + 1, effective);
    try {
      long id = insert(next, by.strip());
      log.info("{} đã sửa chỉ tiêu {} của {}: phiên bản {} (id={}) thay cho phiên bản {}", by, old.code(), set.code(),
          next.version(), id, set.version());
      return byId(id);
    } catch (DuplicateKeyException e) {
      throw new IllegalStateException("Bộ tiêu chí " + set.code() + " vừa được người khác sửa; hãy tải lại và thử lại.",
          e);
    }
  }

  private void ensureImported() {
    // Covers callers that run before the ApplicationRunner (e.g. other runners or early tests).
    if (!imported) {
      importBundledSets();
    }
  }

  private Optional<StoredCriteriaSet> find(String code, int version) {
    return jdbc.query("select " + COLUMNS + " from criteria_set_version where code = ? and version = ?",
        this::map, code, version).stream().findFirst();
  }

  private StoredCriteriaSet load(long id) {
    return jdbc.query("select " + COLUMNS + " from criteria_set_version where id = ?", this::map, id)
        .stream().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Không có bộ tiêu chí đã lưu với id " + id + "."));
  }

  private StoredCriteriaSet map(ResultSet rs, int row) throws SQLException {
    return new StoredCriteriaSet(rs.getLong("id"), json.read(rs.getString("definition")),
        rs.getObject("created_at", LocalDateTime.class), rs.getString("created_by"));
  }

  /** Stores a version as it is (package-private: the bundled import, revisions, and tests of versions). */
  long insert(CriteriaSet set, String by) {
    jdbc.update("insert into criteria_set_version (code, version, title, tier, level, effective_from, source,"
            + " definition, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        set.code(), set.version(), set.title(), set.tier().name(), set.level(), set.effectiveFrom(), set.source(),
        json.write(set), LocalDateTime.now(clock), by);
    // Read the id back by the unique key: portable across H2 and PostgreSQL without driver-specific key names.
    Long id = jdbc.queryForObject("select id from criteria_set_version where code = ? and version = ?", Long.class,
        set.code(), set.version());
    return id;
  }
}
