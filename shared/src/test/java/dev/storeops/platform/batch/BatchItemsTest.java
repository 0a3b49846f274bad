package dev.storeops.platform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.storeops.platform.log.Log;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchItemsTest {
  private static final Log LOG = Log.get(BatchItemsTest.class);

  private static SQSEvent sqs(String... bodies) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (String body : bodies) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId("m-" + body);
      m.setBody(body);
      records.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static List<String> ids(SQSBatchResponse r) {
    return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  @Test
  void eachSqsMessageFailsOnItsOwn() {
    List<String> handled = new ArrayList<>();
    SQSBatchResponse r = BatchItems.sqs(sqs("a", "bad", "c"), LOG, "failed", m -> {
      if (m.getBody().equals("bad")) {
        throw new IllegalStateException("boom");
      }
      handled.add(m.getBody());
    });
    assertEquals(List.of("m-bad"), ids(r));
    assertEquals(List.of("a", "c"), handled);
  }

  @Test
  void aStepCanHandBackTheRestUntried() {
    List<String> tried = new ArrayList<>();
    SQSBatchResponse r = BatchItems.sqsJudged(sqs("a", "no", "slow", "d", "e"), LOG, "failed", m -> {
      tried.add(m.getBody());
      return switch (m.getBody()) {
        case "no" -> BatchItems.Outcome.FAILED;
        case "slow" -> BatchItems.Outcome.FAILED_HAND_BACK_REST;
        default -> BatchItems.Outcome.DONE;
      };
    });
    assertEquals(List.of("m-no", "m-slow", "m-d", "m-e"), ids(r));
    assertEquals(List.of("a", "no", "slow"), tried);
  }

  @Test
  void aMissingBatchHasNoFailures() {
    assertEquals(List.of(), ids(BatchItems.sqs(null, LOG, "failed", m -> {})));
    assertEquals(List.of(), BatchItems.dynamoStream(new DynamodbEvent(), LOG, "failed", r -> {}).getBatchItemFailures());
  }

  @Test
  void aStreamStopsAtTheFirstFailureAndReportsItsSequenceNumber() {
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    for (String seq : List.of("1", "2", "3")) {
      DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
      r.setEventID("e" + seq);
      r.setDynamodb(new StreamRecord().withSequenceNumber(seq));
      records.add(r);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    List<String> tried = new ArrayList<>();
    StreamsEventResponse r = BatchItems.dynamoStream(event, LOG, "failed", rec -> {
      tried.add(rec.getEventID());
      if (rec.getEventID().equals("e2")) {
        throw new IllegalStateException("boom");
      }
    });
    assertEquals(List.of("2"), r.getBatchItemFailures().stream()
        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(List.of("e1", "e2"), tried);
  }
}
