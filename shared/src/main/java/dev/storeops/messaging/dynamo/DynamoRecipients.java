package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.campaigns.Recipients;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.dynamo.DynamoConsentSegment;
import dev.storeops.messaging.sending.SuppressionList;
import dev.storeops.messaging.dynamo.DynamoOrderSegments;
import dev.storeops.messaging.campaigns.OrderSegments;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * A segment's customers (GSI2 Query for all-with-consent; the order segments' index items, see
 * {@link DynamoOrderSegments}) with their suppression and cap items, read with BatchGetItem
 * 50 customers (100 keys) at a time: reads grow with the segment, never with the table.
 */
public final class DynamoRecipients implements Recipients {
  private static final int CHUNK = 50;
  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoConsentSegment consent;
  private final DynamoOrderSegments orderSegments;
  private final Clock clock;

  /** {@code clock}: "now" of the order segments ("ordered in the last N days"). */
  public DynamoRecipients(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.consent = new DynamoConsentSegment(dynamo, table);
    this.orderSegments = new DynamoOrderSegments(dynamo, table);
    this.clock = clock;
  }

  @Override
  public void forEach(String segment, Consumer<Candidate> action) {
    List<Customer> chunk = new ArrayList<>(CHUNK);
    Consumer<Customer> add = c -> {
      chunk.add(c);
      if (chunk.size() == CHUNK) {
        flush(chunk, action);
        chunk.clear();
      }
    };
    if (Campaign.SEGMENT_ALL_WITH_CONSENT.equals(segment)) {
      consent.forEach(add);
    } else {
      // order segments: index items, then the profiles (consent is the policy's check, counted as noConsent)
      orderSegments.forEach(OrderSegments.parse(segment)
          .orElseThrow(() -> new IllegalArgumentException("unknown segment " + segment)), clock.instant(), add);
    }
    flush(chunk, action);
  }

  private void flush(List<Customer> customers, Consumer<Candidate> action) {
    if (customers.isEmpty()) {
      return;
    }
    Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
    for (Customer c : customers) {
      String sup = TableKeys.SUPPRESSED.key(SuppressionList.key(c.email()));
      keys.put(sup + "|" + DynamoSuppressionList.SK, TableKeys.primaryKey(sup, DynamoSuppressionList.SK));
      keys.put(TableKeys.CUSTOMER.key(c.id()) + "|" + DynamoFrequencyCap.SK,
          TableKeys.primaryKey(TableKeys.CUSTOMER.key(c.id()), DynamoFrequencyCap.SK));
    }
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
        .keys(new ArrayList<>(keys.values())).consistentRead(true).build());
    while (!request.isEmpty()) {
      Map<String, KeysAndAttributes> current = request;
      var response = dynamo.batchGetItem(b -> b.requestItems(current));
      response.responses().getOrDefault(table, List.of())
          .forEach(item -> found.put(Items.str(item, TableKeys.PK) + "|" + Items.str(item, TableKeys.SK), item));
      request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
    }
    for (Customer c : customers) {
      boolean suppressed = found.containsKey(TableKeys.SUPPRESSED.key(SuppressionList.key(c.email())) + "|" + DynamoSuppressionList.SK);
      Map<String, AttributeValue> cap = found.get(TableKeys.CUSTOMER.key(c.id()) + "|" + DynamoFrequencyCap.SK);
      action.accept(new Candidate(c, suppressed, cap == null ? null : Items.instant(cap, "lastMarketingAt")));
    }
  }
}
