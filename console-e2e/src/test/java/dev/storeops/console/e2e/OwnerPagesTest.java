package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The owner's pages in a real headless Chromium against local mode (issue 14, tests 3 and 4): the sales
 * report with today's order in its chart and table, the CSV download; a supplier file uploaded from the
 * browser (presigned PUT into the supplier bucket, the S3-triggered import) and its report with the
 * rejected rows; customers, campaigns, team and stock pages; axe-core on each; a screenshot of each.
 */
class OwnerPagesTest {
  private static LocalShop shop;
  private static ConsoleBrowser browser;
  private static Path downloads;

  @BeforeAll
  static void start() throws IOException {
    shop = LocalShop.get();
    browser = new ConsoleBrowser(shop);
    downloads = Files.createTempDirectory("console-e2e-downloads");
    browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Polls {@code check} for up to {@code seconds}; fails with {@code what} when it stays empty. */
  private static <T> T eventually(int seconds, String what, Supplier<Optional<T>> check) {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < end) {
      Optional<T> v = check.get();
      if (v.isPresent()) {
        return v.get();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("waited " + seconds + " s for " + what);
  }

  private static void accessible(String page) {
    var violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), page + ": " + ConsoleBrowser.describe(violations));
  }

  @Test
  void theOwnerSeesTodaysOrderInTheSalesChartAndDownloadsTheCsv() throws IOException {
    String owner = shop.token("owner-elena");
    // other tests place orders too: count from what the report says before this one
    JsonNode beforeRows = shop.json(shop.send("GET", "/staff/reports/sales?groupBy=day", owner, null)).path("rows");
    int before = beforeRows.get(beforeRows.size() - 1).path("orders").asInt();
    HttpResponse<String> placed = shop.send("POST", "/orders", null, """
        {"customer":{"email":"report-e2e@example.com","name":"Вера Отчётова","phone":"+79035550101"},
         "lines":[{"sku":"CUP-001","qty":1}],"paymentMethod":"CASH_ON_DELIVERY","channel":"SITE",
         "delivery":{"option":"COURIER","city":"Москва","address":"ул. Тверская, 1"}}""");
    assertEquals(201, placed.statusCode(), placed.body());
    // the reports-stream function counts it from the table's stream
    JsonNode today = eventually(60, "today's order in the sales report", () -> {
      JsonNode sales = shop.json(shop.send("GET", "/staff/reports/sales?groupBy=day", owner, null));
      JsonNode rows = sales.path("rows");
      JsonNode last = rows.get(rows.size() - 1);
      return last != null && last.path("orders").asInt() >= before + 1 ? Optional.of(last) : Optional.empty();
    });
    String day = today.path("key").asText();

    browser.signIn("owner-elena", "[data-page='tasks'] h1");
    browser.go("reports");
    browser.find("[data-chart='sales'] canvas");
    WebElement row = browser.waitFor(d -> d.findElements(By.cssSelector("[data-table='sales-days'] tr[data-row='" + day + "']"))
        .stream().findFirst().orElse(null));
    int shown = Integer.parseInt(row.findElement(By.cssSelector("[data-col='orders']")).getAttribute("textContent").trim());
    assertTrue(shown >= today.path("netOrders").asInt(), "today's orders shown: " + shown + ", counted: " + today);
    assertTrue(Integer.parseInt(browser.find("[data-total='orders']").getText().trim()) >= 1);
    assertEquals(String.valueOf(Integer.parseInt(browser.find("[data-chart='sales']").getAttribute("data-points"))),
        String.valueOf(browser.all("[data-table='sales-days'] tbody tr").size()));
    browser.screenshot("reports");
    accessible("reports");

    browser.find("button[data-csv='sales-by-day.csv']").click();
    Path csv = eventually(20, "the downloaded sales CSV", () -> {
      try (var files = Files.list(downloads)) {
        return files.filter(p -> p.getFileName().toString().startsWith("sales-") && p.toString().endsWith(".csv")).findFirst();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    String text = eventually(10, "the CSV's content", () -> {
      try {
        String s = Files.readString(csv, StandardCharsets.UTF_8);
        return s.contains("total") ? Optional.of(s) : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    });
    assertTrue(text.startsWith("day,orders,cancelled,net_orders,gross,cancelled_amount,revenue,average_check"), text);
    assertTrue(text.lines().anyMatch(l -> l.startsWith(day + ",")
        && Integer.parseInt(l.split(",")[1]) >= today.path("orders").asInt()), text);
  }

  @Test
  void aSupplierFileUploadedFromTheBrowserShowsItsImportReportWithTheRejectedRows() throws IOException {
    Path file = Files.createTempDirectory("console-e2e-upload").resolve("остатки-e2e.csv");
    Files.writeString(file, "Артикул;Наименование;Остаток\nTEA-001;Чай улун;много\nTEA-002;Пуэр;5 шт\n"
        + "TEA-003;Сенча;1\nTEA-404;Бракованный;???\n;Без артикула;3\n", StandardCharsets.UTF_8);
    browser.signIn("wh-sergey", "[data-page='tasks'] h1");
    browser.go("stock");
    // Preact sets an option's value as a property (no attribute to select by): pick it by its text
    browser.waitFor(d -> new Select(d.findElement(By.cssSelector("select[data-field='upload-supplier']"))).getOptions()
        .stream().anyMatch(o -> o.getText().equals("chaynaya-lavka")));
    new Select(browser.find("select[data-field='upload-supplier']")).selectByVisibleText("chaynaya-lavka");
    browser.find("input[data-field='upload-file']").sendKeys(file.toString());
    browser.find("form.upload button[type='submit']").click();

    WebElement report = eventually(90, "the import report of the uploaded file", () ->
        browser.all("[data-import-report$='остатки-e2e.csv']").stream().findFirst());
    List<WebElement> rejected = eventually(15, "the rejected rows", () -> {
      var rows = browser.all("[data-table='rejected'] tr[data-rejected-row]");
      return rows.size() == 2 ? Optional.of(rows) : Optional.empty();
    });
    assertTrue(rejected.get(0).getText().contains("?") || rejected.get(1).getText().contains("?"),
        rejected.get(0).getText() + " / " + rejected.get(1).getText());
    assertEquals("2", report.findElement(By.cssSelector("[data-rejected-count]")).getAttribute("data-rejected-count"));
    assertTrue(report.getText().contains("применён"), report.getText());
    WebElement link = report.findElement(By.cssSelector("a[download]"));
    assertTrue(link.getAttribute("href").contains("-rejected.csv"), link.getAttribute("href"));
    browser.screenshot("stock-import-report");
    accessible("stock");

    // the SKU's stock per warehouse reflects the file (много = 50 in msk-1)
    WebElement sku = browser.find("input[data-field='sku']");
    sku.clear();
    sku.sendKeys("TEA-001");
    browser.find("[data-report='sku-stock'] button[type='submit']").click();
    WebElement msk = browser.find("[data-table='sku-stock'] tr[data-warehouse='msk-1']");
    assertTrue(msk.getText().contains("50"), msk.getText());
    browser.screenshot("stock-sku");
  }

  @Test
  void customersTeamAndCampaignsPagesWorkAndAreAccessible() {
    browser.signIn("owner-elena", "[data-page='tasks'] h1");
    browser.go("customers");
    WebElement q = browser.find("input[data-field='customer-q']");
    q.sendKeys("8 (916) 123-45-67");
    browser.find("form[role='search'] button[type='submit']").click();
    browser.find("[data-table='customers'] tr[data-customer='cus_demo_anna']");
    browser.screenshot("customers");
    accessible("customers");
    browser.find("[data-table='customers'] tr[data-customer='cus_demo_anna'] a").click();
    browser.find("[data-page='customer'] [data-total='orders']");
    assertTrue(browser.find("[data-page='customer'] h1").getText().contains("Анна"));
    browser.screenshot("customer-dossier");
    accessible("customer dossier");

    browser.go("team");
    browser.find("[data-table='team'] tr[data-manager='mgr-olga']");
    browser.screenshot("team");
    accessible("team");

    browser.go("campaigns");
    browser.find("form.form-grid input").sendKeys("Весенняя распродажа");
    List<WebElement> inputs = browser.all("form.form-grid input");
    inputs.get(1).sendKeys("Скидки на чай");
    browser.find("form.form-grid textarea").sendKeys("Здравствуйте! Скидка 10 % на весь чай до конца недели.");
    browser.find("form.form-grid button[type='submit']").click();
    browser.find("section[data-campaign] [data-total='recipients']");
    browser.screenshot("campaigns");
    accessible("campaigns");

    browser.phone();
    browser.go("reports");
    browser.find("[data-chart='sales'] canvas");
    browser.screenshot("reports-phone");
    accessible("reports on a phone");
    browser.desktop();
  }
}
