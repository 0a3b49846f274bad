package dev.storeops.fulfilment.providers;

import java.util.Map;
import java.util.Optional;

/**
 * The part of YooKassa's API v3 storeops calls (Basic auth {@code shopId:secretKey}): create a payment
 * ({@code POST /payments} with an {@code Idempotence-Key}), read a payment ({@code GET /payments/{id}}) and
 * a refund ({@code GET /refunds/{id}}). Implemented over HTTP by {@code fulfilment/yookassa/HttpYooKassaApi}.
 */
public interface YooKassaApi {
  /** A payment as the API returns it (amount in kopecks; {@code orderId} from {@code metadata.orderId}). */
  record Payment(String id, String status, long amountMinor, String currency, String orderId, String confirmationUrl) {}

  /** A refund as the API returns it. */
  record Refund(String id, String paymentId, String status, long amountMinor, String currency) {}

  /** Creates (or, with the same key within 24 h, returns again) the payment described by {@code request}. */
  Payment create(String idempotenceKey, Map<String, Object> request);

  /** The payment, or empty when YooKassa does not know it (404). */
  Optional<Payment> payment(String id);

  /**
   * Creates (or, with the same key, returns again) a refund of {@code amountMinor} of the payment
   * ({@code POST /refunds}: {@code payment_id}, {@code amount}, {@code description}).
   */
  Refund createRefund(String idempotenceKey, String paymentId, long amountMinor, String currency, String description);

  /** The refund, or empty when YooKassa does not know it (404). */
  Optional<Refund> refund(String id);
}
