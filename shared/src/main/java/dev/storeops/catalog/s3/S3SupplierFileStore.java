package dev.storeops.catalog.s3;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.storeops.catalog.SupplierFileStore;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The supplier bucket for staff: profiles ({@code profiles/<id>.json}), import reports ({@code
 * reports/<id>/<stamp>-<file>.json}, listed from a start key so only the window asked is read) and
 * presigned GET/PUT links (SigV4 query signature; the function's own credentials sign them).
 */
public final class S3SupplierFileStore implements SupplierFileStore {
  private static final String PROFILES = "profiles/";
  private static final String REPORTS = "reports/";
  private static final String JSON = ".json";
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public S3SupplierFileStore(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  @Override
  public boolean hasProfile(String supplierId) {
    try {
      s3.headObject(h -> h.bucket(bucket).key(PROFILES + supplierId + JSON));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public List<String> suppliers() {
    TreeSet<String> out = new TreeSet<>();
    s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(PROFILES)).contents().forEach(o -> {
      String key = o.key();
      if (key.endsWith(JSON) && key.indexOf('/', PROFILES.length()) < 0) {
        out.add(key.substring(PROFILES.length(), key.length() - JSON.length()));
      }
    });
    // suppliers whose files were imported (or refused) without a profile: one common prefix each
    s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(REPORTS).delimiter("/")).commonPrefixes()
        .forEach(p -> out.add(p.prefix().substring(REPORTS.length(), p.prefix().length() - 1)));
    return new ArrayList<>(out);
  }

  @Override
  public List<String> reportNames(String supplierId, String afterName) {
    String prefix = REPORTS + supplierId + "/";
    List<String> names = new ArrayList<>();
    s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix).startAfter(prefix + afterName)).contents()
        .forEach(o -> {
          String rest = o.key().substring(prefix.length());
          if (rest.endsWith(JSON) && !rest.contains("/")) {
            names.add(rest.substring(0, rest.length() - JSON.length()));
          }
        });
    return names;
  }

  @Override
  public Optional<Map<String, Object>> report(String supplierId, String name) {
    byte[] bytes;
    try {
      bytes = s3.getObjectAsBytes(g -> g.bucket(bucket).key(REPORTS + supplierId + "/" + name + JSON)).asByteArray();
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(bytes, new TypeReference<Map<String, Object>>() {}));
    } catch (IOException e) {
      throw new IllegalStateException("import report " + name + " of " + supplierId + " is not JSON", e);
    }
  }

  @Override
  public URI presignGet(String key, Duration ttl) {
    return URI.create(presigner.presignGetObject(p -> p.signatureDuration(ttl)
        .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
  }

  @Override
  public URI presignPut(String key, Duration ttl) {
    return URI.create(presigner.presignPutObject(p -> p.signatureDuration(ttl)
        .putObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
  }
}
