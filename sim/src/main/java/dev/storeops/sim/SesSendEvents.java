package dev.storeops.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

/**
 * SES's {@code Send} event, which the SES emulator does not publish: on AWS the configuration set's event
 * destination (template.yaml {@code MailEventDestination}, types {@code send, bounce, complaint}) puts one
 * on the ses-notifications topic → SesEventsQueue for every mail SES accepted, with the mail's headers.
 * While a {@link SimShop} runs, every {@code SendEmail} the emulator answered is recorded here (in
 * {@code afterUnmarshalling}, so before any interceptor's {@code afterExecution} — a crash or a lost answer
 * injected there does not hide a mail SES did take) and {@link SimShop} puts the event, in its SNS
 * envelope, on SesEventsQueue at its next delivery round. Registered for every client like
 * {@link FaultInjector}; without a running shop it does nothing.
 */
public final class SesSendEvents implements ExecutionInterceptor {
  private static final Object LOCK = new Object();
  private static Clock clock;
  private static final List<String> pending = new ArrayList<>();
  private static long published;

  static void start(Clock simulatedClock) {
    synchronized (LOCK) {
      clock = simulatedClock;
      pending.clear();
      published = 0;
    }
  }

  static void stop() {
    synchronized (LOCK) {
      clock = null;
      pending.clear();
    }
  }

  /** The events recorded since the last call, as SQS message bodies (SNS notification envelopes). */
  static List<String> take() {
    synchronized (LOCK) {
      List<String> out = new ArrayList<>(pending);
      pending.clear();
      published += out.size();
      return out;
    }
  }

  /** Puts back events whose send failed. */
  static void putBack(List<String> notSent) {
    synchronized (LOCK) {
      pending.addAll(0, notSent);
      published -= notSent.size();
    }
  }

  static long published() {
    synchronized (LOCK) {
      return published;
    }
  }

  @Override
  public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof SendEmailRequest request)
        || !(context.response() instanceof SendEmailResponse response) || response.messageId() == null) {
      return;
    }
    synchronized (LOCK) {
      if (clock == null) {
        return;
      }
      pending.add(envelope(request, response.messageId(), clock.instant().toString()));
    }
  }

  /** SES event publishing JSON ({@code eventType Send}) in an SNS notification, as SesEventsQueue gets it. */
  static String envelope(SendEmailRequest request, String messageId, String at) {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("eventType", "Send");
    ObjectNode mail = event.putObject("mail");
    mail.put("timestamp", at);
    mail.put("messageId", messageId);
    mail.put("source", request.fromEmailAddress());
    ArrayNode to = mail.putArray("destination");
    if (request.destination() != null) {
      request.destination().toAddresses().forEach(to::add);
    }
    ArrayNode headers = mail.putArray("headers");
    if (request.content() != null && request.content().simple() != null) {
      request.content().simple().headers().forEach(h -> headers.addObject().put("name", h.name()).put("value", h.value()));
    }
    mail.putObject("tags").putArray("ses:configuration-set").add(String.valueOf(request.configurationSetName()));
    event.putObject("send");
    ObjectNode sns = Json.mapper().createObjectNode();
    sns.put("Type", "Notification");
    sns.put("MessageId", java.util.UUID.randomUUID().toString());
    sns.put("TopicArn", "arn:aws:sns:eu-central-1:000000000000:storeops-sim-ses-notifications");
    sns.put("Message", Json.write(event));
    sns.put("Timestamp", at);
    return Json.write(sns);
  }
}
