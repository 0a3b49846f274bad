package dev.storeops.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.storeops.shared.config.Env;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test function on a DynamoDB stream: records each record by the item's {@code pk}; an item with a
 * {@code poison} attribute fails (its sequence number is reported, each attempt recorded) and the
 * records after it in the batch are left for the retry.
 */
public final class StreamRecordingHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final Recorder recorder;

  public StreamRecordingHandler() {
    this(Env.system());
  }

  public StreamRecordingHandler(Env env) {
    this.recorder = new Recorder(env);
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
      var image = r.getDynamodb().getNewImage() != null ? r.getDynamodb().getNewImage() : r.getDynamodb().getKeys();
      String pk = image.get("pk").getS();
      Map<String, Object> seen = new LinkedHashMap<>();
      seen.put("eventName", r.getEventName());
      seen.put("eventSource", r.getEventSource());
      seen.put("eventSourceArn", r.getEventSourceARN());
      seen.put("sequenceNumber", r.getDynamodb().getSequenceNumber());
      seen.put("streamViewType", r.getDynamodb().getStreamViewType());
      seen.put("hasOldImage", r.getDynamodb().getOldImage() != null);
      seen.put("batchSize", event.getRecords().size());
      if (image.containsKey("poison")) {
        recorder.record("stream-failed/" + pk + "/" + System.nanoTime() + ".json", seen);
        failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
        break;
      }
      recorder.record("stream/" + pk + ".json", seen);
    }
    return new StreamsEventResponse(failures);
  }
}
