package dev.storeops.fulfilment;

import dev.storeops.customers.CustomerStore;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.messaging.sms.SmsOutbox;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.staff.TaskService;
import dev.storeops.staff.TaskStore;
import java.time.Clock;

/**
 * The fulfilment use cases wired together, so a handler builds them once (docs/payments.md). The
 * rules live in the policies ({@link UnpaidPrepaymentPolicy}, {@link ConfirmationCallPolicy},
 * {@link PaymentEventPolicy}, {@link PaidOrderShipsPolicy}, {@link CancellationPolicy},
 * {@link ShipmentPolicy}, {@link DeliveryPolicy}); the steps in the use cases ({@link StartFollowUps},
 * {@link ApplyPaymentEvent}, {@link LogCall}, {@link CancelOrder}, {@link ShipOrder},
 * {@link DeliverOrder}, {@link ExpireUnpaidOrders}). Every change is decided on the order as read and
 * written conditionally ({@link OrderMutations}); effects outside the order (tasks, mail) are
 * idempotent by key.
 */
public final class OrderFlow {
  /** Due-work kind and stages of payment deadlines (see {@link UnpaidPrepaymentPolicy}). */
  public static final String PAYMENT_DUE = UnpaidPrepaymentPolicy.PAYMENT_DUE;
  public static final String STAGE_REMIND = UnpaidPrepaymentPolicy.STAGE_REMIND;
  public static final String STAGE_CANCEL = UnpaidPrepaymentPolicy.STAGE_CANCEL;
  public static final String STAGE_NOTIFY = UnpaidPrepaymentPolicy.STAGE_NOTIFY;

  private final OrderFlowStore store;
  private final StartFollowUps startFollowUps;
  private final ApplyPaymentEvent applyPaymentEvent;
  private final LogCall logCall;
  private final CancelOrder cancelOrder;
  private final ShipOrder shipOrder;
  private final DeliverOrder deliverOrder;
  private final ExpireUnpaidOrders expireUnpaidOrders;
  private final CustomerNotices notices;

  public OrderFlow(OrderFlowStore store, TaskService tasks, TaskStore taskStore, CustomerStore customers,
      MailOutbox mail, FlowSettings settings, Clock clock, String publicBaseUrl) {
    this(store, tasks, taskStore, customers, mail, SmsOutbox.NONE, settings, clock, publicBaseUrl);
  }

  /** With the SMS queue: the customer notices go by mail and by SMS (docs/notifications.md). */
  public OrderFlow(OrderFlowStore store, TaskService tasks, TaskStore taskStore, CustomerStore customers,
      MailOutbox mail, SmsOutbox sms, FlowSettings settings, Clock clock, String publicBaseUrl) {
    this.store = store;
    OrderMutations mutations = new OrderMutations(store);
    FollowUpTasks followUpTasks = new FollowUpTasks(tasks, taskStore, settings, clock);
    CustomerNotices notices = new CustomerNotices(customers, mail, sms, publicBaseUrl);
    this.notices = notices;
    CancellationFollowUp cancellation = new CancellationFollowUp(notices, followUpTasks);
    UnpaidPrepaymentPolicy unpaidPrepayment = UnpaidPrepaymentPolicy.from(settings);
    ConfirmationCallPolicy confirmationCall = ConfirmationCallPolicy.from(settings);
    this.startFollowUps = new StartFollowUps(mutations, unpaidPrepayment, confirmationCall, followUpTasks, clock);
    this.applyPaymentEvent = new ApplyPaymentEvent(store, mutations, new PaymentEventPolicy(), followUpTasks,
        cancellation, notices, clock);
    this.logCall = new LogCall(mutations, confirmationCall, cancellation, notices, clock);
    this.cancelOrder = new CancelOrder(mutations, new CancellationPolicy(), cancellation, clock);
    this.shipOrder = new ShipOrder(mutations, new ShipmentPolicy(), notices, clock);
    this.deliverOrder = new DeliverOrder(mutations, new DeliveryPolicy(), notices, clock);
    this.expireUnpaidOrders = new ExpireUnpaidOrders(store, mutations, unpaidPrepayment, followUpTasks, notices,
        cancellation, clock);
  }

  /** {@link StartFollowUps}: after order-events assigned the manager. */
  public void orderPlaced(String orderId) {
    startFollowUps.start(orderId);
  }

  /** {@link ApplyPaymentEvent}: the payment webhook. */
  public ApplyPaymentEvent.Result payment(PaymentEvent e) {
    return applyPaymentEvent.apply(e);
  }

  /** {@link LogCall}: {@code POST /staff/orders/{id}/calls}. */
  public OrderFile logCall(String orderId, String by, String callId, LogCall.Request r) {
    return logCall.log(orderId, by, callId, r);
  }

  /** {@link CancelOrder}: {@code POST /staff/orders/{id}/cancel}. */
  public OrderFile cancel(String orderId, String by, CancelOrder.Request r) {
    return cancelOrder.cancel(orderId, by, r);
  }

  /** {@link ShipOrder}: {@code POST /staff/orders/{id}/ship}. */
  public OrderFile ship(String orderId, String by, ShipOrder.Request r) {
    return shipOrder.ship(orderId, by, r);
  }

  /** {@link DeliverOrder}: {@code POST /staff/orders/{id}/deliver}. */
  public OrderFile deliver(String orderId, String by) {
    return deliverOrder.deliver(orderId, by);
  }

  /** {@link ExpireUnpaidOrders}: the scheduler's payment-deadline run. */
  public ExpireUnpaidOrders.Run paymentTimeouts(int limit) {
    return expireUnpaidOrders.run(limit);
  }

  /**
   * The customer's refund notice (mail and SMS), once per {@code refundId}: for returns and any other
   * path that refunds money outside the payment webhook (which sends it by itself).
   */
  public void refundMade(String orderId, long amountMinor, String refundId) {
    notices.refundMade(get(orderId).order(), amountMinor, refundId);
  }

  /** The customer notices (mail and SMS) of this flow. */
  public CustomerNotices notices() {
    return notices;
  }

  /** The order as the rules see it. */
  public OrderFile get(String orderId) {
    return store.find(orderId).orElseThrow(() -> new NotFound("Order " + orderId));
  }
}
