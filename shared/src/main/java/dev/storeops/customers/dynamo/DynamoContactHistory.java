package dev.storeops.customers.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.ContactHistory;
import dev.storeops.customers.ContactHistoryReader;
import dev.storeops.customers.Customer;
import dev.storeops.customers.MessageStatus;
import dev.storeops.customers.PersonalData;
import dev.storeops.platform.dynamo.AboutCustomer;
import dev.storeops.platform.dynamo.ContactHistoryEntries;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.errors.Invalid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A page of a customer's {@link ContactHistory} with <em>one</em> GSI1 Query of their history entries
 * ({@link ContactHistoryEntries}: {@code CUSTOMER#<id>} / {@code HIST#<time>#<kind>#<ref>}, newest first,
 * {@code Limit} the page plus one to know whether there is more, {@code ExclusiveStartKey} from the cursor),
 * then one BatchGetItem of the items the page refers to:
 * <ul>
 *   <li>{@code CALL}: the order item, whose {@code calls} list holds every call attempt ({@code id, at, by,
 *       outcome, reason});
 *   <li>{@code MAIL}/{@code SMS}: the send-log entry (email-sender, sms-sender; {@code flow}, {@code template},
 *       {@code status}, {@code reservedAt} in ms, {@code completedAt}; {@code feedback} BOUNCED/COMPLAINED with
 *       {@code feedbackAt}, {@code feedbackDetail} written by ses-events), so the status shown is today's;
 *   <li>{@code NOTE}: the staff note ({@link DynamoCustomerNotes});
 *   <li>{@code CONSENT}: the step on the profile, already read ({@link Customer#consentHistory}).
 * </ul>
 * Only history entries are read and counted (the key condition's {@code begins_with(gsi1sk, "HIST#")}), so the
 * customer's orders, carts, tasks and search entries cost nothing. An entry whose item is gone (a send-log entry
 * past its TTL, an erased note) is left out of its page. The cursor is the page's last entry's key in the
 * API's one codec ({@link PageCursor#encode}).
 *
 * <p>As {@link PersonalData}: the entries hold no data of their own (the export shows the calls, mails, notes
 * and consent steps from where they are kept); the erasure deletes them, so that no key names the customer.
 */
public final class DynamoContactHistory implements ContactHistoryReader, PersonalData {
  /** The keys of a GSI1 position: the cursor holds them all. */
  static final List<String> CURSOR_KEYS = List.of(TableKeys.PK, TableKeys.SK, TableKeys.GSI1PK, TableKeys.GSI1SK);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoContactHistory(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public ContactHistory page(Customer customer, int limit, String cursor) {
    String partition = TableKeys.CUSTOMER.key(customer.id());
    Map<String, AttributeValue> start = null;
    if (cursor != null && !cursor.isBlank()) {
      start = PageCursor.decode(cursor, CURSOR_KEYS);
      if (!partition.equals(start.get(TableKeys.GSI1PK).s())
          || !start.get(TableKeys.GSI1SK).s().startsWith(TableKeys.HISTORY.text())) {
        throw Invalid.field("cursor", "is not a cursor of this customer's history");
      }
    }
    Map<String, AttributeValue> from = start;
    QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(TableKeys.GSI1)
        .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :hist)")
        .expressionAttributeValues(Map.of(":pk", s(partition), ":hist", s(TableKeys.HISTORY.text())))
        .scanIndexForward(false).limit(limit + 1).exclusiveStartKey(from));
    List<Map<String, AttributeValue>> items = r.items();
    List<Map<String, AttributeValue>> page = items.subList(0, Math.min(limit, items.size()));
    String next = items.size() > limit ? PageCursor.encode(position(page.get(page.size() - 1)))
        : r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? PageCursor.encode(r.lastEvaluatedKey()) : null;
    Map<String, Map<String, AttributeValue>> sources = sources(page);
    List<ContactHistory.Entry> entries = new ArrayList<>();
    for (Map<String, AttributeValue> entry : page) {
      ContactHistory.Entry shown = entry(customer, entry, sources);
      if (shown != null) {
        entries.add(shown);
      }
    }
    return new ContactHistory(entries, next);
  }

  @Override
  public Map<String, Object> export(Customer customer) {
    return Map.of();
  }

  @Override
  public Map<String, Integer> erase(Customer customer, String reference) {
    List<Map<String, AttributeValue>> entries = AboutCustomer.items(dynamo, table, customer.id(), TableKeys.HISTORY);
    entries.forEach(item -> dynamo.deleteItem(d -> d.tableName(table).key(AboutCustomer.key(item))));
    return Map.of("historyEntries", entries.size());
  }

  private static Map<String, AttributeValue> position(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    CURSOR_KEYS.forEach(k -> key.put(k, item.get(k)));
    return key;
  }

  /** The items the page refers to (not the profile: the consent steps are on the customer read already), by key. */
  private Map<String, Map<String, AttributeValue>> sources(List<Map<String, AttributeValue>> page) {
    Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
    for (Map<String, AttributeValue> entry : page) {
      if (!ContactHistoryEntries.CONSENT.equals(Items.str(entry, "kind"))) {
        keys.put(sourceId(entry.get("srcPk"), entry.get("srcSk")),
            TableKeys.primaryKey(entry.get("srcPk").s(), entry.get("srcSk").s()));
      }
    }
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    // a page is at most MAX_LIMIT (100) entries: one BatchGetItem; what it could not answer is asked again
    Map<String, KeysAndAttributes> request = Map.of(table,
        KeysAndAttributes.builder().keys(new ArrayList<>(keys.values())).build());
    while (!request.isEmpty()) {
      Map<String, KeysAndAttributes> ask = request;
      BatchGetItemResponse got = dynamo.batchGetItem(b -> b.requestItems(ask));
      got.responses().getOrDefault(table, List.of()).forEach(item ->
          found.put(sourceId(item.get(TableKeys.PK), item.get(TableKeys.SK)), item));
      request = got.hasUnprocessedKeys() ? got.unprocessedKeys() : Map.of();
    }
    return found;
  }

  private static String sourceId(AttributeValue pk, AttributeValue sk) {
    return pk.s() + "\n" + sk.s();
  }

  /** The entry as shown; null when what it refers to is gone. */
  private static ContactHistory.Entry entry(Customer customer, Map<String, AttributeValue> entry,
      Map<String, Map<String, AttributeValue>> sources) {
    String kind = Items.str(entry, "kind");
    String ref = Items.str(entry, "ref");
    if (ContactHistoryEntries.CONSENT.equals(kind)) {
      return customer.consentHistory().stream()
          .filter(step -> ContactHistoryEntries.consentRef(step.at(), step.kind().name(), step.channel()).equals(ref))
          .findFirst().map(ContactHistory.Entry::of).orElse(null);
    }
    Map<String, AttributeValue> source = sources.get(sourceId(entry.get("srcPk"), entry.get("srcSk")));
    if (source == null) {
      return null;
    }
    return switch (kind) {
      case ContactHistoryEntries.CALL -> {
        String callId = ref.substring(ref.indexOf('#') + 1);
        yield calls(source).stream().filter(c -> callId.equals(c.id())).findFirst()
            .map(c -> ContactHistory.Entry.of(c.call())).orElse(null);
      }
      case ContactHistoryEntries.MAIL -> ContactHistory.Entry.of(message("MAIL", source));
      case ContactHistoryEntries.SMS -> ContactHistory.Entry.of(message("SMS", source));
      case ContactHistoryEntries.NOTE -> ContactHistory.Entry.of(DynamoCustomerNotes.note(source));
      default -> null;
    };
  }

  private record StoredCall(String id, ContactHistory.Call call) {}

  private static List<StoredCall> calls(Map<String, AttributeValue> order) {
    AttributeValue list = order.get("calls");
    if (list == null || !list.hasL()) {
      return List.of();
    }
    List<StoredCall> out = new ArrayList<>();
    for (AttributeValue call : list.l()) {
      if (call.hasM()) {
        Map<String, AttributeValue> c = call.m();
        out.add(new StoredCall(Items.str(c, "id"), new ContactHistory.Call(Items.str(order, "id"),
            Items.str(order, "number"), time(c, "at"), Items.str(c, "outcome"), Items.str(c, "by"),
            Items.str(c, "reason"))));
      }
    }
    return out;
  }

  /** A send-log entry (mail or SMS): when it was meant, what it was, what became of it. */
  static ContactHistory.Message message(String channel, Map<String, AttributeValue> item) {
    String status = Items.str(item, "status");
    String feedback = Items.str(item, "feedback");
    MessageStatus shown = MessageStatus.of(status, feedback);
    String detail = switch (shown) {
      case BOUNCED, COMPLAINED -> Items.str(item, "feedbackDetail");
      case SKIPPED, FAILED -> Items.str(item, "detail");
      default -> null;
    };
    Instant at = time(item, "reservedAt");
    if (at == null) {
      at = time(item, "at");
    }
    Instant statusAt = feedback != null ? time(item, "feedbackAt") : time(item, "completedAt");
    String template = Items.str(item, "template");
    String flow = Items.str(item, "flow");
    return new ContactHistory.Message(channel, template != null ? template : flow, flow, at, shown, detail,
        statusAt != null ? statusAt : at);
  }

  /** A time kept as epoch milliseconds (number) or ISO-8601 text; null when absent or unreadable. */
  private static Instant time(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    if (v == null) {
      return null;
    }
    if (v.n() != null) {
      return Instant.ofEpochMilli(Long.parseLong(v.n()));
    }
    try {
      return v.s() == null ? null : Instant.parse(v.s());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
