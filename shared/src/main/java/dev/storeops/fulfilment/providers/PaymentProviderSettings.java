package dev.storeops.fulfilment.providers;

import dev.storeops.platform.config.Env;
import java.util.Locale;

/**
 * The payment providers' settings (template.yaml; secrets are NoEcho parameters): which provider the
 * order's payment link goes to, and each adapter's credentials and options (docs/payments.md).
 *
 * @param provider {@code yookassa}, {@code robokassa} or {@code none} ({@code PAYMENT_PROVIDER})
 * @param yookassaVerify how a YooKassa notification is proven genuine: {@code api} (its status read back from
 *     the API), {@code ip} (sender among {@code YOOKASSA_ALLOWED_IPS}) or {@code api+ip} (both)
 */
public record PaymentProviderSettings(
    String provider,
    String yookassaApiUrl,
    String yookassaShopId,
    String yookassaSecretKey,
    String yookassaVerify,
    IpRanges yookassaAllowedIps,
    String yookassaReturnUrl,
    int defaultVatCode,
    String paymentSubject,
    String paymentMode,
    String robokassaLogin,
    String robokassaPassword1,
    String robokassaPassword2,
    RobokassaSignature.Algorithm robokassaHash,
    boolean robokassaTest,
    String robokassaPayUrl) {

  public static PaymentProviderSettings from(Env env) {
    String provider = env.optional("PAYMENT_PROVIDER", "none").trim().toLowerCase(Locale.ROOT);
    if (!provider.equals("none") && !provider.equals("yookassa") && !provider.equals("robokassa")) {
      throw new IllegalStateException("PAYMENT_PROVIDER must be none, yookassa or robokassa, not " + provider);
    }
    String verify = env.optional("YOOKASSA_VERIFY", "api+ip").trim().toLowerCase(Locale.ROOT);
    if (!verify.equals("api") && !verify.equals("ip") && !verify.equals("api+ip")) {
      throw new IllegalStateException("YOOKASSA_VERIFY must be api, ip or api+ip, not " + verify);
    }
    return new PaymentProviderSettings(provider,
        env.optional("YOOKASSA_API_URL", "https://api.yookassa.ru/v3"),
        env.optional("YOOKASSA_SHOP_ID", ""),
        env.optional("YOOKASSA_SECRET_KEY", ""),
        verify,
        IpRanges.parse(env.optional("YOOKASSA_ALLOWED_IPS", IpRanges.YOOKASSA_PUBLISHED)),
        env.optional("YOOKASSA_RETURN_URL", env.optional("PUBLIC_BASE_URL", "")),
        env.optionalInt("DEFAULT_VAT_CODE", 1),
        env.optional("RECEIPT_PAYMENT_SUBJECT", "commodity"),
        env.optional("RECEIPT_PAYMENT_MODE", "full_prepayment"),
        env.optional("ROBOKASSA_LOGIN", ""),
        env.optional("ROBOKASSA_PASSWORD1", ""),
        env.optional("ROBOKASSA_PASSWORD2", ""),
        RobokassaSignature.Algorithm.parse(env.optional("ROBOKASSA_HASH", "MD5")),
        "1".equals(env.optional("ROBOKASSA_TEST", "0").trim()),
        env.optional("ROBOKASSA_PAY_URL", "https://auth.robokassa.ru/Merchant/Index.aspx"));
  }

  public boolean yookassaConfigured() {
    return !yookassaShopId.isBlank() && !yookassaSecretKey.isBlank();
  }

  public boolean robokassaConfigured() {
    return !robokassaLogin.isBlank() && !robokassaPassword1.isBlank() && !robokassaPassword2.isBlank();
  }

  public boolean verifyByApi() {
    return yookassaVerify.contains("api");
  }

  public boolean verifyByIp() {
    return yookassaVerify.contains("ip");
  }

  @Override
  public String toString() {
    return "PaymentProviderSettings[provider=" + provider + ", yookassaVerify=" + yookassaVerify + "]";
  }
}
