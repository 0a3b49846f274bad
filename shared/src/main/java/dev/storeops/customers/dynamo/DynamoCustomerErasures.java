package dev.storeops.customers.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerErasure;
import dev.storeops.customers.CustomerErasures;
import dev.storeops.platform.dynamo.AboutCustomer;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The erasure record {@code CUSTOMER#<id> / ERASED} (customer id, reference, when, by whom, counts —
 * no personal data), written in the transaction that deletes the profile and the e-mail claim.
 */
public final class DynamoCustomerErasures implements CustomerErasures {
  static final String ERASED = "ERASED";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoCustomerErasures(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<CustomerErasure> find(String customerId) {
    var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
        .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), ERASED))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (item.containsKey("items")) {
      item.get("items").m().forEach((k, v) -> counts.put(k, Integer.parseInt(v.n())));
    }
    return Optional.of(new CustomerErasure(Items.str(item, "customerId"), Items.str(item, "reference"),
        Items.instant(item, "erasedAt"), Items.str(item, "erasedBy"), counts));
  }

  @Override
  public void complete(Customer customer, CustomerErasure e) {
    Map<String, AttributeValue> counts = new LinkedHashMap<>();
    e.items().forEach((k, v) -> counts.put(k, Items.n(v)));
    Map<String, AttributeValue> record = new LinkedHashMap<>(
        TableKeys.primaryKey(TableKeys.CUSTOMER.key(customer.id()), ERASED));
    record.put("type", s("CustomerErasure"));
    record.put("customerId", s(customer.id()));
    record.put("reference", s(e.reference()));
    record.put("erasedAt", s(e.erasedAt().toString()));
    record.put("erasedBy", s(e.erasedBy()));
    record.put("items", AttributeValue.fromM(counts));
    List<TransactWriteItem> actions = new ArrayList<>();
    actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
        .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(customer.id()), DynamoCustomerStore.PROFILE)).build()).build());
    Map<String, AttributeValue> claimKey = TableKeys.primaryKey(TableKeys.EMAIL.key(Customer.emailKey(customer.email())), "EMAIL");
    var claim = dynamo.getItem(g -> g.tableName(table).key(claimKey).consistentRead(true)).item();
    if (claim != null && customer.id().equals(Items.str(claim, "customerId"))) {
      // the claim only while it names this customer
      actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(claimKey)
          .conditionExpression("customerId = :id")
          .expressionAttributeValues(Map.of(":id", s(customer.id()))).build()).build());
    }
    // the double opt-in links (they name the customer; filed under the customer on GSI1)
    for (var link : AboutCustomer.items(dynamo, table, customer.id(), TableKeys.CONSENT_LINK)) {
      actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
          .key(AboutCustomer.key(link)).build()).build());
    }
    // the staff search entries (they hold the phone and the name words; filed under the customer on GSI1)
    for (var entry : AboutCustomer.items(dynamo, table, customer.id(), TableKeys.CUSTOMER_SEARCH)) {
      actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
          .key(AboutCustomer.key(entry)).build()).build());
    }
    actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(record).build()).build());
    dynamo.transactWriteItems(t -> t.transactItems(actions));
  }
}
