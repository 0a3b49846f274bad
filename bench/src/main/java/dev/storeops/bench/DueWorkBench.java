package dev.storeops.bench;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.fulfilment.UnpaidPrepaymentPolicy;
import dev.storeops.fulfilment.dynamo.DynamoOrderFlowStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmbeddedBackend;
import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.template.SamTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Scheduling cost: one scheduler run over N orders of which 10 are due, read through the due-work
 * index, against a baseline that scans the orders for unpaid ones past their deadline (what a
 * scheduler without the index would do). Prints the items each reads and their ratio.
 *
 * <p>Usage: {@code DueWorkBench [sizes…]} (default 10000 100000), on DynamoDB Local.
 */
public final class DueWorkBench {
  /** The payment-timeouts job's kind: the bench reads exactly what the job reads. */
  private static final String KIND = UnpaidPrepaymentPolicy.PAYMENT_DUE;
  private static final int DUE = 10;
  private static final java.io.PrintStream OUT = System.out;

  private DueWorkBench() {}

  public static void main(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10_000, 100_000);
    }
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    Map<String, String> parameters = new HashMap<>(AwsStack.TEST_PARAMETERS);
    try (AwsStack stack = AwsStack.start(EmbeddedBackend.start(RepoRoot.find()),
        SamTemplate.load(RepoRoot.find().resolve("template.yaml")), parameters)) {
      String table = stack.tableName("StoreTable");
      DueWorkStore due = new DueWorkStore(stack.dynamoDb(), table, clock);
      report("orders", "due", "index: items read", "index: queries", "job: items read", "scan baseline: items read",
          "baseline/index");
      int written = 0;
      for (int size : sizes) {
        written = fill(stack, due, table, written, size, now);
        DueWorkStore.Scan scan = due.due(KIND, 1000);
        if (scan.items().size() != DUE) {
          throw new IllegalStateException("expected " + DUE + " due orders, found " + scan.items().size());
        }
        long baseline = scanBaseline(stack, table, now);
        // the scheduler's payment-timeouts job reads its due orders through this same call
        // (DynamoOrderFlowStore.paymentDue → DueWorkStore.due(PAYMENT_DUE)), then one GetItem per due order
        List<String> jobIds = new DynamoOrderFlowStore(stack.dynamoDb(), table, due, clock).paymentDue(1000).stream()
            .map(dev.storeops.platform.batch.DueItem::id).toList();
        List<String> indexIds = scan.items().stream().map(i -> i.get("id").s()).toList();
        if (!jobIds.equals(indexIds)) {
          throw new IllegalStateException("the job's read path found " + jobIds + ", the index " + indexIds);
        }
        long jobRead = scan.itemsRead() + jobIds.size();
        // the run handled them, as the scheduler does: they leave the index
        for (var item : scan.items()) {
          stack.dynamoDb().updateItem(b -> b.tableName(table)
              .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
              .updateExpression("SET #status = :cancelled REMOVE duePk, dueSk")
              .expressionAttributeNames(Map.of("#status", "status"))
              .expressionAttributeValues(Map.of(":cancelled", s("CANCELLED"))));
        }
        report(Integer.toString(size), Integer.toString(scan.items().size()), Long.toString(scan.itemsRead()),
            Integer.toString(scan.queries()), Long.toString(jobRead), Long.toString(baseline),
            String.format(Locale.ROOT, "%.0fx", (double) baseline / scan.itemsRead()));
      }
    }
  }

  /** Adds orders until the table holds {@code size}: all awaiting payment, 10 of the new ones past their deadline. */
  private static int fill(AwsStack stack, DueWorkStore due, String table, int from, int size, Instant now) {
    due.announce(KIND, now.minus(Duration.ofHours(2)));
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = from; i < size; i++) {
      boolean isDue = i - from < DUE;
      Instant deadline = isDue ? now.minus(Duration.ofMinutes(90 - i + from)) : now.plus(Duration.ofDays(1 + i % 3));
      String id = String.format(Locale.ROOT, "ord_bench%09d", i);
      Map<String, AttributeValue> item = new HashMap<>(DueWorkStore.dueAttributes(KIND, deadline, id));
      item.put("pk", s("ORDER#" + id));
      item.put("sk", s("ORDER"));
      item.put("type", s("Order"));
      item.put("id", s(id));
      item.put("status", s("AWAITING_PAYMENT"));
      item.put("paymentDueAt", s(deadline.toString()));
      item.put("totalMinor", AttributeValue.fromN(Integer.toString(100_000 + i)));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25) {
        write(stack, table, batch);
      }
    }
    write(stack, table, batch);
    return size;
  }

  private static void write(AwsStack stack, String table, List<WriteRequest> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> request = pending;
      pending = stack.dynamoDb().batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
    }
    batch.clear();
  }

  /** What a scheduler without the index must do: scan for unpaid orders past their deadline. */
  private static long scanBaseline(AwsStack stack, String table, Instant now) {
    long read = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = stack.dynamoDb().scan(b -> b.tableName(table)
          .filterExpression("#type = :order AND #status = :awaiting AND paymentDueAt <= :now")
          .expressionAttributeNames(Map.of("#type", "type", "#status", "status"))
          .expressionAttributeValues(Map.of(":order", s("Order"), ":awaiting", s("AWAITING_PAYMENT"),
              ":now", s(now.toString())))
          .exclusiveStartKey(from));
      read += page.scannedCount();
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return read;
  }

  private static void report(String... columns) {
    StringBuilder line = new StringBuilder();
    for (String c : columns) {
      line.append(String.format(Locale.ROOT, "%-26s", c));
    }
    OUT.println(line.toString().stripTrailing());
  }
}
