package dev.storeops.supplierinbox.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * A received e-mail as the intake needs it: the sender's address, the Message-ID, the subject, SES's
 * verdict headers and every leaf part that carries a file. Parsed with Apache James mime4j (RFC 2045
 * structure, transfer encodings, RFC 2047 encoded words and RFC 2231 parameters, so a Russian file name
 * such as {@code filename*=UTF-8''%D0%BE%D1%81...} arrives decoded).
 */
public record SupplierMail(String from, String messageId, String subject, List<String> authenticationResults,
    String spamVerdict, String virusVerdict, List<Part> parts) {

  /** A leaf part with a file name or a non-text content type (the body text itself is not a part here). */
  public record Part(String fileName, String contentType, byte[] content) {}

  /** Nested messages and multiparts deeper than this are not opened. */
  static final int MAX_DEPTH = 8;

  public SupplierMail {
    authenticationResults = List.copyOf(authenticationResults);
    parts = List.copyOf(parts);
  }

  /** Parses a raw RFC 5322 message; throws {@link BadMailException} when it is not one. */
  public static SupplierMail parse(InputStream raw) {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    // no line or header-length limits (mail from 1C and Outlook has long lines), at most 1,000 header fields
    builder.setMimeEntityConfig(MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(1000)
        .build());
    builder.setDecodeMonitor(DecodeMonitor.SILENT);
    Message message;
    try {
      message = builder.parseMessage(raw);
    } catch (IOException | RuntimeException e) {
      throw new BadMailException("not a readable e-mail message: " + e.getMessage());
    }
    if (message.getHeader() == null || message.getHeader().getFields().isEmpty()) {
      throw new BadMailException("not an e-mail message (no header fields)");
    }
    String from = null;
    if (message.getFrom() != null && !message.getFrom().isEmpty()) {
      Mailbox first = message.getFrom().get(0);
      from = first.getAddress();
    }
    List<String> auth = new ArrayList<>();
    for (Field f : message.getHeader().getFields("Authentication-Results")) {
      auth.add(f.getBody());
    }
    List<Part> parts = new ArrayList<>();
    collect(message, parts, 0);
    return new SupplierMail(from, message.getMessageId(), message.getSubject(), auth,
        header(message, "X-SES-Spam-Verdict"), header(message, "X-SES-Virus-Verdict"), parts);
  }

  private static String header(Message message, String name) {
    Field f = message.getHeader().getField(name);
    return f == null ? null : f.getBody().trim();
  }

  private static void collect(Entity entity, List<Part> out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    Body body = entity.getBody();
    if (body instanceof Multipart multipart) {
      for (Entity part : multipart.getBodyParts()) {
        collect(part, out, depth + 1);
      }
    } else if (body instanceof Message nested) {
      collect(nested, out, depth + 1);
    } else if (body instanceof SingleBody single) {
      String name = entity.getFilename();
      String type = entity.getMimeType() == null ? "" : entity.getMimeType().toLowerCase(Locale.ROOT);
      boolean text = type.startsWith("text/plain") || type.startsWith("text/html");
      boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType());
      if (name == null && text && !attachment) {
        return; // the mail's own text (plain or HTML), not a file
      }
      try (InputStream in = single.getInputStream()) {
        out.add(new Part(name, type, in.readAllBytes()));
      } catch (IOException e) {
        throw new BadMailException("a part of the message cannot be decoded: " + e.getMessage());
      }
    }
  }

}
