package dev.storeops.messaging.ses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SQS message body from the SES → SNS → SQS path: an SNS notification envelope whose {@code
 * Message} is SES event-publishing JSON ({@code eventType}) or a classic SES notification ({@code
 * notificationType}); raw delivery (no envelope) is read too. Plain Java.
 */
public final class SesNotifications {
  private SesNotifications() {}

  /** An address to put on the suppression list. */
  public record Suppression(String email, String reason, String source) {}

  /** The message does not hold a readable SES notification. */
  public static final class UnreadableNotificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadableNotificationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The addresses the notification asks to suppress: permanent bounces and complaints; none for anything else. */
  public static List<Suppression> suppressions(String body) {
    JsonNode ses = sesEvent(body);
    String type = ses.hasNonNull("eventType") ? ses.path("eventType").asText() : ses.path("notificationType").asText();
    String messageId = ses.path("mail").path("messageId").asText(null);
    List<Suppression> out = new ArrayList<>();
    switch (type) {
      case "Bounce" -> {
        JsonNode bounce = ses.path("bounce");
        if ("Permanent".equals(bounce.path("bounceType").asText())) {
          String reason = "bounce:Permanent/" + bounce.path("bounceSubType").asText("General");
          for (JsonNode r : bounce.path("bouncedRecipients")) {
            add(out, r.path("emailAddress").asText(null), reason, messageId);
          }
        }
      }
      case "Complaint" -> {
        JsonNode complaint = ses.path("complaint");
        String feedback = complaint.path("complaintFeedbackType").asText(null);
        String reason = "complaint" + (feedback == null ? "" : ":" + feedback);
        for (JsonNode r : complaint.path("complainedRecipients")) {
          add(out, r.path("emailAddress").asText(null), reason, messageId);
        }
      }
      case "" -> throw new UnreadableNotificationException("no eventType or notificationType in the SES notification", null);
      default -> {
        // deliveries, sends, opens, transient bounces…: nothing to suppress
      }
    }
    return out;
  }

  /** SES took a mail of ours: its dedupe key (header {@code X-Storeops-Mail-Key}) and SES's message id. */
  public record Accepted(String dedupeKey, String sesMessageId) {}

  /**
   * The mail SES's {@code Send} event (event publishing, configuration set) says it accepted, when the
   * mail carries our dedupe key header ({@code mail.headers}); empty for every other notification.
   */
  public static java.util.Optional<Accepted> accepted(String body) {
    JsonNode ses = sesEvent(body);
    if (!"Send".equals(ses.path("eventType").asText())) {
      return java.util.Optional.empty();
    }
    String messageId = ses.path("mail").path("messageId").asText(null);
    for (JsonNode h : ses.path("mail").path("headers")) {
      if (MAIL_KEY_HEADER.equalsIgnoreCase(h.path("name").asText()) && h.hasNonNull("value") && messageId != null) {
        return java.util.Optional.of(new Accepted(h.path("value").asText(), messageId));
      }
    }
    return java.util.Optional.empty();
  }

  /** The header every mail of ours carries (= {@code sending/EmailService.MAIL_KEY_HEADER}). */
  static final String MAIL_KEY_HEADER = "X-Storeops-Mail-Key";

  private static void add(List<Suppression> out, String email, String reason, String source) {
    if (email != null && email.contains("@")) {
      // a recipient may be written "Name <a@b.c>"
      int lt = email.indexOf('<');
      int gt = email.indexOf('>');
      String address = lt >= 0 && gt > lt ? email.substring(lt + 1, gt) : email;
      out.add(new Suppression(address.trim(), reason, source));
    }
  }

  private static JsonNode sesEvent(String body) {
    try {
      JsonNode node = Json.mapper().readTree(body == null ? "" : body);
      if (node == null || !node.isObject()) {
        throw new UnreadableNotificationException("the message is not a JSON object", null);
      }
      if (node.hasNonNull("Message") && node.hasNonNull("Type")) {
        if (!"Notification".equals(node.path("Type").asText())) {
          throw new UnreadableNotificationException("SNS message of type " + node.path("Type").asText(), null);
        }
        JsonNode inner = Json.mapper().readTree(node.path("Message").asText());
        if (inner == null || !inner.isObject()) {
          throw new UnreadableNotificationException("the SNS Message is not a JSON object", null);
        }
        return inner;
      }
      return node;
    } catch (IOException e) {
      throw new UnreadableNotificationException("the message is not JSON: " + e.getMessage(), e);
    }
  }
}
