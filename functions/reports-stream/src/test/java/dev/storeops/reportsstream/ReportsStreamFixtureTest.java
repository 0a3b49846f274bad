package dev.storeops.reportsstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.reporting.CountedState;
import dev.storeops.reporting.Expiring;
import dev.storeops.reporting.SalesDay;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real-shaped fixture events/reports-stream/order-and-stock-changes.json (the item formats the
 * order and stock code write): a stock item with an expiry date, a phone order of 2 × FX-TEA-100 +
 * 1 × FX-CUP-1 (1 200,00 ₽) created 2031-07-01 10:15 Moscow time, its reservation, an unrelated
 * customer change and the order's cancellation "Customer refused" — delivered twice.
 */
@WithAwsStack
class ReportsStreamFixtureTest {
  @Test
  void theFixtureCountsOnceAndIndexesTheExpiry(AwsStack stack) {
    ReportsStreamHandler handler = stack.handler("ReportsStreamFunction", ReportsStreamHandler.class);
    DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/reports-stream/order-and-stock-changes.json");
    for (int i = 0; i < 2; i++) {
      assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
    }
    DynamoReportStore store = new DynamoReportStore(stack.dynamoDb(), stack.tableName("StoreTable"));
    LocalDate day = LocalDate.parse("2031-07-01");
    SalesDay.Figures one = new SalesDay.Figures(1, 120000, 1, 120000);
    assertEquals(List.of(new SalesDay(day, one, Map.of("PHONE", one), Map.of("customer refused", 1L))),
        store.salesDays(day, day.plusDays(1)));
    assertEquals(CountedState.CANCELLED, store.counted("ord_01JFIXTURE0REPORTS0000001"));
    assertEquals(0, store.sold("FX-TEA-100", day, day), "placed then cancelled: net 0");
    assertEquals(Map.of("FX-CUP-1", 1L), store.boughtTogether("FX-TEA-100"), "pairs count once per order");
    assertEquals(List.of(new Expiring.Entry("FX-TEA-100", "msk-1", LocalDate.parse("2031-07-10"), 38, 40, "fx-supplier")),
        store.expiring(LocalDate.parse("2031-07-10"), LocalDate.parse("2031-07-10")).stream()
            .filter(e -> e.sku().equals("FX-TEA-100")).toList());
  }
}
