package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.file;
import static dev.storeops.fulfilment.PolicyFixtures.moved;
import static dev.storeops.fulfilment.PolicyFixtures.onIndex;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnpaidPrepaymentPolicyTest {
  private final UnpaidPrepaymentPolicy policy = UnpaidPrepaymentPolicy.from(FlowSettings.defaults());
  private final Order unpaid = order(PaymentMethod.BANK_TRANSFER);

  @Test
  void aPrepaidOrderIsRemindedThreeDaysAfterCreation() {
    OrderChange c = policy.schedule(file(unpaid), T0.plusSeconds(5));
    assertEquals(UnpaidPrepaymentPolicy.STAGE_REMIND, c.due().stage());
    assertEquals(T0.plus(Duration.ofHours(72)), c.due().at());
  }

  @Test
  void cashOnDeliveryAndOrdersAlreadyScheduledGetNoDeadline() {
    assertNull(policy.schedule(file(order(PaymentMethod.CASH_ON_DELIVERY)), T0));
    assertNull(policy.schedule(onIndex(unpaid, UnpaidPrepaymentPolicy.STAGE_REMIND, T0), T0));
  }

  @Test
  void nothingHappensBeforeTheDeadline() {
    Instant due = T0.plus(Duration.ofHours(72));
    assertEquals(UnpaidPrepaymentPolicy.Step.WAIT,
        policy.step(onIndex(unpaid, UnpaidPrepaymentPolicy.STAGE_REMIND, due), due.minusSeconds(1)));
    assertEquals(UnpaidPrepaymentPolicy.Step.WAIT, policy.step(file(unpaid), due));
    assertEquals(UnpaidPrepaymentPolicy.Step.WAIT, policy.step(null, due));
  }

  @Test
  void theStepsRemindThenCancelThenNotify() {
    Instant due = T0.plus(Duration.ofHours(72));
    assertEquals(UnpaidPrepaymentPolicy.Step.REMIND,
        policy.step(onIndex(unpaid, UnpaidPrepaymentPolicy.STAGE_REMIND, due), due));
    assertEquals(UnpaidPrepaymentPolicy.Step.CANCEL,
        policy.step(onIndex(unpaid, UnpaidPrepaymentPolicy.STAGE_CANCEL, due), due));
    Order cancelled = moved(unpaid, OrderStatus.CANCELLED);
    assertEquals(UnpaidPrepaymentPolicy.Step.NOTIFY,
        policy.step(onIndex(cancelled, UnpaidPrepaymentPolicy.STAGE_NOTIFY, due), due));
  }

  @Test
  void anOrderPaidMeanwhileLeavesTheIndex() {
    Instant due = T0.plus(Duration.ofHours(72));
    Order paid = moved(unpaid, OrderStatus.PAID);
    assertEquals(UnpaidPrepaymentPolicy.Step.LEAVE_INDEX,
        policy.step(onIndex(paid, UnpaidPrepaymentPolicy.STAGE_REMIND, due), due));
    assertNull(policy.reminded(onIndex(paid, UnpaidPrepaymentPolicy.STAGE_REMIND, due), due));
    assertNull(policy.cancel(onIndex(paid, UnpaidPrepaymentPolicy.STAGE_CANCEL, due), due));
  }

  @Test
  void afterTheReminderTheOrderWaitsTheTwoDayGrace() {
    Instant now = T0.plus(Duration.ofHours(72));
    OrderChange c = policy.reminded(onIndex(unpaid, UnpaidPrepaymentPolicy.STAGE_REMIND, now), now);
    assertEquals(UnpaidPrepaymentPolicy.STAGE_CANCEL, c.due().stage());
    assertEquals(now.plus(Duration.ofHours(48)), c.due().at());
    assertEquals(OrderStatus.AWAITING_PAYMENT, c.after().status());
    assertNull(policy.reminded(onIndex(unpaid, UnpaidPrepaymentPolicy.STAGE_CANCEL, now), now));
  }

  @Test
  void stillUnpaidAfterTheGraceIsCancelledPaymentTimeoutAndReleasesStock() {
    Instant now = T0.plus(Duration.ofHours(120));
    OrderChange c = policy.cancel(onIndex(unpaid, UnpaidPrepaymentPolicy.STAGE_CANCEL, now), now);
    assertEquals(OrderStatus.CANCELLED, c.after().status());
    assertEquals(UnpaidPrepaymentPolicy.PAYMENT_TIMEOUT, c.cancelReason());
    assertEquals(UnpaidPrepaymentPolicy.BY, c.added().get(0).by());
    assertEquals("not paid 48 h after the reminder", c.added().get(0).reason());
    assertTrue(c.releasesStock());
    assertEquals(UnpaidPrepaymentPolicy.STAGE_NOTIFY, c.due().stage());
    assertEquals(now, c.due().at());
    assertNull(policy.cancel(onIndex(unpaid, UnpaidPrepaymentPolicy.STAGE_REMIND, now), now));
  }
}
