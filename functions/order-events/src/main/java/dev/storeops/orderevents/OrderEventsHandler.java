package dev.storeops.orderevents;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.Metrics;
import java.time.Clock;

/**
 * SQS → order events ({@link OrderCreatedSteps}). Each message is handled on its own; a failed one is
 * reported as a batch item failure (retried, then the DLQ), the others are not retried.
 */
public final class OrderEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Log LOG = Log.get(OrderEventsHandler.class);
  private final Metrics metrics;
  private final OrderCreatedSteps steps;

  public OrderEventsHandler() {
    this(Env.system());
  }

  public OrderEventsHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public OrderEventsHandler(Env env, Clock clock) {
    this.metrics = Metrics.from(env);
    this.steps = OrderEventsWiring.steps(env, clock);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> metrics.batchItemFailures(
        BatchItems.sqs(event, LOG, "order event failed", message -> steps.handle(message.getBody()))));
  }
}
