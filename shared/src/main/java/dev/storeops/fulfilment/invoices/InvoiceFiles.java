package dev.storeops.fulfilment.invoices;

import java.time.Duration;

/** Where invoices are kept (S3: {@code fulfilment/s3/S3InvoiceFiles}). */
public interface InvoiceFiles {
  boolean exists(String orderId);

  void put(String orderId, byte[] pdf);

  /** A short-lived download URL of an existing invoice. */
  String presignedGet(String orderId, Duration ttl);
}
