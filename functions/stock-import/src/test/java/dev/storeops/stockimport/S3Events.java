package dev.storeops.stockimport;

import java.util.Map;

/** The repo's sample S3 event (events/stock-import/object-created.json) re-pointed at a test object. */
final class S3Events {
  private S3Events() {}

  static Map<String, Object> objectCreated(String bucket, String key, Long size, String eTag, String sequencer) {
    return dev.storeops.stack.S3Events.objectCreated("events/stock-import/object-created.json", bucket, key, size,
        eTag, sequencer);
  }
}
