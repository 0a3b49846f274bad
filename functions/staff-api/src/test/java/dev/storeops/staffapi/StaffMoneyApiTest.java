package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.header;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The owner's expenses (one by one and from a bank-statement CSV) and a month's profit and loss,
 * computed by hand below, through the staff-api handler on the AWS stack (docs/money.md).
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffMoneyApiTest {
  private StaffApiCalls api;
  private DynamoReportStore store;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.api = StaffApiCalls.on(stack);
    this.store = new DynamoReportStore(stack.dynamoDb(), stack.tableName("StoreTable"));
  }

  private APIGatewayV2HTTPResponse money(String fixture, String body, Map<String, String> query, String accept,
      String groups) {
    return api.as(null, groups, header(query(event(fixture, null, body), query), "accept", accept));
  }

  private void order(YearMonth m, int day, String channel, long total, long cost, boolean cancelled) {
    String id = "ord_" + UUID.randomUUID();
    List<OrderFacts.Line> lines = List.of(new OrderFacts.Line("PL-1", 1, total, cost));
    store.apply(new OrderFacts(id, m.atDay(day), channel, total, lines, false, null, cost, 0, null));
    if (cancelled) {
      store.apply(new OrderFacts(id, m.atDay(day), channel, total, lines, true, "customer asked", cost, 0, null));
    }
  }

  @Test
  void aMonthsProfitAndLossFromOrdersAndExpensesAsComputedByHand() {
    // a month of its own, in the past (expenses may not be dated more than a year ahead)
    YearMonth m = YearMonth.of(2001 + ThreadLocalRandom.current().nextInt(20), 1 + ThreadLocalRandom.current().nextInt(12));
    order(m, 5, "SITE", 500_000, 300_000, false);
    order(m, 10, "PHONE", 200_000, 150_000, false);
    order(m, 12, "SITE", 100_000, 60_000, true);          // cancelled: counts nothing
    order(m.plusMonths(1), 1, "SITE", 999_900, 1, false); // next month: not this P&L

    APIGatewayV2HTTPResponse rent = money("record-expense.json",
        "{\"date\":\"" + m.atDay(1) + "\",\"category\":\"rent\",\"amountMinor\":100000,\"note\":\"Аренда\"}", null,
        "application/json", null);
    assertEquals(201, rent.getStatusCode(), rent.getBody());
    assertEquals("manual", json(rent).path("source").asText());

    String d = String.format("%02d.%02d.%d", 3, m.getMonthValue(), m.getYear());
    String csv = "date;category;amount;note\r\n"
        + d + ";advertising;-125,00;Яндекс Директ\r\n"
        + m.atDay(10) + ";Delivery;43,20;\"СДЭК; неделя\"\r\n"
        + m.atEndOfMonth() + ";salaries;-1 000,00;Зарплата\r\n"
        + m.plusMonths(1).atDay(1) + ";fees;0,50;next month\r\n";
    APIGatewayV2HTTPResponse imported = money("import-expenses.json", csv, null, "application/json", null);
    assertEquals(200, imported.getStatusCode(), imported.getBody());
    assertEquals(4, json(imported).path("recorded").asInt());
    APIGatewayV2HTTPResponse again = money("import-expenses.json", csv, null, "application/json", null);
    assertEquals(0, json(again).path("recorded").asInt(), "the same statement imported twice records nothing twice");
    assertEquals(4, json(again).path("alreadyRecorded").asInt());

    APIGatewayV2HTTPResponse bad = money("import-expenses.json", "2001-01-01;rent;100\r\n2001-01-02;rent;abc\r\n", null,
        "application/json", null);
    assertEquals(400, bad.getStatusCode(), bad.getBody());
    assertEquals("rows[2].amount", json(bad).path("errors").path(0).path("field").asText());

    APIGatewayV2HTTPResponse pnl = money("get-pnl.json", null, Map.of("month", m.toString()), "application/json", null);
    assertEquals(200, pnl.getStatusCode(), pnl.getBody());
    JsonNode p = json(pnl);
    // revenue 5 000 + 2 000 = 7 000 ₽; cost of goods 3 000 + 1 500 = 4 500 ₽; gross margin 2 500 ₽ (35.7 %)
    assertEquals(700_000, p.path("revenueMinor").asLong());
    assertEquals(450_000, p.path("costOfGoodsMinor").asLong());
    assertEquals(250_000, p.path("grossMarginMinor").asLong());
    assertEquals("35.7", p.path("grossMarginPercent").asText());
    // expenses: rent 1 000 + advertising 125 + delivery 43.20 + salaries 1 000 = 2 168.20 ₽
    assertEquals(Map.of("delivery", 4_320L, "advertising", 12_500L, "rent", 100_000L, "salaries", 100_000L,
        "fees", 0L, "other", 0L), Json.mapper().convertValue(p.path("expensesByCategory"),
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() {}));
    assertEquals(216_820, p.path("expensesMinor").asLong());
    assertEquals(250_000 - 216_820, p.path("operatingProfitMinor").asLong());

    APIGatewayV2HTTPResponse asCsv = money("get-pnl.json", null, Map.of("month", m.toString()), "text/csv", null);
    assertTrue(asCsv.getBody().endsWith("expenses,2168.20\r\noperating_profit,331.80\r\n"), asCsv.getBody());

    APIGatewayV2HTTPResponse manager = money("get-pnl.json", null, Map.of("month", m.toString()), "application/json",
        "[manager]");
    assertEquals(403, manager.getStatusCode(), "the owner's figures");
    assertEquals(400, money("get-pnl.json", null, Map.of("month", "2031-13"), "application/json", null).getStatusCode());
  }

  private static dev.storeops.ordering.Order order(dev.storeops.ordering.PaymentMethod method, java.time.Instant at,
      long total) {
    return new dev.storeops.ordering.Order("ord_" + UUID.randomUUID(), "010101-CASH01", "cus_cash",
        dev.storeops.ordering.Channel.SITE, "customer", List.of(new dev.storeops.ordering.OrderLine("C-1", "Tea", 1,
            total, total)), total, 0, total, "RUB", null, method,
        dev.storeops.ordering.OrderLifecycle.initialStatus(method),
        dev.storeops.ordering.OrderLifecycle.created(method, at, "customer"), null, null, "hash", List.of(), at, at);
  }

  @Test
  void cashInAndOutByDayFromPaidOrdersCashOnDeliveryRefundsAndExpenses(AwsStack stack) {
    YearMonth m = YearMonth.of(2001 + ThreadLocalRandom.current().nextInt(20), 1 + ThreadLocalRandom.current().nextInt(12));
    java.time.ZoneId zone = java.time.ZoneId.of("Europe/Moscow");
    java.time.Instant day1 = m.atDay(1).atTime(12, 0).atZone(zone).toInstant();
    java.time.Instant day2 = day1.plus(java.time.Duration.ofDays(1));
    java.time.Instant day3 = day2.plus(java.time.Duration.ofDays(1));
    var service = new dev.storeops.reporting.dynamo.ReportsStreamService(store, zone);
    var status = (java.util.function.BiFunction<dev.storeops.ordering.Order, Object[], dev.storeops.ordering.Order>)
        (o, a) -> dev.storeops.ordering.OrderLifecycle.transition(o, (dev.storeops.ordering.OrderStatus) a[0],
            (java.time.Instant) a[1], "system", "test");
    // a card order paid on day 1 (5 000 ₽), refunded on day 3
    var card = status.apply(order(dev.storeops.ordering.PaymentMethod.ONLINE_CARD, day1, 500_000),
        new Object[] {dev.storeops.ordering.OrderStatus.PAID, day1});
    service.apply(null, dev.storeops.ordering.dynamo.DynamoOrderStore.toItem(card));
    service.apply(null, dev.storeops.ordering.dynamo.DynamoOrderStore.toItem(card)); // redelivered: counted once
    var refunded = status.apply(card, new Object[] {dev.storeops.ordering.OrderStatus.CANCELLED, day3});
    service.apply(null, dev.storeops.ordering.dynamo.DynamoOrderStore.toItem(refunded));
    // cash on delivery: 2 000 ₽ collected when delivered on day 2
    var cod = order(dev.storeops.ordering.PaymentMethod.CASH_ON_DELIVERY, day1, 200_000);
    for (var s : List.of(dev.storeops.ordering.OrderStatus.CONFIRMED, dev.storeops.ordering.OrderStatus.READY_TO_SHIP,
        dev.storeops.ordering.OrderStatus.SHIPPED)) {
      cod = status.apply(cod, new Object[] {s, day1});
    }
    service.apply(null, dev.storeops.ordering.dynamo.DynamoOrderStore.toItem(cod)); // shipped: no money yet
    cod = status.apply(cod, new Object[] {dev.storeops.ordering.OrderStatus.DELIVERED, day2});
    service.apply(null, dev.storeops.ordering.dynamo.DynamoOrderStore.toItem(cod));
    // rent 1 000 ₽ paid on day 2
    assertEquals(201, money("record-expense.json", "{\"date\":\"" + m.atDay(2) + "\",\"category\":\"rent\",\"amountMinor\":100000}",
        null, "application/json", null).getStatusCode());

    APIGatewayV2HTTPResponse r = money("get-cash-report.json", null, Map.of("from", m.atDay(1).toString(),
        "to", m.atDay(3).toString()), "text/csv", null);
    assertEquals(200, r.getStatusCode(), r.getBody());
    assertEquals("day,cash_in,till_sales,refunds,expenses,net,balance\r\n"
        + m.atDay(1) + ",5000.00,0.00,0.00,0.00,5000.00,5000.00\r\n"
        + m.atDay(2) + ",2000.00,0.00,0.00,1000.00,1000.00,6000.00\r\n"
        + m.atDay(3) + ",0.00,0.00,5000.00,0.00,-5000.00,1000.00\r\n"
        + "total,7000.00,0.00,5000.00,1000.00,1000.00,1000.00\r\n", r.getBody());
  }
}
