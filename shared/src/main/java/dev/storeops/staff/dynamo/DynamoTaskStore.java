package dev.storeops.staff.dynamo;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.dynamo.TableKeys;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Staff tasks: {@code TASK#<id> / TASK}. GSI2 {@code TASKS#<assignee>#<status> / <due>#<id>} lists a
 * person's tasks soonest first; while open, the task is on the due-work index (kind {@value #KIND})
 * at its deadline, so the scheduler reads only overdue tasks.
 */
public final class DynamoTaskStore implements TaskStore {
  public static final String KIND = "TASK_DEADLINE";
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;

  public DynamoTaskStore(DynamoDbClient dynamo, String table, DueWorkStore due) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = due;
  }

  private static Map<String, AttributeValue> key(String id) {
    return TableKeys.primaryKey(TableKeys.TASK.key(id), "TASK");
  }

  private static String list(String assignee, StaffTask.Status status) {
    return TableKeys.tasks(assignee, status);
  }

  @Override
  public boolean createIfAbsent(StaffTask t) {
    due.announce(KIND, t.dueAt());
    Map<String, AttributeValue> item = new HashMap<>(key(t.id()));
    item.put("type", s("Task"));
    item.put("id", s(t.id()));
    item.put("kind", s(t.kind()));
    item.put("title", s(t.title()));
    Items.putIfPresent(item, "orderId", t.orderId());
    Items.putIfPresent(item, "customerId", t.customerId());
    if (t.customerId() != null) {
      item.putAll(TableKeys.aboutCustomer(t.customerId(), TableKeys.TASK, t.createdAt() + "#" + t.id()));
    }
    item.put("assigneeId", s(t.assigneeId()));
    item.put("status", s(t.status().name()));
    item.put("dueAt", s(t.dueAt().toString()));
    item.put("createdAt", s(t.createdAt().toString()));
    item.put("createdBy", s(t.createdBy()));
    item.put("escalations", Items.n(t.escalations()));
    item.put("priority", s(t.priority().name()));
    item.put(TableKeys.GSI2PK, s(list(t.assigneeId(), t.status())));
    item.put(TableKeys.GSI2SK, s(DueWork.sortKey(t.dueAt(), t.id())));
    item.putAll(DueWorkStore.dueAttributes(KIND, t.dueAt(), t.id()));
    try {
      dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public Optional<StaffTask> find(String id) {
    var item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public List<StaffTask> byAssignee(String assigneeId, StaffTask.Status status, int limit) {
    return page(assigneeId, status, limit, null).tasks();
  }

  @Override
  public Page page(String assigneeId, StaffTask.Status status, int limit, String cursor) {
    var page = dynamo.query(q -> q.tableName(table).indexName(TableKeys.GSI2)
        .keyConditionExpression("gsi2pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s(list(assigneeId, status))))
        .exclusiveStartKey(cursor == null ? null
            : PageCursor.decode(cursor, List.of(TableKeys.PK, TableKeys.SK, TableKeys.GSI2PK, TableKeys.GSI2SK)))
        .limit(limit));
    return new Page(page.items().stream().map(DynamoTaskStore::fromItem).toList(),
        page.hasLastEvaluatedKey() ? PageCursor.encode(page.lastEvaluatedKey()) : null);
  }

  @Override
  public List<StaffTask> dueBetween(String assigneeId, StaffTask.Status status, Instant from, Instant to, int limit) {
    List<StaffTask> out = new java.util.ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> after = start;
      var page = dynamo.query(q -> q.tableName(table).indexName(TableKeys.GSI2)
          .keyConditionExpression("gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(":pk", s(list(assigneeId, status)),
              ":from", s(DueWork.sortKey(from, "")), ":to", s(DueWork.sortKey(to, ""))))
          .exclusiveStartKey(after));
      page.items().stream().map(DynamoTaskStore::fromItem).forEach(out::add);
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null && out.size() < limit);
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  @Override
  public boolean complete(StaffTask task, String by, String comment, Instant at) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(task.id()))
          .updateExpression("SET #status = :done, #comment = :comment, doneAt = :at, doneBy = :by, "
              + "gsi2pk = :list REMOVE duePk, dueSk")
          .conditionExpression("#status = :open")
          .expressionAttributeNames(Map.of("#status", "status", "#comment", "comment"))
          .expressionAttributeValues(Map.of(":done", s("DONE"), ":open", s("OPEN"), ":comment", s(comment),
              ":at", s(at.toString()), ":by", s(by), ":list",
              s(list(task.assigneeId(), StaffTask.Status.DONE)))));
      return true;
    } catch (ConditionalCheckFailedException notOpen) {
      return false;
    }
  }

  @Override
  public boolean reassign(StaffTask t, String newAssignee, Instant newDueAt) {
    due.announce(KIND, newDueAt);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":open", s("OPEN"));
    values.put(":oldDue", s(DueWork.sortKey(t.dueAt(), t.id())));
    values.put(":assignee", s(newAssignee));
    values.put(":dueAt", s(newDueAt.toString()));
    values.put(":list", s(list(newAssignee, StaffTask.Status.OPEN)));
    values.put(":sort", s(DueWork.sortKey(newDueAt, t.id())));
    values.put(":duePk", s(DueWork.partition(KIND, newDueAt)));
    values.put(":one", Items.n(1));
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(t.id()))
          .updateExpression("SET assigneeId = :assignee, dueAt = :dueAt, gsi2pk = :list, gsi2sk = :sort, "
              + "duePk = :duePk, dueSk = :sort ADD escalations :one")
          .conditionExpression("#status = :open AND dueSk = :oldDue")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
  }

  @Override
  public boolean handOver(StaffTask t, String newAssignee) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(t.id()))
          .updateExpression("SET assigneeId = :assignee, gsi2pk = :list")
          .conditionExpression("#status = :open AND assigneeId = :old")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(":assignee", s(newAssignee), ":old", s(t.assigneeId()), ":open", s("OPEN"),
              ":list", s(list(newAssignee, StaffTask.Status.OPEN)))));
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
  }

  @Override
  public boolean markReported(StaffTask t, Instant at) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(t.id()))
          .updateExpression("SET reportedAt = :at REMOVE duePk, dueSk ADD escalations :one")
          .conditionExpression("#status = :open AND dueSk = :oldDue")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(":at", s(at.toString()), ":one", Items.n(1), ":open", s("OPEN"),
              ":oldDue", s(DueWork.sortKey(t.dueAt(), t.id())))));
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
  }

  @Override
  public List<StaffTask> overdue(int limit) {
    return due.due(KIND, limit).items().stream().map(DynamoTaskStore::fromItem).toList();
  }

  @Override
  public DueItem dueItem(StaffTask t) {
    return new DueItem(KIND, TableKeys.TASK.key(t.id()), key(t.id()).get(TableKeys.SK).s(),
        DueWork.sortKey(t.dueAt(), t.id()));
  }

  @Override
  public int recordFailure(DueItem item, String error) {
    return due.recordFailure(item, error);
  }

  @Override
  public boolean park(DueItem item, String error) {
    return due.park(item, error);
  }

  static StaffTask fromItem(Map<String, AttributeValue> item) {
    return new StaffTask(
        Items.str(item, "id"), Items.str(item, "kind"), Items.str(item, "title"),
        Items.str(item, "orderId"), Items.str(item, "customerId"), Items.str(item, "assigneeId"),
        StaffTask.Status.valueOf(Items.str(item, "status")), Items.instant(item, "dueAt"),
        Items.instant(item, "createdAt"), Items.str(item, "createdBy"),
        (int) Items.num(item, "escalations", 0), Items.str(item, "comment"),
        Items.instant(item, "doneAt"), Items.str(item, "doneBy"),
        Items.str(item, "priority") == null ? null : StaffTask.Priority.valueOf(Items.str(item, "priority")));
  }
}
