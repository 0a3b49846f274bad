package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.aws.Priming;
import dev.storeops.platform.config.Env;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.template.SamFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SnapStart priming is harmless (docs/performance.md): every function of template.yaml is built as in
 * Lambda (its environment, {@code AWS_LAMBDA_FUNCTION_NAME} set) on the embedded stack holding the demo
 * data, then every registered priming runs as before a checkpoint — and the tables, queues, buckets and
 * sent mail are exactly as before, while each function's steps all reached the emulators (no step failed
 * but by an emulator's 4xx answer) and the write paths were walked (requests withheld by the guard).
 */
class PrimingWritesNothingTest {
  private static AwsStack stack;

  @BeforeAll
  static void start() {
    stack = AwsStack.start();
    new DemoData(stack.dynamoDb(), stack.s3(), stack.tableName("StoreTable"), stack.bucketName("SupplierBucket")).load();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void primingEveryFunctionWritesNothingAndEveryStepCompletes() throws Exception {
    List<Object> handlers = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    for (SamFunction f : stack.template().functions()) {
      Map<String, String> env = new LinkedHashMap<>(stack.functionEnvironment(f.logicalId()));
      env.put("AWS_LAMBDA_FUNCTION_NAME", "priming-test-" + f.logicalId());
      handlers.add(Class.forName(f.handlerClass()).getConstructor(Env.class).newInstance(Env.of(env)));
      functions.add(f.logicalId());
    }
    List<Priming> primings = Priming.registered();
    assertEquals(functions.size(), primings.size(), "one priming per function " + functions);
    Map<String, Object> before = state();

    for (Priming priming : primings) {
      priming.beforeCheckpoint(null); // what SnapStart runs before it takes the snapshot
    }

    assertEquals(before, state(), "priming changed the stack");
    int withheld = 0;
    for (Priming priming : primings) {
      Priming.Report report = priming.lastReport();
      assertNotNull(report);
      assertTrue(report.steps() > 0, report.function());
      // a step may only "fail" by an error answer of the emulator (the request went out and its error path
      // ran: SES's emulator answers GetAccount with 400), never by a client-side error or an unrefused write
      report.failed().forEach((step, error) -> assertTrue(error.contains("Status Code: 4"),
          report.function() + ": step " + step + " failed: " + error));
      withheld += report.withheld();
    }
    assertTrue(withheld >= 4 * (functions.size() - 1), "write requests walked and withheld: " + withheld);
    assertEquals(List.of(), handlers.stream().filter(h -> h == null).toList());
  }

  /** Every item of every table, every queue's message counts, every object of every bucket, the mail sent. */
  private static Map<String, Object> state() {
    Map<String, Object> state = new TreeMap<>();
    for (String table : stack.dynamoDb().listTables().tableNames()) {
      List<String> items = new ArrayList<>();
      stack.dynamoDb().scanPaginator(r -> r.tableName(table).consistentRead(true)).items()
          .forEach(item -> items.add(new TreeMap<String, AttributeValue>(item).toString()));
      items.sort(null);
      state.put("table " + table, items);
    }
    for (String queue : stack.sqs().listQueues().queueUrls()) {
      state.put("queue " + queue, new TreeMap<>(stack.sqs().getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributesAsStrings()));
    }
    for (var bucket : stack.s3().listBuckets().buckets()) {
      List<String> objects = new ArrayList<>();
      stack.s3().listObjectsV2Paginator(r -> r.bucket(bucket.name())).contents()
          .forEach(o -> objects.add(o.key() + " " + o.eTag() + " " + o.size()));
      state.put("bucket " + bucket.name(), objects);
    }
    state.put("mail sent", stack.sentMail().size());
    return state;
  }
}
