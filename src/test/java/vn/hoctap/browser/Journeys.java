package vn.hoctap.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What the walkthrough tests do as a user does it in hoctap's pages: log in, fill a step's form, upload evidence on
 * the dossier page, download a file with the browser's own session, and check a page (axe-core, 360 px,
 * screenshots to docs/screenshots).
 */
final class Journeys {

  private final BrowserSession b;
  private final int port;

  Journeys(BrowserSession b, int port) {
    this.b = b;
    this.port = port;
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void login(String user) {
    b.driver.manage().deleteAllCookies();
    b.logIn(url("/dang-nhap"), user);
  }

  /** "Lập hồ sơ đề nghị mới" from the home page: the applicant chosen from the list, level 1, the year. */
  long open(String choice, int year) {
    b.driver.get(url("/trang-chu"));
    b.click(By.cssSelector("#lap-moi a"));
    new Select(b.visible(By.id("donVi"))).selectByValue(choice);
    b.click(By.cssSelector("input[name=mucDo][value='1']"));
    b.type(By.id("nam"), String.valueOf(year));
    b.click(By.id("lap-ho-so"));
    b.wait.until(d -> d.getCurrentUrl().matches(".*/ho-so/\\d+$"));
    return Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*/ho-so/", ""));
  }

  /** Types or picks each value into the step's form; fields the form does not show are skipped. */
  void fill(Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String v = String.valueOf(e.getValue());
      By radio = By.cssSelector("input[name='f_" + e.getKey() + "'][value='" + v + "']");
      if (!b.all(radio).isEmpty()) {
        b.click(radio);
        continue;
      }
      var input = b.all(By.id("i_" + e.getKey()));
      if (input.isEmpty()) {
        continue;
      }
      WebElement el = input.get(0);
      if ("select".equals(el.getTagName())) {
        new Select(el).selectByValue(v);
      } else {
        b.type(By.id("i_" + e.getKey()), v);
      }
    }
  }

  /** Sends the step's form; waits for the dossier page that says the step is done. */
  void send() {
    b.click(By.id("gui"));
    b.visible(By.id("da-xong"));
  }

  /**
   * Uploads files in the evidence section of the page shown (the dossier page or the evidence page), as a user
   * chooses them, and waits for the section's answer.
   */
  void upload(String target, Path... files) {
    // the section is replaced by the answer (or the page is): wait for that, not for an earlier answer's notice
    WebElement before = b.driver.findElement(By.id("minh-chung"));
    new Select(b.visible(By.id("mc-muc"))).selectByValue(target);
    WebElement input = b.driver.findElement(By.id("mc-tep"));
    ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = '';", input);
    input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(p -> p.toAbsolutePath().toString())
        .toList()));
    b.click(By.id("mc-gui"));
    b.wait.until(ExpectedConditions.stalenessOf(before));
    b.wait.until(d -> !d.findElements(By.id("mc-thong-bao")).isEmpty()
        && d.findElement(By.id("mc-thong-bao")).getText().contains("Đã tải lên " + files.length + " tệp."));
  }

  /** The bytes behind a link of the page, fetched with the browser's own session cookie. */
  byte[] download(By link) throws Exception {
    String href = b.driver.findElement(link).getAttribute("href");
    String cookie = "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new AssertionError(href + " answered " + r.statusCode());
    }
    return r.body();
  }

  /**
   * axe-core, screenshots to docs/screenshots (desktop and -360) and the 360 px check: a page reached by GET
   * ({@code reload}) is opened again at 360 px; the answer to a post is only narrowed, never sent twice.
   */
  void check(String name, boolean reload) throws Exception {
    Accessibility.assertNoSeriousViolations(b.driver, name);
    Accessibility.keep(b.screenshot(name), name);
    if (reload) {
      Accessibility.assertFitsAPhone(b, name);
    }
    Dimension before = b.driver.manage().window().getSize();
    b.driver.manage().window().setSize(new Dimension(360, 740));
    try {
      Long overflow = (Long) ((JavascriptExecutor) b.driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      if (overflow > 0) {
        throw new AssertionError(name + " scrolls sideways at 360 px by " + overflow + " px");
      }
      Accessibility.keep(b.screenshot(name + "-360"), name + "-360");
    } finally {
      b.driver.manage().window().setSize(before);
    }
  }

  static byte[] bytes(String head, int size, long seed) {
    byte[] out = new byte[size];
    new Random(seed).nextBytes(out);
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(h, 0, out, 0, h.length);
    return out;
  }

  static Path file(Path dir, String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }
}
