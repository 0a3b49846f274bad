package dev.storeops.ordering;

import java.util.Optional;

/** Where carts are kept. */
public interface CartStore {
  Optional<Cart> find(String id);

  /** Saves an open cart; {@link CartClosedException} when the cart was already ordered. */
  void save(Cart cart);

  /** Deletes the cart; false when there was none. */
  boolean delete(String id);

  final class CartClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CartClosedException() {
      super("cart already ordered", null, false, false);
    }
  }
}
