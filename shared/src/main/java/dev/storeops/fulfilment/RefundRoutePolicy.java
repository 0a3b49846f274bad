package dev.storeops.fulfilment;

import dev.storeops.ordering.PaymentMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a return's money goes back (docs/returns.md): through the payment provider's refund API when the
 * order was paid online by card through a provider storeops has a refund adapter for (today YooKassa:
 * {@code POST /v3/refunds}) and its payment id is on the order; otherwise — cash on delivery, bank
 * transfer, Robokassa (no refund API in storeops), a payment not recorded — an {@code owner-task}: a staff
 * task for the owner to refund the amount by hand. Decides only; no I/O.
 */
public final class RefundRoutePolicy {
  public static final String YOOKASSA = "yookassa";
  public static final String OWNER_TASK = "owner-task";
  public static final String NONE = "none";

  /** @param providerRefunds whether a provider refund adapter is configured (YooKassa with its keys) */
  public String route(OrderFile f, boolean providerRefunds) {
    if (providerRefunds && f.order().paymentMethod() == PaymentMethod.ONLINE_CARD && paymentId(f.payments()).isPresent()) {
      return YOOKASSA;
    }
    return OWNER_TASK;
  }

  /** The provider's id of the payment that paid the order: the last succeeded payment recorded. */
  public static Optional<String> paymentId(List<Map<String, Object>> payments) {
    String id = null;
    for (Map<String, Object> p : payments) {
      if ("SUCCEEDED".equals(p.get("type")) && p.get("paymentId") != null) {
        id = p.get("paymentId").toString();
      }
    }
    return Optional.ofNullable(id);
  }
}
