package dev.storeops.reporting.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.reporting.Expense;
import dev.storeops.reporting.RecordExpenses;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Expenses by month: {@code EXPENSE#<yyyy-MM> / <date>#<id>}, put once (an imported row's id is its content). */
public final class DynamoExpenses implements RecordExpenses.Store {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoExpenses(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean put(Expense e) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.primaryKey(TableKeys.EXPENSE.key(YearMonth.from(e.date())),
        e.date() + "#" + e.id()));
    item.put("type", s("Expense"));
    item.put("id", s(e.id()));
    item.put("date", s(e.date().toString()));
    item.put("category", s(e.category()));
    item.put("amountMinor", Items.n(e.amountMinor()));
    Items.putIfPresent(item, "note", e.note());
    item.put("source", s(e.source()));
    item.put("createdBy", s(e.createdBy()));
    item.put("createdAt", s(e.createdAt().toString()));
    try {
      dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException ex) {
      return false;
    }
  }

  @Override
  public List<Expense> month(YearMonth month) {
    List<Expense> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      var builder = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", s(TableKeys.EXPENSE.key(month))));
      if (start != null) {
        builder.exclusiveStartKey(start);
      }
      QueryResponse page = dynamo.query(builder.build());
      for (var i : page.items()) {
        out.add(new Expense(Items.str(i, "id"), LocalDate.parse(Items.str(i, "date")), Items.str(i, "category"),
            Items.num(i, "amountMinor", 0), Items.str(i, "note"), Items.str(i, "source"), Items.str(i, "createdBy"),
            Items.instant(i, "createdAt")));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }
}
