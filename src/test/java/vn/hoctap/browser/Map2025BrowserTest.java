package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.org.AdministrativeType;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.support.HoctapTest;

/**
 * An administrator on a 360 px phone creates a đặc khu under a province of the official list (QĐ 19/2025/QĐ-TTg):
 * a 4-digit code is refused next to the code field in Vietnamese, with what was typed kept; the 5-digit code is
 * accepted and the unit is listed as "Đặc khu …". axe-core, 360 px and screenshots.
 */
@HoctapTest
class Map2025BrowserTest {

  @LocalServerPort int port;
  @Autowired OrgUnitRepository orgs;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  String freeCode(int digits) {
    Random random = new Random();
    while (true) {
      String code = String.format("%0" + digits + "d", random.nextInt((int) Math.pow(10, digits)));
      if (orgs.findByCode(code).isEmpty()) {
        return code;
      }
    }
  }

  @Test
  void theAdministratorCreatesADacKhuOnAPhoneAndAFourDigitCodeIsRefusedNextToTheField() throws Exception {
    OrgUnit province = new OrgUnit(freeCode(2), "Tỉnh Biển Thử", OrgKind.PROVINCE, null, true, null, Instant.now());
    province.typeAs(AdministrativeType.TINH);
    province = orgs.save(province);
    String page = "/quan-tri/don-vi?ma=" + province.getCode();
    String code = freeCode(5);
    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.manage().window().setSize(new Dimension(360, 740));
        b.logIn(url("/dang-nhap"), "admin");
        b.driver.get(url(page));
        b.visible(By.id("tao-don-vi"));
        Accessibility.check(b, "quan-tri-tao-dac-khu", true);

        new Select(b.visible(By.id("adminType"))).selectByVisibleText("Đặc khu");
        new Select(b.visible(By.id("kind"))).selectByVisibleText("Xã / phường / đặc khu");
        b.type(By.id("code"), "1234");
        b.type(By.id("name"), "Hòn Thử");
        b.click(By.id("tao-don-vi-nut"));

        assertThat(b.visible(By.id("loi-code")).getText()).contains("Mã đặc khu", "đúng 5 chữ số", "\"1234\"");
        assertThat(b.driver.findElement(By.id("code")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.driver.findElement(By.id("code")).getAttribute("aria-describedby")).isEqualTo("loi-code");
        assertThat(b.driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Hòn Thử");
        assertThat(new Select(b.driver.findElement(By.id("adminType"))).getFirstSelectedOption().getText())
            .isEqualTo("Đặc khu");
        assertThat(orgs.findByCode("1234")).isEmpty();
        Long overflow = (Long) ((JavascriptExecutor) b.driver).executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("the refused form scrolls sideways at 360 px").isLessThanOrEqualTo(0L);
        b.scrollTo(By.id("tao-don-vi"));
        Accessibility.check(b, "quan-tri-tao-dac-khu-loi", false);

        b.type(By.id("code"), code);
        b.click(By.id("tao-don-vi-nut"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText())
            .contains("Đã tạo đơn vị \"Đặc khu Hòn Thử\" (mã " + code + ")");
        assertThat(b.bodyText()).contains("Đặc khu Hòn Thử");
        OrgUnit zone = orgs.findByCode(code).orElseThrow();
        assertThat(zone.getKind()).isEqualTo(OrgKind.COMMUNE);
        assertThat(zone.getAdminType()).isEqualTo(AdministrativeType.DAC_KHU);
        assertThat(zone.getName()).isEqualTo("Đặc khu Hòn Thử");
      } catch (Throwable e) {
        b.screenshot("failure-map2025");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
