package vn.hoctap.citizen;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;

/**
 * The person behind a "Công dân" account (table citizen_account): their personal identification number (số định
 * danh cá nhân, the 12 digits of the CCCD), one account per person. It is what finds their entry in a round's list
 * (round_entry.identity_no), and what a single sign-on (VNeID, whose token carries the number) maps to the
 * account: {@link #userOf}.
 */
@Component
public class CitizenIdentities {

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  CitizenIdentities(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Why the text is not a personal identification number, or null if it is one. */
  public static String problem(String identityNo) {
    String s = identityNo == null ? "" : identityNo.strip();
    if (s.isEmpty()) {
      return "Nhập số định danh cá nhân (12 chữ số trên thẻ Căn cước / CCCD).";
    }
    if (!EntryRules.PERSON_ID.matcher(s).matches()) {
      long digits = s.chars().filter(Character::isDigit).count();
      return "Số định danh cá nhân phải gồm đúng 12 chữ số (trên thẻ Căn cước / CCCD), đang là \"" + s + "\""
          + (digits == s.length() ? " (" + digits + " chữ số)" : "") + ".";
    }
    return null;
  }

  @Transactional(readOnly = true)
  public Optional<String> identityOf(String userId) {
    return jdbc.queryForList("select identity_no from citizen_account where user_id = ?", String.class, userId)
        .stream().findFirst();
  }

  /** The account of a person, by their personal identification number (e.g. a VNeID login's claim). */
  @Transactional(readOnly = true)
  public Optional<String> userOf(String identityNo) {
    return jdbc.queryForList("select user_id from citizen_account where identity_no = ?", String.class,
        identityNo == null ? "" : identityNo.strip()).stream().findFirst();
  }

  /**
   * Links the account to the person (or corrects the number of a linked account). The number must be valid and
   * belong to no other account.
   */
  @Transactional
  public void link(String userId, String identityNo, String actor) {
    String problem = problem(identityNo);
    if (problem != null) {
      throw DomainException.badInputOf("Số định danh cá nhân chưa đúng, chưa lưu gì.",
          List.of(new DomainException.Problem("soDinhDanh", problem)));
    }
    String id = identityNo.strip();
    Optional<String> holder = userOf(id);
    if (holder.isPresent() && !holder.get().equals(userId)) {
      throw DomainException.badInputOf("Số định danh cá nhân đã thuộc tài khoản khác, chưa lưu gì.",
          List.of(new DomainException.Problem("soDinhDanh", "Số định danh " + id + " đã gắn với một tài khoản"
              + " khác: mỗi người một tài khoản. Nếu người này đã có tài khoản, hãy giao vai trò cho tài khoản"
              + " đó.")));
    }
    if (holder.isPresent()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.now());
    try {
      if (jdbc.update("update citizen_account set identity_no = ?, created_by = ?, created_at = ? where user_id = ?",
          id, actor, now, userId) == 0) {
        jdbc.update("insert into citizen_account (user_id, identity_no, created_by, created_at) values (?, ?, ?, ?)",
            userId, id, actor, now);
      }
    } catch (DuplicateKeyException e) {
      // someone linked the same number a moment ago
      throw DomainException.conflict("Số định danh " + id + " vừa được gắn với một tài khoản khác: mỗi người một"
          + " tài khoản. Hãy tải lại trang để xem.");
    }
  }
}
