package dev.storeops.fulfilment.providers;

import dev.storeops.fulfilment.ProviderRefunds;

/** The returns' refunds through YooKassa's {@code POST /v3/refunds} (docs/returns.md). */
public final class YooKassaRefunds implements ProviderRefunds {
  private final YooKassaApi api;

  public YooKassaRefunds(YooKassaApi api) {
    this.api = api;
  }

  @Override
  public Refund refund(String idempotenceKey, String paymentId, long amountMinor, String currency, String description) {
    YooKassaApi.Refund r = api.createRefund(idempotenceKey, paymentId, amountMinor, currency, description);
    return new Refund(r.id(), r.status());
  }
}
