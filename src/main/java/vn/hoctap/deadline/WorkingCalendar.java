package vn.hoctap.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.common.EngineClock;

/**
 * The administrators' edits of the working-day calendar ({@link CalendarDay}): a year's exceptions, adding one,
 * confirming one against its official text, removing one. Every change is audited. Timers already dated by the
 * calendar keep their date (a change applies to the deadlines computed after it).
 */
@Service
public class WorkingCalendar {

  /** Dates as people type them: 2/9/2027 or 02/09/2027. */
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  private final CalendarDayRepository days;
  private final AuditLog audit;
  private final EngineClock clock;

  WorkingCalendar(CalendarDayRepository days, AuditLog audit, EngineClock clock) {
    this.days = days;
    this.audit = audit;
    this.clock = clock;
  }

  /** What an administrator typed in the form. */
  public record NewDay(String date, String kind, String name, String source, boolean confirmed) {
    public static NewDay empty() {
      return new NewDay("", CalendarDay.Kind.HOLIDAY.name(), "", "", false);
    }
  }

  @Transactional(readOnly = true)
  public List<CalendarDay> year(int year) {
    return days.findByDateBetweenOrderByDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /**
   * Whether a year's calendar holds the days off Bộ luật Lao động 2019 Điều 112 khoản 1 gives whose exact days are
   * the Government's decision each year: 5 days of Tết Âm lịch (điểm b) and 2 days of Quốc khánh, 02/9 and one
   * adjacent day (điểm e). Counted from the public holidays (HOLIDAY) of that year by their name.
   */
  public record Completeness(int year, int tet, int nationalDay) {
    public static final int TET_DAYS = 5;
    public static final int NATIONAL_DAYS = 2;

    public boolean complete() {
      return tet >= TET_DAYS && nationalDay >= NATIONAL_DAYS;
    }

    /** What is missing, one sentence per holiday; empty when complete. */
    public List<String> missing() {
      List<String> out = new ArrayList<>();
      if (tet < TET_DAYS) {
        out.add("Tết Âm lịch: lịch có " + tet + " ngày, luật quy định " + TET_DAYS + " ngày (Bộ luật Lao động 2019,"
            + " Điều 112 khoản 1 điểm b) — hãy thêm " + (TET_DAYS - tet) + " ngày nghỉ Tết theo phương án nghỉ Tết"
            + " năm " + year + " do Chính phủ quyết định.");
      }
      if (nationalDay < NATIONAL_DAYS) {
        out.add("Quốc khánh: lịch có " + nationalDay + " ngày, luật quy định " + NATIONAL_DAYS + " ngày (ngày 02/9 và"
            + " một ngày liền kề trước hoặc sau, Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e) — hãy thêm "
            + (NATIONAL_DAYS - nationalDay) + " ngày theo thông báo nghỉ lễ Quốc khánh năm " + year + ".");
      }
      return out;
    }
  }

  @Transactional(readOnly = true)
  public Completeness completeness(int year) {
    int tet = 0;
    int national = 0;
    for (CalendarDay d : year(year)) {
      if (d.getKind() != CalendarDay.Kind.HOLIDAY) {
        continue;
      }
      String name = d.getName().toLowerCase(java.util.Locale.ROOT);
      if (name.contains("quốc khánh")) {
        national++;
      } else if (name.contains("tết") && !name.contains("dương lịch")) {
        tet++;
      }
    }
    return new Completeness(year, tet, national);
  }

  /** Adds a day after checking every field; nothing is saved when one is wrong. */
  @Transactional
  public CalendarDay add(String actor, NewDay in) {
    List<Problem> problems = new ArrayList<>();
    LocalDate date = parse(in.date(), problems);
    CalendarDay.Kind kind = null;
    try {
      kind = CalendarDay.Kind.valueOf(in.kind() == null ? "" : in.kind());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("kind", "Hãy chọn loại ngày."));
    }
    String name = in.name() == null ? "" : in.name().strip();
    if (name.isEmpty()) {
      problems.add(new Problem("name", "Cần ghi tên ngày (ví dụ: Quốc khánh, nghỉ bù)."));
    } else if (name.length() > 200) {
      problems.add(new Problem("name", "Tên ngày dài quá 200 ký tự."));
    }
    String source = in.source() == null ? "" : in.source().strip();
    if (source.isEmpty()) {
      problems.add(new Problem("source", "Cần ghi căn cứ (số văn bản, hoặc \"chờ xác nhận văn bản\")."));
    } else if (source.length() > 300) {
      problems.add(new Problem("source", "Căn cứ dài quá 300 ký tự: hãy ghi số và ngày của văn bản."));
    }
    if (date != null && kind != null) {
      boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (kind == CalendarDay.Kind.WORKING_DAY && !weekend) {
        problems.add(new Problem("date", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; " + Dates.vn(date)
            + " đã là ngày làm việc."));
      } else if (kind == CalendarDay.Kind.DAY_OFF && weekend) {
        problems.add(new Problem("date", "Ngày nghỉ bù phải là ngày làm việc (thứ Hai đến thứ Sáu); " + Dates.vn(date)
            + " đã là ngày nghỉ hằng tuần."));
      }
    }
    if (date != null) {
      days.findByDate(date).ifPresent(existing -> problems.add(new Problem("date", "Ngày " + Dates.vn(date)
          + " đã có trong lịch (" + existing.getName() + ").")));
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Chưa thêm được ngày vào lịch.", problems);
    }
    CalendarDay saved = days.saveAndFlush(new CalendarDay(date, kind, name, source, in.confirmed(), actor,
        clock.now()));
    audit.record(actor, "CALENDAR_DAY_ADDED", AuditLog.Target.DEADLINE, Dates.vn(date), null, describe(saved));
    return saved;
  }

