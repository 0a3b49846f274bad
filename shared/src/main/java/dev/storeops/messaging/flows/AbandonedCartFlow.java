package dev.storeops.messaging.flows;

import dev.storeops.catalog.Catalog;
import dev.storeops.catalog.CatalogSnapshot;
import dev.storeops.catalog.Product;
import dev.storeops.customers.Customer;
import dev.storeops.ordering.Cart;
import dev.storeops.ordering.CartStore;
import dev.storeops.catalog.Money;
import dev.storeops.ordering.ValidOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Abandoned cart rule: an open cart of a known customer is due (kind {@code abandoned-cart}) at its
 * last save; the flow reads the index with a clock lagged by {@code ABANDONED_CART_HOURS} (default
 * 10 hours), so a cart is handled N hours after its last change. An order from the cart closed it
 * (and removed its due keys in the order's transaction); any order by the customer at or after the
 * last save stops it too. One reminder per cart: {@code abandoned-cart#<customerId>#<cartId>}.
 */
public final class AbandonedCartFlow extends DueMailFlow<DueCart> {
  public static final String FLOW = "abandoned-cart";
  private final CartStore carts;
  private final Catalog catalog;

  /** {@code laggedDue}: the carts due at now − the abandoned-cart delay. */
  public AbandonedCartFlow(Deps deps, DueQueue<DueCart> laggedDue, CartStore carts, Catalog catalog) {
    super(deps, laggedDue, FLOW);
    this.carts = carts;
    this.catalog = catalog;
  }

  @Override
  Outcome handle(DueCart item) {
    Optional<Cart> found = carts.find(item.cartId());
    if (found.isEmpty() || found.get().status() != Cart.Status.OPEN || found.get().customerId() == null) {
      clear(item.due());
      return Outcome.GONE;
    }
    Cart cart = found.get();
    Instant lastOrder = deps.flows().latestOrderAt(cart.customerId());
    if (MailFlowRules.orderedSince(lastOrder, cart.updatedAt())) {
      clear(item.due());
      return Outcome.STOPPED_BY_ORDER;
    }
    Optional<Customer> customer = consenting(cart.customerId());
    if (customer.isEmpty()) {
      clear(item.due());
      return Outcome.NO_CONSENT;
    }
    CatalogSnapshot snapshot = catalog.snapshot(cart.lines().stream().map(ValidOrder.Line::sku).toList());
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ValidOrder.Line l : cart.lines()) {
      Product p = snapshot.products().get(l.sku());
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("sku", l.sku());
      line.put("name", p == null ? l.sku() : p.name());
      line.put("qty", l.qty());
      line.put("priceText", p == null ? "" : Money.rub(p.priceMinor()));
      lines.add(line);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerName", customer.get().name());
    data.put("lines", lines);
    data.put("cartUrl", deps.publicBaseUrl() + "/cart/" + cart.id());
    deps.outbox().send(marketing(FLOW + "#" + cart.customerId() + "#" + cart.id(), "abandoned-cart", customer.get(),
        data));
    clear(item.due());
    return Outcome.PLANNED;
  }
}
