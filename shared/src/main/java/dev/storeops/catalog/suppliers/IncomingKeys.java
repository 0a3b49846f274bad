package dev.storeops.catalog.suppliers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys the intake writes in the supplier bucket. Files go where the normal import takes them
 * ({@code incoming/<supplierId>/}); a mail's files are named after the message, so the same message
 * handled twice writes the same keys.
 */
public final class IncomingKeys {
  public static final String INBOX = "inbox/";
  public static final String PROCESSED_INBOX = "processed/inbox/";
  public static final String QUARANTINE_INBOX = "quarantine/inbox/";
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  static final int MAX_NAME = 120;
  /** The file name endings of stock files (the import reads each by content). */
  public static final List<String> SPREADSHEET_EXTENSIONS = List.of(".csv", ".xlsx", ".xls");
  /** Content types of stock files → the extension a file of that type gets when its name has none. */
  public static final Map<String, String> SPREADSHEET_TYPES = Map.of(
      "text/csv", ".csv",
      "application/csv", ".csv",
      "text/comma-separated-values", ".csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx",
      "application/vnd.ms-excel", ".xls");

  private IncomingKeys() {}

  /** {@code incoming/<supplierId>/mail-<12 hex of the message id>-<file>}; {@code n > 1} for a repeated name. */
  public static String mailFile(String supplierId, String mailId, String fileName, int n) {
    String name = safeName(fileName);
    if (n > 1) {
      int dot = name.lastIndexOf('.');
      name = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    }
    return "incoming/" + supplierId + "/mail-" + hash(mailId).substring(0, 12) + "-" + name;
  }

  /** {@code incoming/<supplierId>/feed-<yyyyMMdd'T'HHmmss'Z'>-<file>}. */
  public static String feedFile(String supplierId, Instant fetchedAt, String fileName) {
    return "incoming/" + supplierId + "/feed-" + TS.format(fetchedAt) + "-" + safeName(fileName);
  }

  /** The part of an inbox key after {@code inbox/}, with {@code /} replaced (SES names it by its message id). */
  public static String inboxName(String inboxKey) {
    String rest = inboxKey.startsWith(INBOX) ? inboxKey.substring(INBOX.length()) : inboxKey;
    return rest.replace('/', '_');
  }

  /** A file name safe as the last part of a key: no {@code /}, {@code \}, control characters; at most 120 characters, extension kept. */
  public static String safeName(String fileName) {
    String n = fileName == null ? "" : fileName.strip();
    StringBuilder b = new StringBuilder();
    n.codePoints().forEach(c -> b.appendCodePoint(c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c));
    n = b.toString();
    if (n.isEmpty() || n.equals(".") || n.equals("..")) {
      n = "file";
    }
    if (n.length() > MAX_NAME) {
      int dot = n.lastIndexOf('.');
      String ext = dot > 0 && n.length() - dot <= 6 ? n.substring(dot) : "";
      n = n.substring(0, MAX_NAME - ext.length()) + ext;
    }
    return n;
  }

  /** Whether the name ends in .csv, .xlsx or .xls (any case). */
  public static boolean isSpreadsheetName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return SPREADSHEET_EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  /** The extension for a content type (parameters ignored), or empty when it is not a stock file's type. */
  public static String extensionOf(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return SPREADSHEET_TYPES.getOrDefault(type, "");
  }

  public static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
