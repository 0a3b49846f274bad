package dev.storeops.fulfilment.yookassa;

import dev.storeops.fulfilment.ProviderRefunds;
import dev.storeops.fulfilment.providers.YooKassaRefunds;
import dev.storeops.platform.config.Env;
import java.util.Locale;

/** The returns' refund adapter of the configured payment provider (docs/returns.md). */
public final class RefundAdapters {
  private RefundAdapters() {}

  /**
   * YooKassa ({@code PAYMENT_PROVIDER=yookassa} with {@code YOOKASSA_SHOP_ID} and {@code YOOKASSA_SECRET_KEY};
   * {@code YOOKASSA_API_URL}); null for any other provider (Robokassa has no refund adapter) or none —
   * every refund is then an owner task.
   */
  public static ProviderRefunds from(Env env) {
    String provider = env.optional("PAYMENT_PROVIDER", "none").trim().toLowerCase(Locale.ROOT);
    String shopId = env.optional("YOOKASSA_SHOP_ID", "");
    String secretKey = env.optional("YOOKASSA_SECRET_KEY", "");
    if (!provider.equals("yookassa") || shopId.isBlank() || secretKey.isBlank()) {
      return null;
    }
    return new YooKassaRefunds(new HttpYooKassaApi(env.optional("YOOKASSA_API_URL", "https://api.yookassa.ru/v3"),
        shopId, secretKey));
  }
}
