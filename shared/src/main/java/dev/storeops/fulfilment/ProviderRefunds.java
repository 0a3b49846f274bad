package dev.storeops.fulfilment;

/**
 * The payment provider's refund API as the returns see it (implemented for YooKassa by
 * {@code fulfilment/providers/YooKassaRefunds}). The idempotence key makes a repeated call return the
 * same refund instead of paying twice.
 */
public interface ProviderRefunds {
  /** A refund as the provider answers: its id and status ({@code pending}, {@code succeeded}, {@code canceled}). */
  record Refund(String id, String status) {}

  Refund refund(String idempotenceKey, String paymentId, long amountMinor, String currency, String description);
}
