package dev.storeops.ordering;

import dev.storeops.catalog.Identifiers;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.ids.Ids;
import dev.storeops.platform.ids.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Saves, reads and deletes storefront carts. The first save of a cart id creates the cart and returns
 * its cart token once (only the hash is stored); every later read, save or delete needs that token —
 * without it the cart is "not found". The storefront may choose the token itself and send it with the
 * first save ({@link #clientChosen}): then a retry of that save after a lost answer is an ordinary save
 * with the cart's token and finds the same cart (never an orphan). A customer is attached to a cart only with that customer's own
 * access token, so nobody can make the shop mail a stranger about a cart.
 */
public final class CartService {
  /** The body of {@code PUT /carts/{id}}. */
  public record CartRequest(String customerId, List<OrderRequest.LineRequest> lines) {}

  /** A saved cart; {@code cartToken} only when this save created it (shown once). */
  public record Saved(Cart cart, String cartToken) {}

  /** Attaching {@code customerId} needs that customer's own access token, and none (or a wrong one) came. */
  public static final class CustomerNotProven extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CustomerNotProven() {
      super("customer credential required", null, false, false);
    }
  }

  private final CartStore store;
  private final OrderLimits limits;
  private final Clock clock;
  private final BiPredicate<String, String> customerCredential;

  /**
   * @param customerCredential whether a token is the access token of a customer id (customer id, token)
   */
  public CartService(CartStore store, OrderLimits limits, Clock clock, BiPredicate<String, String> customerCredential) {
    this.store = store;
    this.limits = limits;
    this.clock = clock;
    this.customerCredential = customerCredential;
  }

  /**
   * Creates or replaces cart {@code id}.
   *
   * @param cartToken the cart's token (required once the cart exists)
   * @param customerToken the access token of the customer being attached (required when {@code
   *     customerId} is new on this cart)
   */
  public Saved put(String id, CartRequest request, String cartToken, String customerToken) {
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
    CartStore.Stored existing = store.findStored(id).orElse(null);
    String newToken = null;
    String tokenHash;
    if (existing == null) {
      // a token the storefront chose itself makes the create retry-safe: a retry after a lost answer
      // carries it and finds its cart (docs/api.md, "Carts")
      newToken = clientChosen(cartToken) ? cartToken : Ids.token(24);
      tokenHash = TokenHash.of(newToken);
    } else if (TokenHash.matches(cartToken, existing.tokenHash())) {
      tokenHash = existing.tokenHash();
      if (existing.cart().status() == Cart.Status.ORDERED) {
        throw ordered();
      }
    } else {
      throw new NotFound("Cart " + id);
    }
    boolean attaching = customerId != null && (existing == null || !customerId.equals(existing.cart().customerId()));
    if (attaching && (customerToken == null || !customerCredential.test(customerId, customerToken))) {
      throw new CustomerNotProven();
    }
    Cart cart = new Cart(id, customerId, lines, Cart.Status.OPEN, null,
        existing == null ? now : existing.cart().createdAt(), now);
    try {
      store.save(cart, tokenHash);
    } catch (CartStore.CartClosedException e) {
      throw ordered();
    }
    return new Saved(cart, newToken);
  }

  /** Shortest cart token a storefront may choose (about 143 bits as letters and digits). */
  public static final int CLIENT_TOKEN_MIN = 24;

  /**
   * Whether {@code token} may be the token of a new cart, chosen by the storefront: {@value
   * #CLIENT_TOKEN_MIN}–128 characters of letters, digits, '-' and '_' (a random value, never derived from
   * the cart id). Anything else is ignored on create and the shop chooses the token.
   */
  static boolean clientChosen(String token) {
    return token != null && token.length() >= CLIENT_TOKEN_MIN && token.length() <= 128
        && token.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
  }

  /** The cart, when {@code cartToken} is its token; otherwise 404 (existence is not revealed). */
  public Cart get(String id, String cartToken) {
    return store.findStored(id).filter(s -> TokenHash.matches(cartToken, s.tokenHash())).map(CartStore.Stored::cart)
        .orElseThrow(() -> new NotFound("Cart " + id));
  }

  public void delete(String id, String cartToken) {
    if (cartToken == null || cartToken.isBlank() || !store.delete(id, TokenHash.of(cartToken))) {
      throw new NotFound("Cart " + id);
    }
  }

  /**
   * What the storefront sees of a cart: no customer id or other personal data, only whether a customer
   * is attached; the cart token only in the response that created it.
   */
  public static Map<String, Object> view(Cart cart, String cartToken) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", cart.id());
    view.put("lines", cart.lines());
    view.put("status", cart.status());
    if (cart.orderId() != null) {
      view.put("orderId", cart.orderId());
    }
    view.put("customerAttached", cart.customerId() != null);
    view.put("createdAt", cart.createdAt());
    view.put("updatedAt", cart.updatedAt());
    if (cartToken != null) {
      view.put("cartToken", cartToken);
    }
    return view;
  }

  private static Conflict ordered() {
    return new Conflict("cart-ordered", "An order was already made from this cart; start a new cart.",
        List.of(new FieldError("id", "was already ordered")));
  }
}
