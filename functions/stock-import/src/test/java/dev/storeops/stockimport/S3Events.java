package dev.storeops.stockimport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The repo's sample S3 event (events/stock-import/object-created.json) re-pointed at a test object, as the Lambda
 * runtime hands it to the handler: a JSON object read into a map, the key URL-encoded as S3 sends it.
 */
final class S3Events {
  private S3Events() {}

  static Map<String, Object> objectCreated(String bucket, String key, Long size, String eTag, String sequencer) {
    try {
      ObjectNode event = (ObjectNode) Json.mapper().readTree(
          RepoRoot.find().resolve("events/stock-import/object-created.json").toFile());
      ObjectNode record = (ObjectNode) event.withArray("Records").get(0);
      ObjectNode s3 = (ObjectNode) record.get("s3");
      ObjectNode b = (ObjectNode) s3.get("bucket");
      b.put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
      ObjectNode object = (ObjectNode) s3.get("object");
      object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
      object.put("size", size).put("eTag", eTag).put("sequencer", sequencer);
      object.remove("versionId");
      return Json.mapper().convertValue(event, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
