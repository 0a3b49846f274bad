package dev.storeops.fulfilment.carriers;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.KeyRing;
import java.util.Optional;

/**
 * The carrier webhook's secrets, rotated like the payment webhook's (docs/operations.md): {@code
 * CARRIER_WEBHOOK_SECRET} (id {@value #CURRENT_ID}) and, during a rotation, {@code
 * CARRIER_WEBHOOK_PREVIOUS_SECRET} (id {@value #PREVIOUS_ID}), both accepted. No secret (the
 * parameter left empty) means the webhook is closed: every call is refused.
 */
public final class CarrierWebhookKeys {
  public static final String CURRENT_ID = "c1";
  public static final String PREVIOUS_ID = "c0";

  private CarrierWebhookKeys() {}

  public static Optional<KeyRing> from(Env env) {
    String current = env.optional("CARRIER_WEBHOOK_SECRET", "");
    if (current.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(KeyRing.of(CURRENT_ID, current, PREVIOUS_ID, env.optional("CARRIER_WEBHOOK_PREVIOUS_SECRET", "")));
  }
}
