package dev.storeops.catalog;

import java.time.Clock;
import java.time.Instant;

/** {@code POST /staff/suppliers/{id}/uploads}: a presigned PUT into the supplier's drop zone ({@link SupplierUploadPolicy}). */
public final class UploadSupplierFile {
  private final SupplierFileStore files;
  private final Clock clock;

  public UploadSupplierFile(SupplierFileStore files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  /** The body of the request. */
  public record Request(String fileName) {}

  /** Where and how to PUT the file, and until when. */
  public record Upload(String supplierId, String key, String method, String uploadUrl, Instant expiresAt) {}

  public Upload start(String supplierId, Request request) {
    Instant now = clock.instant();
    String key = SupplierUploadPolicy.key(supplierId, request == null ? null : request.fileName(),
        dev.storeops.catalog.Identifiers.validId(supplierId) && files.hasProfile(supplierId), now);
    return new Upload(supplierId, key, "PUT", files.presignPut(key, SupplierUploadPolicy.TTL).toString(),
        now.plus(SupplierUploadPolicy.TTL));
  }
}
