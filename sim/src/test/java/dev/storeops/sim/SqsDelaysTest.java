package dev.storeops.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.messaging.sending.MailHandBack;
import dev.storeops.messaging.sqs.SqsMailHandBack;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The email-sender's hand-back of a throttled mail (SendMessage with DelaySeconds, through the real
 * {@link SqsMailHandBack} and SDK client) comes back after its delay on the <em>simulated</em> clock:
 * without {@link SqsDelays}, ElasticMQ holds it 30 real seconds — about twenty simulated hours of a
 * simulation run — and the "announced once" check judged the confirmation missing (docs/simulation.md,
 * "What it found").
 */
@WithAwsStack
class SqsDelaysTest {

  @AfterEach
  void stop() {
    SqsDelays.stop();
  }

  @Test
  void aDelayedMessageIsDueAfterItsDelayOnTheSimulatedClock(AwsStack stack) {
    SimClock clock = new SimClock(Instant.parse("2026-03-02T09:00:00Z"));
    String target = stack.sqs().createQueue(c -> c.queueName("sqs-delays-target-" + System.nanoTime())).queueUrl();
    String holding = stack.sqs().createQueue(c -> c.queueName("sqs-delays-holding-" + System.nanoTime())).queueUrl();
    SqsDelays.start(holding, clock);

    new SqsMailHandBack(stack.sqs(), target).handBack("{\"dedupeKey\":\"order-confirmation#o1\"}", 1, Duration.ofSeconds(30));

    assertEquals(List.of(), receive(stack, target), "nothing on the queue before the delay");
    assertEquals(List.of(), SqsDelays.takeDue(), "not due before 30 simulated seconds");
    clock.advance(Duration.ofSeconds(29));
    assertEquals(List.of(), SqsDelays.takeDue(), "not due after 29 simulated seconds");
    clock.advance(Duration.ofSeconds(1));
    List<SqsDelays.Held> due = SqsDelays.takeDue();
    assertEquals(1, due.size(), "due after 30 simulated seconds");
    SqsDelays.Held h = due.get(0);
    assertEquals(target, h.queueUrl());
    assertEquals("{\"dedupeKey\":\"order-confirmation#o1\"}", h.body());
    MessageAttributeValue count = h.attributes().get(MailHandBack.THROTTLED_ATTRIBUTE);
    assertEquals("1", count.stringValue(), "the hand-back count travels with the copy");
    assertEquals(List.of(), SqsDelays.takeDue(), "taken once");
    assertEquals(1, SqsDelays.delayed());
  }

  @Test
  void withoutARunningShopAnSdkSendIsUntouched(AwsStack stack) {
    String target = stack.sqs().createQueue(c -> c.queueName("sqs-delays-plain-" + System.nanoTime())).queueUrl();
    stack.sqs().sendMessage(m -> m.queueUrl(target).messageBody("later").delaySeconds(1));
    assertTrue(SqsDelays.takeDue().isEmpty(), "nothing held");
    List<Message> got = stack.sqs().receiveMessage(r -> r.queueUrl(target).maxNumberOfMessages(10).waitTimeSeconds(5)).messages();
    assertEquals(1, got.size(), "ElasticMQ's own delay, on real time");
    assertEquals("later", got.get(0).body());
  }

  private static List<Message> receive(AwsStack stack, String url) {
    return stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
  }
}
