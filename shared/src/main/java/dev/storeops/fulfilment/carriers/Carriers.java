package dev.storeops.fulfilment.carriers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The carrier's id as the shop files parcels under it: staff type the carrier's name when shipping
 * ({@code CDEK}, {@code cdek}, {@code СДЭК}), carriers call the webhook with it in the path. The id is
 * the name in lower case without spaces (letters of any script, digits, {@code _ . -}); a few Russian
 * names have the Latin id carriers use ({@code сдэк} → {@value #CDEK}, {@code Почта России} → {@code
 * pochta}, {@code Боксберри} → {@code boxberry}). Only CDEK is
 * polled (docs/carriers.md); the others report through the webhook.
 */
public final class Carriers {
  public static final String CDEK = "cdek";
  private static final Pattern ID = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}_.-]{0,39}");
  /** Russian names of carriers, to the id their webhook calls use. */
  private static final java.util.Map<String, String> ALIASES = java.util.Map.of(
      "сдэк", CDEK, "cdek.ru", CDEK, "почтароссии", "pochta", "почта", "pochta", "russianpost", "pochta",
      "боксберри", "boxberry", "5post", "fivepost");

  private Carriers() {}

  /** The carrier id of a name, or null when the name cannot be one (empty, other characters, too long). */
  public static String id(String name) {
    if (name == null) {
      return null;
    }
    String id = name.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    id = ALIASES.getOrDefault(id, id);
    return ID.matcher(id).matches() ? id : null;
  }

  /** Whether the shop asks this carrier for its parcels' statuses itself (the scheduler's parcel poll). */
  public static boolean polled(String carrierId) {
    return CDEK.equals(carrierId);
  }
}
