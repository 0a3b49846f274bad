package dev.storeops.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The fault injector in the real SDK clients (registered by the global interceptor file), against the
 * embedded stack: clean outside an invocation, failing inside one, crashing after a write that stays.
 */
@WithAwsStack
class FaultInjectorTest {

  @AfterEach
  void stop() {
    FaultInjector.invocationFinished();
    FaultInjector.stop();
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("pk", Items.s("SIMTEST#" + id), "sk", Items.s("SIMTEST"));
  }

  @Test
  void callsOutsideAnInvocationAreNeverFaulted(AwsStack stack) {
    FaultInjector.start(new FaultInjector.Settings(1.0, 1.0, 1));
    String id = UUID.randomUUID().toString();
    stack.dynamoDb().putItem(p -> p.tableName(stack.tableName("StoreTable")).item(key(id)));
    assertEquals(0, FaultInjector.figures().calls(), "the simulation's own calls are not the handlers'");
  }

  @Test
  void everyCallOfAnInvocationFailsAtShareOneWithAnSdkFault(AwsStack stack) {
    FaultInjector.start(new FaultInjector.Settings(1.0, 0, 42));
    int failed = 0;
    for (int i = 0; i < 40; i++) {
      FaultInjector.invocationStarted("TestFunction");
      String id = UUID.randomUUID().toString();
      try {
        stack.dynamoDb().putItem(p -> p.tableName(stack.tableName("StoreTable")).item(key(id)));
      } catch (AwsServiceException | SdkClientException e) {
        failed++;
        if (e instanceof AwsServiceException s) {
          assertTrue(s.statusCode() == 400 || s.statusCode() == 500, s.toString());
        }
      }
      assertTrue(FaultInjector.invocationFinished(), "the invocation is marked as faulted");
    }
    assertEquals(40, failed);
    FaultInjector.Figures f = FaultInjector.figures();
    assertEquals(40, f.faults(), f.toString());
    assertTrue(f.injected().containsKey(FaultInjector.Kind.THROTTLING), f.toString());
    assertTrue(f.injected().containsKey(FaultInjector.Kind.SERVER_ERROR), f.toString());
    assertTrue(f.injected().containsKey(FaultInjector.Kind.TIMEOUT_AFTER), f.toString());
  }

  @Test
  void aTimeoutAfterTheCallLeavesItsWriteApplied(AwsStack stack) {
    String table = stack.tableName("StoreTable");
    int appliedButFailed = 0;
    FaultInjector.start(new FaultInjector.Settings(1.0, 0, 7));
    for (int i = 0; i < 30; i++) {
      String id = UUID.randomUUID().toString();
      FaultInjector.invocationStarted("TestFunction");
      SdkException e = assertThrows(SdkException.class,
          () -> stack.dynamoDb().putItem(p -> p.tableName(table).item(key(id))));
      FaultInjector.invocationFinished();
      boolean written = stack.dynamoDb().getItem(g -> g.tableName(table).key(key(id)).consistentRead(true)).hasItem();
      if (written) {
        appliedButFailed++;
        assertTrue(e.getMessage().contains("after the service applied"), e.getMessage());
      }
    }
    assertTrue(appliedButFailed > 0, "some calls failed after they were applied (a lost response)");
  }

  @Test
  void aCrashKeepsTheWritesBeforeItAndFailsEverythingAfter(AwsStack stack) {
    String table = stack.tableName("StoreTable");
    FaultInjector.start(new FaultInjector.Settings(0, 1.0, 3));
    FaultInjector.invocationStarted("TestFunction");
    java.util.List<String> ids = new java.util.ArrayList<>();
    Throwable crash = null;
    for (int i = 0; i < 8 && crash == null; i++) {
      String id = "crash-" + UUID.randomUUID();
      ids.add(id);
      try {
        stack.dynamoDb().putItem(p -> p.tableName(table).item(key(id)));
      } catch (FaultInjector.SimulatedCrash c) {
        crash = c;
      }
    }
    assertTrue(crash != null, "the invocation crashed within 6 calls");
    assertThrows(FaultInjector.SimulatedCrash.class,
        () -> stack.dynamoDb().putItem(p -> p.tableName(table).item(key("after-" + UUID.randomUUID()))),
        "a dead process makes no more calls");
    assertTrue(FaultInjector.invocationFinished());
    long written = ids.stream().filter(id -> stack.dynamoDb().getItem(g -> g.tableName(table).key(key(id))).hasItem()).count();
    assertEquals(ids.size(), written, "every write up to the crash, the crashing call's included, stays");
    assertEquals(1L, FaultInjector.figures().injected().get(FaultInjector.Kind.CRASH));
  }

