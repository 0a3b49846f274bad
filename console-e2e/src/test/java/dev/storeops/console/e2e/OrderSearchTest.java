package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Orders: the search finds an order by its number, and by the customer's phone typed as a manager hears it;
 * the customer's dossier lists the calls about their orders.
 */
class OrderSearchTest {
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
  void aPhoneInAnyNotationFindsTheCustomersOrdersAndTheNumberFindsItsOrder() {
    String digits = String.format("%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000);
    String wanted = setup.placeCashOnDeliveryOrder("+7916" + digits);
    String other = setup.placeCashOnDeliveryOrder();
    setup.call(wanted, "NO_ANSWER");

    browser.signIn("owner-elena", "nav [data-nav='orders']");
    browser.go("orders");
    browser.find("tr[data-order='" + other + "']");
    // "8 (916) 123-45-67": the way a customer says it on the phone
    String spoken = "8 (916) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    browser.find("input[data-filter='q']").sendKeys(spoken);
    browser.find("tr[data-order='" + wanted + "']");
    browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-order='" + other + "']"), 0));
    browser.screenshot("orders-search-phone");

    // the order's number finds it too
    String number = setup.order(wanted).path("number").asText();
    browser.find("input[data-filter='q']").clear();
    browser.find("input[data-filter='q']").sendKeys(number);
    browser.find("tr[data-order='" + wanted + "']");
    browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-order='" + other + "']"), 0));
    assertEquals(1, browser.all("tr[data-order]").size());

    // the customer's dossier lists the call with its order's number and outcome
    browser.go("customers/" + setup.order(wanted).path("customerId").asText());
    WebElement call = browser.find("[data-list='customer-calls'] li");
    assertTrue(call.getText().contains(number), call.getText());
    browser.screenshot("customer-dossier-calls");
  }
}
