package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The console's controls after the order (issue 17 item 3, docs/returns.md), the SMS choice in the dossier
 * (docs/notifications.md) and a SKU's price history (issue 15), clicked through in Chromium as the owner
 * and the warehouse do: a refused parcel ends RETURNED with its unit back on hand; a return with one line
 * restocked and one written off; the SMS opt-out toggled and visible in the dossier; the price history
 * opened from the stock page.
 */
class AfterTheOrderTest {
  private static final String STATUS = "[data-page='order'] [data-status]";
  private static LocalShop shop;
  private static ShopSetup setup;
  private static ConsoleBrowser browser;
  private static String owner;

  @BeforeAll
  static void start() {
    shop = LocalShop.get();
    setup = new ShopSetup(shop);
    browser = new ConsoleBrowser(shop);
    owner = shop.token("owner-elena");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String phone() {
    return "+7903" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000);
  }

  /** A cash-on-delivery site order of these lines ({@code [{"sku":…,"qty":…}]}), once a manager has it. */
  private static String placeOrder(String lines) {
    HttpResponse<String> placed = shop.send("POST", "/orders", null, """
        {"customer":{"email":"after-%s@example.com","name":"Анна Возвратова","phone":"%s"},
         "lines":%s,"paymentMethod":"CASH_ON_DELIVERY","channel":"SITE",
         "delivery":{"option":"COURIER","city":"Москва","address":"ул. Тверская, 1"}}"""
        .formatted(UUID.randomUUID(), phone(), lines));
    assertEquals(201, placed.statusCode(), placed.body());
    String id = shop.json(placed).path("id").asText();
    setup.awaitOrder(id, o -> !o.path("managerId").asText("").isEmpty() && !o.path("managerId").isNull());
    return id;
  }

  /** Confirmed by phone and shipped (test setup through the staff API, as the console does it). */
  private static void confirmAndShip(String orderId) {
    setup.call(orderId, "CONFIRMED");
    setup.awaitOrder(orderId, o -> o.path("status").asText().equals("READY_TO_SHIP"));
    HttpResponse<String> shipped = shop.send("POST", "/staff/orders/" + orderId + "/ship", owner,
        "{\"carrier\":\"СДЭК\",\"trackingNumber\":\"" + orderId.hashCode() + "\"}");
    assertEquals(200, shipped.statusCode(), shipped.body());
  }

