package vn.hoctap.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.security.CurrentUser;

/**
 * A user's notifications (thông báo): those sent to any of their groups, so nobody reads another body's. Read
 * state is per user: a watermark ("đánh dấu tất cả đã đọc") and single reads above it, so the bell's unread count
 * is one indexed count over the groups' notifications newer than the watermark.
 */
@Service
public class NotificationReads {

  public record Item(long id, Long dossierId, String subject, String body, Instant createdAt, boolean read) {}

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  NotificationReads(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private static List<String> groups(CurrentUser user) {
    return user == null ? List.of() : user.groups();
  }

  private static String in(List<String> groups) {
    return String.join(",", Collections.nCopies(groups.size(), "?"));
  }

  private long watermark(String user) {
    return jdbc.query("select last_read_id from notification_seen where user_id = ?", rs -> rs.next()
        ? rs.getLong(1) : 0L, user);
  }

  @Transactional(readOnly = true)
  public long unread(CurrentUser user) {
    List<String> groups = groups(user);
    if (groups.isEmpty()) {
      return 0;
    }
    List<Object> args = new ArrayList<>(groups);
    args.add(watermark(user.id()));
    args.add(user.id());
    Long n = jdbc.queryForObject("select count(*) from notification n where n.recipient_group in (" + in(groups)
        + ") and n.id > ? and not exists (select 1 from notification_read r where r.user_id = ?"
        + " and r.notification_id = n.id)", Long.class, args.toArray());
    return n == null ? 0 : n;
  }

  /** The newest first, a page at a time. */
  @Transactional(readOnly = true)
  public List<Item> list(CurrentUser user, int page, int size) {
    List<String> groups = groups(user);
    if (groups.isEmpty()) {
      return List.of();
    }
    long mark = watermark(user.id());
    List<Object> args = new ArrayList<>();
    args.add(user.id());
    args.addAll(groups);
    args.add(size);
    args.add((long) page * size);
    return jdbc.query("select n.id, n.dossier_id, n.subject, n.body, n.created_at, r.notification_id"
        + " from notification n left join notification_read r on r.notification_id = n.id and r.user_id = ?"
        + " where n.recipient_group in (" + in(groups) + ") order by n.id desc limit ? offset ?",
        (rs, i) -> {
          long id = rs.getLong(1);
          long dossier = rs.getLong(2);
          return new Item(id, rs.wasNull() ? null : dossier, rs.getString(3), rs.getString(4),
              rs.getTimestamp(5).toInstant(), id <= mark || rs.getObject(6) != null);
        }, args.toArray());
  }

  @Transactional(readOnly = true)
  public long total(CurrentUser user) {
    List<String> groups = groups(user);
    return groups.isEmpty() ? 0 : jdbc.queryForObject("select count(*) from notification where recipient_group in ("
        + in(groups) + ")", Long.class, groups.toArray());
  }

  /** Marks one of the user's notifications read; another body's is "not found", as if it did not exist. */
  @Transactional
  public void markRead(CurrentUser user, long id) {
    List<String> groups = groups(user);
    List<Object> args = new ArrayList<>();
    args.add(id);
    args.addAll(groups);
    Integer mine = groups.isEmpty() ? Integer.valueOf(0) : jdbc.queryForObject("select count(*) from notification"
        + " where id = ? and recipient_group in (" + in(groups) + ")", Integer.class, args.toArray());
    if (mine == null || mine == 0) {
      throw DomainException.notFound("Không tìm thấy thông báo số " + id + ".");
    }
    if (id <= watermark(user.id())) {
      return;
    }
    Integer had = jdbc.queryForObject("select count(*) from notification_read where user_id = ? and"
        + " notification_id = ?", Integer.class, user.id(), id);
    if (had == null || had == 0) {
      jdbc.update("insert into notification_read (user_id, notification_id, read_at) values (?, ?, ?)", user.id(),
          id, Timestamp.from(clock.now()));
    }
  }

  /** Everything sent so far to the user's groups becomes read: the watermark moves to the newest one. */
  @Transactional
  public void markAllRead(CurrentUser user) {
    List<String> groups = groups(user);
    if (groups.isEmpty()) {
      return;
    }
    Long newest = jdbc.queryForObject("select max(id) from notification where recipient_group in (" + in(groups)
        + ")", Long.class, groups.toArray());
    if (newest == null) {
      return;
    }
    if (jdbc.update("update notification_seen set last_read_id = ? where user_id = ? and last_read_id < ?", newest,
        user.id(), newest) == 0 && watermark(user.id()) == 0) {
      jdbc.update("insert into notification_seen (user_id, last_read_id) values (?, ?)", user.id(), newest);
    }
    jdbc.update("delete from notification_read where user_id = ? and notification_id <= ?", user.id(), newest);
  }
}
