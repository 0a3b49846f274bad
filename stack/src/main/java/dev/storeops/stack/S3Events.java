package dev.storeops.stack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An S3 ObjectCreated event as the Lambda runtime hands it to an S3-triggered handler (a JSON object read into a
 * map): one of the repo's samples under {@code events/} re-pointed at a test object, its key URL-encoded as S3
 * sends it.
 */
public final class S3Events {
  private S3Events() {}

  /** {@code sample} (a path under the repo, e.g. {@code events/stock-import/object-created.json}) for this object. */
  public static Map<String, Object> objectCreated(String sample, String bucket, String key, long size, String eTag,
      String sequencer) {
    try {
      ObjectNode event = (ObjectNode) Json.mapper().readTree(RepoRoot.find().resolve(sample).toFile());
      ObjectNode s3 = (ObjectNode) event.withArray("Records").get(0).get("s3");
      ((ObjectNode) s3.get("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
      ObjectNode object = (ObjectNode) s3.get("object");
      object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
          .put("size", size).put("eTag", eTag).put("sequencer", sequencer);
      object.remove("versionId");
      return Json.mapper().convertValue(event, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
