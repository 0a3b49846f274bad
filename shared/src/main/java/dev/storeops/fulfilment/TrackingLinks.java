package dev.storeops.fulfilment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The carrier's public tracking page for a tracking number, as staff typed the carrier at {@code ship}
 * (case, spaces and dashes ignored; Latin and Russian names): CDEK, Russian Post, Boxberry, DPD. An
 * unknown carrier (the shop's own courier, a typo) gets no link: the mail then shows carrier and number
 * only. Decides only; no I/O.
 *
 * <p>The formats and where they were checked are in docs/notifications.md ("Tracking links"). DPD Russia
 * has no public page that takes the number in its address (its tracking form posts {@code orderNum}), so
 * its link is the tracking page itself and the customer types the number the notice shows beside it.
 */
public final class TrackingLinks {
  /** DPD Russia's public tracking form (the number is typed there; see the class comment). */
  static final String DPD_TRACKING_PAGE = "https://www.dpd.ru/ols/trace2/standard.do2";

  private TrackingLinks() {}

  public static Optional<String> link(String carrier, String trackingNumber) {
    if (carrier == null || trackingNumber == null || trackingNumber.isBlank()) {
      return Optional.empty();
    }
    String n = URLEncoder.encode(trackingNumber.strip(), StandardCharsets.UTF_8);
    String c = carrier.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_.«»\"']", "");
    return Optional.ofNullable(switch (c) {
      case "cdek", "sdek", "сдэк", "сдек" -> "https://www.cdek.ru/ru/tracking?order_id=" + n;
      case "russianpost", "pochta", "pochtarossii", "почта", "почтароссии", "post" -> "https://www.pochta.ru/tracking#" + n;
      case "boxberry", "боксберри", "боксбери" -> "https://boxberry.ru/tracking-page?id=" + n;
      case "dpd", "dpdrussia", "dpdроссия", "дпд" -> DPD_TRACKING_PAGE;
      default -> null;
    });
  }
}
