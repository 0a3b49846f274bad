package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.ManageCatalog;
import dev.storeops.catalog.PointSale;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.RecordPointSale;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.ShortLine;
import dev.storeops.catalog.dynamo.ShortStockMarks;
import dev.storeops.fulfilment.dynamo.DynamoShortStockMarks;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.catalog.dynamo.DynamoPointSales;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.fulfilment.dynamo.DynamoShortStock;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.reporting.PointSaleFacts;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.SalesReport;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.ReportsStreamService;
import dev.storeops.reporting.s3.S3SupplierTerms;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Shop points on DynamoDB Local (docs/points.md): a till's receipt decrements the point's stock once
 * however often it is sent, with one {@code point-sale} journal entry; the same number with other lines is
 * refused; the sale counts once in the sales report as channel {@code OFFLINE:<point>}.
 */
@WithAwsStack
class PointSalesTest {
  private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Moscow");

  private record World(FlowWorld w, DynamoCatalog catalog, RecordPointSale sales, String point, String sku) {}

  private static World world(AwsStack stack, long onHand) {
    FlowWorld w = new FlowWorld(stack);
    // a day of its own, so the sales figures compared are this test's
    w.clock.advance(java.time.Duration.ofDays(3000 + ThreadLocalRandom.current().nextInt(3000)));
    DynamoCatalog catalog = new DynamoCatalog(stack.dynamoDb(), w.table, w.clock);
    String point = FlowWorld.unique("pt");
    catalog.putWarehouse(new Warehouse(point, "Точка на Арбате", "Москва", true));
    String sku = FlowWorld.unique("TEA").toUpperCase();
    catalog.putProduct(new Product(sku, "Чай", 15000, "RUB", 100, 10, 10, 10, null, List.of(), List.of(), w.clock.instant()));
    new ManageCatalog(catalog, w.clock).setStock(sku, point, new ManageCatalog.StockRequest(onHand), "w-anna");
    FlagShortOrders flag = new FlagShortOrders(new DynamoShortStock(stack.dynamoDb(), w.table, w.clock), w.c.tasks());
    RecordPointSale sales = new RecordPointSale(catalog, new DynamoPointSales(stack.dynamoDb(), w.table, w.clock), w.clock,
        (s, wh, before, after, by) -> flag.afterCount(s, wh, before, after, ShortStockPolicy.Source.POINT_SALE, by));
    return new World(w, catalog, sales, point, sku);
  }

  private static RecordPointSale.Request receipt(World x, String number, long qty) {
    String soldAt = x.w().clock.instant().minusSeconds(60).atZone(SHOP_ZONE).toOffsetDateTime().toString();
    return new RecordPointSale.Request(number, soldAt, List.of(new RecordPointSale.LineRequest(x.sku(), qty, 15000L)),
        qty * 15000);
  }

  private static long onHand(World x) {
    return Items.num(x.w().stack.dynamoDb().getItem(b -> b.tableName(x.w().table)
        .key(TableKeys.stockKey(x.sku(), x.point())).consistentRead(true)).item(), "onHand", -1);
  }

