package dev.storeops.customers.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerSearchTerms;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The search entry items of a customer ({@link CustomerSearchTerms}), put in the customer's creation
 * transaction: each filed under the customer on GSI1 ({@code CUSTOMER#<id>} / {@code CUSTSEARCH#…}) so
 * the erasure deletes them with the profile. Builds items only; {@link DynamoCustomerSearch} reads them.
 */
final class CustomerSearchEntries {
  private CustomerSearchEntries() {}

  /** The entries of a customer, as items to put with its profile. */
  static List<Map<String, AttributeValue>> entries(Customer c) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (CustomerSearchTerms.Term term : CustomerSearchTerms.of(c)) {
      String pk = TableKeys.customerSearch(term.kind().name(), term.bucket());
      String sk = term.kind() == CustomerSearchTerms.Kind.PHONE ? TableKeys.CUSTOMER.key(c.id())
          : term.text() + "#" + c.id();
      Map<String, AttributeValue> item = new HashMap<>(TableKeys.primaryKey(pk, sk));
      item.put("type", s("CustomerSearchEntry"));
      item.put("customerId", s(c.id()));
      item.putAll(TableKeys.aboutCustomer(c.id(), TableKeys.CUSTOMER_SEARCH, term.kind().name() + "#" + sk));
      items.add(item);
    }
    return items;
  }

}