  /** Marks a day as confirmed by its official text, if nobody changed it since the page was shown. */
  @Transactional
  public CalendarDay confirm(String actor, long id, long version, String source) {
    String text = source == null ? "" : source.strip();
    if (text.isEmpty() || text.length() > 300) {
      throw DomainException.badInputOf("Chưa xác nhận được.", List.of(new Problem("source",
          "Cần ghi số và ngày của văn bản quy định ngày này (tối đa 300 ký tự).")));
    }
    CalendarDay day = current(id, version);
    Map<String, Object> before = describe(day);
    day.confirm(text, actor, clock.now());
    days.flush();
    audit.record(actor, "CALENDAR_DAY_CONFIRMED", AuditLog.Target.DEADLINE, Dates.vn(day.getDate()), before,
        describe(day));
    return day;
  }

  /** Removes a day, if nobody changed it since the page was shown. */
  @Transactional
  public CalendarDay remove(String actor, long id, long version) {
    CalendarDay day = current(id, version);
    days.delete(day);
    days.flush();
    audit.record(actor, "CALENDAR_DAY_REMOVED", AuditLog.Target.DEADLINE, Dates.vn(day.getDate()), describe(day),
        null);
    return day;
  }

  private CalendarDay current(long id, long version) {
    CalendarDay day = days.findById(id).orElseThrow(() -> DomainException.conflict(
        "Ngày này vừa được người khác xoá khỏi lịch. Hãy xem lại lịch."));
    if (day.getRowVersion() != version) {
      throw DomainException.conflict("Ngày " + Dates.vn(day.getDate()) + " vừa được người khác sửa. Hãy xem lại"
          + " lịch rồi làm lại.");
    }
    return day;
  }

  private static LocalDate parse(String typed, List<Problem> problems) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      problems.add(new Problem("date", "Cần ghi ngày, theo dạng ngày/tháng/năm (ví dụ 02/09/2027)."));
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text, TYPED);
      if (date.getYear() < 2000 || date.getYear() > 2100) {
        problems.add(new Problem("date", "Năm " + date.getYear() + " nằm ngoài lịch (2000–2100)."));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(new Problem("date", "\"" + text + "\" không phải là một ngày có thật. Hãy ghi theo dạng"
          + " ngày/tháng/năm, ví dụ 02/09/2027."));
      return null;
    }
  }

  private static Map<String, Object> describe(CalendarDay d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ngay", Dates.vn(d.getDate()));
    m.put("loai", d.getKind().label());
    m.put("ten", d.getName());
    m.put("canCu", d.getSource());
    m.put("daXacNhan", d.isConfirmed());
    return m;
  }
}
