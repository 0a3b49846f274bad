package dev.storeops.orderapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.HttpRoutes;
import dev.storeops.platform.http.Router;
import java.util.List;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The public storefront API (HTTP API, payload 2.0); routes and services from {@link OrderApiWiring}. */
public final class OrderApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    HttpRoutes {
  private final Metrics metrics;
  private final Router router;

  public OrderApiHandler() {
    this(Env.system());
  }

  public OrderApiHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public OrderApiHandler(Env env, Clock clock) {
    this.metrics = Metrics.from(env);
    this.router = OrderApiWiring.router(env, clock, metrics);
  }

  /** With given clients (the benchmark hands in a client that counts its calls). */
  public OrderApiHandler(Env env, DynamoDbClient dynamo, SqsClient sqs) {
    this.metrics = Metrics.from(env);
    this.router = OrderApiWiring.router(env, dynamo, sqs, Clock.systemUTC(), metrics);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> router.handle(event));
  }

  @Override
  public List<String> routeKeys() {
    return router.routeKeys();
  }
}
