package vn.hoctap.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.admin.AuditEntry;
import vn.hoctap.admin.AuditEntryRepository;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.support.HoctapTest;

/**
 * The administrators' edits of the working-day calendar: each field checked with a Vietnamese message next to it
 * and nothing saved, a day worked only on a weekend and a day off only on a weekday, one row per date, a stale page
 * refused as someone else's change, every change audited. Years 2032–2033, which no other test uses.
 */
@HoctapTest
class WorkingCalendarTest {

  @Autowired WorkingCalendar calendar;
  @Autowired WorkingDays workingDays;
  @Autowired AuditEntryRepository audit;

  static WorkingCalendar.NewDay day(String date, CalendarDay.Kind kind) {
    return new WorkingCalendar.NewDay(date, kind.name(), "Ngày thử", "Văn bản thử", false);
  }

  DomainException refused(Runnable change) {
    return catchThrowableOfType(change::run, DomainException.class);
  }

  @Test
  void everyFieldIsCheckedAndNothingIsSaved() {
    DomainException e = refused(() -> calendar.add("admin",
        new WorkingCalendar.NewDay("29/02/2033", "HOLIDAY", " ", "", false)));
    assertThat(e.getMessage()).isEqualTo("Chưa thêm được ngày vào lịch.");
    assertThat(e.fieldProblems()).extracting(Problem::field).containsExactly("date", "name", "source");
    assertThat(e.fieldProblems().get(0).message()).contains("\"29/02/2033\" không phải là một ngày có thật");
    assertThat(refused(() -> calendar.add("admin", day("", CalendarDay.Kind.HOLIDAY))).fieldProblems())
        .extracting(Problem::message).containsExactly("Cần ghi ngày, theo dạng ngày/tháng/năm (ví dụ 02/09/2027).");
    assertThat(refused(() -> calendar.add("admin", new WorkingCalendar.NewDay("03/01/2033", "NGHI", "Ngày thử",
        "Văn bản thử", false))).fieldProblems()).extracting(Problem::field).containsExactly("kind");
    assertThat(calendar.year(2033)).isEmpty();
  }

  @Test
  void aDayWorkedIsAWeekendDayAndADayOffAWeekday() {
    // 08/01/2033 is a Saturday, 10/01/2033 a Monday
    assertThat(refused(() -> calendar.add("admin", day("10/01/2033", CalendarDay.Kind.WORKING_DAY))).fieldProblems())
        .extracting(Problem::message).containsExactly("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; 10/01/2033 đã là"
            + " ngày làm việc.");
    assertThat(refused(() -> calendar.add("admin", day("08/01/2033", CalendarDay.Kind.DAY_OFF))).fieldProblems())
        .extracting(Problem::message).containsExactly("Ngày nghỉ bù phải là ngày làm việc (thứ Hai đến thứ Sáu);"
            + " 08/01/2033 đã là ngày nghỉ hằng tuần.");
    calendar.add("admin", day("8/1/2033", CalendarDay.Kind.WORKING_DAY));
    calendar.add("admin", day("10/01/2033", CalendarDay.Kind.DAY_OFF));
    assertThat(workingDays.isWorkingDay(LocalDate.of(2033, 1, 8))).isTrue();
    assertThat(workingDays.add(LocalDate.of(2033, 1, 7), 2)).isEqualTo(LocalDate.of(2033, 1, 11));
    assertThat(refused(() -> calendar.add("admin", day("10/01/2033", CalendarDay.Kind.HOLIDAY))).fieldProblems())
        .extracting(Problem::message).containsExactly("Ngày 10/01/2033 đã có trong lịch (Ngày thử).");
  }

  @Test
  void aStalePageIsRefusedAndEveryChangeIsAudited() {
    CalendarDay added = calendar.add("admin", day("02/09/2032", CalendarDay.Kind.HOLIDAY));
    long shown = added.getRowVersion();
    CalendarDay confirmed = calendar.confirm("admin", added.getId(), shown, "Văn bản số 1/2032");
    assertThat(confirmed.isConfirmed()).isTrue();
    assertThat(refused(() -> calendar.remove("admin", added.getId(), shown)).getMessage())
        .isEqualTo("Ngày 02/09/2032 vừa được người khác sửa. Hãy xem lại lịch rồi làm lại.");
    calendar.remove("admin", added.getId(), confirmed.getRowVersion());
    assertThat(refused(() -> calendar.remove("admin", added.getId(), confirmed.getRowVersion())).kind())
        .isEqualTo(DomainException.Kind.CONFLICT);
    assertThat(audit.findByTargetTypeAndTargetIdOrderByIdAsc("DEADLINE", "02/09/2032"))
        .extracting(AuditEntry::getAction)
        .containsExactly("CALENDAR_DAY_ADDED", "CALENDAR_DAY_CONFIRMED", "CALENDAR_DAY_REMOVED");
  }
}
