package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.flows.DueCart;
import dev.storeops.messaging.flows.DueQueue;
import dev.storeops.messaging.flows.DueReactivation;
import dev.storeops.messaging.flows.DueRef;
import dev.storeops.messaging.flows.DueReorder;
import dev.storeops.messaging.flows.DueReviewRequest;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link DueQueue} on the shared due-work index ({@link DueWorkStore}): the items of one kind due
 * at the store's clock (lagged for the delayed flows), each read into the flow's record. The item
 * formats are the writers': carts ({@code id}), {@code MAILFLOW#reorder} / {@code
 * MAILFLOW#reactivation} ({@link DynamoMailFlows}), {@code REVIEWREQ} ({@link DynamoReviewRequests}).
 */
public final class DynamoDueQueue<T> implements DueQueue<T> {
  private final DueWorkStore store;
  private final String kind;
  private final Function<Map<String, AttributeValue>, T> read;

  public DynamoDueQueue(DueWorkStore store, String kind, Function<Map<String, AttributeValue>, T> read) {
    this.store = store;
    this.kind = kind;
    this.read = read;
  }

  @Override
  public Batch<T> due(int limit) {
    DueWorkStore.Scan scan = store.due(kind, limit);
    List<T> items = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (Map<String, AttributeValue> item : scan.items()) {
      try {
        items.add(read.apply(item));
      } catch (RuntimeException e) {
        String dueSk = Items.str(item, TableKeys.DUE_SK);
        unreadable.add(new Unreadable(new DueRef(kind, Items.str(item, TableKeys.PK), Items.str(item, TableKeys.SK),
            dueSk, null), e));
      }
    }
    return new Batch<>(items, scan.itemsRead(), unreadable);
  }

  /** Where an index item sits, as the flows hand it back. */
  static DueRef ref(Map<String, AttributeValue> item) {
    String dueSk = Items.str(item, TableKeys.DUE_SK);
    return new DueRef(DueWork.kindOf(Items.str(item, TableKeys.DUE_PK)), Items.str(item, TableKeys.PK), Items.str(item, TableKeys.SK), dueSk,
        DueWork.instantOf(dueSk));
  }

  /** Open carts (kind {@code abandoned-cart}, written by the cart store). */
  public static DynamoDueQueue<DueCart> carts(DueWorkStore store, String kind) {
    return new DynamoDueQueue<>(store, kind, item -> new DueCart(ref(item), Items.str(item, "id")));
  }

  public static DynamoDueQueue<DueReorder> reorders(DueWorkStore store) {
    return new DynamoDueQueue<>(store, DynamoMailFlows.REORDER, item -> new DueReorder(ref(item),
        Items.str(item, "customerId"), Items.str(item, "lastOrderId"), Instant.parse(Items.str(item, "lastOrderAt")),
        Items.num(item, "intervalDays", 0)));
  }

  public static DynamoDueQueue<DueReactivation> reactivations(DueWorkStore store) {
    return new DynamoDueQueue<>(store, DynamoMailFlows.REACTIVATION, item -> new DueReactivation(ref(item),
        Items.str(item, "customerId"), Items.str(item, "lastOrderId"), Instant.parse(Items.str(item, "lastOrderAt")),
        (int) Items.num(item, "step", 1)));
  }

  public static DynamoDueQueue<DueReviewRequest> reviewRequests(DueWorkStore store) {
    return new DynamoDueQueue<>(store, DynamoReviewRequests.KIND,
        item -> new DueReviewRequest(ref(item), Items.str(item, "orderId")));
  }
}
