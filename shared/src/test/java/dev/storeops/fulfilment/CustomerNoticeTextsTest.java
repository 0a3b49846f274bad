package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import org.junit.jupiter.api.Test;

class CustomerNoticeTextsTest {
  private static Order cancelledBy(String by, String why) {
    return OrderLifecycle.transition(order(PaymentMethod.BANK_TRANSFER), OrderStatus.CANCELLED, T0, by, why);
  }

  @Test
  void ruleCancellationsAreExplainedInTheCustomersLanguage() {
    Order timeout = cancelledBy(UnpaidPrepaymentPolicy.BY, "not paid 48 h after the reminder");
    assertEquals("the payment did not arrive in time", CustomerNoticeTexts.cancellationReason(timeout, true));
    assertEquals("оплата не поступила вовремя", CustomerNoticeTexts.cancellationReason(timeout, false));
    Order unreachable = cancelledBy(ConfirmationCallPolicy.BY_UNREACHABLE, "3 calls without an answer");
    assertEquals("we could not reach you to confirm the order",
        CustomerNoticeTexts.cancellationReason(unreachable, true));
    Order refund = cancelledBy(PaymentEventPolicy.BY_REFUND, "payment pay_1 refunded");
    assertEquals("оплата возвращена", CustomerNoticeTexts.cancellationReason(refund, false));
  }

  @Test
  void aStaffReasonIsQuotedAsGiven() {
    assertEquals("customer asked", CustomerNoticeTexts.cancellationReason(cancelledBy("mgr-1", "customer asked"), true));
  }

  @Test
  void paymentInstructionsFollowThePaymentMethod() {
    assertEquals("Pay by card online with the link to your order.",
        CustomerNoticeTexts.paymentInstructions(PaymentMethod.ONLINE_CARD, true));
    assertEquals("Оплатите счёт, указав номер заказа.",
        CustomerNoticeTexts.paymentInstructions(PaymentMethod.BANK_TRANSFER, false));
  }
}