  @Test
  void aConditionRaceFailsOnlyOptimisticWritesAndNamesTheRacingItem() {
    var optimistic = TransactWriteItem.builder().update(Update.builder().tableName("t").key(key("o"))
        .updateExpression("SET rev = :rev").conditionExpression("attribute_exists(pk) AND #status = :from AND rev = :oldRev")
        .build()).build();
    var claim = TransactWriteItem.builder().update(Update.builder().tableName("t").key(key("c"))
        .updateExpression("SET x = :x").conditionExpression("attribute_not_exists(pk)").build()).build();
    var request = software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.builder()
        .transactItems(claim, optimistic).build();
    assertTrue(FaultInjector.optimistic(request));
    TransactionCanceledException e = (TransactionCanceledException) FaultInjector.race(request);
    assertEquals("None", e.cancellationReasons().get(0).code(), "a dedupe claim is never faked as taken");
    assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(1).code());
    assertFalse(FaultInjector.optimistic(software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder()
        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(managerId)").build()));
    assertTrue(FaultInjector.race(software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder()
        .conditionExpression("reserved = :r").build()) instanceof ConditionalCheckFailedException);
  }

  @Test
  void anAimedCrashHitsRightAfterTheFirstCallOfItsOperationAndARivalRunsBetweenTwoCallsUnfaulted(AwsStack stack) {
    String table = stack.tableName("StoreTable");
    FaultInjector.start(new FaultInjector.Settings(0, 0, 3));
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    // a crash aimed at the first TransactWriteItems: the GetItem before it passes, the transaction is applied, then the process dies
    FaultInjector.crashNextInvocationAfterFirst("DynamoDb.TransactWriteItems");
    FaultInjector.invocationStarted("TestFunction");
    stack.dynamoDb().getItem(g -> g.tableName(table).key(key(first)));
    assertThrows(FaultInjector.SimulatedCrash.class, () -> stack.dynamoDb().transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(key(first))).build())));
    assertThrows(FaultInjector.SimulatedCrash.class, () -> stack.dynamoDb().getItem(g -> g.tableName(table).key(key(first))),
        "every later call of the crashed invocation fails");
    FaultInjector.invocationFinished();
    assertTrue(stack.dynamoDb().getItem(g -> g.tableName(table).key(key(first)).consistentRead(true)).hasItem(),
        "the transaction before the crash stays applied");
    assertEquals(1L, FaultInjector.figures().injected().get(FaultInjector.Kind.CRASH));

    // the aim is for one invocation only: the next one is not crashed
    FaultInjector.invocationStarted("TestFunction");
    stack.dynamoDb().transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(key(second))).build()));
    FaultInjector.invocationFinished();

    // a rival right after the invocation's first TransactWriteItems: its own calls are neither counted nor
    // faulted (they return before the injector looks at them)
    FaultInjector.start(new FaultInjector.Settings(0, 0, 5));
    String rival = UUID.randomUUID().toString();
    boolean[] ran = {false};
    FaultInjector.afterNextCall("DynamoDb.TransactWriteItems", () -> {
      stack.dynamoDb().putItem(p -> p.tableName(table).item(key(rival)));
      ran[0] = true;
    });
    FaultInjector.invocationStarted("TestFunction");
    stack.dynamoDb().transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(key(second))).build()));
    FaultInjector.invocationFinished();
    assertTrue(ran[0], "the rival ran");
    assertTrue(stack.dynamoDb().getItem(g -> g.tableName(table).key(key(rival)).consistentRead(true)).hasItem());
    assertEquals(1, FaultInjector.figures().calls(), "only the handler's transaction is counted: " + FaultInjector.figures());
  }
}
