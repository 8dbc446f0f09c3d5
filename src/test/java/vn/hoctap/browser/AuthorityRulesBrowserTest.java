package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.org.AuthorityRule;
import vn.hoctap.org.AuthorityRuleRepository;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.HoctapTest;

/**
 * "Thẩm quyền tiếp nhận và ký" in a browser on a 360 px phone: the administrator adds the rules of TT24/TT25 to a
 * two-tier province (the re-assignments from 01/07/2025 flagged "chờ xác nhận văn bản"), sets an end date before
 * the start date and is refused in Vietnamese next to the field with nothing saved, then saves a valid period.
 * axe-core and screenshots.
 */
@HoctapTest
class AuthorityRulesBrowserTest {

  @LocalServerPort int port;
  @Autowired OrgUnitRepository orgs;
  @Autowired AuthorityRuleRepository rules;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void setDate(BrowserSession b, String id, String iso) {
    WebElement field = b.visible(By.id(id));
    ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1];", field, iso);
  }

  private long sidewaysScroll(BrowserSession b) {
    return (Long) ((JavascriptExecutor) b.driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
  }

  @Test
  void tt24Dieu5K1_theAdministratorEditsTheValidityOfATwoTierReassignmentOnAPhone() throws Exception {
    String code = "PBT" + System.nanoTime() % 100000;
    OrgUnit province = orgs.save(new OrgUnit(code, "Tỉnh hai cấp " + code, OrgKind.PROVINCE, null, true, null,
        Instant.now()));
    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.manage().window().setSize(new Dimension(360, 740));
        b.logIn(url("/dang-nhap"), "admin");

        b.driver.get(url("/quan-tri/tham-quyen?tinh=" + code));
        assertThat(b.bodyText()).contains("Chưa có quy tắc nào");
        b.click(By.name("twoTier"));
        b.click(By.xpath("//button[normalize-space()='Thêm bộ quy tắc']"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText()).startsWith("Đã thêm 7 quy tắc theo TT 24/2023");
        String table = b.visible(By.id("bang-quy-tac")).getText();
        assertThat(table).contains("Chủ tịch UBND cấp huyện", "từ 26/01/2024 đến 30/06/2025",
            "Chủ tịch UBND cấp xã", "từ 01/07/2025", "chờ xác nhận văn bản");
        Accessibility.check(b, "quan-tri-tham-quyen", true);

        b.click(By.cssSelector("a[aria-label^='Sửa quy tắc Đơn vị học tập cấp huyện từ 01/07/2025']"));
        assertThat(b.visible(By.tagName("h1")).getText()).isEqualTo("Sửa quy tắc thẩm quyền");
        assertThat(b.visible(By.id("validFrom")).getAttribute("value")).isEqualTo("2025-07-01");
        setDate(b, "validTo", "2025-06-01");
        b.click(By.id("luu"));
        assertThat(b.visible(By.id("loi-validTo")).getText()).isEqualTo(
            "Ngày hết hiệu lực (01/06/2025) phải từ ngày bắt đầu hiệu lực (01/07/2025) trở đi.");
        assertThat(b.visible(By.id("loi")).getText()).contains("Chưa lưu được quy tắc thẩm quyền.");
        assertThat(b.visible(By.id("validTo")).getAttribute("value")).isEqualTo("2025-06-01");
        assertThat(b.driver.findElement(By.id("validTo")).getAttribute("aria-invalid")).isEqualTo("true");
        AuthorityRule untouched = rules.findByProvinceIdAndProcedureAndUnitTier(province.getId(), "LEARNING_UNIT",
            UnitKind.Tier.DISTRICT).stream().filter(r -> !r.isConfirmed()).findFirst().orElseThrow();
        assertThat(untouched.getValidTo()).as("nothing half-saved").isNull();
        assertThat(sidewaysScroll(b)).as("the refused form fits 360 px").isLessThanOrEqualTo(0L);
        Accessibility.check(b, "quan-tri-tham-quyen-sua-loi", false);

        setDate(b, "validTo", "2026-12-31");
        b.click(By.id("luu"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText()).isEqualTo("Đã lưu quy tắc thẩm quyền.");
        assertThat(b.visible(By.id("bang-quy-tac")).getText()).contains("từ 01/07/2025 đến 31/12/2026");
        assertThat(rules.findById(untouched.getId()).orElseThrow().getValidTo())
            .isEqualTo(LocalDate.of(2026, 12, 31));
      } catch (Throwable e) {
        b.screenshot("failure-authority-rules");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
