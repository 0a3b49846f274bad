package dev.storeops.stack.junit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.stack.AwsStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does what the Lambda SQS poller does, on a queue of the emulated stack: receives a batch, hands it to
 * the handler as an SQSEvent (system and message attributes included), deletes the messages that
 * succeeded and makes the reported failures visible again at once (standing in for the visibility
 * timeout running out), so the queue's own redrive policy counts the receives and moves a message to
 * its DLQ. The one queue driver of the SQS handlers' tests.
 */
public final class SqsQueueDriver {
  private final AwsStack stack;
  private final String queueUrl;
  private final String queueArn;

  /** What one receive delivered: the messages as received, and the IDs the handler reported failed. */
  public record Delivery(List<Message> messages, Set<String> failed) {}

  public SqsQueueDriver(AwsStack stack, String queueLogicalId) {
    this.stack = stack;
    this.queueUrl = stack.queueUrl(queueLogicalId);
    this.queueArn = stack.resources().queueArn(queueLogicalId);
  }

  /** Receives once (up to 10 messages) and delivers them; returns how many were delivered. */
  public int deliverOnce(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    return deliver(handler, 1).messages().size();
  }

  /** Receives once, waiting up to {@code waitSeconds}, and delivers what came (nothing: no invocation). */
  public Delivery deliver(RequestHandler<SQSEvent, SQSBatchResponse> handler, int waitSeconds) {
    List<Message> messages = stack.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
        .waitTimeSeconds(waitSeconds).visibilityTimeout(30)
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    if (messages.isEmpty()) {
      return new Delivery(messages, Set.of());
    }
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : messages) {
      records.add(record(m));
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    SQSBatchResponse response = handler.handleRequest(event, null);
    Set<String> failed = response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
    for (Message m : messages) {
      if (failed.contains(m.messageId())) {
        stack.sqs().changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
      } else {
        stack.sqs().deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
    return new Delivery(messages, failed);
  }

  /** Delivers until a receive comes back empty (at most {@code maxRounds} receives). */
  public void drain(RequestHandler<SQSEvent, SQSBatchResponse> handler, int maxRounds) {
    for (int i = 0; i < maxRounds && deliverOnce(handler) > 0; i++) {
      // keep delivering
    }
  }

  private SQSEvent.SQSMessage record(Message m) {
    SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
    r.setMessageId(m.messageId());
    r.setReceiptHandle(m.receiptHandle());
    r.setBody(m.body());
    r.setEventSource("aws:sqs");
    r.setEventSourceArn(queueArn);
    var attributes = new HashMap<String, String>();
    m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
    r.setAttributes(attributes);
    var messageAttributes = new HashMap<String, SQSEvent.MessageAttribute>();
    m.messageAttributes().forEach((k, v) -> {
      SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
      a.setDataType(v.dataType());
      a.setStringValue(v.stringValue());
      messageAttributes.put(k, a);
    });
    r.setMessageAttributes(messageAttributes);
    return r;
  }
}