  private static JsonNode stock(String sku) {
    HttpResponse<String> r = shop.send("GET", "/staff/stock/" + sku, owner, null);
    assertEquals(200, r.statusCode(), r.body());
    return shop.json(r);
  }

  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long until = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      assertTrue(System.currentTimeMillis() < until, "timed out: " + what);
      Thread.sleep(250);
    }
  }

  private static void awaitStatus(String status) {
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(STATUS), "data-status", status));
  }

  @Test
  void aRefusedParcelEndsReturnedWithItsUnitBackOnHand() {
    int onHandBefore = stock("TEA-001").path("onHand").asInt();
    String orderId = placeOrder("[{\"sku\":\"TEA-001\",\"qty\":1}]");
    confirmAndShip(orderId);
    assertEquals(onHandBefore - 1, stock("TEA-001").path("onHand").asInt(), "shipped: the unit left the shelf");

    // the owner records the refusal reported by the courier
    browser.signIn("owner-elena", "nav [data-nav='orders']");
    browser.go("orders/" + orderId);
    awaitStatus("SHIPPED");
    assertTrue(browser.all("button[data-action='return']").isEmpty(), "no return before delivery");
    browser.find("button[data-action='parcel-refused']").click();
    new Select(browser.find("select[data-field='refusal-reason']")).selectByValue("REFUSED");
    browser.screenshot("order-refusal");
    browser.find("button[data-confirm='parcel-refused']").click();
    awaitStatus("RETURNING");
    assertEquals("REFUSED", browser.find("[data-section='returns'] [data-refusal]").getAttribute("data-refusal"));
    assertEquals(onHandBefore - 1, stock("TEA-001").path("onHand").asInt(), "on the road back: not on the shelf yet");

    // the warehouse receives the parcel back
    browser.signIn("wh-sergey", "nav [data-nav='orders']");
    browser.go("orders/" + orderId);
    awaitStatus("RETURNING");
    assertTrue(browser.all("button[data-action='parcel-refused']").isEmpty(), "the warehouse records no refusal");
    browser.find("button[data-action='returned-parcel']").click();
    awaitStatus("RETURNED");
    assertTrue(browser.all("button[data-action='returned-parcel']").isEmpty(), "once");
    assertEquals(onHandBefore, stock("TEA-001").path("onHand").asInt(), "the unit is back on hand");
    assertEquals("RETURNED", setup.order(orderId).path("status").asText());

    // and the order list finds it under its new status
    browser.go("orders");
    new Select(browser.find("select[data-filter='status']")).selectByValue("RETURNED");
    browser.find("tr[data-order='" + orderId + "'] a");
    List<String> statuses = new Select(browser.find("select[data-filter='status']")).getOptions().stream()
        .map(o -> o.getDomAttribute("value")).toList();
    assertTrue(statuses.containsAll(List.of("RETURNING", "RETURNED")), statuses.toString());
  }

  @Test
  void aReturnRestocksOneLineAndWritesOffTheOther() throws InterruptedException {
    int teaBefore = stock("TEA-001").path("onHand").asInt();
    int cupsBefore = stock("CUP-001").path("onHand").asInt();
    String orderId = placeOrder("[{\"sku\":\"TEA-001\",\"qty\":2},{\"sku\":\"CUP-001\",\"qty\":1}]");
    confirmAndShip(orderId);
    HttpResponse<String> delivered = shop.send("POST", "/staff/orders/" + orderId + "/deliver", owner, "{}");
    assertEquals(200, delivered.statusCode(), delivered.body());
    assertEquals(teaBefore - 2, stock("TEA-001").path("onHand").asInt());
    assertEquals(cupsBefore - 1, stock("CUP-001").path("onHand").asInt());

    browser.signIn("wh-sergey", "nav [data-nav='orders']");
    browser.go("orders/" + orderId);
    awaitStatus("DELIVERED");
    browser.find("button[data-action='return']").click();
    WebElement tea = browser.find("tr[data-return-line='TEA-001']");
    WebElement teaQty = tea.findElement(By.cssSelector("input[data-field='return-qty']"));
    teaQty.clear();
    teaQty.sendKeys("1");
    WebElement cup = browser.find("tr[data-return-line='CUP-001']");
    WebElement cupQty = cup.findElement(By.cssSelector("input[data-field='return-qty']"));
    cupQty.clear();
    cupQty.sendKeys("1");
    new Select(cup.findElement(By.cssSelector("select[data-field='return-disposition']"))).selectByValue("writeOff");
    browser.find("input[data-field='return-reason']").sendKeys("чашка пришла разбитой, чай не подошёл");
    browser.screenshot("order-return-form");
    browser.find("button[data-confirm='return']").click();

    WebElement record = browser.find("[data-section='returns'] li[data-return='RETURN#1']");
    assertEquals("restock", record.findElement(By.cssSelector("[data-return-sku='TEA-001']")).getAttribute("data-disposition"));
    assertEquals("writeOff", record.findElement(By.cssSelector("[data-return-sku='CUP-001']")).getAttribute("data-disposition"));
    assertTrue(record.getText().contains("чашка пришла разбитой"), record.getText());
    // cash on delivery: the money goes back by the owner's hand (a refund task)
    assertEquals("task", record.findElement(By.cssSelector("[data-refund]")).getAttribute("data-refund"));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", record);
    browser.screenshot("order-return");
    // one TEA-001 can still come back, the cup cannot
    browser.find("button[data-action='return']").click();
    browser.find("tr[data-return-line='TEA-001']");
    assertTrue(browser.all("tr[data-return-line='CUP-001']").isEmpty(), "the cup is all returned");

    assertEquals(teaBefore - 1, stock("TEA-001").path("onHand").asInt(), "one tea back on the shelf");
    assertEquals(cupsBefore - 1, stock("CUP-001").path("onHand").asInt(), "the broken cup is written off, not restocked");
    JsonNode returns = shop.json(shop.send("GET", "/staff/orders/" + orderId + "/returns", owner, null)).path("returns");
    assertEquals(1, returns.size(), returns.toString());
    assertEquals("wh-sergey", returns.get(0).path("by").asText());
    assertEquals("DELIVERED", setup.order(orderId).path("status").asText(), "a return is a record, not a status");
    eventually("the owner's refund task", () -> shop.json(shop.send("GET", "/staff/tasks?assignee=owner&status=open", owner, null))
        .path("tasks").findValuesAsText("id").contains("refund_" + orderId + "_1"));

    // the last tea comes back through another desk meanwhile: the open form's return is refused, and the
    // page shows the API's problem+json detail
    HttpResponse<String> elsewhere = shop.send("POST", "/staff/orders/" + orderId + "/returns", owner,
        "{\"reason\":\"второй чай\",\"lines\":[{\"sku\":\"TEA-001\",\"qty\":1,\"disposition\":\"restock\"}]}");
    assertEquals(201, elsewhere.statusCode(), elsewhere.body());
    WebElement stale = browser.find("tr[data-return-line='TEA-001'] input[data-field='return-qty']");
    stale.clear();
    stale.sendKeys("1");
    browser.find("input[data-field='return-reason']").sendKeys("повтор");
    browser.find("button[data-confirm='return']").click();
    WebElement error = browser.find("[data-form='return'] p[role='alert']");
    assertTrue(error.getText().contains("more units than were delivered"), "the problem's detail: " + error.getText());
    WebElement which = browser.find("[data-form='return'] [data-errors='return']");
    assertTrue(which.getText().contains("at most 0 of TEA-001 can still be returned (delivered 2)"), which.getText());
    browser.screenshot("order-return-refused");
    assertEquals(teaBefore, stock("TEA-001").path("onHand").asInt(), "both teas back, not three");
  }

  @Test
  void theOwnerStopsAndAllowsTheCustomersSmsFromTheDossier() {
    String orderId = placeOrder("[{\"sku\":\"TEA-001\",\"qty\":1}]");
    String customerId = setup.order(orderId).path("customerId").asText();

    browser.signIn("owner-elena", "nav [data-nav='customers']");
    browser.go("customers/" + customerId);
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("[data-sms-consent]"), "data-sms-consent", "allowed"));
    new Select(browser.find("select[data-field='sms-source']")).selectByValue("phone-call");
    browser.find("button[data-action='sms-opt-out']").click();
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("[data-sms-consent]"), "data-sms-consent", "opted-out"));
    WebElement step = browser.find("[data-list='customer-consent'] li[data-consent-channel='SMS']");
    assertEquals("WITHDRAWN", step.getAttribute("data-consent-kind"));
    assertTrue(step.getText().contains("owner-elena"), step.getText());
    browser.screenshot("customer-sms-consent");
    var violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), "dossier with the SMS control: " + ConsoleBrowser.describe(violations));

    // the API has it: one step, and the choice the sms-sender reads
    var consent = ShopSetup.contacts(shop.json(shop.send("GET", "/staff/customers/" + customerId, owner, null))
        .path("history"), "consent");
    assertEquals(1, consent.stream().filter(c -> c.has("channel")).count(), consent.toString());

    new Select(browser.find("select[data-field='sms-source']")).selectByValue("email");
    browser.find("button[data-action='sms-allow']").click();
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("[data-sms-consent]"), "data-sms-consent", "allowed"));
    browser.waitFor(d -> d.findElements(By.cssSelector("[data-list='customer-consent'] li[data-consent-channel='SMS']")).size() == 2);
    assertEquals("GIVEN", browser.find("[data-list='customer-consent'] li[data-consent-channel='SMS']").getAttribute("data-consent-kind"),
        "newest first");
  }

  @Test
  void theOwnerOpensASkusPriceHistoryFromTheStockPage() throws InterruptedException {
    String supplier = "e2e-prices-" + UUID.randomUUID().toString().substring(0, 6);
    String warehouse = "e2e-wh-" + supplier.substring(11);
    HttpResponse<String> wh = shop.send("PUT", "/staff/warehouses/" + warehouse, owner,
        "{\"name\":\"Склад поставщика цен\",\"city\":\"Москва\"}");
    assertEquals(200, wh.statusCode(), wh.body());
    var stack = shop.runtime().stack();
    String bucket = stack.bucketName("SupplierBucket");
    stack.s3().putObject(p -> p.bucket(bucket).key("profiles/" + supplier + ".json"), RequestBody.fromString("""
        {"supplierId":"%s","warehouse":"%s","format":"csv","encoding":"UTF-8","delimiter":";",
         "columns":{"sku":["артикул"],"quantity":["остаток"],"purchasePrice":["опт"],"retailPrice":["розница"],
                    "minRetailPrice":["миц"]},"missing":"keep"}""".formatted(supplier, warehouse), StandardCharsets.UTF_8));
    // two price lists a while apart: the first prices held until the second file
    String[] files = {"артикул;остаток;опт;розница;миц\nTEA-002;5;1000,00;2000,00;1800,00\n",
        "артикул;остаток;опт;розница;миц\nTEA-002;5;1050,00;2100,00;1900,00\n"};
    for (int i = 0; i < files.length; i++) {
      String body = files[i];
      stack.s3().putObject(p -> p.bucket(bucket).key("incoming/" + supplier + "/prices-" + UUID.randomUUID() + ".csv"),
          RequestBody.fromString(body, StandardCharsets.UTF_8));
      int entries = i + 1;
      eventually("price list " + entries + " imported", () -> {
        JsonNode prices = shop.json(shop.send("GET", "/staff/stock/TEA-002/prices", owner, null));
        int mine = 0;
        for (JsonNode e : prices.path("entries")) {
          mine += "supplier".equals(e.path("kind").asText()) && supplier.equals(e.path("supplierId").asText()) ? 1 : 0;
        }
        return mine == entries;
      });
      Thread.sleep(1100); // the journal's entries are a second apart at least
    }

    browser.signIn("owner-elena", "nav [data-nav='stock']");
    browser.go("stock");
    browser.find("input[data-field='sku']").sendKeys("TEA-002");
    browser.find("[data-report='sku-stock'] button[type='submit']").click();
    browser.find("a[data-link='price-history']").click();
    browser.find("[data-page='prices'] [data-table='sku-prices']");
    List<WebElement> rows = browser.all("[data-table='sku-prices'] tr[data-price-supplier='" + supplier + "']");
    assertEquals(2, rows.size());
    assertEquals("true", rows.get(0).getAttribute("data-current"), "newest first, current");
    assertTrue(rows.get(0).findElement(By.cssSelector("[data-price='purchase']")).getText().replaceAll("\\s", "").startsWith("1050"),
        rows.get(0).getText());
    assertTrue(rows.get(0).findElement(By.cssSelector("[data-price='minRetail']")).getText().replaceAll("\\s", "").startsWith("1900"),
        rows.get(0).getText());
    assertEquals("false", rows.get(1).getAttribute("data-current"));
    assertTrue(rows.get(1).findElement(By.cssSelector("[data-price='retail']")).getText().replaceAll("\\s", "").startsWith("2000"),
        rows.get(1).getText());
    assertFalse(rows.get(1).getText().contains("—  —"), rows.get(1).getText());
    browser.screenshot("sku-prices");
    var violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), "price history: " + ConsoleBrowser.describe(violations));

    // the warehouse sees the stock page without the owner's price link
    browser.signIn("wh-sergey", "nav [data-nav='stock']");
    browser.go("stock");
    browser.find("input[data-field='sku']").sendKeys("TEA-002");
    browser.find("[data-report='sku-stock'] button[type='submit']").click();
    browser.find("[data-table='sku-stock'] caption");
    assertTrue(browser.all("a[data-link='price-history']").isEmpty());
  }

  @Test
  void aLongPriceHistoryShowsTheEarlierPricesOnDemand() {
    String sku = "E2E-PR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    assertEquals(200, shop.send("PUT", "/staff/products/" + sku, owner,
        "{\"name\":\"Чай с историей цен\",\"priceMinor\":10000,\"weightGrams\":100,\"lengthMm\":100,\"widthMm\":100,"
            + "\"heightMm\":100,\"category\":\"tea\"}").statusCode());
    // 105 price lists of one supplier (journal entries as the stock import writes them, on the SKU's
    // partition): more than the console's page of 100
    var stack = shop.runtime().stack();
    String table = stack.tableName("StoreTable");
    java.time.Instant start = java.time.Instant.parse("2026-01-05T08:00:00Z");
    for (int i = 0; i < 105; i++) {
      java.time.Instant at = start.plusSeconds(86_400L * i);
      long purchase = 10_000 + i;
      int n = i;
      stack.dynamoDb().putItem(p -> p.tableName(table).item(java.util.Map.of(
          "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SKU#" + sku),
          "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRICELOG#" + at + "#e2e-long"),
          "type", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SupplierPriceEntry"),
          "sku", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sku),
          "supplierId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("e2e-long"),
          "file", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("incoming/e2e-long/prices-" + n + ".csv"),
          "at", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(at.toString()),
          "purchasePriceMinor", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Long.toString(purchase)))));
    }

    browser.signIn("owner-elena", "nav [data-nav='stock']");
    browser.go("stock/" + sku + "/prices");
    browser.find("[data-page='prices'] [data-table='sku-prices']");
    assertEquals(100, browser.all("[data-table='sku-prices'] tbody tr").size(), "the first page");
    browser.find("button[data-action='more-prices']").click();
    browser.waitFor(d -> d.findElements(By.cssSelector("[data-table='sku-prices'] tbody tr")).size() == 105);
    List<WebElement> rows = browser.all("[data-table='sku-prices'] tbody tr");
    assertEquals("true", rows.get(0).getAttribute("data-current"), "newest first, current");
    assertTrue(rows.get(104).findElement(By.cssSelector("[data-price='purchase']")).getText().replaceAll("\\s", "")
        .matches("100[,.]00.*"), "the oldest price list last: " + rows.get(104).getText());
    assertEquals(1, rows.stream().filter(r -> "true".equals(r.getAttribute("data-current"))).count());
    assertTrue(browser.all("button[data-action='more-prices']").isEmpty(), "no more pages");
  }
}
