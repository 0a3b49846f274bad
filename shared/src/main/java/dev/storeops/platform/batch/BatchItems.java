package dev.storeops.platform.batch;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.storeops.platform.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Partial batch responses ({@code ReportBatchItemFailures}) in one place. SQS: each message is handled
 * on its own and a failed one is reported by its message id (the queue retries it, then its DLQ); a
 * step may also ask to hand the rest of the batch back untried (e.g. after throttling). Streams: the
 * first failed record is reported by its sequence number and the rest are not processed, so Lambda
 * retries from that record and the shard's order is kept.
 *
 * <p>(Powertools for AWS Lambda's batch module would do this, but no 2.x version of it resolves from
 * the registry this build uses.)
 */
public final class BatchItems {
  /** What became of one record. */
  public enum Outcome {
    DONE,
    /** Report this record as failed and go on with the next. */
    FAILED,
    /** Report this record and every later one as failed without trying them (the source is throttling us). */
    FAILED_HAND_BACK_REST
  }

  /** Handles one record; throwing marks it failed (and is logged with its whole stack trace). */
  @FunctionalInterface
  public interface Step<R> {
    void handle(R record) throws Exception;
  }

  /** Handles one record and says how it went; throwing counts as {@link Outcome#FAILED}. */
  @FunctionalInterface
  public interface JudgedStep<R> {
    Outcome handle(R record) throws Exception;
  }

  private BatchItems() {}

  /** Each SQS message on its own; a message whose step throws is a batch item failure. */
  public static SQSBatchResponse sqs(SQSEvent event, Log log, String failureMessage, Step<SQSEvent.SQSMessage> step) {
    return sqsJudged(event, log, failureMessage, m -> {
      step.handle(m);
      return Outcome.DONE;
    });
  }

  /** Each SQS message on its own, the step deciding about failures and handing back the rest. */
  public static SQSBatchResponse sqsJudged(SQSEvent event, Log log, String failureMessage,
      JudgedStep<SQSEvent.SQSMessage> step) {
    List<String> failed = eachAlone(event == null ? null : event.getRecords(), SQSEvent.SQSMessage::getMessageId,
        "messageId", log, failureMessage, step);
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>(failed.size());
    for (String id : failed) {
      failures.add(new SQSBatchResponse.BatchItemFailure(id));
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }

  /** A DynamoDB stream batch in order, stopping at the first failure (reported by its sequence number). */
  public static StreamsEventResponse dynamoStream(DynamodbEvent event, Log log, String failureMessage,
      Step<DynamodbEvent.DynamodbStreamRecord> step) {
    List<String> failed = untilFirstFailure(event == null ? null : event.getRecords(),
        r -> r.getDynamodb() == null ? r.getEventID() : r.getDynamodb().getSequenceNumber(),
        "sequenceNumber", log, failureMessage, step);
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>(failed.size());
    for (String id : failed) {
      failures.add(new StreamsEventResponse.BatchItemFailure(id));
    }
    return new StreamsEventResponse(failures);
  }

  /** The ids of the records that failed, each record tried on its own (in order, until one hands back the rest). */
  public static <R> List<String> eachAlone(List<R> records, Function<R, String> id, String idField, Log log,
      String failureMessage, JudgedStep<R> step) {
    List<String> failed = new ArrayList<>();
    if (records == null) {
      return failed;
    }
    boolean handBack = false;
    for (R record : records) {
      if (handBack) {
        failed.add(id.apply(record));
        continue;
      }
      Outcome outcome;
      try {
        outcome = step.handle(record);
      } catch (Exception e) {
        log.error(failureMessage, e, idField, id.apply(record));
        outcome = Outcome.FAILED;
      }
      if (outcome != Outcome.DONE) {
        failed.add(id.apply(record));
        handBack = outcome == Outcome.FAILED_HAND_BACK_REST;
      }
    }
    return failed;
  }

  /** The id of the first record that failed (none if all passed); records after it are not tried. */
  public static <R> List<String> untilFirstFailure(List<R> records, Function<R, String> id, String idField, Log log,
      String failureMessage, Step<R> step) {
    if (records != null) {
      for (R record : records) {
        try {
          step.handle(record);
        } catch (Exception e) {
          log.error(failureMessage, e, idField, id.apply(record));
          return List.of(id.apply(record));
        }
      }
    }
    return List.of();
  }
}
