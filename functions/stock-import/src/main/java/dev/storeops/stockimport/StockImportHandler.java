package dev.storeops.stockimport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storeops.platform.aws.S3Notification;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.stockimport.core.ImportReport;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * S3 ObjectCreated on the supplier bucket's {@code incoming/} → {@link StockImportEvents}, one import per object.
 * The event is taken as a plain map and read as an {@link S3Notification} (no joda-time in the jar).
 */
public final class StockImportHandler implements RequestHandler<Map<String, Object>, List<ImportReport>> {
  private final Metrics metrics;
  private final StockImportEvents events;

  public StockImportHandler() {
    this(Env.system());
  }

  public StockImportHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public StockImportHandler(Env env, Clock clock) {
    this.metrics = Metrics.from(env);
    this.events = StockImportWiring.events(env, clock, metrics);
  }

  @Override
  public List<ImportReport> handleRequest(Map<String, Object> event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> events.handle(S3Notification.from(event)));
  }
}
