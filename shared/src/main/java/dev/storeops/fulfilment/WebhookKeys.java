package dev.storeops.fulfilment;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.KeyRing;

/** The payment provider's webhook secrets: current and, during a rotation, previous (both accepted). */
public final class WebhookKeys {
  private WebhookKeys() {}

  /**
   * {@code WEBHOOK_SECRET} with id {@code WEBHOOK_KEY_ID} (default {@code k1}); {@code
   * WEBHOOK_PREVIOUS_SECRET} with id {@code WEBHOOK_PREVIOUS_KEY_ID} when set (a rotation in progress).
   */
  public static KeyRing from(Env env) {
    return KeyRing.of(env.optional("WEBHOOK_KEY_ID", "k1"), env.required("WEBHOOK_SECRET"),
        env.optional("WEBHOOK_PREVIOUS_KEY_ID", "k0"), env.optional("WEBHOOK_PREVIOUS_SECRET", null));
  }
}
