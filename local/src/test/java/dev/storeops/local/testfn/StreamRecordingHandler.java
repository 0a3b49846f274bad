package dev.storeops.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.storeops.platform.config.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A test function on the table's stream: records each customer profile change; a customer named
 * {@code Poison Stream} fails (reported by sequence number, each attempt recorded).
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
      var image = r.getDynamodb().getNewImage();
      if (image == null || image.get("type") == null || !"Customer".equals(image.get("type").getS())) {
        continue;
      }
      String pk = r.getDynamodb().getKeys().get("pk").getS();
      Map<String, Object> seen = Map.of("eventName", r.getEventName(), "pk", pk,
          "name", image.get("name").getS(), "sequenceNumber", r.getDynamodb().getSequenceNumber(),
          "eventSourceArn", r.getEventSourceARN(), "viewType", r.getDynamodb().getStreamViewType());
      if ("Poison Stream".equals(image.get("name").getS())) {
        recorder.record("stream-failed/" + pk + "/" + UUID.randomUUID() + ".json", seen);
        failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
        break;
      }
      recorder.record("stream/" + r.getEventName() + "/" + pk + ".json", seen);
    }
    return new StreamsEventResponse(failures);
  }
}
