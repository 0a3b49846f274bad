package dev.storeops.platform.aws;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storeops.platform.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An S3 event notification as Lambda hands it to an S3-triggered function (the {@code Records} of ObjectCreated
 * events, docs: "Event message structure" of Amazon S3), read from the plain map the Lambda runtime gives the
 * handler. The functions take a map rather than the runtime's {@code S3Event}: the runtime's serializer of its
 * event classes loads joda-time from the function's jar (1 MB), which the S3 functions then need not carry
 * (docs/performance.md). Only the fields the functions read are bound; the rest of the event is ignored.
 */
public record S3Notification(@JsonProperty("Records") List<Entry> entries) {
  /** A real-shaped ObjectCreated event pointing at nothing, for priming ({@link Priming#json(Class, String)}). */
  public static final String SAMPLE = EventSamples.event(S3Notification.class.getName());

  public S3Notification {
    entries = entries == null ? List.of() : entries.stream().filter(Objects::nonNull).toList();
  }

  /** The notification of an event as the runtime hands it over (a JSON object read into a map). */
  public static S3Notification from(Map<String, ?> event) {
    return event == null ? new S3Notification(List.of()) : Json.mapper().convertValue(event, S3Notification.class);
  }

  /** One record: an object created in a bucket. */
  public record Entry(String eventName, String eventTime, S3 s3) {
    /** The bucket's name, or null when the record names none. */
    public String bucket() {
      return s3 == null || s3.bucket() == null ? null : s3.bucket().name();
    }

    /** The object, or null when the record names none. */
    public S3Object object() {
      return s3 == null ? null : s3.object();
    }
  }

  public record S3(Bucket bucket, S3Object object) {}

  public record Bucket(String name) {}

  /** The object as the event names it: its key URL-encoded (a space as {@code +}), as S3 sends it. */
  public record S3Object(String key, Long size, @JsonProperty("eTag") String eTag, String versionId,
      String sequencer) {
    /** The object's key as stored ({@code incoming/acme/stock 1.xlsx} for {@code incoming/acme/stock+1.xlsx}). */
    public String decodedKey() {
      return key == null ? null : URLDecoder.decode(key, StandardCharsets.UTF_8);
    }
  }
}
