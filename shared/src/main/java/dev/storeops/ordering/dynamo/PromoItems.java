package dev.storeops.ordering.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.Tokens;
import dev.storeops.ordering.promo.AppliedPromo;
import dev.storeops.ordering.promo.PromoCode;
import dev.storeops.ordering.promo.PromoCodes;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Promo code items (docs/money.md): the code {@code PROMO#<code> / PROMO} with its terms and the
 * counter {@code uses}, and a customer's use {@code PROMO#<code> / USE#<sha256(customerId)>} for the
 * codes that allow one use per customer. Checkout reads them; the order's transaction takes a use
 * ({@link #use}), a cancellation before shipping gives it back ({@link #release}).
 */
public final class PromoItems implements PromoCodes {
  public static final String CODE_SK = "PROMO";
  private final DynamoDbClient dynamo;
  private final String table;

  public PromoItems(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public static Map<String, AttributeValue> codeKey(String code) {
    return TableKeys.primaryKey(TableKeys.PROMO.key(code), CODE_SK);
  }

  /** The customer's use: keyed by a hash of the customer id, so the item names nobody. */
  static Map<String, AttributeValue> useKey(String code, String customerId) {
    return TableKeys.primaryKey(TableKeys.PROMO.key(code), "USE#" + Tokens.sha256Hex(customerId));
  }

  /** A promo code item as read: birthday codes written before limits existed ({@code singleUse}) count as 1 use. */
  public static PromoCode read(Map<String, AttributeValue> item) {
    Integer maxUses = null;
    if (item.containsKey("maxUses")) {
      maxUses = (int) Items.num(item, "maxUses", 0);
    } else if (Items.bool(item, "singleUse")) {
      maxUses = 1;
    }
    return new PromoCode(Items.str(item, "code"), Optional.ofNullable(Items.str(item, "kind")).orElse(PromoCode.CAMPAIGN),
        Items.str(item, "campaignId"), Items.str(item, "customerId"),
        item.containsKey("discountPercent") ? Integer.valueOf((int) Items.num(item, "discountPercent", 0)) : null,
        item.containsKey("discountMinor") ? Long.valueOf(Items.num(item, "discountMinor", 0)) : null,
        Items.num(item, "minOrderMinor", 0), instant(item, "validFrom"), instant(item, "expiresAt"), maxUses,
        Items.num(item, "uses", 0), Items.bool(item, "oncePerCustomer"));
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String v = Items.str(item, name);
    return v == null ? null : Instant.parse(v);
  }

  /** The item of a new code (campaign codes; birthday codes are written by the birthday flow). */
  public static Map<String, AttributeValue> item(PromoCode c) {
    Map<String, AttributeValue> item = new HashMap<>(codeKey(c.code()));
    item.put("type", s("Promo"));
    item.put("code", s(c.code()));
    item.put("kind", s(c.kind()));
    Items.putIfPresent(item, "campaignId", c.campaignId());
    Items.putIfPresent(item, "customerId", c.ownerCustomerId());
    if (c.discountPercent() != null) {
      item.put("discountPercent", Items.n(c.discountPercent()));
    }
    if (c.discountMinor() != null) {
      item.put("discountMinor", Items.n(c.discountMinor()));
    }
    item.put("minOrderMinor", Items.n(c.minOrderMinor()));
    Items.putIfPresent(item, "validFrom", c.validFrom() == null ? null : c.validFrom().toString());
    Items.putIfPresent(item, "expiresAt", c.expiresAt() == null ? null : c.expiresAt().toString());
    if (c.maxUses() != null) {
      item.put("maxUses", Items.n(c.maxUses()));
    }
    item.put("uses", Items.n(c.uses()));
    item.put("oncePerCustomer", Items.bool(c.oncePerCustomer()));
    return item;
  }

  @Override
  public Optional<PromoCode> find(String code) {
    var item = dynamo.getItem(g -> g.tableName(table).key(codeKey(code)).consistentRead(true)).item();
    return item == null || item.isEmpty() || !item.containsKey("code") ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public boolean usedBy(String code, String customerId) {
    var item = dynamo.getItem(g -> g.tableName(table).key(useKey(code, customerId)).consistentRead(true)).item();
    return item != null && !item.isEmpty() && !item.containsKey("releasedAt");
  }

  /**
   * The use of the order's code, for the order's transaction: the counter +1 (conditioned on {@code
   * uses < maxUses} for a limited code) and, for a once-per-customer code, the customer's use item
   * (conditioned on none being open). Either condition failing means another order took the use.
   */
  public static List<TransactWriteItem> use(String table, Order order) {
    AppliedPromo p = order.promo();
    List<TransactWriteItem> actions = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Items.n(1), ":zero", Items.n(0),
        ":now", s(order.createdAt().toString())));
    String condition = "attribute_exists(pk)";
    if (p.limited()) {
      // the limit as read at checkout: a limit cannot change after the code was issued
      condition += " AND (attribute_not_exists(uses) OR uses < maxUses OR (attribute_not_exists(maxUses) AND uses < :one))";
    }
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(codeKey(p.code()))
        .updateExpression("SET uses = if_not_exists(uses, :zero) + :one, lastUsedAt = :now")
        .conditionExpression(condition).expressionAttributeValues(values).build()).build());
    if (p.oncePerCustomer()) {
      Map<String, AttributeValue> use = new HashMap<>(useKey(p.code(), order.customerId()));
      use.put("type", s("PromoUse"));
      use.put("code", s(p.code()));
      use.put("orderId", s(order.id()));
      use.put("usedAt", s(order.createdAt().toString()));
      actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(use)
          .conditionExpression("attribute_not_exists(pk) OR attribute_exists(releasedAt)").build()).build());
    }
    return actions;
  }

  /**
   * Gives the order's use back (a cancellation before shipping): the counter −1 and the customer's use
   * marked released, each conditioned on being this order's (never below 0, never another order's use).
   */
  public static List<TransactWriteItem> release(String table, Order order, Instant at) {
    AppliedPromo p = order.promo();
    List<TransactWriteItem> actions = new ArrayList<>();
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(codeKey(p.code()))
        .updateExpression("SET uses = uses - :one")
        .conditionExpression("attribute_exists(pk) AND uses >= :one")
        .expressionAttributeValues(Map.of(":one", Items.n(1))).build()).build());
    if (p.oncePerCustomer()) {
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(useKey(p.code(), order.customerId()))
          .updateExpression("SET releasedAt = :now")
          .conditionExpression("orderId = :order AND attribute_not_exists(releasedAt)")
          .expressionAttributeValues(Map.of(":now", s(at.toString()), ":order", s(order.id()))).build()).build());
    }
    return actions;
  }
}
