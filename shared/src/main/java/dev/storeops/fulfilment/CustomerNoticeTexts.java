package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.StatusChange;

/**
 * The ru/en texts the order rules put into customer mail: why an order was cancelled (by a rule; a
 * staff or customer reason is quoted as given) and how to pay an unpaid order.
 */
public final class CustomerNoticeTexts {
  private CustomerNoticeTexts() {}

  /** Why the order was cancelled, from its last status change, in English or Russian. */
  public static String cancellationReason(Order o, boolean en) {
    StatusChange last = o.statusHistory().get(o.statusHistory().size() - 1);
    return switch (last.by()) {
      case UnpaidPrepaymentPolicy.BY -> en ? "the payment did not arrive in time" : "оплата не поступила вовремя";
      case ConfirmationCallPolicy.BY_UNREACHABLE -> en ? "we could not reach you to confirm the order"
          : "мы не смогли дозвониться, чтобы подтвердить заказ";
      case PaymentEventPolicy.BY_REFUND -> en ? "the payment was refunded" : "оплата возвращена";
      default -> last.reason();
    };
  }

  /** How to pay: by card online, or the invoice quoting the order number. */
  public static String paymentInstructions(PaymentMethod method, boolean en) {
    return method == PaymentMethod.ONLINE_CARD
        ? (en ? "Pay by card online with the link to your order." : "Оплатите картой онлайн по ссылке на заказ.")
        : (en ? "Please pay the invoice, quoting the order number." : "Оплатите счёт, указав номер заказа.");
  }

  /** Where a pickup order is collected: the warehouse and its city as the order recorded them. */
  public static String pickupPoint(Order o) {
    var d = o.delivery();
    if (d == null || d.warehouse() == null) {
      return d == null || d.city() == null ? "-" : d.city();
    }
    return d.city() == null || d.city().isBlank() ? d.warehouse() : d.warehouse() + ", " + d.city();
  }
}
