package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.campaigns.ConsentSegment;
import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The segment "all customers with marketing consent": a paged Query of GSI2 {@code CONSENT#marketing}, never a scan. */
public final class DynamoConsentSegment implements ConsentSegment {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoConsentSegment(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void forEach(Consumer<Customer> action) {
    dynamo.queryPaginator(q -> q.tableName(table).indexName(TableKeys.GSI2)
            .keyConditionExpression("gsi2pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(DynamoCustomerStore.MARKETING_CONSENT))))
        .items().forEach(item -> action.accept(DynamoCustomerStore.fromItem(item)));
  }
}
