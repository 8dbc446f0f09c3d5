package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * What every page of hoctap must pass in the browser tests: axe-core (bundled with Deque's Selenium integration,
 * no download) finds no serious or critical violation, and the page fits a 360 px phone without sideways
 * scrolling.
 */
public final class Accessibility {

  private Accessibility() {}

  /** axe-core on the page as it is now: no serious or critical violation (each listed with its elements). */
  public static void assertNoSeriousViolations(WebDriver driver, String page) {
    Results results = new AxeBuilder().analyze(driver);
    List<String> serious = results.getViolations().stream()
        .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
        .map(Accessibility::describe).toList();
    assertThat(serious).as("axe-core on " + page + " (" + driver.getCurrentUrl() + ")").isEmpty();
  }

  private static String describe(Rule r) {
    return r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " — " + r.getNodes().stream()
        .map(n -> String.valueOf(n.getTarget())).limit(5).toList();
  }

  /** The page reloaded at 360 × 740 (a small phone) has nothing wider than the screen; the window is restored. */
  public static void assertFitsAPhone(BrowserSession browser, String page) {
    WebDriver driver = browser.driver;
    Dimension before = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(360, 740));
      driver.navigate().refresh();
      Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow).as(page + " scrolls sideways at 360 px").isLessThanOrEqualTo(0L);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /** axe-core, a screenshot copied to docs/screenshots, and (for a page reached by GET) the 360 px check with its own. */
  public static void check(BrowserSession b, String name, boolean phone) throws Exception {
    assertNoSeriousViolations(b.driver, name);
    keep(b.screenshot(name), name);
    if (phone) {
      assertFitsAPhone(b, name);
      Dimension before = b.driver.manage().window().getSize();
      b.driver.manage().window().setSize(new Dimension(360, 740));
      keep(b.screenshot(name + "-360"), name + "-360");
      b.driver.manage().window().setSize(before);
    }
  }

  /** Copies a screenshot into docs/screenshots under its page's name. */
  public static void keep(java.nio.file.Path shot, String name) throws Exception {
    java.nio.file.Path docs = java.nio.file.Path.of("docs", "screenshots");
    java.nio.file.Files.createDirectories(docs);
    java.nio.file.Files.copy(shot, docs.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
