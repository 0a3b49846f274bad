package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 17 item 6: the owner finds a customer by the phone as it is spoken, opens the dossier, sees the
 * call about the order, the mail sent to the customer with its status and the consent steps, and adds
 * two notes through the form: the newest shows first.
 */
class CustomerDossierTest {
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

  private void addNote(String text) {
    WebElement field = browser.find("textarea[data-field='note-text']");
    field.clear();
    field.sendKeys(text);
    browser.find("button[data-action='add-note']").click();
    browser.waitFor(d -> {
      List<WebElement> notes = d.findElements(By.cssSelector("[data-list='customer-notes'] li"));
      return !notes.isEmpty() && notes.get(0).getText().contains(text);
    });
  }

  @Test
  void theOwnerFindsTheCustomerByPhoneReadsTheHistoryAndAddsNotes() throws InterruptedException {
    String digits = String.format("%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000);
    String orderId = setup.placeCashOnDeliveryOrder("+7903" + digits);
    setup.call(orderId, "NO_ANSWER");
    JsonNode order = setup.order(orderId);
    String customerId = order.path("customerId").asText();
    String number = order.path("number").asText();
    // the order's mail goes through the local email-sender: wait until its send log is filed under the customer
    String owner = shop.token("owner-elena");
    long until = System.currentTimeMillis() + 40_000;
    while (ShopSetup.contacts(shop.json(shop.send("GET", "/staff/customers/" + customerId, owner, null))
        .path("history"), "mail").isEmpty()) {
      assertTrue(System.currentTimeMillis() < until, "a mail to the customer is in the send log");
      Thread.sleep(200);
    }

    browser.signIn("owner-elena", "nav [data-nav='customers']");
    browser.go("customers");
    String spoken = "8 (903) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    browser.find("input[data-field='customer-q']").sendKeys(spoken);
    browser.find("form[role='search'] button[type='submit']").click();
    browser.find("[data-table='customers'] tr[data-customer='" + customerId + "'] a").click();

    WebElement call = browser.find("[data-list='customer-calls'] li");
    assertTrue(call.getText().contains(number), call.getText());
    assertTrue(call.getText().contains("owner-elena"), "who called: " + call.getText());
    WebElement mail = browser.find("[data-table='customer-messages'] tbody tr");
    assertTrue(List.of("SENT", "PENDING", "SKIPPED").contains(mail.getAttribute("data-message-status")),
        mail.getAttribute("data-message-status"));
    assertTrue(mail.getText().contains("E-mail"), mail.getText());
    browser.find("section[aria-labelledby='consent-title']");

    addNote("Просит звонить после 18:00");
    addNote("Предпочитает курьера\nи оплату картой");
    List<WebElement> notes = browser.all("[data-list='customer-notes'] li");
    assertEquals(2, notes.size());
    assertTrue(notes.get(0).getText().contains("Предпочитает курьера"), "newest first: " + notes.get(0).getText());
    assertTrue(notes.get(1).getText().contains("owner-elena"), notes.get(1).getText());
    // the form is emptied for the next note
    browser.waitFor(d -> d.findElement(By.cssSelector("textarea[data-field='note-text']")).getDomProperty("value").isEmpty());
    browser.screenshot("customer-dossier-notes");
    var violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), "dossier: " + ConsoleBrowser.describe(violations));

