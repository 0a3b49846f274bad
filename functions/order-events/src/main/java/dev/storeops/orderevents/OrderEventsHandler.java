package dev.storeops.orderevents;

import dev.storeops.fulfilment.AcceptNewOrder;
import dev.storeops.messaging.OrderMails;
import dev.storeops.messaging.flows.OrderMailFlowsStep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.messaging.dynamo.DynamoMailFlows;
import dev.storeops.messaging.dynamo.DynamoOrderSegments;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SQS → order events. Each message is handled on its own; a failed one is reported as a batch item
 * failure (retried, then the DLQ), the others are not retried.
 */
public final class OrderEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Log LOG = Log.get(OrderEventsHandler.class);
  private final AcceptNewOrder service;
  private final OrderFlow followUps;
  private final OrderMailFlowsStep mailFlows;

  public OrderEventsHandler() {
    this(Env.system());
  }

  public OrderEventsHandler(Env env) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    this.service = new AcceptNewOrder(new DynamoOrderStore(dynamo, table),
        new DynamoCatalog(dynamo, table, Clock.systemUTC()), new DynamoCustomerStore(dynamo, table),
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")),
        new OrderMails(env.required("PUBLIC_BASE_URL")), env.required("OPS_EMAIL"));
    // payment deadline of a prepaid order / "confirm by phone" task of a cash-on-delivery order
    // (docs/payments.md), started once the manager is assigned
    FlowSettings settings = new FlowSettings(Duration.ofHours(env.optionalInt("PAYMENT_REMINDER_HOURS", 72)),
        Duration.ofHours(env.optionalInt("PAYMENT_GRACE_HOURS", 48)), env.optionalInt("MAX_NO_ANSWER_CALLS", 3),
        Duration.ofMinutes(env.optionalInt("TASK_DUE_MINUTES", 120)),
        Duration.ofMinutes(env.optionalInt("URGENT_TASK_DUE_MINUTES", 30)));
    this.followUps = FlowComponents.build(dynamo, table, new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")),
        settings, Clock.systemUTC(), env.required("PUBLIC_BASE_URL"), FlowComponents.noEscalation()).flow();
    this.mailFlows = new OrderMailFlowsStep(new DynamoOrderStore(dynamo, table), new DynamoMailFlows(dynamo, table),
        new DynamoCatalog(dynamo, table, Clock.systemUTC()), new DynamoOrderSegments(dynamo, table));
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        OrderCreated created = Json.mapper().readValue(message.getBody(), OrderCreated.class);
        if (!OrderCreated.TYPE.equals(created.type()) || created.orderId() == null) {
          throw new IllegalArgumentException("not an OrderCreated event");
        }
        service.accept(created);
        followUps.orderPlaced(created.orderId());
        mailFlows.orderCreated(created.orderId());
      } catch (Exception e) {
        LOG.error("order event failed", e, "messageId", message.getMessageId());
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
