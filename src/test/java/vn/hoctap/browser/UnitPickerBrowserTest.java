package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.HoctapTest;

/**
 * The unit picker of "Giao vai trò" in a browser, with JavaScript: the administrator types part of a district's
 * name, the list of units follows as they type (no button), a grant without a unit is refused next to the field,
 * then the district is chosen and the role granted. axe-core, 360 px and screenshots.
 */
@HoctapTest
class UnitPickerBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityProvisioning provisioning;
  @Autowired IdentityService identity;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void theAdministratorTypesPartOfANameAndChoosesTheUnit() throws Exception {
    String user = "chondvtt" + System.nanoTime() % 100000;
    provisioning.ensureUserSharingPassword(user, "Lan", "Ngô Thị", user + "@test.hoctap.vn", DemoData.PASSWORD);
    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.get(url("/dang-nhap"));
        b.type(By.id("username"), "admin");
        b.type(By.id("password"), DemoData.PASSWORD);
        b.click(By.id("dang-nhap"));
        b.wait.until(d -> d.getCurrentUrl().endsWith("/trang-chu"));
        String page = "/quan-tri/nguoi-dung/" + user;
        b.driver.get(url(page));
        assertThat(b.visible(By.id("so-don-vi")).getText()).contains("Gõ ít nhất 2 ký tự");

        // typing filters the list as one types: no button pressed, no page loaded
        b.type(By.id("tim-don-vi"), "thanh tr");
        b.wait.until(d -> !d.findElements(By.cssSelector("#ket-qua-don-vi input[value='HN-TT']")).isEmpty());
        assertThat(b.driver.findElement(By.id("ket-qua-don-vi")).getText()).contains("Huyện Thanh Trì",
            "thuộc Thành phố Hà Nội");
        assertThat(b.driver.getCurrentUrl()).endsWith(page);
        b.click(By.cssSelector("#ket-qua-don-vi input[value='HN-TT']"));
        new Select(b.driver.findElement(By.id("role"))).selectByVisibleText("Chuyên viên thẩm định");
        b.click(By.id("giao-vai-tro-nut"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText())
            .contains("Đã giao vai trò Chuyên viên thẩm định tại Huyện Thanh Trì (HN-TT).");
        assertThat(identity.createUserQuery().userId(user).memberOfGroup("reviewer-HN-TT").count()).isEqualTo(1);

        // a grant without a unit: refused next to the field, the role kept, nothing more granted
        new Select(b.driver.findElement(By.id("role"))).selectByVisibleText("Người ký");
        b.click(By.id("giao-vai-tro-nut"));
        assertThat(b.visible(By.id("loi-don-vi")).getText()).contains("Chưa chọn đơn vị");
        assertThat(new Select(b.driver.findElement(By.id("role"))).getFirstSelectedOption().getText())
            .isEqualTo("Người ký");
        assertThat(identity.createGroupQuery().groupMember(user).list()).extracting(g -> g.getId())
            .noneMatch(g -> g.startsWith("signer-"));
        InboxBrowserTest.check(b, "quan-tri-giao-vai-tro-loi");

        // the list as the server renders it (without JavaScript): axe, 360 px, screenshots
        b.driver.get(url(page + "?tim-don-vi=thanh%20tr"));
        b.visible(By.cssSelector("#ket-qua-don-vi input[value='HN-TT']"));
        InboxBrowserTest.check(b, "quan-tri-giao-vai-tro");
      } catch (Throwable e) {
        b.screenshot("failure-unit-picker");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