    // the notes are the dossier's, read back by the API
    List<JsonNode> read = ShopSetup.contacts(shop.json(shop.send("GET", "/staff/customers/" + customerId, owner, null))
        .path("history"), "note");
    assertEquals(2, read.size());
    assertEquals("owner-elena", read.get(0).path("by").asText());
  }

  @Test
  void aLongContactHistoryShowsTheEarlierContactsOnDemand() {
    String owner = shop.token("owner-elena");
    String customerId = setup.order(setup.placeCashOnDeliveryOrder()).path("customerId").asText();
    // 22 notes: more than the dossier's first page of the history (20 entries, every kind merged)
    for (int i = 1; i <= 22; i++) {
      var added = shop.send("POST", "/staff/customers/" + customerId + "/notes", owner,
          "{\"text\":\"Заметка номер " + i + "\"}");
      assertEquals(201, added.statusCode(), added.body());
    }
    JsonNode dossier = shop.json(shop.send("GET", "/staff/customers/" + customerId, owner, null));
    assertEquals(20, dossier.path("history").size(), dossier.path("history").toString());
    assertTrue(dossier.hasNonNull("historyNextCursor"), "more than one page");

    browser.signIn("owner-elena", "nav [data-nav='customers']");
    browser.go("customers/" + customerId);
    browser.find("[data-list='customer-notes']");
    int before = browser.all("[data-list='customer-notes'] li").size();
    assertTrue(before < 22, "the dossier's first page: " + before + " notes");
    browser.find("button[data-action='more-history']").click();
    browser.waitFor(d -> d.findElements(By.cssSelector("[data-list='customer-notes'] li")).size() == 22);
    List<WebElement> notes = browser.all("[data-list='customer-notes'] li");
    assertTrue(notes.get(0).getText().contains("Заметка номер 22"), "newest first: " + notes.get(0).getText());
    assertTrue(notes.get(21).getText().endsWith("Заметка номер 1"), "the oldest last: " + notes.get(21).getText());
    assertEquals(22, notes.stream().map(n -> n.getAttribute("data-note")).distinct().count(), "each note once");
    assertTrue(browser.all("button[data-action='more-history']").isEmpty(), "no more pages");
    browser.screenshot("customer-dossier-more-history");
  }

  @Test
  void aCustomerWithManyOrdersShowsTheEarlierOnesOnDemand() {
    String owner = shop.token("owner-elena");
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String sku = "E2E-PG-" + tag;
    String warehouse = "e2e-pg-" + tag.toLowerCase();
    assertEquals(200, shop.send("PUT", "/staff/warehouses/" + warehouse, owner,
        "{\"name\":\"Склад страниц\",\"city\":\"Москва\"}").statusCode());
    assertEquals(200, shop.send("PUT", "/staff/products/" + sku, owner,
        "{\"name\":\"Чай для страниц\",\"priceMinor\":10000,\"weightGrams\":100,\"lengthMm\":100,\"widthMm\":100,"
            + "\"heightMm\":100,\"category\":\"tea\"}").statusCode());
    assertEquals(200, shop.send("PUT", "/staff/stock/" + sku + "/" + warehouse, owner, "{\"onHand\":100}").statusCode());
    // the customer of a site order, then 21 phone orders of theirs: more than the dossier's first page (20)
    String first = setup.placeCashOnDeliveryOrder();
    String customerId = setup.order(first).path("customerId").asText();
    for (int i = 0; i < 21; i++) {
      var placed = shop.send("POST", "/staff/orders", owner, """
          {"customerId":"%s","lines":[{"sku":"%s","qty":1}],"paymentMethod":"CASH_ON_DELIVERY","channel":"PHONE",
           "delivery":{"option":"COURIER","city":"Москва","address":"ул. Тверская, 1"}}""".formatted(customerId, sku));
      assertEquals(201, placed.statusCode(), placed.body());
    }

    browser.signIn("owner-elena", "nav [data-nav='customers']");
    browser.go("customers/" + customerId);
    browser.find("[data-table='customer-orders']");
    assertEquals("22", browser.find("[data-total='orders']").getText().trim(), "the totals count every order");
    assertEquals(20, browser.all("[data-table='customer-orders'] tbody tr").size(), "the dossier's first page");
    browser.find("button[data-action='more-orders']").click();
    browser.waitFor(d -> d.findElements(By.cssSelector("[data-table='customer-orders'] tbody tr")).size() == 22);
    List<WebElement> rows = browser.all("[data-table='customer-orders'] tbody tr");
    assertEquals(first, rows.get(21).getAttribute("data-order"), "the oldest order last");
    assertEquals(22, rows.stream().map(r -> r.getAttribute("data-order")).distinct().count(), "each order once");
    assertTrue(browser.all("button[data-action='more-orders']").isEmpty(), "no more pages");
    browser.screenshot("customer-dossier-more-orders");
  }
}
