package dev.storeops.customers.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.ContactHistory;
import dev.storeops.customers.ContactHistoryReader;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerNote;
import dev.storeops.customers.MessageStatus;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A customer's {@link ContactHistory} with <em>one</em> GSI1 query of what is filed under them ({@link
 * TableKeys#aboutCustomer}: {@code CUSTOMER#<id>}), sorted out by sort-key prefix:
 * <ul>
 *   <li>{@code ORDER#…}: the order items, whose {@code calls} list holds every call attempt ({@code id, at,
 *       by, outcome, reason});
 *   <li>{@code MAILLOG#…}: the mail send log (email-sender; {@code flow}, {@code template}, {@code status},
 *       {@code reservedAt} in ms, {@code completedAt}; {@code feedback} BOUNCED/COMPLAINED with {@code
 *       feedbackAt}, {@code feedbackDetail} written by ses-events);
 *       SMS are entries of the same log whose key starts {@code MAILLOG#sms#} (sms-sender);
 *   <li>{@code NOTE#…}: staff notes ({@link DynamoCustomerNotes}).
 * </ul>
 * The consent steps come from the profile itself. Items of other kinds (carts, tasks, search entries…)
 * are passed over here (a filter expression may not name the index's sort key; a customer's items are few).
 */
public final class DynamoContactHistory implements ContactHistoryReader {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoContactHistory(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The dedupe-key prefix of the SMS in the send log ({@code messaging/sms/SmsService.KEY_PREFIX}). */
  static final String SMS_KEY_PREFIX = "sms#";

  @Override
  public ContactHistory read(Customer customer) {
    List<ContactHistory.Call> calls = new ArrayList<>();
    List<ContactHistory.Message> mails = new ArrayList<>();
    List<ContactHistory.Message> sms = new ArrayList<>();
    List<CustomerNote> notes = new ArrayList<>();
    dynamo.queryPaginator(q -> q.tableName(table).indexName(TableKeys.GSI1).keyConditionExpression("gsi1pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(TableKeys.CUSTOMER.key(customer.id())))))
        .items().forEach(item -> {
          String sk = Items.str(item, TableKeys.GSI1SK);
          if (sk.startsWith(TableKeys.ORDER.text())) {
            calls.addAll(calls(item));
          } else if (sk.startsWith(TableKeys.MAIL_LOG.text())) {
            // sms-sender keeps its SMS in the same send log, under the dedupe keys "sms#…" (docs/notifications.md)
            boolean text = Items.str(item, "pk").startsWith(TableKeys.MAIL_LOG.key(SMS_KEY_PREFIX));
            (text ? sms : mails).add(message(text ? "SMS" : "MAIL", item));
          } else if (sk.startsWith(TableKeys.NOTE.text())) {
            notes.add(DynamoCustomerNotes.note(item));
          }
        });
    return ContactHistory.of(calls, mails, sms, customer.consentHistory(), notes);
  }

  private static List<ContactHistory.Call> calls(Map<String, AttributeValue> order) {
    AttributeValue list = order.get("calls");
    if (list == null || !list.hasL()) {
      return List.of();
    }
    List<ContactHistory.Call> out = new ArrayList<>();
    for (AttributeValue call : list.l()) {
      if (call.hasM()) {
        Map<String, AttributeValue> c = call.m();
        out.add(new ContactHistory.Call(Items.str(order, "id"), Items.str(order, "number"), time(c, "at"),
            Items.str(c, "outcome"), Items.str(c, "by"), Items.str(c, "reason")));
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
