package dev.storeops.catalog;

import dev.storeops.platform.errors.NotFound;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The id of an import report in URLs: its name {@code <stamp>-<file>} (stamp {@code yyyyMMdd'T'HHmmss'Z'},
 * the file name as the import wrote it, any script) in base64url, so Cyrillic names and spaces survive
 * a path segment unchanged.
 */
public final class ImportReportId {
  private ImportReportId() {}

  public static String of(String name) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  /** The report name of an id; 404 when it is not one. */
  public static String name(String id) {
    try {
      String name = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
      if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("not a report name");
      }
      return name;
    } catch (IllegalArgumentException e) {
      throw new NotFound("Import report " + id);
    }
  }
}
