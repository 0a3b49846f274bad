package dev.storeops.catalog;

import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A supplier file is uploaded from the console only for a supplier with a profile, only as {@code .csv}
 * or {@code .xlsx}, into {@code incoming/<supplier>/<stamp>-<file name>} (so the S3-triggered import
 * runs on it like on any dropped file, and two uploads of one name never overwrite each other), through
 * a presigned PUT valid {@link #TTL}. The import itself still checks size, content and encoding.
 */
public final class SupplierUploadPolicy {
  public static final Duration TTL = Duration.ofMinutes(15);
  static final int MAX_NAME = 150;

  private SupplierUploadPolicy() {}

  /** The object key the upload goes to; 400 for a bad file name, 404 for a supplier without a profile. */
  public static String key(String supplierId, String fileName, boolean hasProfile, Instant now) {
    if (!Identifiers.validId(supplierId) || !hasProfile) {
      throw new NotFound("Supplier " + supplierId + " (no profile profiles/" + supplierId + ".json)");
    }
    if (fileName == null || fileName.isBlank()) {
      throw Invalid.field("fileName", "is required, e.g. stock.csv or stock.xlsx");
    }
    // a browser may send a path (C:\fakepath\stock.csv): only the last part is the name
    String name = fileName.strip().replaceAll(".*[/\\\\]", "");
    if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw Invalid.field("fileName", "must be a file name of 1 to " + MAX_NAME + " characters");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
      throw Invalid.field("fileName", "must end in .csv or .xlsx");
    }
    return "incoming/" + supplierId + "/" + ReadImportReports.STAMP.format(now) + "-" + name;
  }
}
