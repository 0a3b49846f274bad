package dev.storeops.fulfilment.carriers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The carrier's id as the shop files parcels under it: staff type the carrier's name when shipping
 * ({@code CDEK}, {@code cdek}, {@code СДЭК}), carriers call the webhook with it in the path. The id is
 * the name in lower case without spaces; the Cyrillic {@code сдэк} is {@value #CDEK}. Only CDEK is
 * polled (docs/carriers.md); the others report through the webhook.
 */
public final class Carriers {
  public static final String CDEK = "cdek";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private Carriers() {}

  /** The carrier id of a name, or null when the name cannot be one (empty, other characters, too long). */
  public static String id(String name) {
    if (name == null) {
      return null;
    }
    String id = name.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (id.equals("сдэк") || id.equals("cdek.ru")) {
      return CDEK;
    }
    return ID.matcher(id).matches() ? id : null;
  }

  /** Whether the shop asks this carrier for its parcels' statuses itself (the scheduler's parcel poll). */
  public static boolean polled(String carrierId) {
    return CDEK.equals(carrierId);
  }
}
