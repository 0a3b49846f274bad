package dev.storeops.paymentwebhook;

import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.WebhookKeys;
import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;
import java.time.Clock;

/** Builds the webhook's signature check and order flow once per container. */
final class PaymentWebhookWiring {
  private PaymentWebhookWiring() {}

  static Router router(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    WebhookSignature signature = new WebhookSignature(WebhookKeys.from(env), clock,
        WebhookSignature.DEFAULT_TOLERANCE);
    OrderFlow flow = FlowComponents.build(clients.dynamoDb(), env.required("TABLE_NAME"),
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")), FlowSettings.from(env), clock,
        env.required("PUBLIC_BASE_URL"), FlowComponents.noEscalation()).flow();
    return PaymentWebhookRoute.router(signature, flow);
  }
}
