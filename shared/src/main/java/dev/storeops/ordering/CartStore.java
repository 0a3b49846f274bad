package dev.storeops.ordering;

import java.util.Optional;

/** Where carts are kept. */
public interface CartStore {
  /** A cart with the SHA-256 of its cart token ({@code null} for a cart saved without one). */
  record Stored(Cart cart, String tokenHash) {}

  Optional<Stored> findStored(String id);

  default Optional<Cart> find(String id) {
    return findStored(id).map(Stored::cart);
  }

  /**
   * Saves an open cart: creates it, or replaces it when it is open and still has {@code tokenHash};
   * {@link CartClosedException} when it was already ordered (or its token changed meanwhile).
   */
  void save(Cart cart, String tokenHash);

  /** Saves an open cart without a cart token (internal use and tests). */
  default void save(Cart cart) {
    save(cart, null);
  }

  /** Deletes the cart when {@code tokenHash} is its token's hash; false when there was no such cart. */
  boolean delete(String id, String tokenHash);

  final class CartClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CartClosedException() {
      super("cart already ordered", null, false, false);
    }
  }
}
