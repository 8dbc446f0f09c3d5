package vn.hoctap.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.Groups;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.report.ReportReminders.Target;

/**
 * The yearly reports recorded as sent: produced from the reporting body's figures when its task is done, attached
 * (Excel) as they were at that moment, and announced to the receiving body's reviewers and viewers.
 */
@Service
public class ReportsSent {

  private final JdbcTemplate jdbc;
  private final DashboardService dashboards;
  private final ReportWriters writers;
  private final NotificationService notifications;
  private final EngineClock clock;

  ReportsSent(JdbcTemplate jdbc, DashboardService dashboards, ReportWriters writers,
      NotificationService notifications, EngineClock clock) {
    this.jdbc = jdbc;
    this.dashboards = dashboards;
    this.writers = writers;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** One report sent, as lists show it. */
  public record Sent(long id, String businessKey, String reporter, String recipient, int year, LocalDate dueOn,
      String source, String note, String fileName, String sentBy, java.time.Instant sentAt, boolean late) {}

  /** Records the report of the task's body as sent and tells the receiving body; returns its id. */
  @Transactional
  long record(Target t, String actor, String note) {
    byte[] xlsx = writers.xlsx(dashboards.yearlyOfBody(t.reporter().getCode(), t.year()));
    String fileName = "bao-cao-" + t.reporter().getCode() + "-" + t.year() + ".xlsx";
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 2000) {
      throw DomainException.badInput("Số văn bản, ngày gửi dài quá 2000 ký tự.");
    }
    GeneratedKeyHolder id = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into report_sent (business_key, reporter_org_id, recipient_org_id,"
          + " recipient_name, report_year, due_on, source, note, file_name, content, sent_by, sent_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, t.key());
      ps.setLong(2, t.reporter().getId());
      ps.setObject(3, t.recipient() == null ? null : t.recipient().getId(), java.sql.Types.BIGINT);
      ps.setString(4, t.recipientName());
      ps.setInt(5, t.year());
      ps.setObject(6, t.due());
      ps.setString(7, t.source().length() > 300 ? t.source().substring(0, 300) : t.source());
      ps.setString(8, text);
      ps.setString(9, fileName);
      ps.setBytes(10, xlsx);
      ps.setString(11, actor);
      ps.setTimestamp(12, Timestamp.from(clock.now()));
      return ps;
    }, id);
    long sentId = id.getKey().longValue();
    if (t.recipient() != null) {
      String subject = "Đã nhận báo cáo: " + t.what() + " của " + t.reporterName();
      String body = t.reporterName() + " đã gửi " + t.what().substring(0, 1).toLowerCase() + t.what().substring(1)
          + " (hạn " + Dates.vn(t.due()) + ", " + ReportReminders.article(t.source()) + ")"
          + (text == null ? "" : "; văn bản: " + text) + ". Báo cáo (Excel) được lưu kèm, xem ở trang “Báo cáo đã"
          + " gửi, đã nhận” (Bảng theo dõi).";
      for (String group : List.of(Groups.reviewer(t.recipient().getCode()), Groups.viewer(t.recipient().getCode()))) {
        notifications.notify(null, group, "REPORT_RECEIVED", subject, body);
      }
    }
    return sentId;
  }

  private static final String SELECT = "select s.id, s.business_key, r.name, s.recipient_name, s.report_year,"
      + " s.due_on, s.source, s.note, s.file_name, s.sent_by, s.sent_at from report_sent s"
      + " join org_unit r on r.id = s.reporter_org_id";

  private static Sent row(java.sql.ResultSet rs) throws java.sql.SQLException {
    LocalDate due = rs.getObject(6, LocalDate.class);
    java.time.Instant at = rs.getTimestamp(11).toInstant();
    return new Sent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), due,
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), at,
        at.atZone(EngineClock.ZONE).toLocalDate().isAfter(due));
  }

  /** The report sent for an instance's business key, if any. */
  @Transactional(readOnly = true)
  public Optional<Sent> byKey(String businessKey) {
    return jdbc.query(SELECT + " where s.business_key = ?", (rs, i) -> row(rs), businessKey).stream().findFirst();
  }

  /** The reports received by or sent from the bodies at those paths (all for an administrator: null). */
  @Transactional(readOnly = true)
  public List<Sent> visible(List<String> paths) {
    if (paths == null) {
      return jdbc.query(SELECT + " order by s.sent_at desc, s.id desc fetch first 200 rows only", (rs, i) -> row(rs));
    }
    if (paths.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder();
    Object[] args = new Object[paths.size() * 2];
    for (int i = 0; i < paths.size(); i++) {
      where.append(i == 0 ? "" : " or ").append("r.path = ? or c.path = ?");
      args[2 * i] = paths.get(i);
      args[2 * i + 1] = paths.get(i);
    }
    return jdbc.query(SELECT + " left join org_unit c on c.id = s.recipient_org_id where " + where
        + " order by s.sent_at desc, s.id desc fetch first 200 rows only", (rs, i) -> row(rs), args);
  }

  /** The attached file, for a user who may see that report. */
  @Transactional(readOnly = true)
  public byte[] content(long id) {
    return jdbc.queryForObject("select content from report_sent where id = ?", byte[].class, id);
  }
}
