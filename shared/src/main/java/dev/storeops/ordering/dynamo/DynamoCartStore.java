package dev.storeops.ordering.dynamo;

import dev.storeops.platform.dynamo.Attr;
import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.DueWorkStore;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Carts: {@code CART#<id> / CART}; open carts also carry GSI2 {@code CART#OPEN / <updatedAt>#<id>},
 * so the abandoned-cart flow finds carts by last change without a scan.
 */
public final class DynamoCartStore implements CartStore {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;

  /** Due-work kind of open carts of known customers (each save moves the due time to the save). */
  public static final String ABANDONED_CART = "abandoned-cart";

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
  public Optional<Cart> find(String id) {
    var item = dynamo.getItem(g -> g.tableName(table).key(key(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attr.read(item, Cart.class));
  }

  @Override
  public void save(Cart cart) {
    Map<String, AttributeValue> item = new HashMap<>(Attr.item(cart));
    item.putAll(key(cart.id()));
    item.put("type", s("Cart"));
    if (cart.status() == Cart.Status.OPEN) {
      item.put(TableKeys.GSI2PK, s(TableKeys.OPEN_CARTS));
      item.put(TableKeys.GSI2SK, s(cart.updatedAt() + "#" + cart.id()));
      if (cart.customerId() != null) {
        // abandoned-cart mail: due at the last change; the scheduler reads it N hours later
        due.announce(ABANDONED_CART, cart.updatedAt());
        item.putAll(DueWorkStore.dueAttributes(ABANDONED_CART, cart.updatedAt(), cart.id()));
      }
    }
    try {
      dynamo.putItem(p -> p.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk) OR #s = :open")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":open", s("OPEN"))));
    } catch (ConditionalCheckFailedException e) {
      throw new CartClosedException();
    }
  }

  @Override
  public boolean delete(String id) {
    var old = dynamo.deleteItem(d -> d.tableName(table).key(key(id)).returnValues(ReturnValue.ALL_OLD)).attributes();
    return old != null && !old.isEmpty();
  }
}
