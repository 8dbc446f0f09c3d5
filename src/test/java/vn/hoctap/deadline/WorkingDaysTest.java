package vn.hoctap.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.support.HoctapTest;

/**
 * The working-day calendar as seeded (migration V52): Saturdays and Sundays off, the public holidays of Bộ luật
 * Lao động 2019 Điều 112 off, the compensating days off and the Saturdays worked as rows; the day a period counts
 * from is not counted.
 */
@HoctapTest
class WorkingDaysTest {

  @Autowired WorkingDays days;

  @Test
  void aWeekendIsSkipped() {
    LocalDate friday = LocalDate.of(2026, 3, 6);
    assertThat(days.isWorkingDay(friday)).isTrue();
    assertThat(days.isWorkingDay(LocalDate.of(2026, 3, 7))).as("Saturday").isFalse();
    assertThat(days.isWorkingDay(LocalDate.of(2026, 3, 8))).as("Sunday").isFalse();
    assertThat(days.add(friday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(days.add(friday, 5)).isEqualTo(LocalDate.of(2026, 3, 13));
    assertThat(days.add(friday, 0)).isEqualTo(friday);
    assertThat(days.between(friday, LocalDate.of(2026, 3, 9))).isEqualTo(1);
    assertThat(days.between(friday, LocalDate.of(2026, 3, 8))).as("only the weekend between").isZero();
    assertThat(days.between(LocalDate.of(2026, 3, 9), friday)).as("backwards").isEqualTo(-1);
  }

  @Test
  void blld2019Dieu112K1b_tetNguyenDan2025From25JanuaryTo2FebruaryIsSkipped() {
    LocalDate lastDayBeforeTet = LocalDate.of(2025, 1, 24);
    for (LocalDate d = LocalDate.of(2025, 1, 25); !d.isAfter(LocalDate.of(2025, 2, 2)); d = d.plusDays(1)) {
      assertThat(days.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    assertThat(days.add(lastDayBeforeTet, 1)).isEqualTo(LocalDate.of(2025, 2, 3));
    assertThat(days.between(lastDayBeforeTet, LocalDate.of(2025, 2, 3))).isEqualTo(1);
  }

  @Test
  void blld2019Dieu112K1b_tetNguyenDan2024From8To14FebruaryIsSkipped() {
    assertThat(days.add(LocalDate.of(2024, 2, 7), 1)).isEqualTo(LocalDate.of(2024, 2, 15));
  }

  @Test
  void blld2019Dieu112K1b_tet2026FiveDaysAreSkippedAcross20WorkingDays() {
    // the five Tết days of Bính Ngọ on weekdays, 16–20/02/2026 (mùng 1–3 = 17–19/02 since V52, 29 tháng Chạp and
    // mùng 4 = 16/02 and 20/02 since V60); without them the 20th working day would be 12/03, with mùng 1–3 alone
    // 17/03
    LocalDate received = LocalDate.of(2026, 2, 12);
    assertThat(days.add(received, 20)).isEqualTo(LocalDate.of(2026, 3, 19));
    assertThat(days.between(received, LocalDate.of(2026, 3, 19))).isEqualTo(20);
    assertThat(days.between(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 23))).as("only Monday 23/02")
        .isEqualTo(1);
  }

  @Test
  void blld2019Dieu112K1dd_30AprilAnd1MayWithTheSwappedFridayAndWorkedSaturdayOf2025() {
    assertThat(days.isWorkingDay(LocalDate.of(2025, 4, 30))).isFalse();
    assertThat(days.isWorkingDay(LocalDate.of(2025, 5, 1))).isFalse();
    assertThat(days.isWorkingDay(LocalDate.of(2025, 5, 2))).as("Friday swapped").isFalse();
    assertThat(days.isWorkingDay(LocalDate.of(2025, 4, 26))).as("Saturday worked instead").isTrue();
    assertThat(days.add(LocalDate.of(2025, 4, 29), 1)).isEqualTo(LocalDate.of(2025, 5, 5));
    assertThat(days.add(LocalDate.of(2025, 4, 25), 1)).isEqualTo(LocalDate.of(2025, 4, 26));
    assertThat(days.between(LocalDate.of(2025, 4, 24), LocalDate.of(2025, 5, 5))).as("25/04, 26/04, 28/04, 29/04, 05/05")
        .isEqualTo(5);
  }

  @Test
  void blld2019Dieu112K3_aHolidayOnASundayIsCompensatedOnTheNextWorkingDay() {
    // Giỗ Tổ Hùng Vương 2026 (10/3 âm lịch) is Sunday 26/04: Monday 27/04 is off, then 30/04 and 01/05
    assertThat(days.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
    assertThat(days.add(LocalDate.of(2026, 4, 24), 1)).isEqualTo(LocalDate.of(2026, 4, 28));
    assertThat(days.add(LocalDate.of(2026, 4, 29), 1)).isEqualTo(LocalDate.of(2026, 5, 4));
  }
}
