package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.dossier.DossierKindRules;
import vn.hoctap.dossier.DossierKindRules.Parameter;
import vn.hoctap.dossier.DossierKindRules.Rule;
import vn.hoctap.dossier.Title;
import vn.hoctap.support.HoctapTest;

/**
 * "Tham số loại hồ sơ" in a browser on a 360 px phone: the administrator sees each figure with its article, the
 * ones the texts fix "theo văn bản" and the others "chờ xác nhận văn bản"; changing TT24's 12 months before an
 * upgrade (Điều 5 khoản 3), a value the text fixes, to 130 without a reason is refused next to both fields with the
 * input kept and nothing saved; 18 months with a reason is saved, the row is then "chờ xác nhận văn bản" and the
 * procedure counts 18 months; confirming 12 against the text again brings "theo văn bản" back. axe-core, screenshots.
 */
@HoctapTest
class DossierKindRulePagesBrowserTest {

  @LocalServerPort int port;
  @Autowired DossierKindRules rules;
  @Autowired JdbcTemplate jdbc;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  private long sidewaysScroll(BrowserSession b) {
    return (Long) ((JavascriptExecutor) b.driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
  }

  @Test
  void tt24Dieu5K3_theTwelveMonthsTheTextFixesChangeOnlyWithAReasonAndAreThenAwaitingTheirText() throws Exception {
    Rule original = rules.rule(Title.LEARNING_UNIT, Parameter.UPGRADE_WAIT_MONTHS);
    assertThat(original.confirmed()).isTrue();
    try (BrowserSession b = new BrowserSession()) {
      try {
        b.driver.manage().window().setSize(new Dimension(360, 740));
        b.logIn(url("/dang-nhap"), "admin");

        b.driver.get(url("/quan-tri"));
        b.click(By.linkText("Tham số loại hồ sơ"));
        assertThat(b.visible(By.tagName("h1")).getText()).isEqualTo("Tham số loại hồ sơ");
        assertThat(b.visible(By.id("LEARNING_UNIT-UPGRADE_WAIT_MONTHS")).getText()).contains("12 tháng",
            "Thông tư 24/2023/TT-BGDĐT, Điều 5 khoản 3", "theo văn bản").doesNotContain("chờ xác nhận");
        assertThat(b.visible(By.id("LEARNING_UNIT-RETENTION_BASE_YEAR")).getText()).contains("năm đánh giá",
            "chờ xác nhận văn bản");
        assertThat(b.visible(By.id("LEARNING_COMMUNITY-COMMUNE_UPGRADE_SAME_PROCEDURE")).getText()).contains("Có",
            "chờ xác nhận văn bản");
        assertThat(sidewaysScroll(b)).as("the list fits 360 px").isLessThanOrEqualTo(0L);
        Accessibility.check(b, "quan-tri-loai-ho-so", true);

        b.click(By.cssSelector("#LEARNING_UNIT-UPGRADE_WAIT_MONTHS a"));
        assertThat(b.visible(By.id("canh-bao")).getText()).contains("Giá trị này do văn bản quy định",
            "Thông tư 24/2023/TT-BGDĐT, Điều 5 khoản 3", "phải ghi lý do");
        assertThat(b.driver.findElements(By.id("confirmed"))).as("a row the text fixes is confirmed already")
            .isEmpty();
        b.type(By.id("value"), "130");
        // by keyboard: Enter in the field sends the form
        b.driver.findElement(By.id("value")).sendKeys(Keys.ENTER);
        assertThat(b.visible(By.id("loi")).getText()).contains("Chưa lưu được tham số.");
        assertThat(b.visible(By.id("loi-value")).getText())
            .isEqualTo("Số tháng phải là số nguyên từ 1 đến 120 (\"130\" không hợp lệ).");
        assertThat(b.visible(By.id("loi-reason")).getText()).startsWith("Giá trị 12 tháng do văn bản quy định");
        assertThat(b.driver.findElement(By.id("value")).getAttribute("value")).isEqualTo("130");
        assertThat(b.driver.findElement(By.id("value")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.driver.findElement(By.id("reason")).getAttribute("aria-describedby")).isEqualTo("loi-reason");
        Rule untouched = rules.rule(Title.LEARNING_UNIT, Parameter.UPGRADE_WAIT_MONTHS);
        assertThat(untouched).as("nothing saved").isEqualTo(original);
        assertThat(sidewaysScroll(b)).as("the refused form fits 360 px").isLessThanOrEqualTo(0L);
        Accessibility.check(b, "quan-tri-loai-ho-so-loi", false);

        b.type(By.id("value"), "18");
        b.type(By.id("reason"), "Văn bản sửa đổi thử nghiệm");
        b.click(By.id("luu"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText()).isEqualTo("Đã lưu “"
            + DossierKindRules.label(Parameter.UPGRADE_WAIT_MONTHS) + "” của Đơn vị học tập: 18 tháng (chờ xác nhận"
            + " văn bản).");
        assertThat(b.visible(By.id("LEARNING_UNIT-UPGRADE_WAIT_MONTHS")).getText()).contains("18 tháng",
            "chờ xác nhận văn bản", "từ 12 tháng (theo văn bản) thành 18 tháng; lý do: Văn bản sửa đổi thử nghiệm");
        assertThat(rules.upgradeWaitMonths(Title.LEARNING_UNIT)).as("the procedure counts 18 months").isEqualTo(18);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action ="
            + " 'DOSSIER_KIND_RULE_DEPARTED_FROM_TEXT' and target_id = 'LEARNING_UNIT:UPGRADE_WAIT_MONTHS'",
            Long.class)).isPositive();

        // back to the text: 12 months, confirmed against TT24 again
        b.click(By.cssSelector("#LEARNING_UNIT-UPGRADE_WAIT_MONTHS a"));
        b.type(By.id("value"), "12");
        b.click(By.id("confirmed"));
        b.click(By.id("luu"));
        assertThat(b.visible(By.cssSelector("p.ok")).getText()).endsWith("12 tháng (theo văn bản).");
        assertThat(b.visible(By.id("LEARNING_UNIT-UPGRADE_WAIT_MONTHS")).getText()).contains("12 tháng",
            "theo văn bản").doesNotContain("chờ xác nhận");
        assertThat(rules.upgradeWaitMonths(Title.LEARNING_UNIT)).isEqualTo(12);
      } catch (Throwable e) {
        b.screenshot("failure-dossier-kind-rules");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage() + "\n"
            + b.bodyText(), e);
      }
    } finally {
      // the figure other tests count with, as the migration has it
      jdbc.update("update dossier_kind_rule set rule_value = ?, legal_source = ?, confirmed = ?, note = ? where"
          + " title = 'LEARNING_UNIT' and parameter = 'UPGRADE_WAIT_MONTHS'", original.value(), original.source(),
          original.confirmed(), original.note());
    }
  }
}
