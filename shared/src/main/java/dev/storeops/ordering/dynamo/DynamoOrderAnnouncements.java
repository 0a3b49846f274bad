package dev.storeops.ordering.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.ordering.AnnounceOrders;
import dev.storeops.ordering.OrderAnnouncements;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.ordering.sqs.SqsOrderEvents;
import dev.storeops.platform.batch.PoisonItems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Announce items on DynamoDB: {@code ORDER#<id> / ANNOUNCE} ({@code type OrderAnnounce}, {@code orderId},
 * {@code createdAt}, {@code republished}), on the due-work index (kind {@value OrderAnnouncements#KIND})
 * at creation + {@link AnnounceOrders#GRACE}. The item is put by {@link DynamoOrderStore#create} in
 * the order's transaction ({@link AnnounceItems}); this class reads, moves and deletes it (order-events,
 * scheduler — not the public order-api, which only writes it).
 */
public final class DynamoOrderAnnouncements implements OrderAnnouncements {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;
  private final Clock clock;

  /** The sweeper of lost announcements (scheduler job {@value AnnounceOrders#JOB}). */
  public static AnnounceOrders job(DynamoDbClient dynamo, SqsClient sqs, String table, String orderEventsQueueUrl,
      Clock clock) {
    DueWorkStore due = new DueWorkStore(dynamo, table, clock);
    return new AnnounceOrders(new DynamoOrderAnnouncements(dynamo, table, due, clock), new DynamoOrderStore(dynamo, table),
        new SqsOrderEvents(sqs, orderEventsQueueUrl), new PoisonItems(due), clock);
  }

  public DynamoOrderAnnouncements(DynamoDbClient dynamo, String table, DueWorkStore due) {
    this(dynamo, table, due, Clock.systemUTC());
  }

  /** @param clock dates the journal entries of the moves it finishes */
  public DynamoOrderAnnouncements(DynamoDbClient dynamo, String table, DueWorkStore due, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = due;
    this.clock = clock;
  }

  @Override
  public List<Due> due(int limit) {
    return due.due(KIND, limit).items().stream().map(i -> new Due(DueWorkStore.item(KIND, i), Items.str(i, "orderId"),
        Items.instant(i, "createdAt"), (int) Items.num(i, "republished", 0), Items.str(i, "movesState"))).toList();
  }

  /**
   * Tries per sweep run of one item's moves. Claim and drain are idempotent (each row is written once,
   * conditioned on still being listed), so an AWS error (throttling, a 5xx, a lost answer) is tried again
   * at once: a large order's release touches about a dozen calls per 8 rows, and a run failing on any of
   * them five runs in a row got the item parked as poison with its units still reserved (docs/simulation.md,
   * "What it found").
   */
  static final int FINISH_ATTEMPTS = 4;

  @Override
  public boolean finishMoves(Due item) {
    PendingStockMoves moves = new PendingStockMoves(dynamo, table, clock);
    var key = TableKeys.primaryKey(item.at().pk(), item.at().sk());
    for (int attempt = 1; ; attempt++) {
      try {
        if (!moves.claim(key)) {
          return false;
        }
        moves.drain(key);
        return true;
      } catch (software.amazon.awssdk.core.exception.SdkException failed) {
        if (attempt >= FINISH_ATTEMPTS) {
          throw failed;
        }
        dev.storeops.platform.retry.Retry.backOff(attempt);
      }
    }
  }

  @Override
  public void announced(String orderId) {
    dynamo.deleteItem(d -> d.tableName(table).key(AnnounceItems.key(orderId)));
  }

  @Override
  public boolean republished(Due item, Instant nextCheck) {
    due.announce(KIND, nextCheck);
    try {
      dynamo.updateItem(u -> u.tableName(table).key(AnnounceItems.key(item.orderId()))
          .updateExpression("SET #dpk = :dpk, #dsk = :dsk, republishedAt = :now ADD republished :one")
          .conditionExpression("#dsk = :read")
          .expressionAttributeNames(Map.of("#dpk", TableKeys.DUE_PK, "#dsk", TableKeys.DUE_SK))
          .expressionAttributeValues(Map.of(":dpk", s(DueWork.partition(KIND, nextCheck)),
              ":dsk", s(DueWork.sortKey(nextCheck, item.orderId())), ":read", s(item.at().dueSk()),
              ":now", s(nextCheck.minus(AnnounceOrders.RECHECK).toString()), ":one", Items.n(1))));
      return true;
    } catch (ConditionalCheckFailedException movedOrGone) {
      return false;
    }
  }
}
