package dev.storeops.ordering;

import java.util.List;

/**
 * What an order really brought in, for a customer's dossier (docs/customer-dossier.md#totals), the same
 * way the cash report counts money (docs/money.md): a prepaid order's total is received once it was PAID,
 * a cash-on-delivery order's once it was DELIVERED (a refused parcel, RETURNING or RETURNED, never was);
 * the total goes back when a paid order was cancelled or its refused parcel came back (RETURNED), and a
 * return after delivery gives back its refund. A refund is <em>made</em> when the provider confirmed it
 * ({@code succeeded}) or the owner marked the hand refund made ({@code made}); it is <em>owed</em> while
 * the provider has not answered ({@code pending}), the owner's task is open ({@code task}) or a paid refused
 * parcel is still on its way back; a refund the provider cancelled or a return with nothing to give back
 * counts nothing. Decides only; no I/O.
 */
public final class ReceivedMoneyPolicy {
  private ReceivedMoneyPolicy() {}

  /** The refund of one return after delivery as recorded on the order: its amount and {@code refund.status}. */
  public record ReturnRefund(long amountMinor, String status) {}

  /** The money of one order: received, given back, still to give back. */
  public record Money(long receivedMinor, long refundedMinor, long owedMinor) {
    /** What the shop keeps of the order: received less every refund, made or owed. */
    public long keptMinor() {
      return receivedMinor - refundedMinor - owedMinor;
    }
  }

  public static Money of(Order order, List<ReturnRefund> returns) {
    boolean cod = order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY;
    OrderStatus brings = cod ? OrderStatus.DELIVERED : OrderStatus.PAID;
    boolean received = order.statusHistory().stream().anyMatch(c -> c.status() == brings);
    if (!received) {
      return new Money(0, 0, 0);
    }
    long total = order.totalMinor();
    if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.RETURNED) {
      return new Money(total, total, 0); // the whole total went back (docs/money.md: the cash report's refund)
    }
    if (order.status() == OrderStatus.RETURNING) {
      return new Money(total, 0, total); // a paid parcel refused: its refund follows when it is back
    }
    long refunded = 0;
    long owed = 0;
    for (ReturnRefund r : returns) {
      switch (r.status() == null ? "" : r.status()) {
        case "succeeded", "made" -> refunded += r.amountMinor();
        case "pending", "task" -> owed += r.amountMinor();
        default -> { } // canceled by the provider, none: nothing went back
      }
    }
    return new Money(total, refunded, owed);
  }
}
