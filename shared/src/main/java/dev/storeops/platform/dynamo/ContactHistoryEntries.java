package dev.storeops.platform.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The one way a contact with a customer is filed in their time-ordered history (docs/customer-dossier.md):
 * next to each call, mail, SMS, staff note and consent step its writer puts an entry {@code HIST#<customer>}
 * / {@code <kind>#<ref>}, filed on GSI1 under {@code CUSTOMER#<id>} / {@link TableKeys#historyKey} (time
 * first, whatever the kind). An entry is a reference: the kind, the time and the key of the item that holds
 * the contact ({@code srcPk}/{@code srcSk}: the order with its calls, the send-log entry with its status, the
 * note, the profile with its consent steps); no personal data of its own. The reader pages them newest first
 * with one Query per page and reads what the page refers to ({@code customers/dynamo/DynamoContactHistory}).
 * The key is the same for the same contact, so writing an entry again changes nothing.
 */
public final class ContactHistoryEntries {
  public static final String CALL = "CALL";
  public static final String MAIL = "MAIL";
  public static final String SMS = "SMS";
  public static final String NOTE = "NOTE";
  public static final String CONSENT = "CONSENT";

  private ContactHistoryEntries() {}

  /**
   * The entry of one contact.
   *
   * @param ref what the contact is among its kind (the order and call ids, the send log's dedupe key, the
   *     note id, the consent step's time, kind and channel)
   * @param source the primary key of the item that holds the contact
   * @param ttl epoch seconds after which the entry goes with its source (null: kept)
   */
  public static Map<String, AttributeValue> item(String customerId, String kind, String ref, Instant at,
      Map<String, AttributeValue> source, Long ttl) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.primaryKey(TableKeys.HISTORY.key(customerId),
        kind + "#" + ref));
    item.put("type", s("ContactHistoryEntry"));
    item.put("customerId", s(customerId));
    item.put("kind", s(kind));
    item.put("ref", s(ref));
    item.put("at", s(at.toString()));
    item.put("srcPk", source.get(TableKeys.PK));
    item.put("srcSk", source.get(TableKeys.SK));
    item.put(TableKeys.GSI1PK, s(TableKeys.CUSTOMER.key(customerId)));
    item.put(TableKeys.GSI1SK, s(TableKeys.historyKey(at, kind, ref)));
    if (ttl != null) {
      item.put(TableKeys.TTL, Items.n(ttl));
    }
    return item;
  }

  /** The entry as one action of the transaction that writes the contact. */
  public static TransactWriteItem put(String table, Map<String, AttributeValue> entry) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry).build()).build();
  }

  /** Writes the entry (after its contact was written; idempotent). */
  public static void put(DynamoDbClient dynamo, String table, Map<String, AttributeValue> entry) {
    dynamo.putItem(p -> p.tableName(table).item(entry));
  }

  /** The ref of a consent step: its time, kind and channel. */
  public static String consentRef(Instant at, String kind, String channel) {
    return at.toString() + "#" + kind + "#" + (channel == null ? "MAIL" : channel);
  }
}
