package dev.storeops.fulfilment.invoices;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of the payment QR code on a bank-transfer invoice, in the Russian banks' unified format
 * (GOST R 56042-2014): the header {@code ST0001} + encoding {@code 2} (UTF-8), then {@code |Name=value}
 * pairs — the mandatory {@code Name}, {@code PersonalAcc}, {@code BankName}, {@code BIC}, {@code CorrespAcc},
 * then {@code PayeeINN}, {@code KPP} (when the payee has one), {@code Purpose} and {@code Sum} in kopecks.
 * A {@code |} inside a value would end it, so it is replaced by a space; values are cut to the standard's
 * lengths (Name 160, BankName 45, Purpose 210).
 */
public final class PaymentQrPayload {
  public static final String HEADER = "ST00012";

  private PaymentQrPayload() {}

  public static String of(ShopRequisites shop, String purpose, long sumMinor) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Name", cut(shop.name(), 160));
    f.put("PersonalAcc", shop.account());
    f.put("BankName", cut(shop.bankName(), 45));
    f.put("BIC", shop.bic());
    f.put("CorrespAcc", shop.correspondentAccount());
    f.put("PayeeINN", shop.inn());
    if (shop.kpp() != null && !shop.kpp().isBlank()) {
      f.put("KPP", shop.kpp());
    }
    f.put("Purpose", cut(purpose, 210));
    f.put("Sum", Long.toString(sumMinor));
    StringBuilder b = new StringBuilder(HEADER);
    f.forEach((k, v) -> b.append('|').append(k).append('=').append(v));
    return b.toString();
  }

  private static String cut(String value, int max) {
    String v = value == null ? "" : value.replace('|', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    return v.length() > max ? v.substring(0, max) : v;
  }
}
