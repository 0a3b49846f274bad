package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, test 6: axe-core on every page of the console (as the owner, who sees them all; the sign-in
 * page; an order page; My tasks on a phone): no serious or critical violation. A screenshot of each.
 */
class AccessibilityTest {
  private static LocalShop shop;
  private static ShopSetup setup;
  private static ConsoleBrowser browser;

  @BeforeAll
  static void start() {
    shop = LocalShop.get();
    setup = new ShopSetup(shop);
    browser = new ConsoleBrowser(shop);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void everyPageHasNoSeriousOrCriticalViolation() {
    String orderId = setup.placeCashOnDeliveryOrder();
    List<String> failures = new ArrayList<>();

    browser.open();
    check("sign-in", failures);

    browser.signIn("owner-elena", "[data-page='tasks'] h1");
    List<String> sections = browser.all("nav [data-nav]").stream().map(e -> e.getAttribute("href")).toList();
    assertTrue(sections.size() >= 8, "the owner sees every section: " + sections);
    for (String href : sections) {
      String path = href.substring(href.indexOf("#/") + 2);
      browser.go(path);
      browser.find("[data-page] h1");
      browser.waitFor(d -> d.findElements(org.openqa.selenium.By.cssSelector("[role='status'].muted")).isEmpty());
      check("page-" + path.replace('/', '-'), failures);
    }
    browser.go("orders/" + orderId);
    browser.find("[data-page='order'] [data-status]");
    check("page-order", failures);

    browser.phone();
    browser.go("tasks");
    browser.find("[data-page='tasks'] h1");
    check("phone-tasks", failures);
    browser.find(".menu-button").click();
    browser.find("nav.open");
    check("phone-menu", failures);
    browser.desktop();

    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private void check(String name, List<String> failures) {
    browser.screenshot(name);
    List<Rule> violations = browser.seriousAccessibilityViolations();
    if (!violations.isEmpty()) {
      failures.add(name + ":\n" + ConsoleBrowser.describe(violations));
    }
  }
}
