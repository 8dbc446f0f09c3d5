package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.Dates;
import vn.hoctap.support.HoctapTest;

/**
 * "Thẩm quyền và mức tiền thưởng" in a browser on a 360 px phone: the administrator sees who signs by period (a
 * district's Giấy khen refused from 01/07/2025 under NĐ 129/2025, "chờ xác nhận văn bản") and the figures of
 * NĐ 152/2025 Điều 54 for a day; adds a mức lương cơ sở of 0 đồng and is refused in Vietnamese next to the field
 * with the input kept and nothing saved, then saves it. axe-core and screenshots. The base salary starts after
 * 2800, so no other test sees it.
 */
@HoctapTest
class AwardSettingsBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  private long sidewaysScroll(BrowserSession b) {
    return (Long) ((JavascriptExecutor) b.driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
  }

  private int salariesOn(LocalDate day) {
    return jdbc.queryForObject("select count(*) from base_salary where valid_from = ?", Integer.class, day);
  }

  @Test
  void nd129_2025_nd152_2025Dieu54_theAdministratorChecksTheFiguresAndAddsABaseSalaryOnAPhone() throws Exception {
    LocalDate day = LocalDate.of(2800, 1, 1).plusDays(System.nanoTime() % 150_000);
    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.manage().window().setSize(new Dimension(360, 740));
        b.logIn(url("/dang-nhap"), "admin");

        b.driver.get(url("/quan-tri"));
        b.click(By.linkText("Thẩm quyền và mức tiền thưởng"));
        assertThat(b.visible(By.tagName("h1")).getText()).isEqualTo("Thẩm quyền và mức tiền thưởng");
        assertThat(b.visible(By.id("bang-tham-quyen")).getText()).contains("Giấy khen", "Huyện / quận",
            "đến 30/06/2025", "từ 01/07/2025", "Nghị định 129/2025/NĐ-CP", "chờ xác nhận văn bản");
        b.visible(By.id("ngay")).clear();
        b.type(By.id("ngay"), "01/07/2025");
        b.click(By.xpath("//button[normalize-space()='Tính']"));
        assertThat(b.visible(By.id("tinh-giay_khen")).getText()).contains("702.000 đồng", "1.053.000 đồng");
        Accessibility.check(b, "quan-tri-khen-thuong-tham-quyen", true);

        b.click(By.linkText("Thêm mức lương cơ sở mới"));
        b.type(By.id("validFrom"), Dates.vn(day));
        b.type(By.id("amount"), "0");
        b.type(By.id("source"), "Nghị định thử");
        b.click(By.id("luu"));
        assertThat(b.visible(By.id("loi-amount")).getText()).isEqualTo("Số tiền (đồng) phải lớn hơn 0.");
        assertThat(b.visible(By.id("loi")).getText()).contains("Chưa lưu được mức lương cơ sở.");
        assertThat(b.driver.findElement(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.visible(By.id("validFrom")).getAttribute("value")).isEqualTo(Dates.vn(day));
        assertThat(b.visible(By.id("source")).getAttribute("value")).isEqualTo("Nghị định thử");
        assertThat(salariesOn(day)).as("nothing saved").isZero();
        assertThat(sidewaysScroll(b)).as("the refused form fits 360 px").isLessThanOrEqualTo(0L);
        Accessibility.check(b, "quan-tri-khen-thuong-luong-co-so-loi", false);

        b.visible(By.id("amount")).clear();
        b.type(By.id("amount"), "2.530.000");
        b.click(By.id("luu"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText()).isEqualTo("Đã thêm mức lương cơ sở.");
        assertThat(b.visible(By.id("bang-luong-co-so")).getText()).contains("từ " + Dates.vn(day),
            "2.530.000 đồng", "Nghị định thử");
        assertThat(salariesOn(day)).isEqualTo(1);
      } catch (Throwable e) {
        b.screenshot("failure-award-settings");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
