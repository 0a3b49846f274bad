package dev.storeops.smssender;

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
 * Does what the Lambda SQS poller does, on the emulated SmsQueue: receives a batch, hands it to the
 * handler as an SQSEvent, deletes what succeeded and makes the reported failures visible again at once.
 */
final class SmsQueueDriver {
  private final AwsStack stack;
  private final String queueUrl;

  SmsQueueDriver(AwsStack stack) {
    this.stack = stack;
    this.queueUrl = stack.queueUrl("SmsQueue");
  }

  /** Receives once (up to 10) and delivers; returns the number of failures reported. */
  int deliverOnce(SmsSenderHandler handler, int waitSeconds, List<Integer> delivered) {
    List<Message> messages = stack.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
        .waitTimeSeconds(waitSeconds).visibilityTimeout(30)
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    delivered.add(messages.size());
    if (messages.isEmpty()) {
      return 0;
    }
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : messages) {
      SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
      r.setMessageId(m.messageId());
      r.setReceiptHandle(m.receiptHandle());
      r.setBody(m.body());
      r.setEventSource("aws:sqs");
      r.setEventSourceArn(stack.resources().queueArn("SmsQueue"));
      var attributes = new HashMap<String, String>();
      m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
      r.setAttributes(attributes);
      records.add(r);
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
    return failed.size();
  }

  /** Delivers until a receive comes back empty (at most {@code maxRounds}). */
  void drain(SmsSenderHandler handler, int maxRounds) {
    List<Integer> delivered = new ArrayList<>();
    for (int i = 0; i < maxRounds; i++) {
      deliverOnce(handler, 1, delivered);
      if (delivered.get(delivered.size() - 1) == 0) {
        return;
      }
    }
  }
}
