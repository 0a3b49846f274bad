package dev.storeops.emailsender;

import dev.storeops.platform.aws.Priming;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoFrequencyCap;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.messaging.sending.BatchedMailFigures;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.messaging.ses.SesMailSender;
import dev.storeops.messaging.sending.MailHandBack;
import dev.storeops.messaging.sending.SendFailurePolicy;
import dev.storeops.messaging.sqs.SqsMailHandBack;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the {@link EmailService} once per container. */
final class EmailSenderWiring {
  private EmailSenderWiring() {}

  /** What the handler needs: the service, and the hand-back of throttled mail to the e-mail queue. */
  record Wired(EmailService service, MailHandBack handBack, SendFailurePolicy policy, BatchedMailFigures figures) {}

  static Wired wire(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    // SnapStart: the snapshot holds the clients and mappings warmed (docs/performance.md)
    Priming.of("email-sender", env)
        .step("dynamodb", clients.primeDynamoDb(env.required("TABLE_NAME")))

        .step("dynamodb writes", clients.primeDynamoDbWrites(env.required("TABLE_NAME")))
        .step("sqs", clients.primeSqs(env.required("EMAIL_QUEUE_URL")))
        .step("ses", clients.primeSes())
        .json(dev.storeops.messaging.MailIntent.class)
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
            com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.class)
        .register();
    // the figures of a batch are written once at its end (the handler flushes them)
    BatchedMailFigures figures = new BatchedMailFigures(new DynamoMailFigures(clients.dynamoDb(), env.required("TABLE_NAME")));
    return new Wired(service(env, clock, clients, figures),
        handBack(clients, env.required("EMAIL_QUEUE_URL")), SendFailurePolicy.from(env), figures);
  }

  /** The hand-back of throttled mail; its SQS client is built on the first hand-back (rare), not in init. */
  private static MailHandBack handBack(AwsClients clients, String queueUrl) {
    return (body, handBacks, delay) -> new SqsMailHandBack(clients.sqs(), queueUrl).handBack(body, handBacks, delay);
  }

  private static EmailService service(Env env, Clock clock, AwsClients clients, BatchedMailFigures figures) {
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    ShopSettings shop = ShopSettings.from(env);
    DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, table);
    return new EmailService(
        new MailTemplates(),
        MailPolicy.from(env),
        customers::find,
        new DynamoSuppressionList(dynamo, table),
        new DynamoSendLog(dynamo, table),
        new DynamoFrequencyCap(dynamo, table),
        figures,
        new SesMailSender(clients.ses()),
        UnsubscribeTokens.from(env),
        new EmailService.Settings(env.required("SENDER_EMAIL"), env.optional("MAIL_CONFIGURATION_SET", null),
            env.required("UNSUBSCRIBE_URL"), env.required("PUBLIC_BASE_URL"), shop.zone(),
            UnsubscribeTokens.DEFAULT_VALIDITY, env.required("CONSENT_CONFIRM_URL")),
        clock);
  }
}
