package dev.storeops.reportsstream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.reporting.dynamo.ReportsStreamService;
import dev.storeops.reporting.dynamo.StreamImages;

/**
 * DynamoDB stream of the store table → report items. The first record that fails is reported by its
 * sequence number and the rest are not processed ({@link BatchItems#dynamoStream}: Lambda retries from
 * it, order kept, nothing skipped); after MaximumRetryAttempts the batch goes to the on-failure queue.
 */
public final class ReportsStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Log LOG = Log.get(ReportsStreamHandler.class);
  private final Metrics metrics;
  private final ReportsStreamService service;

  public ReportsStreamHandler() {
    this(Env.system());
  }

  public ReportsStreamHandler(Env env) {
    this.metrics = Metrics.from(env);
    this.service = ReportsStreamWiring.service(env);
  }

  /** Like every handler, built with a clock when one is given; the projection dates by the records, not by it. */
  public ReportsStreamHandler(Env env, java.time.Clock clock) {
    this(env);
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> metrics.batchItemFailures(BatchItems.dynamoStream(event, LOG, "stream record failed",
        r -> {
          if (r.getDynamodb() != null) {
            service.apply(StreamImages.of(r.getDynamodb().getOldImage()), StreamImages.of(r.getDynamodb().getNewImage()));
          }
        })));
  }
}
