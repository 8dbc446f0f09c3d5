package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.deadline.WorkingDays;
import vn.hoctap.support.HoctapTest;

/**
 * The working-day calendar page (/quan-tri/lich-lam-viec) in headless Chromium: the administrator sees the year's
 * holidays with what still awaits its official text and the deadlines of the texts, types an impossible date and
 * reads the Vietnamese error next to the field with the rest of the form kept, adds the day, and the working-day
 * count follows; then removes it. axe-core, 360 px and screenshots.
 */
@HoctapTest
class WorkingCalendarBrowserTest {

  @LocalServerPort int port;
  @Autowired WorkingDays workingDays;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void theAdministratorAddsAHolidayAfterARefusedDate() throws Exception {
    // a year no other test uses, so the added day changes no other test's deadlines
    LocalDate added = LocalDate.of(2031, 1, 2);
    try (BrowserSession b = new BrowserSession()) {
      try {
        b.logIn(url("/dang-nhap"), "admin");

        b.driver.get(url("/quan-tri/lich-lam-viec?nam=2026"));
        String calendar = b.visible(By.id("lich")).getText();
        assertThat(calendar).contains("26/04/2026 (Chủ nhật)", "Giỗ Tổ Hùng Vương", "27/04/2026 (thứ Hai)",
            "Nghỉ bù Giỗ Tổ Hùng Vương", "17/02/2026", "Tết Nguyên đán (mùng 1)", "chờ xác nhận văn bản");
        String rules = b.visible(By.id("thoi-han-bang")).getText();
        assertThat(rules).contains("20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Trước ngày 31/07 năm N + 1",
            "Trước ngày 15/03 năm N + 1", "Hạn báo cáo kết quả", "Văn bản không ghi ngày");
        Accessibility.check(b, "quan-tri-lich-lam-viec", true);

        b.driver.get(url("/quan-tri/lich-lam-viec?nam=2031"));
        String before = b.visible(By.tagName("h2")).getText();
        assertThat(before).startsWith("Năm 2031:");

        // 31/02 does not exist: refused next to the field, what was typed is kept, nothing saved
        b.type(By.id("them-ngay"), "31/02/2031");
        new Select(b.driver.findElement(By.id("them-loai"))).selectByVisibleText("Ngày nghỉ lễ, tết");
        b.type(By.id("them-ten"), "Nghỉ thử của tỉnh");
        b.type(By.id("them-can-cu"), "Văn bản thử số 1");
        b.click(By.id("them-ngay-nut"));
        assertThat(b.visible(By.id("loi-ngay")).getText())
            .isEqualTo("\"31/02/2031\" không phải là một ngày có thật. Hãy ghi theo dạng ngày/tháng/năm, ví dụ"
                + " 02/09/2027.");
        assertThat(b.driver.findElement(By.id("them-ten")).getAttribute("value")).isEqualTo("Nghỉ thử của tỉnh");
        assertThat(b.driver.findElement(By.id("them-ngay")).getAttribute("aria-invalid")).isEqualTo("true");
        Accessibility.check(b, "quan-tri-lich-lam-viec-loi", false);
        assertThat(workingDays.isWorkingDay(added)).isTrue();

        b.driver.findElement(By.id("them-ngay")).clear();
        b.type(By.id("them-ngay"), "2/1/2031");
        b.click(By.id("them-ngay-nut"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText())
            .isEqualTo("Đã thêm 02/01/2031 (Nghỉ thử của tỉnh) vào lịch.");
        assertThat(b.visible(By.id("lich")).getText()).contains("02/01/2031 (thứ Năm)", "Nghỉ thử của tỉnh",
            "Văn bản thử số 1 — chờ xác nhận văn bản");
        assertThat(workingDays.isWorkingDay(added)).isFalse();
        String after = b.visible(By.tagName("h2")).getText();
        int count = Integer.parseInt(after.replaceAll("\\D+", " ").trim().split(" ")[1]);
        assertThat(count).isEqualTo(Integer.parseInt(before.replaceAll("\\D+", " ").trim().split(" ")[1]) - 1);

        b.click(By.cssSelector("button[aria-label='Xoá ngày 02/01/2031 khỏi lịch']"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText()).contains("Đã xoá 02/01/2031");
        assertThat(workingDays.isWorkingDay(added)).isTrue();
      } catch (Throwable e) {
        b.screenshot("failure-working-calendar");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage() + "\n"
            + b.bodyText(), e);
      }
    }
  }
}
