package dev.storeops.supplierfeeds;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.supplierfeeds.core.FetchSupplierFeeds;
import java.time.Clock;
import java.util.Map;

/** Schedule target (every 5 minutes): {@link FetchSupplierFeeds} fetches the feeds that are due. */
public final class SupplierFeedsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Metrics metrics;
  private final SupplierFeedsWiring.Feeds feeds;

  public SupplierFeedsHandler() {
    this(Env.system());
  }

  public SupplierFeedsHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public SupplierFeedsHandler(Env env, Clock clock) {
    this.metrics = Metrics.from(env);
    this.feeds = SupplierFeedsWiring.feeds(env, clock, metrics);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(feeds::run);
  }
}
