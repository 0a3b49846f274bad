package dev.storeops.fulfilment.carriers;

import dev.storeops.platform.config.Env;
import java.time.Duration;

/**
 * The carrier settings (docs/carriers.md): CDEK's API address and the shop's integration keys
 * ({@code CDEK_API_URL}: {@code https://api.cdek.ru} live, {@code https://api.edu.cdek.ru} test;
 * {@code CDEK_CLIENT_ID}, {@code CDEK_CLIENT_SECRET}: empty means CDEK is not polled), the pause
 * between polls of one parcel ({@code CARRIER_POLL_MINUTES}, 60) and how long a parcel is polled at
 * most ({@code CARRIER_POLL_MAX_DAYS}, 60). {@link #toString} never shows the secret.
 */
public record CarrierSettings(String cdekApiUrl, String cdekClientId, String cdekClientSecret,
    Duration pollInterval, Duration maxAge) {
  public static final String DEFAULT_CDEK_API_URL = "https://api.cdek.ru";

  public static CarrierSettings from(Env env) {
    return new CarrierSettings(env.optional("CDEK_API_URL", DEFAULT_CDEK_API_URL),
        env.optional("CDEK_CLIENT_ID", ""), env.optional("CDEK_CLIENT_SECRET", ""),
        Duration.ofMinutes(Math.max(1, env.optionalInt("CARRIER_POLL_MINUTES", 60))),
        Duration.ofDays(Math.max(1, env.optionalInt("CARRIER_POLL_MAX_DAYS", 60))));
  }

  /** Whether the shop has CDEK keys (else the poll job does nothing). */
  public boolean cdekConfigured() {
    return cdekClientId != null && !cdekClientId.isBlank() && cdekClientSecret != null && !cdekClientSecret.isBlank();
  }

  @Override
  public String toString() {
    return "CarrierSettings[cdekApiUrl=" + cdekApiUrl + ", cdekClientId=" + cdekClientId + ", pollInterval="
        + pollInterval + ", maxAge=" + maxAge + "]";
  }
}
