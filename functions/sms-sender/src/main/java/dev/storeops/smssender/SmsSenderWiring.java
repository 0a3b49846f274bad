package dev.storeops.smssender;

import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.dynamo.DynamoSmsConsents;
import dev.storeops.messaging.sms.LocalSmsLog;
import dev.storeops.messaging.sms.SmsPolicy;
import dev.storeops.messaging.sms.SmsProvider;
import dev.storeops.messaging.sms.SmsProviderException;
import dev.storeops.messaging.sms.SmsProviders;
import dev.storeops.messaging.sms.SmsService;
import dev.storeops.messaging.sms.smsru.SmsRuProvider;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.aws.Priming;
import dev.storeops.platform.config.Env;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the {@link SmsService} once per container, with the provider of {@code SMS_PROVIDER} (the
 * template parameter {@code SmsProvider}): {@code sns}, {@code smsru} ({@code SMSRU_API_ID},
 * {@code SMSRU_BASE_URL}), {@code local} (local mode: recorded, {@code GET /_local/sms}) or {@code none}
 * (every SMS fails permanently as {@code no-provider} and is logged REJECTED, never retried).
 */
final class SmsSenderWiring {
  private SmsSenderWiring() {}

  static SmsService wire(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    SmsService service = new SmsService(new SmsPolicy(), new DynamoSmsConsents(dynamo, table),
        new DynamoSendLog(dynamo, table), provider(env, clients), env.optional("SMS_SENDER_NAME", ""), clock);
    // SnapStart: the snapshot holds the client and the intent's mapping warmed (docs/performance.md)
    Priming.of("sms-sender", env)
        .step("dynamodb", clients.primeDynamoDb(table))

        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .json(dev.storeops.messaging.sms.SmsIntent.class)
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
            com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.class)
        .register();
    return service;
  }

  static SmsProvider provider(Env env, AwsClients clients) {
    return switch (SmsProviders.parse(env.optional("SMS_PROVIDER", "none"))) {
      case SNS -> new SnsSmsProvider(clients.configured(SnsClient.builder(), "SNS").build());
      case SMSRU -> new SmsRuProvider(env.optional("SMSRU_BASE_URL", "https://sms.ru"), env.required("SMSRU_API_ID"),
          Duration.ofSeconds(10));
      case LOCAL -> LocalSmsLog.provider();
      case NONE -> (phone, text, sender) -> {
        throw new SmsProviderException(true, "no-provider", "SmsProvider is none");
      };
    };
  }
}
