package dev.storeops.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.storeops.platform.config.Env;
import java.util.LinkedHashMap;
import java.util.Map;

/** A test function on S3 ObjectCreated: records each record's bucket, key, size and event name. */
public final class S3RecordingHandler implements RequestHandler<S3Event, Void> {
  private final Recorder recorder;

  public S3RecordingHandler() {
    this(Env.system());
  }

  public S3RecordingHandler(Env env) {
    this.recorder = new Recorder(env);
  }

  @Override
  public Void handleRequest(S3Event event, Context context) {
    for (var r : event.getRecords()) {
      Map<String, Object> seen = new LinkedHashMap<>();
      seen.put("eventName", r.getEventName());
      seen.put("eventSource", r.getEventSource());
      seen.put("bucket", r.getS3().getBucket().getName());
      seen.put("key", r.getS3().getObject().getKey());
      seen.put("decodedKey", r.getS3().getObject().getUrlDecodedKey());
      seen.put("size", r.getS3().getObject().getSizeAsLong());
      seen.put("sequencer", r.getS3().getObject().getSequencer());
      recorder.record("s3/" + r.getS3().getObject().getUrlDecodedKey() + ".json", seen);
    }
    return null;
  }
}
