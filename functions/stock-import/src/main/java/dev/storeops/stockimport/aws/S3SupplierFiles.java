package dev.storeops.stockimport.aws;

import dev.storeops.stockimport.core.SupplierFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The supplier bucket through S3: streamed downloads with a byte cap, copy + delete for moves. */
public final class S3SupplierFiles implements SupplierFiles {
  private final S3Client s3;
  private final String bucket;

  public S3SupplierFiles(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
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
  public Download download(String key, String versionId, long maxBytes, Path target) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key)
        .versionId(blankToNull(versionId)))) {
      Long length = in.response().contentLength();
      if (length != null && length > maxBytes) {
        in.abort();
        return Download.TOO_LARGE;
      }
      return copy(in, target, maxBytes) ? Download.OK : abort(in);
    } catch (NoSuchKeyException e) {
      return Download.MISSING;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Download.MISSING;
      }
      throw e;
    }
  }

  private static Download abort(ResponseInputStream<?> in) {
    in.abort();
    return Download.TOO_LARGE;
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
