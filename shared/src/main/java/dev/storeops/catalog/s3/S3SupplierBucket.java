package dev.storeops.catalog.s3;

import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.catalog.suppliers.IntakeFiles;
import dev.storeops.catalog.suppliers.SupplierContact;
import dev.storeops.catalog.suppliers.SupplierDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The supplier bucket for the intake: the profiles under {@code profiles/} (listed and read on each call:
 * a supplier added or changed counts at once), reads, puts and moves (copy + delete) of objects.
 */
public final class S3SupplierBucket implements IntakeFiles, SupplierDirectory {
  private static final Log LOG = Log.get(S3SupplierBucket.class);
  private static final String PROFILES = "profiles/";
  private final S3Client s3;
  private final String bucket;

  public S3SupplierBucket(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public List<SupplierContact> all() {
    List<SupplierContact> out = new ArrayList<>();
    s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(PROFILES)).contents().forEach(o -> {
      String key = o.key();
      if (!key.endsWith(".json") || key.indexOf('/', PROFILES.length()) >= 0) {
        return;
      }
      String id = key.substring(PROFILES.length(), key.length() - ".json".length());
      read(key).ifPresent(bytes -> {
        try {
          SupplierContact c = Json.mapper().readValue(bytes, SupplierContact.class);
          // the key names the supplier, as for the import
          out.add(new SupplierContact(id, c.senders(), c.feed()));
        } catch (IOException e) {
          LOG.warn("supplier profile not readable, left out", "key", key, "error", e.getClass().getSimpleName());
        }
      });
    });
    return out;
  }

  @Override
  public Optional<byte[]> read(String key) {
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void put(String key, byte[] body, String contentType) {
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(body));
  }

  @Override
  public void put(String key, Path file, String contentType) {
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
  }

  @Override
  public boolean move(String fromKey, String toKey) {
    try {
      s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket).destinationKey(toKey));
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
    s3.deleteObject(b -> b.bucket(bucket).key(fromKey));
    return true;
  }
}
