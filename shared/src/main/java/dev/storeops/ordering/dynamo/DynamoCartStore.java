package dev.storeops.ordering.dynamo;

import dev.storeops.platform.dynamo.Attr;
import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.ordering.Cart;
import dev.storeops.ordering.CartStore;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Carts: {@code CART#<id> / CART} with {@code tokenHash} (SHA-256 of the cart token); open carts also carry GSI2 {@code CART#OPEN / <updatedAt>#<id>},
 * so the abandoned-cart flow finds carts by last change without a scan.
 *
 * <p>A deleted cart is a tombstone, not a {@code DeleteItem} (the public order-api has no delete
 * permission on the table): status {@code DELETED}, {@code deletedAt}, out of the open-cart and due
 * indexes, and a {@code ttl} of now, so DynamoDB's TTL removes the item (within days); until then
 * reads treat it as absent and a new {@code PUT} of the same id starts a fresh cart.
 */
public final class DynamoCartStore implements CartStore {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;

  /** Due-work kind of open carts of known customers (each save moves the due time to the save). */
  public static final String ABANDONED_CART = "abandoned-cart";
  /** Status and attribute of a deleted cart's tombstone. */
  static final String DELETED = "DELETED";
  static final String DELETED_AT = "deletedAt";
  private final Clock clock = Clock.systemUTC();
  private static final String TOKEN_HASH = "tokenHash";

  public DynamoCartStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Clock.systemUTC());
  }

  /** With the clock that dates the carts' due work (tests and the simulation move it). */
  public DynamoCartStore(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = new DueWorkStore(dynamo, table, clock);
  }

  public static Map<String, AttributeValue> key(String id) {
    return TableKeys.primaryKey(TableKeys.CART.key(id), "CART");
  }

  @Override
  public Optional<Stored> findStored(String id) {
    return stored(dynamo.getItem(g -> g.tableName(table).key(key(id)).consistentRead(true)).item());
  }

  /** A cart item as read (empty for none or a deleted cart's tombstone). */
  public static Optional<Stored> stored(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty() || item.containsKey(DELETED_AT)) {
      return Optional.empty();
    }
    Map<String, AttributeValue> fields = new HashMap<>(item);
    fields.remove(TOKEN_HASH);
    return Optional.of(new Stored(Attr.read(fields, Cart.class), Items.str(item, TOKEN_HASH)));
  }

  @Override
  public void save(Cart cart, String tokenHash) {
    Map<String, AttributeValue> item = new HashMap<>(Attr.item(cart));
    Items.putIfPresent(item, TOKEN_HASH, tokenHash);
    item.putAll(key(cart.id()));
    item.put("type", s("Cart"));
    if (cart.customerId() != null) {
      item.putAll(TableKeys.aboutCustomer(cart.customerId(), TableKeys.CART, cart.id()));
    }
    if (cart.status() == Cart.Status.OPEN) {
      item.put(TableKeys.GSI2PK, s(TableKeys.OPEN_CARTS));
      item.put(TableKeys.GSI2SK, s(cart.updatedAt() + "#" + cart.id()));
      if (cart.customerId() != null) {
        // abandoned-cart mail: due at the last change; the scheduler reads it N hours later
        due.announce(ABANDONED_CART, cart.updatedAt());
        item.putAll(DueWorkStore.dueAttributes(ABANDONED_CART, cart.updatedAt(), cart.id()));
      }
    }
    // a new cart may replace a deleted cart's tombstone
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":open", s("OPEN"), ":deleted", s(DELETED)));
    String condition = "attribute_not_exists(pk) OR #s = :deleted OR #s = :open";
    if (tokenHash != null) {
      // replaced only while it still has this token (the service checked it; this closes the race)
      condition = "attribute_not_exists(pk) OR #s = :deleted OR (#s = :open AND tokenHash = :token)";
      values.put(":token", s(tokenHash));
    }
    String cond = condition;
    try {
      dynamo.putItem(p -> p.tableName(table).item(item)
          .conditionExpression(cond)
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException e) {
      throw new CartClosedException();
    }
  }

  @Override
  public boolean delete(String id, String tokenHash) {
    long now = clock.instant().getEpochSecond();
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key(id))
          .updateExpression("SET #s = :deleted, " + DELETED_AT + " = :now, #ttl = :ttl"
              + " REMOVE gsi2pk, gsi2sk, duePk, dueSk")
          .conditionExpression("attribute_exists(pk) AND attribute_not_exists(" + DELETED_AT + ") AND "
              + TOKEN_HASH + " = :token")
          .expressionAttributeNames(Map.of("#s", "status", "#ttl", TableKeys.TTL))
          .expressionAttributeValues(Map.of(":deleted", s(DELETED), ":now", s(clock.instant().toString()),
              ":ttl", Items.n(now), ":token", s(tokenHash))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
