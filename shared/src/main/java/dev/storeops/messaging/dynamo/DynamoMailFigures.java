package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mail figures as counter items: {@code MAILSTATS#<flow> / TOTAL} and {@code MAILSTATS#<flow> /
 * DAY#<yyyy-MM-dd>}, each figure a number attribute changed only with {@code ADD} (atomic, no read).
 */
public final class DynamoMailFigures implements MailFigures {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoMailFigures(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public static String pk(String flow) {
    return TableKeys.MAIL_STATS.key(flow);
  }

  @Override
  public void add(String flow, Figure figure, long count, LocalDate day) {
    addAll(flow, Map.of(figure, count), day);
  }

  /** One UpdateItem per counter (the flow's total, the day's) for all of {@code counts}. */
  @Override
  public void addAll(String flow, Map<Figure, Long> counts, LocalDate day) {
    Map<String, String> names = new java.util.HashMap<>(Map.of("#t", "type", "#flow", "flow"));
    Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":type", s("MailFigures"), ":flow", s(flow)));
    java.util.List<String> adds = new java.util.ArrayList<>();
    counts.forEach((figure, count) -> {
      if (count != 0) {
        int i = adds.size();
        names.put("#f" + i, figure.attribute());
        values.put(":n" + i, Items.n(count));
        adds.add("#f" + i + " :n" + i);
      }
    });
    if (adds.isEmpty()) {
      return;
    }
    String update = "ADD " + String.join(", ", adds) + " SET #t = :type, #flow = :flow";
    for (String sk : new String[] {"TOTAL", TableKeys.DAY.key(day)}) {
      dynamo.updateItem(u -> u.tableName(table)
          .key(TableKeys.primaryKey(pk(flow), sk))
          .updateExpression(update)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values));
    }
  }

  @Override
  public Map<Figure, Long> totals(String flow) {
    Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
        .key(TableKeys.primaryKey(pk(flow), "TOTAL"))).item();
    Map<Figure, Long> out = new EnumMap<>(Figure.class);
    for (Figure f : Figure.values()) {
      out.put(f, item == null ? 0L : Items.num(item, f.attribute(), 0));
    }
    return out;
  }
}
