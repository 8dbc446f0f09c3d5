package vn.hoctap.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.admin.PageSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * /quan-tri/lich-lam-viec over real HTTP: administrators only (others get the Vietnamese refusal page, and their
 * posts change nothing), CSRF on every form. Year 2034, which no other test uses.
 */
@HoctapTest
class CalendarPagesHttpTest {

  static final String PAGE = "/quan-tri/lich-lam-viec";

  @LocalServerPort int port;
  @Autowired WorkingDays workingDays;

  @Test
  void onlyAdministratorsChangeTheCalendarAndOnlyWithTheCsrfToken() {
    PageSession reviewer = new PageSession(port);
    assertThat(reviewer.login("phonggd", DemoData.PASSWORD).status()).isEqualTo(302);
    Response refused = reviewer.get(PAGE);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Chỉ quản trị viên mới được sửa lịch làm việc.");
    Map<String, String> day = Map.of("date", "03/01/2034", "kind", "HOLIDAY", "name", "Nghỉ thử", "source", "thử");
    assertThat(reviewer.submit("/trang-chu", PAGE, day).status()).isEqualTo(403);

    PageSession admin = new PageSession(port);
    assertThat(admin.login("admin", DemoData.PASSWORD).status()).isEqualTo(302);
    assertThat(admin.post(PAGE, day).status()).as("no CSRF token").isEqualTo(403);
    assertThat(workingDays.isWorkingDay(LocalDate.of(2034, 1, 3))).isTrue();

    Response added = admin.submit(PAGE + "?nam=2034", PAGE, day);
    assertThat(added.status()).isEqualTo(302);
    assertThat(workingDays.isWorkingDay(LocalDate.of(2034, 1, 3))).isFalse();
    assertThat(admin.get(PAGE + "?nam=2034").body()).contains("Đã thêm 03/01/2034 (Nghỉ thử) vào lịch.")
        .contains("chờ xác nhận văn bản");
  }
}
