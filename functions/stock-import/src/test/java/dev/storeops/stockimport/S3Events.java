package dev.storeops.stockimport;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The repo's sample S3 event (events/stock-import/object-created.json) re-pointed at a test object. */
final class S3Events {
  private S3Events() {}

  static S3Event objectCreated(String bucket, String key, Long size, String eTag, String sequencer) {
    S3Event sample = EventLoader.loadS3Event("events/stock-import/object-created.json");
    S3EventNotificationRecord r = sample.getRecords().get(0);
    S3Entity s3 = r.getS3();
    String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    S3ObjectEntity object = new S3ObjectEntity(encodedKey, size, eTag, null, sequencer);
    S3BucketEntity b = new S3BucketEntity(bucket, s3.getBucket().getOwnerIdentity(), "arn:aws:s3:::" + bucket);
    S3EventNotificationRecord record = new S3EventNotificationRecord(r.getAwsRegion(), r.getEventName(),
        r.getEventSource(), "2026-11-23T06:15:04.512Z", r.getEventVersion(), r.getRequestParameters(),
        r.getResponseElements(), new S3Entity(s3.getConfigurationId(), b, object, s3.getS3SchemaVersion()),
        r.getUserIdentity());
    return new S3Event(List.of(record));
  }
}
