package dev.storeops.platform.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.storeops.platform.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3NotificationTest {
  private static Map<String, Object> map(String json) throws Exception {
    return Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
  }

  /** The repo's sample of S3's ObjectCreated event (events/stock-import), as the runtime hands it over: a map. */
  @Test
  void readsTheObjectOfS3sObjectCreatedEvent() throws Exception {
    Path sample = Path.of("..", "events", "stock-import", "object-created.json");
    S3Notification n = S3Notification.from(map(Files.readString(sample)));
    assertEquals(1, n.entries().size());
    S3Notification.Entry e = n.entries().get(0);
    assertEquals("ObjectCreated:Put", e.eventName());
    assertEquals("storeops-dev-supplier-files-123456789012", e.bucket());
    S3Notification.S3Object o = e.object();
    assertEquals("incoming/acme/stock+2026-11-23.xlsx", o.key());
    assertEquals(48213L, o.size());
    assertEquals("0123456789abcdef0123456789abcdef", o.eTag());
    assertEquals("", o.versionId());
    assertEquals("0065F1C8A3B2E4D1F0", o.sequencer());
  }

  /** S3 URL-encodes the key in its events: a space comes as '+', Cyrillic and other bytes as %XX. */
  @Test
  void decodesTheKeyAsS3EncodesIt() throws Exception {
    S3Notification n = S3Notification.from(map("""
        {"Records":[{"s3":{"bucket":{"name":"b"},"object":{"key":"incoming/%D0%B0%D0%BA%D0%BC%D0%B5/stock+1%2B1.xls"}}}]}"""));
    assertEquals("incoming/акме/stock 1+1.xls", n.entries().get(0).object().decodedKey());
  }

  /** Parts missing from a record are nulls, never a failure to read the rest; fields not bound are ignored. */
  @Test
  void aRecordWithoutItsPartsIsReadWithNulls() throws Exception {
    S3Notification n = S3Notification.from(map("""
        {"Records":[{"eventName":"ObjectCreated:Put","glacierEventData":{"x":1}},
         {"s3":{"bucket":{"name":"b"}}}, null]}"""));
    assertEquals(2, n.entries().size());
    assertNull(n.entries().get(0).bucket());
    assertNull(n.entries().get(0).object());
    assertEquals("b", n.entries().get(1).bucket());
    assertNull(n.entries().get(1).object());
    assertTrue(S3Notification.from(Map.of()).entries().isEmpty());
    assertTrue(S3Notification.from(null).entries().isEmpty());
  }

  /** The priming sample is a whole ObjectCreated event. */
  @Test
  void thePrimingSampleIsAnObjectCreatedEvent() throws Exception {
    S3Notification n = S3Notification.from(map(S3Notification.SAMPLE));
    assertEquals(List.of("priming"), n.entries().stream().map(S3Notification.Entry::bucket).toList());
    assertEquals("priming/none", n.entries().get(0).object().decodedKey());
  }
}
