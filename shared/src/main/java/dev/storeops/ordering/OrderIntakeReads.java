package dev.storeops.ordering;

import dev.storeops.catalog.CatalogSnapshot;
import dev.storeops.catalog.PurchaseCosts;
import dev.storeops.customers.Customer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code POST /orders} reads before it writes, read together (DynamoDB: one BatchGetItem
 * for up to 100 keys): the idempotency record, the customer (by id, or the e-mail claim), the cart,
 * the products and their stock items in the warehouses named in the ask (their keys are computed, no
 * Query). Stock of a SKU in a warehouse not named is not read here (docs/orders.md, "The hot path").
 */
public interface OrderIntakeReads {
  /**
   * What to read; a {@code null} field (or an empty list) is not read.
   *
   * @param email the new customer's e-mail when no {@code customerId} is given: its claim is read
   * @param warehouses the warehouse ids whose stock items of each SKU are read
   */
  record Ask(String idempotencyKeyHash, String customerId, String email, String cartId, List<String> skus,
      List<String> warehouses) {
    public Ask {
      skus = List.copyOf(skus);
      warehouses = List.copyOf(warehouses);
    }

    /** Only the products and stock (a retried attempt). */
    public static Ask catalogOnly(List<String> skus, List<String> warehouses) {
      return new Ask(null, null, null, null, skus, warehouses);
    }
  }

  /**
   * What was found. {@code catalog.stock()} has an entry (possibly empty) for every SKU asked;
   * {@code supplied} names, for each stock item found, its supplier and older price column, so the
   * purchase costs need not read the stock items again.
   */
  record Found(Optional<IdempotencyRecord> idempotency, Optional<Customer> customer, Optional<String> customerIdByEmail,
      Optional<CartStore.Stored> cart, CatalogSnapshot catalog, Map<PurchaseCosts.Source, PurchaseCosts.Supplied> supplied) {}

  Found read(Ask ask);
}
