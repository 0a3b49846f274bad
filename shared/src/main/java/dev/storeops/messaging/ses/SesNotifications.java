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

  /**
   * What the provider said about a mail after it took it, for the recipient's dossier.
   *
   * @param status {@code BOUNCED} (permanent or transient) or {@code COMPLAINED}
   * @param detail the bounce's type and subtype, or the complaint's feedback type
   * @param messageId the SES message id of the mail (the send log keeps it as the sent mail's detail)
   * @param mailKey the mail's dedupe key from its {@code X-Storeops-Mail-Key} header, when SES passed the headers on
   */
  public record Feedback(String email, String status, String detail, String messageId, String mailKey, String at) {}

  /** Every recipient's bounce (permanent and transient) or complaint in the notification; none for anything else. */
  public static List<Feedback> feedback(String body) {
    JsonNode ses = sesEvent(body);
    String type = ses.hasNonNull("eventType") ? ses.path("eventType").asText() : ses.path("notificationType").asText();
    JsonNode mail = ses.path("mail");
    String messageId = mail.path("messageId").asText(null);
    String mailKey = null;
    for (JsonNode header : mail.path("headers")) {
      if (MAIL_KEY_HEADER.equalsIgnoreCase(header.path("name").asText())) {
        mailKey = header.path("value").asText(null);
      }
    }
    List<Suppression> recipients = new ArrayList<>();
    String status;
    String detail;
    String at;
    switch (type) {
      case "Bounce" -> {
        JsonNode bounce = ses.path("bounce");
        status = "BOUNCED";
        detail = "bounce:" + bounce.path("bounceType").asText("Undetermined") + "/"
            + bounce.path("bounceSubType").asText("General");
        at = bounce.path("timestamp").asText(null);
        for (JsonNode r : bounce.path("bouncedRecipients")) {
          add(recipients, r.path("emailAddress").asText(null), detail, messageId);
        }
      }
      case "Complaint" -> {
        JsonNode complaint = ses.path("complaint");
        String feedback = complaint.path("complaintFeedbackType").asText(null);
        status = "COMPLAINED";
        detail = "complaint" + (feedback == null ? "" : ":" + feedback);
        at = complaint.path("timestamp").asText(null);
        for (JsonNode r : complaint.path("complainedRecipients")) {
          add(recipients, r.path("emailAddress").asText(null), detail, messageId);
        }
      }
      case "" -> throw new UnreadableNotificationException("no eventType or notificationType in the SES notification", null);
      default -> {
        return List.of();
      }
    }
    List<Feedback> out = new ArrayList<>();
    for (Suppression r : recipients) {
      out.add(new Feedback(r.email(), status, detail, messageId, mailKey, at));
    }
    return out;
  }

  /** The header every mail carries with its dedupe key ({@code EmailService.MAIL_KEY_HEADER}). */
  static final String MAIL_KEY_HEADER = dev.storeops.messaging.sending.EmailService.MAIL_KEY_HEADER;

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
