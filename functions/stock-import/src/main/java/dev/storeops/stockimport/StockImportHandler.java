package dev.storeops.stockimport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.stockimport.core.ImportReport;
import java.time.Clock;
import java.util.List;

/** S3 ObjectCreated on the supplier bucket's {@code incoming/} → {@link StockImportEvents}, one import per object. */
public final class StockImportHandler implements RequestHandler<S3Event, List<ImportReport>> {
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
  public List<ImportReport> handleRequest(S3Event event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> events.handle(event));
  }
}
