package dev.storeops.supplierfeeds.core;

import java.nio.file.Path;

/** Fetches a feed's URL with the validators of the last fetch, into a file, within a size limit and a timeout. */
public interface FeedClient {

  /** {@code status}: {@code fetched} (file, sha256), {@code not-modified} (HTTP 304) or {@code failed} (reason). */
  record Response(String status, Path file, long bytes, String sha256, String etag, String lastModified,
      String contentType, String fileName, String reason) {
    public static final String FETCHED = "fetched";
    public static final String NOT_MODIFIED = "not-modified";
    public static final String FAILED = "failed";

    public static Response failed(String reason) {
      return new Response(FAILED, null, 0, null, null, null, null, null, reason);
    }
  }

  Response fetch(String url, String etag, String lastModified, Path target);
}
