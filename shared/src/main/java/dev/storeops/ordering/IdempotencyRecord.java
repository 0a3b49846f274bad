package dev.storeops.ordering;

import java.time.Instant;

/**
 * What an Idempotency-Key produced: the hash of the request it came with and the order it created.
 *
 * @param keyHash SHA-256 of scope + key (the item key)
 * @param requestHash SHA-256 of the canonical request body: the same key with another body is a 422
 * @param sealedToken the order's access token, sealed with the key (see {@link Tokens})
 */
public record IdempotencyRecord(String keyHash, String requestHash, String orderId, String sealedToken,
    Instant createdAt, Instant expiresAt) {}
