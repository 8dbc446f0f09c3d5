package vn.hoctap.admin;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.EngineClock;

/**
 * The audit log of administrators' changes. {@link #record} joins the caller's transaction (it refuses to run
 * without one), so a change and its audit row are committed or rolled back together.
 */
@Service
public class AuditLog {

  /** What was changed. */
  public enum Target {
    ORG_UNIT, USER, ROLE, DEADLINE, COUNCIL, IMPORT, REFUSED, AUTHORITY_RULE, RECOGNITION, DOSSIER_KIND_RULE,
    COUNCIL_RULE, AWARD_AUTHORITY, AWARD_AMOUNT, BASE_SALARY
  }

  private final AuditEntryRepository entries;
  private final ObjectMapper json;
  private final EngineClock clock;

  public AuditLog(AuditEntryRepository entries, ObjectMapper json, EngineClock clock) {
    this.entries = entries;
    this.json = json;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public AuditEntry record(String actor, String action, Target target, String targetId, Object before,
      Object after) {
    return entries.save(new AuditEntry(clock.now(), actor, action, target.name(), targetId, write(before),
        write(after)));
  }

  /**
   * A request the trust boundary refused (an operation or a field the user's step does not allow). In a
   * transaction of its own: the refused request itself is rolled back, its trace stays.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void refused(String actor, String what, String why) {
    entries.save(new AuditEntry(clock.now(), actor, "REFUSED", Target.REFUSED.name(),
        what.length() > 200 ? what.substring(0, 200) : what, null, write(Map.of("lyDo", why))));
  }

  /** Newest first. */
  @Transactional(readOnly = true)
  public Page<AuditEntry> page(int page, int size) {
    return entries.findAll(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
  }

  private String write(Object state) {
    if (state == null) {
      return null;
    }
    try {
      return json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Không ghi được nhật ký quản trị", e);
    }
  }
}
