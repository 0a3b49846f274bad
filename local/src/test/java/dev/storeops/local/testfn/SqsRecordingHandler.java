package dev.storeops.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.platform.config.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test function on SQS: records each message; a message whose body is {@code poison} fails (it is
 * reported in batchItemFailures, and each attempt is recorded with its receive count).
 */
public final class SqsRecordingHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final Recorder recorder;

  public SqsRecordingHandler() {
    this(Env.system());
  }

  public SqsRecordingHandler(Env env) {
    this.recorder = new Recorder(env);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      String receiveCount = m.getAttributes().get("ApproximateReceiveCount");
      Map<String, Object> seen = Map.of("body", m.getBody(), "receiveCount", receiveCount,
          "eventSource", m.getEventSource(), "eventSourceArn", m.getEventSourceArn(),
          "batchSize", event.getRecords().size());
      if (m.getBody().equals("poison")) {
        recorder.record("sqs-failed/" + m.getMessageId() + "-" + receiveCount + ".json", seen);
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
      } else {
        recorder.record("sqs/" + m.getMessageId() + ".json", seen);
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
