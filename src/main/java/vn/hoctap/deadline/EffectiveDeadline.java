package vn.hoctap.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.hoctap.common.Dates;
import vn.hoctap.common.EngineClock;

/**
 * A deadline as it applies to one dossier: the rule's date, or an administrator's extension. The deadline day
 * itself is still on time; the work is overdue from the first moment of the next day (Vietnam time).
 *
 * <p>A working-day rule ({@code workingDays} set) counts from {@code startedOn}, the day the complete, valid
 * dossier was received; until then ({@code startedOn} null) its date is provisional, counted as if the dossier
 * were received complete today. A rule the texts give without a date has a null date.
 */
public record EffectiveDeadline(DeadlineKind kind, LocalDate date, LocalDate ruleDate, int remindDaysBefore,
    String source, boolean confirmed, DeadlineExtension extension, Integer workingDays, LocalDate startedOn) {

  public boolean extended() {
    return extension != null;
  }

  /** Whether the texts name this deadline without a date (nothing to time, nothing to be late for). */
  public boolean undated() {
    return date == null;
  }

  /** Whether this is a working-day deadline still waiting for the complete dossier to start counting. */
  public boolean provisional() {
    return workingDays != null && startedOn == null && !extended();
  }

  public Instant reminderAt() {
    return date.minusDays(remindDaysBefore).atTime(LocalTime.of(8, 0)).atZone(EngineClock.ZONE).toInstant();
  }

  public Instant overdueAt() {
    return date.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant();
  }

  public boolean passed(Instant now) {
    return date != null && !now.isBefore(overdueAt());
  }

  public String describe() {
    if (undated()) {
      return kind.label() + ": văn bản không ghi ngày (" + source + ") — chờ xác nhận văn bản";
    }
    String counted = "";
    if (workingDays != null && !extended()) {
      counted = startedOn != null
          ? " (" + workingDays + " ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ " + Dates.vn(startedOn) + ")"
          : " (" + workingDays + " ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; chưa nhận đủ hồ sơ, tính tạm từ"
              + " hôm nay)";
    }
    return kind.label() + " " + Dates.vn(date) + counted
        + (extended() ? " (đã gia hạn từ " + Dates.vn(ruleDate) + ")" : "")
        + (confirmed ? "" : " — theo cấu hình của tỉnh, chờ xác nhận văn bản");
  }
}