  private static List<Map<String, AttributeValue>> pointSaleEntries(World x) {
    return x.w().stack.dynamoDb().query(q -> q.tableName(x.w().table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SKU#" + x.sku()), ":m", AttributeValue.fromS("MOVE#"))))
        .items().stream().filter(i -> "point-sale".equals(Items.str(i, "movement"))).toList();
  }

  @Test
  void aPointSaleReplayedTwiceDecrementsStockOnceAndAnswersTheFirstResult(AwsStack stack) {
    World x = world(stack, 5);
    RecordPointSale.Request r100 = receipt(x, "R-100", 2);
    RecordPointSale.Result first = x.sales().record(x.point(), r100, "w-anna", "api");
    assertFalse(first.replayed());
    assertEquals(3, onHand(x));
    assertEquals(3L, first.sale().lines().get(0).onHandAfter());

    x.w().clock.advance(java.time.Duration.ofMinutes(5));
    RecordPointSale.Result again = x.sales().record(x.point(), r100, "till:" + x.point(), "file:x");
    RecordPointSale.Result third = x.sales().record(x.point(), r100, "w-anna", "api");
    assertTrue(again.replayed());
    assertTrue(third.replayed());
    assertEquals(first.sale(), again.sale(), "a replay answers the first result");
    assertEquals(3, onHand(x), "decremented once");
    List<Map<String, AttributeValue>> journal = pointSaleEntries(x);
    assertEquals(1, journal.size());
    assertEquals(-2, Items.num(journal.get(0), "onHandChange", 0));
    assertEquals("w-anna", Items.str(journal.get(0), "actor"));
    assertEquals("receipt:" + x.point() + "/R-100", Items.str(journal.get(0), "ref"));
  }

  @Test
  void aReceiptNumberWithOtherLinesIsRefusedAndAWarehouseWithoutATillSellsNothing(AwsStack stack) {
    World x = world(stack, 5);
    x.sales().record(x.point(), receipt(x, "R-7", 1), "w-anna", "api");
    Conflict reused = assertThrows(Conflict.class, () -> x.sales().record(x.point(), receipt(x, "R-7", 3), "w-anna", "api"));
    assertEquals("receipt-reused", reused.code());
    assertEquals(4, onHand(x));

    String store = FlowWorld.unique("wh");
    x.catalog().putWarehouse(new Warehouse(store, "Склад", "Москва"));
    Invalid notAPoint = assertThrows(Invalid.class, () -> x.sales().record(store, receipt(x, "R-1", 1), "w-anna", "api"));
    assertEquals("id", notAPoint.errors().get(0).field());
    Invalid badTotal = assertThrows(Invalid.class, () -> x.sales().record(x.point(), new RecordPointSale.Request("R-8",
        receipt(x, "R-8", 1).soldAt(), List.of(new RecordPointSale.LineRequest(x.sku(), 1L, 15000L)), 99L), "w-anna", "api"));
    assertEquals("totalMinor", badTotal.errors().get(0).field());
    assertEquals(4, onHand(x));
  }

  @Test
  void theSaleCountsOnceInTheSalesReportAsTheOfflineChannelOfItsPoint(AwsStack stack) {
    World x = world(stack, 10);
    PointSale sale = x.sales().record(x.point(), receipt(x, "R-55", 3), "w-anna", "api").sale();
    var item = stack.dynamoDb().getItem(b -> b.tableName(x.w().table)
        .key(TableKeys.primaryKey(TableKeys.POINT.key(x.point()), TableKeys.POINT_SALE.key("R-55"))).consistentRead(true))
        .item();
    DynamoReportStore store = new DynamoReportStore(stack.dynamoDb(), x.w().table);
    ReportsStreamService stream = new ReportsStreamService(store, SHOP_ZONE);
    // the stream delivers the insert twice
    assertEquals(ReportsStreamService.Outcome.COUNTED, stream.apply(null, item));
    assertEquals(ReportsStreamService.Outcome.UNCHANGED, stream.apply(null, item));
    assertEquals(ReportsStreamService.Outcome.IGNORED, stream.apply(item, item), "a later change is no new sale");

    ReportService reports = new ReportService(store, new S3SupplierTerms(stack.s3(), stack.bucketName("SupplierBucket")),
        x.w().clock, SHOP_ZONE, 14);
    String day = sale.soldAt().atZone(SHOP_ZONE).toLocalDate().toString();
    SalesReport.Result byChannel = reports.sales(day, day, "channel");
    SalesReport.Row offline = byChannel.rows().stream().filter(r -> r.key().equals(PointSaleFacts.channel(x.point())))
        .findFirst().orElseThrow(() -> new AssertionError(byChannel.rows().toString()));
    assertEquals(1, offline.orders());
    assertEquals(45000, offline.revenueMinor());
    assertEquals(List.of("SITE", "PHONE", "EMAIL"), byChannel.rows().subList(0, 3).stream().map(SalesReport.Row::key).toList(),
        "the points beside the site, phone and e-mail channels");
    assertTrue(byChannel.total().revenueMinor() >= 45000);
    assertEquals(3, store.sold(x.sku(), sale.soldAt().atZone(SHOP_ZONE).toLocalDate(),
        sale.soldAt().atZone(SHOP_ZONE).toLocalDate()), "the purchase list sees the units sold at the point");
    assertTrue(Instant.parse(Items.str(item, "recordedAt")).equals(sale.recordedAt()));
  }
  @Test
  void aTillSaleIsCashOnItsDayAndItsCostOfGoodsComesFromThePurchasePricesUnknownShownApart(AwsStack stack) {
    World x = world(stack, 10);
    // the SKU is a supplier's stock with the purchase price the supplier import keeps (docs/money.md)
    String supplier = FlowWorld.unique("sup");
    stack.dynamoDb().updateItem(u -> u.tableName(x.w().table).key(TableKeys.stockKey(x.sku(), x.point()))
        .updateExpression("SET supplierId = :s").expressionAttributeValues(Map.of(":s", AttributeValue.fromS(supplier))));
    stack.dynamoDb().putItem(p -> p.tableName(x.w().table).item(Map.of(
        "pk", AttributeValue.fromS("SKU#" + x.sku()), "sk", AttributeValue.fromS("SUPPLIERPRICE#" + supplier),
        "type", AttributeValue.fromS("SupplierPrice"), "purchasePriceMinor", Items.n(6000))));
    // a second SKU whose purchase price nobody knows
    String other = FlowWorld.unique("CUP").toUpperCase();
    x.catalog().putProduct(new Product(other, "Чашка", 20000, "RUB", 100, 10, 10, 10, null, List.of(), List.of(),
        x.w().clock.instant()));
    new ManageCatalog(x.catalog(), x.w().clock).setStock(other, x.point(), new ManageCatalog.StockRequest(5L), "w-anna");
    String soldAt = x.w().clock.instant().minusSeconds(60).atZone(SHOP_ZONE).toOffsetDateTime().toString();
    PointSale sale = x.sales().record(x.point(), new RecordPointSale.Request("R-77", soldAt,
        List.of(new RecordPointSale.LineRequest(x.sku(), 3L, 15000L), new RecordPointSale.LineRequest(other, 2L, 20000L)),
        3L * 15000 + 2L * 20000), "w-anna", "api").sale();
    assertEquals(java.util.Arrays.asList(6000L, null),
        sale.lines().stream().map(PointSale.Line::unitCostMinor).toList(), "the unit cost as recorded with the sale");

    var item = stack.dynamoDb().getItem(b -> b.tableName(x.w().table)
        .key(TableKeys.primaryKey(TableKeys.POINT.key(x.point()), TableKeys.POINT_SALE.key("R-77"))).consistentRead(true))
        .item();
    DynamoReportStore store = new DynamoReportStore(stack.dynamoDb(), x.w().table);
    ReportsStreamService stream = new ReportsStreamService(store, SHOP_ZONE);
    assertEquals(ReportsStreamService.Outcome.COUNTED, stream.apply(null, item));
    assertEquals(ReportsStreamService.Outcome.UNCHANGED, stream.apply(null, item), "redelivered: counted once");

    ReportService reports = new ReportService(store, new S3SupplierTerms(stack.s3(), stack.bucketName("SupplierBucket")),
        x.w().clock, SHOP_ZONE, 14);
    java.time.LocalDate day = sale.soldAt().atZone(SHOP_ZONE).toLocalDate();
    SalesReport.Row offline = reports.sales(day.toString(), day.toString(), "channel").rows().stream()
        .filter(r -> r.key().equals(PointSaleFacts.channel(x.point()))).findFirst().orElseThrow();
    assertEquals(85000, offline.revenueMinor());
    assertEquals(3 * 6000, offline.costMinor(), "the known cost; the cups count 0");
    assertEquals(2, offline.unknownCostUnits(), "the units of unknown cost are shown apart");
    assertEquals(85000 - 18000, offline.marginMinor());

    // the day is this test's own (world() moved the clock thousands of days on): its figures are this sale's
    dev.storeops.reporting.dynamo.DynamoExpenses noExpenses = new dev.storeops.reporting.dynamo.DynamoExpenses(
        stack.dynamoDb(), x.w().table);
    dev.storeops.reporting.CashReport.Result cash = reports.cash(day.toString(), day.toString(), noExpenses);
    assertEquals(85000, cash.total().tillMinor(), "the till's money came in on the day of sale");
    assertEquals(0, cash.total().inMinor(), "apart from the orders' money");
    assertEquals(85000, cash.total().netMinor());
    dev.storeops.reporting.ProfitAndLoss.Result pnl = reports.profitAndLoss(java.time.YearMonth.from(day).toString(),
        noExpenses);
    assertTrue(pnl.revenueMinor() >= 85000, "the month's P&L has the till sale");
    assertTrue(pnl.costOfGoodsMinor() >= 18000);
    assertTrue(pnl.unknownCostUnits() >= 2);
    var products = reports.products(day.toString(), day.toString(), "day").rows();
    assertEquals(18000, products.stream().filter(r -> r.sku().equals(x.sku())).findFirst().orElseThrow().costMinor());
    assertEquals(0, products.stream().filter(r -> r.sku().equals(other)).findFirst().orElseThrow().costMinor());
  }

  @Test
  void aSaleWhoseFlaggingNeverRanLeavesItsRowMarkedSoTheSweepFlagsTheOrderItLeftShort(AwsStack stack) {
    World x = world(stack, 3);
    x.w().clock.advance(java.time.Duration.ofSeconds(1));
    Order o = x.w().order(PaymentMethod.CASH_ON_DELIVERY, x.sku(), 2, x.w().manager, x.point());
    x.w().clock.advance(java.time.Duration.ofSeconds(1));
    // the receipt is recorded, then the function dies before the short-order rule runs
    RecordPointSale dying = new RecordPointSale(x.catalog(), new DynamoPointSales(stack.dynamoDb(), x.w().table,
        x.w().clock), x.w().clock, (s, wh, before, after, by) -> {
          if (ShortStockPolicy.isShort(after)) {
            throw new IllegalStateException("injected: crashed between the sale and its flagging");
          }
        });
    assertThrows(IllegalStateException.class, () -> dying.record(x.point(), receipt(x, "R-500", 2), "w-anna", "api"));
    assertEquals(1, onHand(x));
    // the till sends the receipt again: a replay answers the first recording and runs no rule
    assertTrue(x.sales().record(x.point(), receipt(x, "R-500", 2), "w-anna", "api").replayed());
    assertFalse(order(x, o.id()).isShort(), "nothing flagged it");
    var row = x.w().stack.dynamoDb().getItem(b -> b.tableName(x.w().table).key(TableKeys.stockKey(x.sku(), x.point()))
        .consistentRead(true)).item();
    assertEquals("DUE#" + ShortStockMarks.KIND + "#" + DueWork.day(x.w().clock.instant()), Items.str(row, TableKeys.DUE_PK),
        "the sale's own transaction marked the row it left short");
    assertEquals("POINT_SALE", Items.str(row, "shortSource"));

    x.w().clock.advance(java.time.Duration.ofSeconds(1));
    DynamoShortStockMarks.job(stack.dynamoDb(), x.w().table, x.w().clock, x.w().c.tasks(), null).run();
    assertEquals(List.of(new ShortLine(x.sku(), x.point(), 2, 1)), order(x, o.id()).shortLines());
    String title = x.w().c.taskStore().find(ShortStockPolicy.taskId(o.id(), x.sku(), x.point())).orElseThrow().title();
    assertTrue(title.startsWith("After a sale at the shop point: 1 of " + x.sku()), title);
    var swept = x.w().stack.dynamoDb().getItem(b -> b.tableName(x.w().table).key(TableKeys.stockKey(x.sku(), x.point()))
        .consistentRead(true)).item();
    assertFalse(swept.containsKey(TableKeys.DUE_PK), "the mark is gone");
  }

  private static Order order(World x, String id) {
    return DynamoOrderStore.fromItem(x.w().stack.dynamoDb().getItem(b -> b.tableName(x.w().table)
        .key(DynamoOrderStore.orderKey(id)).consistentRead(true)).item());
  }
}
