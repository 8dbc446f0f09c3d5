package vn.hoctap.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (both given explicitly, so Selenium Manager never
 * looks for a driver on the network), with Vietnamese as the browser language and a fresh profile.
 */
public final class BrowserSession implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final WebDriver driver;
  public final WebDriverWait wait;
  private final Path profile;

  public BrowserSession() throws IOException {
    this(true);
  }

  /** With {@code javascript} false, pages run no script of their own (a browser with script turned off). */
  public BrowserSession(boolean javascript) throws IOException {
    // a machine without the browser: one clear line instead of a driver's stack trace
    Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "Chromium or chromedriver is missing: run scripts/install-test-tools.sh (Debian's packages) once");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    profile = Files.createTempDirectory("hoctap-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,1000", "--lang=vi",
        "--force-device-scale-factor=1");
    options.setExperimentalOption("prefs", javascript ? Map.of("intl.accept_languages", "vi,vi-VN")
        : Map.of("intl.accept_languages", "vi,vi-VN", "profile.managed_default_content_settings.javascript", 2));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
        // Vietnam time in the browser, as the users have it
        .withEnvironment(Map.of("TZ", "Asia/Ho_Chi_Minh")).build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // a page that is being replaced (a form posted, a redirect) may drop the element a condition was reading
    wait.ignoring(StaleElementReferenceException.class);
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return wait.until(ExpectedConditions.elementToBeClickable(by));
  }

  /** Logs in as a demo user on hoctap's login page ({@code loginUrl}) and waits until the browser has left it. */
  public void logIn(String loginUrl, String user) {
    driver.get(loginUrl);
    type(By.id("username"), user);
    type(By.id("password"), vn.hoctap.demo.DemoData.PASSWORD);
    click(By.id("dang-nhap"));
    wait.until(d -> !d.getCurrentUrl().contains("/dang-nhap"));
  }

  /** Clicks once the element is clickable and nothing (a sliding panel, a re-laid-out row) covers it. */
  public void click(By by) {
    wait.until(d -> {
      WebElement e = clickable(by);
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
      try {
        e.click();
        return true;
      } catch (ElementClickInterceptedException | StaleElementReferenceException covered) {
        return false;
      }
    });
  }

  void scrollTo(By by) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", visible(by));
  }

  public void type(By by, String text) {
    WebElement e = visible(by);
    e.clear();
    e.sendKeys(text);
  }

  /** Waits until AngularJS (the Camunda webapps) has no pending HTTP requests. */
  void angularIdle() {
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "if (!window.angular) { return false; }"
            + " var el = document.querySelector('[ng-app]') || document.body;"
            + " var inj = window.angular.element(el).injector();"
            + " if (!inj) { return false; }"
            + " return inj.get('$http').pendingRequests.length === 0;"));
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return target;
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
