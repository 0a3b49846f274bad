package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Issue 14, test 2: the warehouse ships an order with a tracking number (and marks it delivered). */
class WarehouseShipsTest {
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
  void theWarehouseShipsWithCarrierAndTrackingNumber() {
    String orderId = setup.placeCashOnDeliveryOrder();
    setup.call(orderId, "CONFIRMED");
    setup.awaitOrder(orderId, o -> o.path("status").asText().equals("READY_TO_SHIP"));

    browser.signIn("wh-sergey", "[data-page='tasks'] h1");
    List<String> nav = browser.all("nav [data-nav]").stream().map(e -> e.getAttribute("data-nav")).toList();
    assertTrue(nav.contains("orders"), nav.toString());
    assertFalse(nav.contains("customers") || nav.contains("team") || nav.contains("newOrder"), nav.toString());

    // the order list, filtered to what is ready to ship
    browser.find("nav [data-nav='orders']").click();
    new org.openqa.selenium.support.ui.Select(browser.find("select[data-filter='status']")).selectByValue("READY_TO_SHIP");
    browser.find("tr[data-order='" + orderId + "'] a").click();
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("[data-page='order'] [data-status]"), "data-status", "READY_TO_SHIP"));
    assertTrue(browser.all("button[data-action='cancel']").isEmpty(), "the warehouse cannot cancel");

    browser.find("button[data-action='ship']").click();
    browser.find("input[data-carrier]").sendKeys("СДЭК");
    browser.find("input[data-tracking]").sendKeys("1234567890");
    browser.screenshot("order-ship");
    browser.find("button[data-confirm='ship']").click();
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("[data-page='order'] [data-status]"), "data-status", "SHIPPED"));
    assertTrue(browser.find("[data-shipment]").getText().contains("1234567890"));
    JsonNode shipped = setup.order(orderId);
    assertEquals("SHIPPED", shipped.path("status").asText());

    browser.find("button[data-action='deliver']").click();
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("[data-page='order'] [data-status]"), "data-status", "DELIVERED"));
    assertEquals("DELIVERED", setup.order(orderId).path("status").asText());
    browser.screenshot("order-delivered");
  }
}
