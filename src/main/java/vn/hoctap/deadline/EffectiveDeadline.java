package vn.hoctap.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.hoctap.common.Dates;
import vn.hoctap.common.EngineClock;

/**
 * A deadline as it applies to one dossier: the rule's date, or an administrator's extension. The deadline day
 * itself is still on time; the work is overdue from the first moment of the next day (Vietnam time).
 */
public record EffectiveDeadline(DeadlineKind kind, LocalDate date, LocalDate ruleDate, int remindDaysBefore,
    String source, boolean confirmed, DeadlineExtension extension) {

  public boolean extended() {
    return extension != null;
  }

  public Instant reminderAt() {
    return date.minusDays(remindDaysBefore).atTime(LocalTime.of(8, 0)).atZone(EngineClock.ZONE).toInstant();
  }

  public Instant overdueAt() {
    return date.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant();
  }

  public boolean passed(Instant now) {
    return !now.isBefore(overdueAt());
  }

  public String describe() {
    return kind.label() + " " + Dates.vn(date)
        + (extended() ? " (đã gia hạn từ " + Dates.vn(ruleDate) + ")" : "")
        + (confirmed ? "" : " — theo cấu hình của tỉnh, chờ xác nhận văn bản");
  }
}
