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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Carts: {@code CART#<id> / CART} with {@code tokenHash} (SHA-256 of the cart token); open carts also carry GSI2 {@code CART#OPEN / <updatedAt>#<id>},
 * so the abandoned-cart flow finds carts by last change without a scan.
 */
public final class DynamoCartStore implements CartStore {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;

  /** Due-work kind of open carts of known customers (each save moves the due time to the save). */
  public static final String ABANDONED_CART = "abandoned-cart";
  private static final String TOKEN_HASH = "tokenHash";

  public DynamoCartStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = new DueWorkStore(dynamo, table, Clock.systemUTC());
  }

  public static Map<String, AttributeValue> key(String id) {
    return TableKeys.primaryKey(TableKeys.CART.key(id), "CART");
  }

  @Override
  public Optional<Stored> findStored(String id) {
    var item = dynamo.getItem(g -> g.tableName(table).key(key(id)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
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
    if (cart.status() == Cart.Status.OPEN) {
      item.put(TableKeys.GSI2PK, s(TableKeys.OPEN_CARTS));
      item.put(TableKeys.GSI2SK, s(cart.updatedAt() + "#" + cart.id()));
      if (cart.customerId() != null) {
        // abandoned-cart mail: due at the last change; the scheduler reads it N hours later
        due.announce(ABANDONED_CART, cart.updatedAt());
        item.putAll(DueWorkStore.dueAttributes(ABANDONED_CART, cart.updatedAt(), cart.id()));
      }
    }
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":open", s("OPEN")));
    String condition = "attribute_not_exists(pk) OR #s = :open";
    if (tokenHash != null) {
      // replaced only while it still has this token (the service checked it; this closes the race)
      condition = "attribute_not_exists(pk) OR (#s = :open AND tokenHash = :token)";
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
    try {
      var old = dynamo.deleteItem(d -> d.tableName(table).key(key(id)).returnValues(ReturnValue.ALL_OLD)
          .conditionExpression("tokenHash = :token")
          .expressionAttributeValues(Map.of(":token", s(tokenHash)))).attributes();
      return old != null && !old.isEmpty();
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
