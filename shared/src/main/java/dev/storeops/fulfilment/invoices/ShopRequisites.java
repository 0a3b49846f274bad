package dev.storeops.fulfilment.invoices;

import dev.storeops.platform.config.Env;

/**
 * The shop's requisites printed on a bank-transfer invoice and put in its payment QR code (SAM parameters
 * {@code ShopLegalName}, {@code ShopInn}, … → {@code SHOP_*}; docs/payments.md#invoice-for-bank-transfer).
 *
 * @param vatPercent the VAT rate included in the prices (0: the invoice says "Без НДС")
 */
public record ShopRequisites(String name, String inn, String kpp, String address, String account, String bankName,
    String bic, String correspondentAccount, int vatPercent) {

  public static ShopRequisites from(Env env) {
    return new ShopRequisites(env.required("SHOP_LEGAL_NAME"), env.required("SHOP_INN"),
        env.optional("SHOP_KPP", ""), env.optional("SHOP_ADDRESS", ""), env.required("SHOP_BANK_ACCOUNT"),
        env.required("SHOP_BANK_NAME"), env.required("SHOP_BIC"), env.required("SHOP_CORR_ACCOUNT"),
        env.optionalInt("SHOP_VAT_PERCENT", 0));
  }
}
