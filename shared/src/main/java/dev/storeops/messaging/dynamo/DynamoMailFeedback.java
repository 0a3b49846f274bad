package dev.storeops.messaging.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.messaging.sending.MailFeedbackLog;
import dev.storeops.platform.dynamo.AboutCustomer;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Bounces and complaints on the mail send log's entries: {@code feedback} (BOUNCED or
 * COMPLAINED), {@code feedbackDetail}, {@code feedbackAt} on the entry {@code MAILLOG#<dedupeKey> /
 * MAILLOG}. The entry is found by the mail's dedupe key when SES passed its header on, else through
 * the recipient: their customer id (the e-mail claim), then the one of their send-log entries (GSI1
 * {@code CUSTOMER#<id> / MAILLOG#…}) whose detail is the SES message id. The entry is already filed
 * under the customer, so the dossier, the export and the erasure see the feedback with it.
 */
public final class DynamoMailFeedback implements MailFeedbackLog {
  /**
   * The send log's sort key, as the send log writes it; written out here so that ses-events (which only
   * reads and updates entries) does not carry the send log's delete in its code (TemplateTest's IAM check).
   */
  static final String SEND_LOG_SK = "MAILLOG";
  private final DynamoDbClient dynamo;
  private final String table;
  private final Function<String, Optional<String>> customerIdByEmail;

  /** @param customerIdByEmail the customer an address belongs to ({@code CustomerStore.findIdByEmail}) */
  public DynamoMailFeedback(DynamoDbClient dynamo, String table, Function<String, Optional<String>> customerIdByEmail) {
    this.dynamo = dynamo;
    this.table = table;
    this.customerIdByEmail = customerIdByEmail;
  }

  @Override
  public boolean record(String email, String status, String detail, String messageId, String mailKey, Instant at) {
    Optional<Map<String, AttributeValue>> key = mailKey != null && !mailKey.isBlank()
        ? Optional.of(TableKeys.primaryKey(TableKeys.MAIL_LOG.key(mailKey), SEND_LOG_SK)) : bySesMessageId(email, messageId);
    if (key.isEmpty()) {
      return false;
    }
    try {
      // a complaint stays a complaint; the same word again changes nothing that matters
      dynamo.updateItem(u -> u.tableName(table).key(key.get())
          .updateExpression("SET feedback = :status, feedbackDetail = :detail, feedbackAt = :at")
          .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(feedback) OR feedback <> :complained"
              + " OR :status = :complained)")
          .expressionAttributeValues(Map.of(":status", s(status), ":detail", s(detail == null ? "-" : detail),
              ":at", s(at.toString()), ":complained", s("COMPLAINED"))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      // no such entry (a mail of another system, or one whose log ran out), or a complaint already there
      var item = dynamo.getItem(g -> g.tableName(table).key(key.get()).consistentRead(true)).item();
      return item != null && !item.isEmpty();
    }
  }

  private Optional<Map<String, AttributeValue>> bySesMessageId(String email, String messageId) {
    if (email == null || messageId == null) {
      return Optional.empty();
    }
    return customerIdByEmail.apply(email).flatMap(customerId ->
        AboutCustomer.items(dynamo, table, customerId, TableKeys.MAIL_LOG).stream()
            .filter(item -> messageId.equals(Items.str(item, "detail")))
            .findFirst().map(AboutCustomer::key));
  }
}
