package dev.storeops.reporting.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.reporting.PurchasePlanner;
import dev.storeops.reporting.SupplierTerms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The purchase terms of a supplier from its profile {@code profiles/<supplierId>.json} in the supplier
 * bucket: {@code leadTimeDays} (default {@value PurchasePlanner#DEFAULT_LEAD_TIME_DAYS}).
 */
public final class S3SupplierTerms implements SupplierTerms {
  private final S3Client s3;
  private final String bucket;

  public S3SupplierTerms(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** The supplier's lead time in days; empty when it has no profile. */
  @Override
  public Optional<Integer> leadTimeDays(String supplierId) {
    ResponseBytes<?> bytes;
    try {
      bytes = s3.getObjectAsBytes(g -> g.bucket(bucket).key("profiles/" + supplierId + ".json"));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.mapper().readTree(bytes.asByteArray());
      JsonNode lead = node.path("leadTimeDays");
      return Optional.of(lead.isInt() && lead.asInt() >= 0 ? lead.asInt() : PurchasePlanner.DEFAULT_LEAD_TIME_DAYS);
    } catch (IOException e) {
      return Optional.of(PurchasePlanner.DEFAULT_LEAD_TIME_DAYS);
    }
  }

  /** The ids of all suppliers with a profile. */
  @Override
  public List<String> suppliers() {
    List<String> out = new ArrayList<>();
    s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix("profiles/")).contents().forEach(o -> {
      String key = o.key();
      if (key.endsWith(".json") && key.indexOf('/', "profiles/".length()) < 0) {
        out.add(key.substring("profiles/".length(), key.length() - ".json".length()));
      }
    });
    return out;
  }
}
