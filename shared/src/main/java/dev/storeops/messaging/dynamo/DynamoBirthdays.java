package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.flows.BirthdayPlanner;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Customers born on a month-day: a Query of GSI1 {@code BIRTHDAY#<MM-dd>} (paged), never a scan. */
public final class DynamoBirthdays implements BirthdayPlanner.Birthdays {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoBirthdays(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public List<Customer> bornOn(String monthDay) {
    List<Customer> out = new ArrayList<>();
    dynamo.queryPaginator(q -> q.tableName(table).indexName(TableKeys.GSI1)
            .keyConditionExpression("gsi1pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(TableKeys.BIRTHDAY.key(monthDay)))))
        .items().forEach(item -> out.add(DynamoCustomerStore.fromItem(item)));
    return out;
  }
}
