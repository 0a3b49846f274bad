package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver (no browser download), on the console of
 * {@link LocalShop}: sign in from the local sign-in page, wait for things, take screenshots, run axe-core.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/screenshots"));

  final LocalShop shop;
  final ChromeDriver driver;
  private final Path profile;

  ConsoleBrowser(LocalShop shop) {
    this.shop = shop;
    try {
      this.profile = Files.createTempDirectory("console-e2e-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile, "--window-size=1280,900",
        "--lang=ru-RU");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** Opens the console signed out (fresh session storage, Russian). */
  ConsoleBrowser open() {
    driver.get(shop.consoleUrl());
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.clear();");
    driver.navigate().refresh();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sign-in")));
    return this;
  }

  /**
   * Signs in as a demo person with the local sign-in page's button; returns the milliseconds from the
   * click until {@code readySelector} is visible.
   */
  long signIn(String staffId, String readySelector) {
    open();
    WebElement button = waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-staff='" + staffId + "']")));
    long start = System.nanoTime();
    button.click();
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(readySelector)));
    return (System.nanoTime() - start) / 1_000_000;
  }

  void go(String hashPath) {
    driver.get(shop.consoleUrl() + "#/" + hashPath);
  }

  /** Waits up to 15 s; on a timeout saves a screenshot and fails with the page's text and console log. */
  <T> T waitFor(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50)).until(condition::apply);
    } catch (TimeoutException e) {
      Path shot = screenshot("failure-" + System.currentTimeMillis());
      StringBuilder log = new StringBuilder();
      try {
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> log.append("\n  ").append(entry));
      } catch (RuntimeException ignored) {
        log.append(" (no browser log)");
      }
      throw new AssertionError(e.getMessage() + "\nscreenshot: " + shot + "\nurl: " + driver.getCurrentUrl()
          + "\npage text:\n" + driver.findElement(By.tagName("body")).getText() + "\nbrowser log:" + log, e);
    }
  }

  WebElement find(String css) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void phone() {
    driver.manage().window().setSize(new Dimension(390, 844));
  }

  void desktop() {
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  /** A PNG of the viewport into target/screenshots/NAME.png (a test artefact). */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path out = SCREENSHOTS.resolve(name + ".png");
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core on the page as it is now: the serious and critical violations (empty = passes). */
  List<Rule> seriousAccessibilityViolations() {
    Results results = new AxeBuilder().analyze(driver);
    assertTrue(results.getPasses().size() > 0, "axe-core ran no rule");
    return results.getViolations().stream()
        .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
  }

  static String describe(List<Rule> violations) {
    StringBuilder b = new StringBuilder();
    for (Rule r : violations) {
      b.append(r.getImpact()).append(' ').append(r.getId()).append(": ").append(r.getHelp());
      r.getNodes().forEach(n -> b.append("\n    ").append(n.getTarget()));
      b.append('\n');
    }
    return b.toString();
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp profile left behind is harmless
    }
  }
}
