package dev.storeops.catalog.s3;

import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.catalog.suppliers.IntakeFiles;
import dev.storeops.catalog.suppliers.SupplierContact;
import dev.storeops.catalog.suppliers.SupplierDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The supplier bucket through S3, the one access to it for the intake (supplier-inbox, supplier-feeds) and the
 * import (stock-import, through its {@code S3SupplierFiles}): the profiles under {@code profiles/} (listed and
 * read on each call: a supplier added or changed counts at once), reads, streamed downloads with a byte cap,
 * puts and moves (copy + delete, of a given version or the latest) of objects. A missing object (404) is an
 * answer, not an error.
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

  /** The outcome of {@link #download}: the bytes are in the target file only for {@link #OK}. */
  public enum Download { OK, MISSING, TOO_LARGE }

  /**
   * Copies the object (the given version; blank: the latest) to {@code target}, stopping (TOO_LARGE) as soon
   * as more than {@code maxBytes} arrive, or at once when its length says so.
   */
  public Download download(String key, String versionId, long maxBytes, Path target) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key)
        .versionId(blankToNull(versionId)))) {
      Long length = in.response().contentLength();
      if (length != null && length > maxBytes) {
        in.abort();
        return Download.TOO_LARGE;
      }
      if (copy(in, target, maxBytes)) {
        return Download.OK;
      }
      in.abort();
      return Download.TOO_LARGE;
    } catch (NoSuchKeyException e) {
      return Download.MISSING;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Download.MISSING;
      }
      throw e;
    }
  }

  private static boolean copy(InputStream in, Path target, long maxBytes) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          return false;
        }
        out.write(buffer, 0, n);
      }
    }
    return true;
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
    return move(fromKey, null, toKey);
  }

  /** Copy of the given version (blank: the latest) + delete; false when the source is gone. */
  public boolean move(String fromKey, String versionId, String toKey) {
    try {
      s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(fromKey).sourceVersionId(blankToNull(versionId))
          .destinationBucket(bucket).destinationKey(toKey));
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
