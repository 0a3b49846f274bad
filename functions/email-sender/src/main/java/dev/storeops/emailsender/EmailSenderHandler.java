package dev.storeops.emailsender;

import dev.storeops.messaging.dynamo.DynamoFrequencyCap;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.messaging.ses.SesMailSender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.MailIntent;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * EmailQueue → {@link EmailService}, one message at a time. Failed messages are reported as batch item
 * failures (the queue retries them, the DLQ takes them after {@link #MAX_RECEIVES} receives); after a
 * throttling answer the rest of the batch is handed back untried, to be retried later.
 */
public final class EmailSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  /** The EmailQueue's redrive maxReceiveCount in template.yaml. */
  public static final int MAX_RECEIVES = 3;
  private static final Log LOG = Log.get(EmailSenderHandler.class);
  private final EmailService service;

  public EmailSenderHandler() {
    this(Env.system());
  }

  public EmailSenderHandler(Env env) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, table);
    this.service = new EmailService(
        new MailTemplates(),
        new MailPolicy(Duration.ofHours(env.optionalInt("MARKETING_CAP_HOURS", 16)), env.optional("DEFAULT_LOCALE", "ru")),
        customers::find,
        new DynamoSuppressionList(dynamo, table),
        new DynamoSendLog(dynamo, table),
        new DynamoFrequencyCap(dynamo, table),
        new DynamoMailFigures(dynamo, table),
        new SesMailSender(clients.ses()),
        new UnsubscribeTokens(env.required("UNSUBSCRIBE_SECRET")),
        new EmailService.Settings(env.required("SENDER_EMAIL"), env.optional("MAIL_CONFIGURATION_SET", null),
            env.required("UNSUBSCRIBE_URL"), env.required("PUBLIC_BASE_URL"),
            ZoneId.of(env.optional("SHOP_TIME_ZONE", "Europe/Moscow")), UnsubscribeTokens.DEFAULT_VALIDITY),
        Clock.systemUTC());
  }

  public EmailSenderHandler(EmailService service) {
    this.service = service;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    boolean throttled = false;
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      if (throttled) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        continue;
      }
      EmailService.Outcome outcome;
      MailIntent intent;
      try {
        intent = Json.mapper().readValue(message.getBody(), MailIntent.class);
      } catch (Exception e) {
        LOG.error("unreadable mail intent, retried then sent to the DLQ", e, "messageId", message.getMessageId());
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        continue;
      }
      outcome = service.handle(intent, receiveCount(message), MAX_RECEIVES);
      if (outcome.kind() == EmailService.Kind.FAILED) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        throttled = outcome.throttled();
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }

  private static int receiveCount(SQSEvent.SQSMessage message) {
    String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
    try {
      return count == null ? 1 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
