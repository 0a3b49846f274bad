package dev.storeops.ordering;

import dev.storeops.catalog.Identifiers;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import dev.storeops.platform.errors.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Saves, reads and deletes storefront carts. */
public final class CartService {
  /** The body of {@code PUT /carts/{id}}. */
  public record CartRequest(String customerId, List<OrderRequest.LineRequest> lines) {}

  private final CartStore store;
  private final OrderLimits limits;
  private final Clock clock;

  public CartService(CartStore store, OrderLimits limits, Clock clock) {
    this.store = store;
    this.limits = limits;
    this.clock = clock;
  }

  public Cart put(String id, CartRequest request) {
    Validation v = new Validation();
    if (!Identifiers.validId(id)) {
      v.error("id", "must be 1-64 characters of letters, digits, '-' and '_'");
    }
    String customerId = request.customerId() == null || request.customerId().isBlank() ? null : request.customerId().trim();
    if (customerId != null && !Identifiers.validId(customerId)) {
      v.error("customerId", "is not a valid customer id");
    }
    List<ValidOrder.Line> lines = OrderRules.lines(request.lines(), limits, v, "lines");
    v.throwIfInvalid();
    Instant now = clock.instant();
    Cart existing = store.find(id).orElse(null);
    Cart cart = new Cart(id, customerId, lines, Cart.Status.OPEN, null,
        existing == null ? now : existing.createdAt(), now);
    try {
      store.save(cart);
    } catch (CartStore.CartClosedException e) {
      throw new Conflict("cart-ordered", "An order was already made from this cart; start a new cart.",
          List.of(new FieldError("id", "was already ordered")));
    }
    return cart;
  }

  public Cart get(String id) {
    return store.find(id).orElseThrow(() -> new NotFound("Cart " + id));
  }

  public void delete(String id) {
    if (!store.delete(id)) {
      throw new NotFound("Cart " + id);
    }
  }
}
