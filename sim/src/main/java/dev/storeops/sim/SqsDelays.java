package dev.storeops.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * SQS message delays ({@code DelaySeconds}) on the simulation's clock. ElasticMQ counts a delay in real
 * seconds, and the simulation moves its clock about forty simulated minutes per real second: the
 * email-sender's hand-back of throttled mail (30 s × 2^n) would come back many simulated hours late —
 * after the invariants had already judged the mail missing (the "confirmationRetry" finding, a
 * simulation artefact). While a {@link SimShop} runs, a {@code SendMessage} with a delay is sent to a
 * holding queue of the simulation instead (the handler gets SQS's real answer), and {@link #releaseDue}
 * puts its copy (body and message attributes) on the queue it was meant for once the delay has passed
 * on the simulated clock. Registered for every client like {@link FaultInjector}
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors}); without a running shop it
 * does nothing. {@code SendMessageBatch} entries with a delay are not modelled (no handler sends them).
 */
public final class SqsDelays implements ExecutionInterceptor {
  /** A message held back: where it goes, and when it becomes visible there. */
  record Held(String queueUrl, String body, Map<String, MessageAttributeValue> attributes, Instant visibleAt) {}

  private static final ExecutionAttribute<Held> HELD = new ExecutionAttribute<>("sim.heldMessage");
  private static final Object LOCK = new Object();
  private static String holdingQueueUrl;
  private static java.time.Clock clock;
  private static final List<Held> held = new ArrayList<>();
  private static long delayed;

  /** Starts holding delayed messages in {@code holdingQueueUrl}, due on {@code simulatedClock}. */
  static void start(String holdingQueueUrl, java.time.Clock simulatedClock) {
    synchronized (LOCK) {
      SqsDelays.holdingQueueUrl = holdingQueueUrl;
      clock = simulatedClock;
      held.clear();
      delayed = 0;
    }
  }

  static void stop() {
    synchronized (LOCK) {
      holdingQueueUrl = null;
      clock = null;
      held.clear();
    }
  }

  /** Messages sent with a delay since {@link #start}. */
  static long delayed() {
    synchronized (LOCK) {
      return delayed;
    }
  }

  /** Takes the held messages whose delay has passed on the simulated clock (oldest first). */
  static List<Held> takeDue() {
    synchronized (LOCK) {
      List<Held> due = new ArrayList<>();
      if (clock == null) {
        return due;
      }
      Instant now = clock.instant();
      for (Iterator<Held> it = held.iterator(); it.hasNext();) {
        Held h = it.next();
        if (!h.visibleAt().isAfter(now)) {
          due.add(h);
          it.remove();
        }
      }
      return due;
    }
  }

  /** Puts back messages that could not be released yet (the send failed): tried again next time. */
  static void putBack(List<Held> notReleased) {
    synchronized (LOCK) {
      held.addAll(0, notReleased);
    }
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof SendMessageRequest send) || send.delaySeconds() == null
        || send.delaySeconds() <= 0) {
      return context.request();
    }
    synchronized (LOCK) {
      if (holdingQueueUrl == null || send.queueUrl().equals(holdingQueueUrl)) {
        return context.request();
      }
      attributes.putAttribute(HELD, new Held(send.queueUrl(), send.messageBody(), send.messageAttributes(),
          clock.instant().plus(Duration.ofSeconds(send.delaySeconds()))));
      return send.toBuilder().queueUrl(holdingQueueUrl).delaySeconds(0).build();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Held h = attributes.getAttribute(HELD);
    if (h == null) {
      return;
    }
    synchronized (LOCK) {
      if (holdingQueueUrl != null) {
        held.add(h); // SQS took it: it becomes visible on its queue after the delay
        delayed++;
      }
    }
  }
}
