package vn.hoctap.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days of the Vietnamese public administration: Monday to Friday, except the public holidays and days off
 * in compensation of the calendar (table calendar_day), plus the Saturdays or Sundays worked in their place.
 * Counting follows the usual rule for periods "kể từ ngày": the day the period starts from is not counted.
 */
@Service
public class WorkingDays {

  /** How far ahead one read of the calendar reaches (a period of N working days fits in about 1.4 N + holidays). */
  private static final int WINDOW_DAYS = 120;

  private final JdbcTemplate jdbc;

  WorkingDays(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the day is a working day. */
  @Transactional(readOnly = true)
  public boolean isWorkingDay(LocalDate day) {
    return working(day, exceptions(day, day));
  }

  /**
   * The day on which a period of {@code n} working days counted from {@code from} ends: the n-th working day after
   * {@code from} ({@code from} itself not counted). {@code n = 0} is {@code from}.
   */
  @Transactional(readOnly = true)
  public LocalDate add(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a negative number of working days: " + n);
    }
    LocalDate day = from;
    int left = n;
    while (left > 0) {
      LocalDate windowEnd = day.plusDays(WINDOW_DAYS);
      Map<LocalDate, CalendarDay.Kind> exceptions = exceptions(day.plusDays(1), windowEnd);
      while (left > 0 && day.isBefore(windowEnd)) {
        day = day.plusDays(1);
        if (working(day, exceptions)) {
          left--;
        }
      }
    }
    return day;
  }

  /**
   * The working days after {@code from} up to and including {@code to} (so {@code between(d, add(d, n)) == n});
   * negative when {@code to} is before {@code from}.
   */
  @Transactional(readOnly = true)
  public int between(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -between(to, from);
    }
    Map<LocalDate, CalendarDay.Kind> exceptions = exceptions(from.plusDays(1), to);
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (working(day, exceptions)) {
        count++;
      }
    }
    return count;
  }

  private static boolean working(LocalDate day, Map<LocalDate, CalendarDay.Kind> exceptions) {
    CalendarDay.Kind kind = exceptions.get(day);
    if (kind != null) {
      return kind == CalendarDay.Kind.WORKING_DAY;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  private Map<LocalDate, CalendarDay.Kind> exceptions(LocalDate from, LocalDate to) {
    Map<LocalDate, CalendarDay.Kind> found = new HashMap<>();
    jdbc.query("select calendar_date, kind from calendar_day where calendar_date between ? and ?",
        rs -> {
          found.put(rs.getObject(1, LocalDate.class), CalendarDay.Kind.valueOf(rs.getString(2)));
        }, from, to);
    return found;
  }
}
