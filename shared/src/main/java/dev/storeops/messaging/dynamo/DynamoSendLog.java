package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.SendLog;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.ContactHistoryEntries;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The send log in the single table: {@code MAILLOG#<dedupeKey> / MAILLOG}, {@code status} RESERVED →
 * SENDING ({@code sendingAt}) → SENT, or SKIPPED, REJECTED, UNCONFIRMED; {@code sesMessageId} and
 * {@code sesAcceptedAt} once SES's {@code Send} event confirmed the mail; kept for {@link #RETENTION} (TTL).
 */
public final class DynamoSendLog implements SendLog {
  /** The sort key of a send-log item ({@code MAILLOG#<dedupeKey> / MAILLOG}). */
  static final String SK = "MAILLOG";
  public static final Duration RETENTION = Duration.ofDays(400);
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSendLog(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static Map<String, AttributeValue> key(String dedupeKey) {
    return DynamoSendConfirmations.key(dedupeKey);
  }

  @Override
  public boolean reserve(String dedupeKey, String attemptId, String flow, String customerId, Instant now,
      Instant staleBefore) {
    return reserve(dedupeKey, attemptId, flow, null, customerId, now, staleBefore);
  }

  @Override
  public boolean reserve(String dedupeKey, String attemptId, String flow, String template, String customerId,
      Instant now, Instant staleBefore) {
    return reserve(dedupeKey, attemptId, flow, template, customerId, now, staleBefore, true);
  }

  @Override
  public boolean reserveWithoutTakeover(String dedupeKey, String attemptId, String flow, String template,
      String customerId, Instant now, Instant staleBefore) {
    return reserve(dedupeKey, attemptId, flow, template, customerId, now, staleBefore, false);
  }

  private boolean reserve(String dedupeKey, String attemptId, String flow, String template, String customerId,
      Instant now, Instant staleBefore, boolean takeOverUnconfirmedSending) {
    Map<String, AttributeValue> item = new HashMap<>(key(dedupeKey));
    Items.putIfPresent(item, "template", template);
    item.put("type", s("MailLog"));
    item.put("dedupeKey", s(dedupeKey));
    item.put("flow", s(flow));
    item.put("status", s("RESERVED"));
    item.put("attemptId", s(attemptId));
    item.put("reservedAt", Items.n(now.toEpochMilli()));
    item.put(TableKeys.TTL, Items.n(now.plus(RETENTION).getEpochSecond()));
    if (customerId != null) {
      item.put("customerId", s(customerId));
      item.putAll(TableKeys.aboutCustomer(customerId, TableKeys.MAIL_LOG, now + "#" + dedupeKey));
    }
    String condition = "attribute_not_exists(pk) OR (#status = :reserved AND reservedAt < :stale)";
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":reserved", s("RESERVED"),
        ":stale", Items.n(staleBefore.toEpochMilli())));
    if (takeOverUnconfirmedSending) {
      // a SENDING attempt that crashed around its SES call, and SES never said it took the mail
      // after the confirmation window (SES's Send event normally arrives within seconds)
      condition += " OR (#status = :sending AND sendingAt < :unconfirmed AND attribute_not_exists(sesMessageId))";
      values.put(":sending", s(EmailService.SENDING));
      values.put(":unconfirmed", Items.n(now.minus(EmailService.CONFIRMATION_WINDOW).toEpochMilli()));
    }
    String finalCondition = condition;
    try {
      dynamo.putItem(p -> p.tableName(table).item(item)
          .conditionExpression(finalCondition)
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(values));
      if (customerId != null) {
        // the mail (or SMS: dedupe key "sms#…") in the customer's time-ordered history; a new attempt of the
        // same send moves its one entry to the attempt's time (ContactHistoryEntries)
        String kind = dedupeKey.startsWith(dev.storeops.messaging.sms.SmsService.KEY_PREFIX)
            ? ContactHistoryEntries.SMS : ContactHistoryEntries.MAIL;
        ContactHistoryEntries.put(dynamo, table, ContactHistoryEntries.item(customerId, kind, dedupeKey, now,
            key(dedupeKey), now.plus(RETENTION).getEpochSecond()));
      }
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<Instant> awaitingConfirmation(String dedupeKey) {
    Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key(dedupeKey))
        .consistentRead(true)).item();
    if (item == null || !EmailService.SENDING.equals(Items.str(item, "status")) || item.containsKey("sesMessageId")
        || !item.containsKey("sendingAt")) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli(Items.num(item, "sendingAt", 0)));
  }

  @Override
  public void complete(String dedupeKey, String attemptId, String status, String detail, Instant now) {
    // SENDING starts the send's lease (sendingAt, epoch millis): see reserve
    boolean sending = EmailService.SENDING.equals(status);
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status),
        ":detail", s(detail == null ? "-" : detail), ":now", s(now.toString()), ":attempt", s(attemptId)));
    if (sending) {
      values.put(":at", Items.n(now.toEpochMilli()));
    }
    dynamo.updateItem(u -> u.tableName(table).key(key(dedupeKey))
        .updateExpression("SET #status = :status, detail = :detail, completedAt = :now"
            + (sending ? ", sendingAt = :at" : ""))
        .conditionExpression("attemptId = :attempt")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(values));
  }

  @Override
  public void confirmAccepted(String dedupeKey, String sesMessageId, Instant now) {
    new DynamoSendConfirmations(dynamo, table).confirmAccepted(dedupeKey, sesMessageId, now);
  }

  @Override
  public void release(String dedupeKey, String attemptId) {
    try {
      dynamo.deleteItem(d -> d.tableName(table).key(key(dedupeKey))
          .conditionExpression("attemptId = :attempt AND #status IN (:reserved, :sending)")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(":attempt", s(attemptId), ":reserved", s("RESERVED"),
              ":sending", s(dev.storeops.messaging.sending.EmailService.SENDING))));
    } catch (ConditionalCheckFailedException e) {
      // another attempt took the key over (our lease ended): it is not ours to free
    }
  }
}
