package dev.storeops.stockimport.aws;

import dev.storeops.catalog.s3.S3SupplierBucket;
import dev.storeops.stockimport.core.SupplierFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/** The import's port to the supplier bucket, over the one S3 access to it ({@link S3SupplierBucket}). */
public final class S3SupplierFiles implements SupplierFiles {
  private final S3SupplierBucket bucket;

  public S3SupplierFiles(S3Client s3, String bucket) {
    this.bucket = new S3SupplierBucket(s3, bucket);
  }

  @Override
  public Optional<byte[]> read(String key) {
    return bucket.read(key);
  }

  @Override
  public Download download(String key, String versionId, long maxBytes, Path target) throws IOException {
    return switch (bucket.download(key, versionId, maxBytes, target)) {
      case OK -> Download.OK;
      case MISSING -> Download.MISSING;
      case TOO_LARGE -> Download.TOO_LARGE;
    };
  }

  @Override
  public void put(String key, byte[] body, String contentType) {
    bucket.put(key, body, contentType);
  }

  @Override
  public void put(String key, Path file, String contentType) {
    bucket.put(key, file, contentType);
  }

  @Override
  public boolean move(String fromKey, String versionId, String toKey) {
    return bucket.move(fromKey, versionId, toKey);
  }
}
