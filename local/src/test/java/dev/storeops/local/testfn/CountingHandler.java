package dev.storeops.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;

/** A test function on {@code POST /count/{channel}}: counts OrdersPlaced for the channel as the real handlers do. */
public final class CountingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Metrics metrics;
  private final ShopMetrics shop;

  public CountingHandler() {
    this(Env.system());
  }

  public CountingHandler(Env env) {
    this.metrics = Metrics.from(env);
    this.shop = new ShopMetrics(metrics);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> {
      shop.orderPlaced(event.getPathParameters().get("channel"));
      return APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
    });
  }
}
