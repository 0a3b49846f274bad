package dev.storeops.staff.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.ErasedReferences;
import dev.storeops.customers.PersonalData;
import dev.storeops.platform.dynamo.AboutCustomer;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Staff tasks about a customer (GSI1 {@code CUSTOMER#<id> / TASK#…}; docs/privacy.md). Export: the
 * tasks with their outcome comments. Erasure: tasks stay (they are the staff's work record) with the
 * customer id replaced by the erased reference and the comment by {@link ErasedReferences#REDACTED}.
 */
public final class DynamoTaskPersonalData implements PersonalData {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoTaskPersonalData(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Map<String, Object> export(Customer customer) {
    return Map.of("tasks", AboutCustomer.items(dynamo, table, customer.id(), TableKeys.TASK).stream()
        .map(AboutCustomer::plain).toList());
  }

  @Override
  public Map<String, Integer> erase(Customer customer, String reference) {
    List<Map<String, AttributeValue>> tasks = AboutCustomer.items(dynamo, table, customer.id(), TableKeys.TASK);
    for (var task : tasks) {
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":ref", s(reference));
      values.put(":refpk", s(TableKeys.CUSTOMER.key(reference)));
      values.put(":old", s(customer.id()));
      String set = "SET customerId = :ref, gsi1pk = :refpk";
      if (task.containsKey("comment")) {
        set += ", #comment = :redacted";
        values.put(":redacted", s(ErasedReferences.REDACTED));
      }
      var request = UpdateItemRequest.builder().tableName(table).key(AboutCustomer.key(task)).updateExpression(set)
          .conditionExpression("customerId = :old").expressionAttributeValues(values);
      if (task.containsKey("comment")) {
        request.expressionAttributeNames(Map.of("#comment", "comment"));
      }
      try {
        dynamo.updateItem(request.build());
      } catch (ConditionalCheckFailedException done) {
        // anonymised by a concurrent run
      }
    }
    return Map.of("tasks", tasks.size());
  }
}
