package dev.storeops.messaging.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.PersonalData;
import dev.storeops.platform.dynamo.AboutCustomer;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What messaging keeps about a customer (docs/privacy.md): the send log entries of their mail (GSI1
 * {@code CUSTOMER#<id> / MAILLOG#…}), the suppression of their address, their items on the customer
 * partition (frequency cap {@code MAILCAP}, flow states {@code MAILFLOW#…}, birthday claims {@code
 * BIRTHDAY#<yyyy>} and the promo codes they name), category-buyer entries and review requests.
 * Erasure: the address stays suppressed only as its hash; everything else is deleted.
 */
public final class DynamoMailPersonalData implements PersonalData {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoSuppressionList suppression;
  private final Clock clock;

  public DynamoMailPersonalData(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.suppression = new DynamoSuppressionList(dynamo, table);
    this.clock = clock;
  }

  @Override
  public Map<String, Object> export(Customer customer) {
    Map<String, Object> sections = new LinkedHashMap<>();
    List<Map<String, Object>> mails = new ArrayList<>();
    for (var item : AboutCustomer.items(dynamo, table, customer.id(), TableKeys.MAIL_LOG)) {
      Map<String, Object> mail = AboutCustomer.plain(item);
      mail.remove("attemptId");
      if (item.containsKey("reservedAt")) {
        mail.put("reservedAt", Instant.ofEpochMilli(Items.num(item, "reservedAt", 0)).toString());
      }
      mails.add(mail);
    }
    sections.put("mails", mails);
    Map<String, AttributeValue> suppressed = suppression.entry(customer.email());
    sections.put("suppression", suppressed.isEmpty() ? null : AboutCustomer.plain(suppressed));
    List<Map<String, Object>> flows = new ArrayList<>();
    List<Map<String, Object>> promos = new ArrayList<>();
    for (var item : partitionItems(customer.id())) {
      Map<String, Object> flow = AboutCustomer.plain(item);
      flow.put("item", item.get(TableKeys.SK).s());
      flows.add(flow);
      promo(item).ifPresent(p -> promos.add(AboutCustomer.plain(p)));
    }
    sections.put("mailFlows", flows);
    sections.put("promoCodes", promos);
    sections.put("categoriesBought", AboutCustomer.items(dynamo, table, customer.id(), TableKeys.BUYERS).stream()
        .map(AboutCustomer::plain).toList());
    sections.put("reviewRequests", AboutCustomer.items(dynamo, table, customer.id(), TableKeys.REVIEW_REQUEST)
        .stream().map(AboutCustomer::plain).toList());
    return sections;
  }

  @Override
  public Map<String, Integer> erase(Customer customer, String reference) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    // first the hash on the suppression list, so the address is never unsuppressed in between
    counts.put("suppression", suppressErased(customer.email(), clock.instant()));
    counts.put("mailLog", delete(AboutCustomer.items(dynamo, table, customer.id(), TableKeys.MAIL_LOG)));
    counts.put("categoryBuyers", delete(AboutCustomer.items(dynamo, table, customer.id(), TableKeys.BUYERS)));
    counts.put("reviewRequests", delete(AboutCustomer.items(dynamo, table, customer.id(), TableKeys.REVIEW_REQUEST)));
    List<Map<String, AttributeValue>> own = partitionItems(customer.id());
    List<Map<String, AttributeValue>> promos = new ArrayList<>();
    own.forEach(item -> promo(item).ifPresent(promos::add));
    // promo codes before the claims that name them, so a resumed run still finds them
    counts.put("promoCodes", delete(promos));
    counts.put("mailFlows", delete(own));
    return counts;
  }

  /** Messaging's items on the customer partition: the cap, flow states, birthday claims. */
  private List<Map<String, AttributeValue>> partitionItems(String customerId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(TableKeys.CUSTOMER.key(customerId)))))
        .items().forEach(item -> {
          // SMSCONSENT: the SMS choice (DynamoSmsConsents), exported and erased with the rest
          String sk = item.get(TableKeys.SK).s();
          if (sk.equals(DynamoFrequencyCap.SK) || sk.equals("SMSCONSENT") || sk.startsWith(TableKeys.MAIL_FLOW.text())
              || sk.startsWith(TableKeys.BIRTHDAY_PROMO.text())) {
            items.add(item);
          }
        });
    return items;
  }

  /** The promo code item a birthday claim names, if it is still there. */
  private java.util.Optional<Map<String, AttributeValue>> promo(Map<String, AttributeValue> claim) {
    String code = Items.str(claim, "code");
    if (code == null || !claim.get(TableKeys.SK).s().startsWith(TableKeys.BIRTHDAY_PROMO.text())) {
      return java.util.Optional.empty();
    }
    var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
        .key(TableKeys.primaryKey(TableKeys.PROMO.key(code), "PROMO"))).item();
    return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(item);
  }

  private int delete(List<Map<String, AttributeValue>> items) {
    items.forEach(item -> dynamo.deleteItem(d -> d.tableName(table).key(AboutCustomer.key(item))));
    return items.size();
  }

  /**
   * The erasure of an address: its hash goes on the list (reason {@code erased}, followed by the first
   * reason when it was suppressed already; kept here, apart from {@link DynamoSuppressionList}, so that
   * the functions that check or write suppression never reach this delete), then the plain entry is deleted, so the address is
   * suppressed at every moment.
   *
   * @return items written or deleted
   */
  private int suppressErased(String email, Instant at) {
    Map<String, AttributeValue> plain = suppression.entry(email);
    Map<String, AttributeValue> item = new HashMap<>(DynamoSuppressionList.hashKey(email));
    item.put("type", s("Suppression"));
    item.put("reason", s(plain.containsKey("reason") ? "erased; " + plain.get("reason").s() : "erased"));
    item.put("suppressedAt", s(at.toString()));
    int changed = 0;
    try {
      dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      changed++;
    } catch (ConditionalCheckFailedException already) {
      // erased before: the hash is there
    }
    if (!plain.isEmpty()) {
      dynamo.deleteItem(d -> d.tableName(table).key(DynamoSuppressionList.key(email)));
      changed++;
    }
    return changed;
  }
}
