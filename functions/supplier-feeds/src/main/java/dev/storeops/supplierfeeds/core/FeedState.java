package dev.storeops.supplierfeeds.core;

import java.time.Instant;

/**
 * What the intake remembers of a supplier's feed: the last attempt (for the schedule), the validators the
 * server sent ({@code ETag}, {@code Last-Modified}) for the next conditional request, and the SHA-256 of
 * the last file stored (a server that ignores the validators still writes nothing when the file is the same).
 */
public record FeedState(String supplierId, String url, Instant lastAttemptAt, String etag, String lastModified,
    String sha256, String lastStatus, String lastKey) {

  public static FeedState none(String supplierId) {
    return new FeedState(supplierId, null, null, null, null, null, null, null);
  }
}
