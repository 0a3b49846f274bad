package dev.storeops.ordering.dynamo;

import dev.storeops.catalog.CatalogSnapshot;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.PurchaseCosts;
import dev.storeops.catalog.StockLevel;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.catalog.dynamo.DynamoPurchaseCosts;
import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.ordering.CartStore;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.OrderIntakeReads;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.retry.Retry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The reads of {@code POST /orders} in one strongly consistent BatchGetItem per 100 keys: idempotency
 * record, customer profile or e-mail claim, cart, products, and the stock items SKU × warehouse (keys
 * computed from the warehouses asked, no Query). Keys DynamoDB leaves unprocessed are asked again after
 * the platform's back-off ({@link Retry#backOff}).
 */
public final class DynamoOrderIntakeReads implements OrderIntakeReads {
  /** BatchGetItem's limit of keys per request. */
  static final int KEYS_PER_CALL = 100;
  private static final int UNPROCESSED_ATTEMPTS = 8;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoOrderIntakeReads(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Found read(Ask ask) {
    List<String> skus = new ArrayList<>(new LinkedHashSet<>(ask.skus()));
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    Map<String, AttributeValue> idemKey = ask.idempotencyKeyHash() == null ? null
        : DynamoOrderStore.idempotencyKey(ask.idempotencyKeyHash());
    Map<String, AttributeValue> customerKey = ask.customerId() == null ? null : DynamoCustomerStore.profileKey(ask.customerId());
    Map<String, AttributeValue> emailKey = ask.customerId() != null || ask.email() == null ? null
        : DynamoCustomerStore.emailClaimKey(ask.email());
    Map<String, AttributeValue> cartKey = ask.cartId() == null ? null : DynamoCartStore.key(ask.cartId());
    for (var k : java.util.Arrays.asList(idemKey, customerKey, emailKey, cartKey)) {
      if (k != null) {
        keys.add(k);
      }
    }
    for (String sku : skus) {
      keys.add(DynamoCatalog.productKey(sku));
      for (String warehouse : new LinkedHashSet<>(ask.warehouses())) {
        keys.add(TableKeys.stockKey(sku, warehouse));
      }
    }
    Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
    for (var item : batchGet(keys)) {
      byKey.put(id(item), item);
    }
    Optional<IdempotencyRecord> idempotency = idemKey == null ? Optional.empty()
        : DynamoOrderStore.idempotency(byKey.get(id(idemKey)), clock.instant());
    Optional<Customer> customer = customerKey == null ? Optional.empty()
        : Optional.ofNullable(byKey.get(id(customerKey))).map(DynamoCustomerStore::fromItem);
    Optional<String> idByEmail = emailKey == null ? Optional.empty()
        : Optional.ofNullable(byKey.get(id(emailKey))).map(i -> Items.str(i, "customerId"));
    Optional<CartStore.Stored> cart = cartKey == null ? Optional.empty() : DynamoCartStore.stored(byKey.get(id(cartKey)));
    Map<String, Product> products = new LinkedHashMap<>();
    Map<String, List<StockLevel>> stock = new HashMap<>();
    Map<PurchaseCosts.Source, PurchaseCosts.Supplied> supplied = new HashMap<>();
    for (String sku : skus) {
      var product = byKey.get(id(DynamoCatalog.productKey(sku)));
      if (product != null) {
        products.put(sku, DynamoCatalog.product(product));
      }
      List<StockLevel> levels = new ArrayList<>();
      for (String warehouse : new LinkedHashSet<>(ask.warehouses())) {
        var item = byKey.get(id(TableKeys.stockKey(sku, warehouse)));
        if (item != null) {
          levels.add(DynamoCatalog.stockLevel(sku, item));
          supplied.put(new PurchaseCosts.Source(sku, warehouse), DynamoPurchaseCosts.supplied(item));
        }
      }
      stock.put(sku, levels);
    }
    return new Found(idempotency, customer, idByEmail, cart, new CatalogSnapshot(products, stock), supplied);
  }

  /**
   * Every key in calls of at most 100 keys; more than one call are sent side by side (one round trip
   * of waiting: a 40-line order with two registered warehouses has 122 keys).
   */
  private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
    if (keys.size() <= KEYS_PER_CALL) {
      return batchGetChunk(keys);
    }
    List<List<Map<String, AttributeValue>>> chunks = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_CALL) {
      chunks.add(keys.subList(from, Math.min(from + KEYS_PER_CALL, keys.size())));
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<List<Map<String, AttributeValue>>>> answers = new ArrayList<>();
      for (var chunk : chunks) {
        answers.add(pool.submit(() -> batchGetChunk(chunk)));
      }
      for (var answer : answers) {
        items.addAll(answer.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the order's items", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    return items;
  }

  private List<Map<String, AttributeValue>> batchGetChunk(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true)
        .build());
    for (int attempt = 1; !request.isEmpty(); attempt++) {
      if (attempt > 1) {
        if (attempt > UNPROCESSED_ATTEMPTS) {
          throw new dev.storeops.platform.errors.Busy("busy",
              "The shop is busy; repeat the request with the same Idempotency-Key.");
        }
        Retry.backOff(attempt - 1); // DynamoDB left keys unprocessed (throttled): ask again after a pause
      }
      Map<String, KeysAndAttributes> current = request;
      var response = dynamo.batchGetItem(b -> b.requestItems(current));
      items.addAll(response.responses().getOrDefault(table, List.of()));
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return items;
  }

  private static String id(Map<String, AttributeValue> keyOrItem) {
    return keyOrItem.get(TableKeys.PK).s() + "\u0000" + keyOrItem.get(TableKeys.SK).s();
  }
}
