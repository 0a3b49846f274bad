package dev.storeops.platform.aws;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.storeops.platform.config.Env;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AwsClientsTest {
  private static final Env ENV = Env.of(Map.of("AWS_REGION", "eu-central-1",
      "AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s"));

  @Test
  void eachClientIsBuiltOnce() {
    AwsClients clients = new AwsClients(ENV);
    assertSame(clients.dynamoDb(), clients.dynamoDb());
    assertSame(clients.sqs(), clients.sqs());
    assertSame(clients.s3(), clients.s3());
    assertSame(clients.ses(), clients.ses());
    assertNotSame(clients.dynamoDb(), new AwsClients(ENV).dynamoDb());
  }

  @Test
  void concurrentFirstCallsGetOneClient() throws Exception {
    AwsClients clients = new AwsClients(ENV);
    Map<Object, Boolean> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 8; i++) {
      pool.submit(() -> seen.put(clients.dynamoDb(), true));
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    assertSame(1, seen.size());
  }
}
