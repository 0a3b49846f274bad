package dev.storeops.fulfilment.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.fulfilment.carriers.Carriers;
import dev.storeops.fulfilment.carriers.Parcel;
import dev.storeops.fulfilment.carriers.ParcelStatus;
import dev.storeops.fulfilment.carriers.ParcelStore;
import dev.storeops.fulfilment.carriers.RefusalReason;
import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Parcels on DynamoDB (docs/carriers.md, docs/data-model.md): {@code PARCEL#<carrier>#<tracking>} /
 * {@code PARCEL} ({@code type Parcel}, {@code carrier}, {@code trackingNumber}, {@code orderId},
 * {@code shippedAt}, {@code polls}, {@code quietPolls}, {@code outages}, {@code lastStatus},
 * {@code lastReason}, {@code lastCode}, {@code lastStatusAt}, {@code lastPolledAt}); a polled carrier's
 * parcel carries the due-work attributes (kind {@value ParcelStore#KIND}) until its final status. The
 * item is put by {@link DynamoOrderFlowStore} in the shipping transaction ({@link #shipped}). Handled
 * webhook events: {@code CARRIEREVENT#<carrier>#<eventId>} / {@code CARRIEREVENT} with a 90-day TTL.
 */
public final class DynamoParcelStore implements ParcelStore {
  static final Duration EVENT_TTL = Duration.ofDays(90);
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;
  private final Clock clock;

  public DynamoParcelStore(DynamoDbClient dynamo, String table, DueWorkStore due, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = due;
    this.clock = clock;
  }

  /**
   * The parcel item of an order shipping with {@code carrierName} and {@code trackingNumber}, for the
   * shipping transaction; null when the carrier's name cannot be an id. A polled carrier's parcel is due
   * at once (the next poll run asks about it); call {@link DueWorkStore#announce} for it before the write.
   */
  public static TransactWriteItem shipped(String table, String carrierName, String trackingNumber, String orderId,
      Instant at) {
    String carrier = Carriers.id(carrierName);
    if (carrier == null || trackingNumber == null) {
      return null;
    }
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.parcelKey(carrier, trackingNumber));
    item.put("type", s("Parcel"));
    item.put("carrier", s(carrier));
    item.put("trackingNumber", s(trackingNumber));
    item.put("orderId", s(orderId));
    item.put("shippedAt", s(at.toString()));
    item.put("polls", Items.n(0));
    if (Carriers.polled(carrier)) {
      item.putAll(DueWorkStore.dueAttributes(KIND, at, carrier + "#" + trackingNumber));
    }
    // a tracking number used again (a staff typo corrected on another order) files the newer order
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
  }

  /** Whether shipping with this carrier puts the parcel on the poll's index. */
  public static boolean polled(String carrierName) {
    return Carriers.polled(Carriers.id(carrierName));
  }

  @Override
  public Optional<Parcel> find(String carrier, String trackingNumber) {
    var item = dynamo.getItem(g -> g.tableName(table).key(TableKeys.parcelKey(carrier, trackingNumber))
        .consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  static Parcel fromItem(Map<String, AttributeValue> item) {
    String status = Items.str(item, "lastStatus");
    String reason = Items.str(item, "lastReason");
    return new Parcel(Items.str(item, "carrier"), Items.str(item, "trackingNumber"), Items.str(item, "orderId"),
        Items.instant(item, "shippedAt"), (int) Items.num(item, "polls", 0), (int) Items.num(item, "quietPolls", 0),
        (int) Items.num(item, "outages", 0), status == null ? null : ParcelStatus.valueOf(status),
        reason == null ? null : RefusalReason.valueOf(reason), Items.str(item, "lastCode"),
        Items.instant(item, "lastStatusAt"));
  }

  @Override
  public List<DueParcel> due(int limit) {
    return due.due(KIND, limit).items().stream()
        .map(i -> new DueParcel(DueWorkStore.item(KIND, i), fromItem(i))).toList();
  }

  @Override
  public boolean polled(DueParcel read, Parcel after, Instant nextPoll) {
    if (nextPoll != null) {
      due.announce(KIND, nextPoll);
    }
    List<String> set = new ArrayList<>(List.of("polls = :polls", "quietPolls = :quiet", "outages = :outages",
        "lastPolledAt = :now"));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":polls", Items.n(after.polls()),
        ":quiet", Items.n(after.quietPolls()), ":outages", Items.n(after.outages()),
        ":now", s(clock.instant().toString()), ":read", s(read.at().dueSk())));
    List<String> remove = new ArrayList<>();
    last(after, set, remove, values);
    if (nextPoll != null) {
      set.add("#dpk = :dpk");
      set.add("#dsk = :dsk");
      values.put(":dpk", s(DueWork.partition(KIND, nextPoll)));
      values.put(":dsk", s(DueWork.sortKey(nextPoll, after.carrier() + "#" + after.trackingNumber())));
    } else {
      remove.addAll(List.of("#dpk", "#dsk"));
    }
    String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    try {
      dynamo.updateItem(u -> u.tableName(table).key(TableKeys.parcelKey(after.carrier(), after.trackingNumber()))
          .updateExpression(expression).conditionExpression("#dsk = :read")
          .expressionAttributeNames(Map.of("#dpk", TableKeys.DUE_PK, "#dsk", TableKeys.DUE_SK))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  @Override
  public void reported(Parcel after) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>();
    last(after, set, remove, values);
    Map<String, String> names = new HashMap<>();
    if (after.lastStatus() != null && after.lastStatus().isFinal()) {
      remove.addAll(List.of("#dpk", "#dsk"));
      names.put("#dpk", TableKeys.DUE_PK);
      names.put("#dsk", TableKeys.DUE_SK);
    }
    if (set.isEmpty()) {
      return;
    }
    String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    dynamo.updateItem(u -> u.tableName(table).key(TableKeys.parcelKey(after.carrier(), after.trackingNumber()))
        .updateExpression(expression).conditionExpression("attribute_exists(pk)")
        .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values));
  }

  private static void last(Parcel p, List<String> set, List<String> remove, Map<String, AttributeValue> values) {
    if (p.lastStatus() == null) {
      return;
    }
    set.add("lastStatus = :ls");
    set.add("lastCode = :lc");
    values.put(":ls", s(p.lastStatus().name()));
    values.put(":lc", s(p.lastCode()));
    if (p.lastStatusAt() != null) {
      set.add("lastStatusAt = :lat");
      values.put(":lat", s(p.lastStatusAt().toString()));
    }
    if (p.lastReason() != null) {
      set.add("lastReason = :lr");
      values.put(":lr", s(p.lastReason().name()));
    } else {
      remove.add("lastReason");
    }
  }

  @Override
  public Optional<String> eventOutcome(String carrier, String eventId) {
    var item = dynamo.getItem(g -> g.tableName(table).key(TableKeys.carrierEventKey(carrier, eventId))
        .consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.str(item, "outcome"));
  }

  @Override
  public void eventHandled(String carrier, String eventId, String orderId, String outcome) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.carrierEventKey(carrier, eventId));
    item.put("type", s("CarrierEvent"));
    item.put("orderId", s(orderId));
    item.put("outcome", s(outcome));
    item.put("receivedAt", s(clock.instant().toString()));
    item.put(TableKeys.TTL, Items.n(clock.instant().plus(EVENT_TTL).getEpochSecond()));
    try {
      dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException sameEventMeanwhile) {
      // a concurrent delivery of the same event remembered it first: same effects, nothing to add
    }
  }

  @Override
  public int recordFailure(DueItem item, String error) {
    return due.recordFailure(item, error);
  }

  @Override
  public boolean park(DueItem item, String error) {
    return due.park(item, error);
  }
}
