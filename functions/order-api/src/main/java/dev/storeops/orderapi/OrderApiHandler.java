package dev.storeops.orderapi;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.RouterHandler;
import dev.storeops.platform.metrics.Metrics;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The public storefront API (HTTP API, payload 2.0); routes and services from {@link OrderApiWiring}. */
public final class OrderApiHandler extends RouterHandler {
  public OrderApiHandler() {
    this(Env.system());
  }

  public OrderApiHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public OrderApiHandler(Env env, Clock clock) {
    this(env, clock, Metrics.from(env));
  }

  private OrderApiHandler(Env env, Clock clock, Metrics metrics) {
    super(OrderApiWiring.router(env, clock, metrics), metrics);
  }

  /** With given clients (the benchmark hands in a client that counts its calls). */
  public OrderApiHandler(Env env, DynamoDbClient dynamo, SqsClient sqs) {
    this(env, dynamo, sqs, Metrics.from(env));
  }

  private OrderApiHandler(Env env, DynamoDbClient dynamo, SqsClient sqs, Metrics metrics) {
    super(OrderApiWiring.router(env, dynamo, sqs, Clock.systemUTC(), metrics), metrics);
  }
}
