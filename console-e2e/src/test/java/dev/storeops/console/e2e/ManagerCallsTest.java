package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Issue 14, test 1: a manager works her confirmation calls from My tasks. */
class ManagerCallsTest {
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

  private WebElement taskCard(String orderId) {
    return browser.find("li.task[data-order='" + orderId + "']");
  }

  @Test
  void aConfirmedCallMovesTheOrderOnAndThreeUnansweredCallsCancelIt() {
    String confirmed = setup.placeCashOnDeliveryOrder();
    String unreachable = setup.placeCashOnDeliveryOrder();
    setup.assign(confirmed, "mgr-olga");
    setup.assign(unreachable, "mgr-olga");
    setup.awaitTask("mgr-olga", confirmed);
    setup.awaitTask("mgr-olga", unreachable);

    long ms = browser.signIn("mgr-olga", "li.task[data-order='" + confirmed + "']");
    System.out.println("console-e2e: manager's task list with her new task visible " + ms + " ms after the sign-in click");
    assertTrue(ms < 1000, "the task list took " + ms + " ms");
    WebElement card = taskCard(confirmed);
    browser.waitFor(d -> !card.findElements(By.cssSelector("a[data-phone]")).isEmpty());
    assertTrue(card.findElement(By.cssSelector("a[data-phone]")).getAttribute("href").startsWith("tel:+7903"));
    browser.screenshot("tasks");

    // "confirmed": the order moves on and its call task leaves the list
    card.findElement(By.cssSelector("button[data-outcome='CONFIRMED']")).click();
    browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.task[data-order='" + confirmed + "']"), 0));
    assertEquals("READY_TO_SHIP", setup.order(confirmed).path("status").asText());
    browser.go("orders/" + confirmed);
    assertEquals("READY_TO_SHIP", browser.find("[data-page='order'] [data-status]").getAttribute("data-status"));
    browser.screenshot("order");

    // "no answer" three times on the other: cancelled as unreachable
    browser.go("tasks");
    for (int call = 1; call <= 3; call++) {
      WebElement other = taskCard(unreachable);
      browser.waitFor(ExpectedConditions.elementToBeClickable(other.findElement(By.cssSelector("button[data-outcome='NO_ANSWER']")))).click();
      browser.find("p[data-result-order='" + unreachable + "'][data-no-answer='" + call + "']");
    }
    // the third: the order is cancelled, the message says so and its task is gone
    assertEquals("CANCELLED", browser.find("p[data-result-order='" + unreachable + "']").getAttribute("data-result-status"));
    browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.task[data-order='" + unreachable + "']"), 0));
    browser.screenshot("tasks-after-calls");
    browser.go("orders/" + unreachable);
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("[data-page='order'] [data-status]"), "data-status", "CANCELLED"));
    assertTrue(browser.find("[data-page='order'] .history").getText().contains("UNREACHABLE")
        || browser.find("[data-page='order'] .history").getText().toLowerCase().contains("отмен"),
        browser.find("[data-page='order'] .history").getText());
    browser.screenshot("order-cancelled");
  }
}
