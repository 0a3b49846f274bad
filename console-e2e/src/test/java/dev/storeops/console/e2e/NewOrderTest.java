package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** A manager takes an order by phone: contacts, a line with live stock, a delivery option with its cost, payment. */
class NewOrderTest {
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
  void aManagerPlacesAnOrderTakenByPhone() {
    browser.signIn("mgr-pavel", "[data-page='tasks'] h1");
    browser.find("nav [data-nav='newOrder']").click();
    browser.find("input[data-field='phone']").sendKeys("+79035550101");
    browser.find("input[data-field='name']").sendKeys("Пётр Звонков");
    browser.find("input[data-field='email']").sendKeys("petr-" + UUID.randomUUID() + "@example.com");
    browser.find("input[data-line-sku='0']").sendKeys("TEA-002");
    browser.find("input[data-line-qty='0']").click();
    browser.waitFor(d -> d.findElement(By.cssSelector("[data-line-stock='0']")).getText().matches(".*\\d+.*"));
    browser.find("input[data-field='address']").sendKeys("ул. Арбат, 10");
    browser.find("button[data-action='delivery-options']").click();
    browser.find("input[data-option]");
    new Select(browser.find("select[data-field='payment']")).selectByValue("CASH_ON_DELIVERY");
    browser.screenshot("new-order");
    browser.find("button[data-action='place']").click();

    String orderId = browser.find("[data-placed-order]").getAttribute("data-placed-order");
    browser.screenshot("new-order-placed");
    JsonNode order = setup.order(orderId);
    assertEquals("PHONE", order.path("channel").asText());
    assertEquals("TEA-002", order.path("lines").get(0).path("sku").asText());
    assertEquals("CASH_ON_DELIVERY", order.path("paymentMethod").asText());
    assertTrue(order.path("deliveryCostMinor").asLong() >= 0);
    assertTrue(order.path("createdBy").asText().contains("mgr-pavel"), order.toString());
  }
}
