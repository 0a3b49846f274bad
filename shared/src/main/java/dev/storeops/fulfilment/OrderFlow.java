package dev.storeops.fulfilment;

import dev.storeops.platform.retry.Retry;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.errors.FieldError;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.ordering.Money;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;
import dev.storeops.staff.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The payment and follow-up rules of an order's life (docs/payments.md): provider payment events,
 * payment deadlines, confirmation calls, staff cancel/ship/deliver. Every change is decided on the
 * order as read and written by {@link OrderFlowStore#apply} conditioned on what was read, so
 * concurrent paths (a webhook, a staff click, the scheduler) cannot both win; the loser reads again
 * and decides again. Effects outside the order (tasks, mail) are idempotent by key and are derived
 * from what is stored, so a replay repeats them harmlessly.
 */
public final class OrderFlow {
  /** Due-work kind of payment deadlines. */
  public static final String PAYMENT_DUE = "PAYMENT_DUE";
  public static final String STAGE_REMIND = "REMIND";
  public static final String STAGE_CANCEL = "CANCEL";
  public static final String STAGE_NOTIFY = "NOTIFY";
  public static final String UNASSIGNED = "unassigned";
  /** Cancellation reasons set by rules. */
  public static final String PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT";
  public static final String UNREACHABLE = "UNREACHABLE";
  public static final String REFUSED = "REFUSED";
  public static final String REFUNDED = "REFUNDED";

  private static final Log LOG = Log.get(OrderFlow.class);
  private static final int ATTEMPTS = 5;

  /** What a confirmation call came to. */
  public enum CallOutcome { CONFIRMED, REFUSED, NO_ANSWER }

  /** The body of {@code POST /staff/orders/{id}/calls}. */
  public record CallRequest(String outcome, String reason) {}

  /** The body of {@code POST /staff/orders/{id}/cancel}. */
  public record CancelRequest(String reason) {}

  /** The body of {@code POST /staff/orders/{id}/ship}. */
  public record ShipRequest(String carrier, String trackingNumber) {}

  /** What a payment event did. */
  public record PaymentOutcome(String orderId, String eventId, boolean duplicate, String outcome, OrderStatus status) {}

  private final OrderFlowStore store;
  private final TaskService tasks;
  private final TaskStore taskStore;
  private final CustomerStore customers;
  private final MailOutbox mail;
  private final FlowSettings settings;
  private final Clock clock;
  private final String publicBaseUrl;

  public OrderFlow(OrderFlowStore store, TaskService tasks, TaskStore taskStore, CustomerStore customers,
      MailOutbox mail, FlowSettings settings, Clock clock, String publicBaseUrl) {
    this.store = store;
    this.tasks = tasks;
    this.taskStore = taskStore;
    this.customers = customers;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl;
  }

  // ------------------------------------------------------------------ after creation (order-events)

  /**
   * Starts the follow-ups of a new order (called by order-events after the manager is assigned;
   * idempotent): a prepaid order goes on the due-work index at its reminder deadline (counted from
   * creation); a cash-on-delivery order gets the "confirm by phone" task for its manager.
   */
  public void orderPlaced(String orderId) {
    Mutation m = mutate(orderId, f -> {
      Order o = f.order();
      if (o.status() != OrderStatus.AWAITING_PAYMENT || f.paymentStage() != null) {
        return null;
      }
      return new OrderChange(f, clock.instant()).due(STAGE_REMIND, o.createdAt().plus(settings.paymentReminderAfter()));
    });
    Order o = m.file().order();
    if (o.status() == OrderStatus.NEW && o.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY) {
      openTask("confirm-by-phone_" + o.id(), "confirm-by-phone", "Confirm order " + o.number() + " by phone",
          o, settings.taskDue(), "rule:cash-on-delivery");
    }
    if (m.change() != null) {
      LOG.info("payment deadline scheduled", "orderId", orderId, "dueAt", m.change().due().at());
    }
  }

  // ------------------------------------------------------------------ payment webhook

  /** Applies one verified provider event; the same event id a second time changes nothing. */
  public PaymentOutcome payment(PaymentEvent e) {
    if (store.find(e.orderId()).isEmpty()) {
      throw new NotFound("Order " + e.orderId());
    }
    if (store.eventSeen(e.eventId())) {
      return duplicate(e);
    }
    Instant now = clock.instant();
    Mutation m = mutate(e.orderId(), f -> decidePayment(f, e, now));
    if (m.duplicate()) {
      return duplicate(e);
    }
    Map<String, Object> recorded = m.file().payment(e.eventId()).orElseThrow();
    paymentEffects(m.file(), recorded);
    LOG.info("payment event applied", "eventId", e.eventId(), "orderId", e.orderId(), "type", e.type(),
        "outcome", recorded.get("outcome"), "status", m.file().order().status());
    return new PaymentOutcome(e.orderId(), e.eventId(), false, String.valueOf(recorded.get("outcome")),
        m.file().order().status());
  }

  /** A repeated event: nothing is written; the effects of the first delivery are repeated idempotently. */
  private PaymentOutcome duplicate(PaymentEvent e) {
    OrderFile f = store.find(e.orderId()).orElseThrow(() -> new NotFound("Order " + e.orderId()));
    Optional<Map<String, Object>> recorded = f.payment(e.eventId());
    recorded.ifPresent(p -> paymentEffects(f, p));
    LOG.info("payment event repeated: nothing changed", "eventId", e.eventId(), "orderId", e.orderId());
    return new PaymentOutcome(e.orderId(), e.eventId(), true,
        recorded.map(p -> String.valueOf(p.get("outcome"))).orElse("OTHER_ORDER"), f.order().status());
  }

  private OrderChange decidePayment(OrderFile f, PaymentEvent e, Instant now) {
    Order o = f.order();
    OrderChange c = new OrderChange(f, now).claimEvent(e.eventId());
    String outcome;
    switch (e.type()) {
      case SUCCEEDED -> {
        if (e.amountMinor() != o.totalMinor() || !e.currency().equals(o.currency())) {
          outcome = "MISMATCH";
          c.flag("payment " + e.paymentId() + " of " + e.amountMinor() + " " + e.currency()
              + " does not match the order total " + o.totalMinor() + " " + o.currency());
        } else if (o.status() == OrderStatus.AWAITING_PAYMENT) {
          outcome = "PAID";
          Order paid = OrderLifecycle.transition(o, OrderStatus.PAID, now, "rule:payment-webhook",
              "payment " + e.paymentId() + " succeeded");
          Order ready = OrderLifecycle.transition(paid, OrderStatus.READY_TO_SHIP, now, "rule:paid-order-ships",
              "paid orders ship without a confirmation call");
          c.moved(ready).removeDue();
        } else {
          outcome = "UNEXPECTED";
          c.flag("payment " + e.paymentId() + " arrived while the order was " + o.status());
        }
      }
      case FAILED -> outcome = o.status() == OrderStatus.AWAITING_PAYMENT && o.paymentMethod() == PaymentMethod.ONLINE_CARD
          ? "FAILED_CALL" : "FAILED";
      case REFUNDED -> {
        if (OrderLifecycle.allowed(o.status(), OrderStatus.CANCELLED)) {
          outcome = "REFUNDED_CANCELLED";
          cancel(c, "rule:refund", REFUNDED, "payment " + e.paymentId() + " refunded");
        } else if (o.status() == OrderStatus.CANCELLED) {
          outcome = "REFUNDED";
        } else {
          outcome = "REFUNDED_AFTER_SHIPPING";
          c.flag("payment " + e.paymentId() + " refunded after the order was " + o.status());
        }
      }
      default -> throw new IllegalStateException("unknown type " + e.type());
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("eventId", e.eventId());
    p.put("paymentId", e.paymentId());
    p.put("type", e.type().name());
    p.put("amountMinor", e.amountMinor());
    p.put("currency", e.currency());
    p.put("receivedAt", now.toString());
    p.put("outcome", outcome);
    return c.payment(p);
  }

  /** Tasks and mail that follow a recorded payment event (idempotent: task ids and mail keys are fixed). */
  private void paymentEffects(OrderFile f, Map<String, Object> p) {
    Order o = f.order();
    String eventId = String.valueOf(p.get("eventId"));
    switch (String.valueOf(p.get("outcome"))) {
      case "PAID" -> closeTask("call-about-payment_" + o.id(), "rule:payment-webhook", "paid");
      case "MISMATCH" -> openTask("payment-mismatch_" + eventId, "payment-mismatch",
          "Check the payment of order " + o.number() + ": amount or currency does not match", o,
          settings.urgentTaskDue(), "rule:payment-webhook");
      case "UNEXPECTED" -> openTask("payment-review_" + eventId, "payment-review",
          "A payment arrived for order " + o.number() + " in state " + o.status() + ": refund or reinstate", o,
          settings.urgentTaskDue(), "rule:payment-webhook");
      case "FAILED_CALL" -> openTask("payment-failed_" + o.id() + "_" + p.get("paymentId"), "payment-failed",
          "Call the customer about the failed payment of order " + o.number(), o, settings.urgentTaskDue(),
          "rule:payment-webhook");
      case "REFUNDED_CANCELLED" -> cancelled(f);
      case "REFUNDED_AFTER_SHIPPING" -> openTask("refund-review_" + eventId, "refund-review",
          "Order " + o.number() + " was refunded after shipping: arrange the return", o, settings.taskDue(),
          "rule:payment-webhook");
      default -> {
        // FAILED (not a card order waiting for payment) and REFUNDED (already cancelled): recorded only
      }
    }
  }

  // ------------------------------------------------------------------ staff

  /**
   * Logs a call with the customer. {@code callId} (the Idempotency-Key, else a new id) makes a repeated
   * request a no-op. Cash on delivery: CONFIRMED → CONFIRMED → READY_TO_SHIP; the Nth NO_ANSWER →
   * cancelled UNREACHABLE. Any order before shipping: REFUSED → cancelled with the customer's reason.
   */
  public OrderFile logCall(String orderId, String by, String callId, CallRequest r) {
    Validation v = new Validation();
    CallOutcome outcome = null;
    if (r == null || r.outcome() == null) {
      v.error("outcome", "is required: CONFIRMED, REFUSED or NO_ANSWER");
    } else {
      try {
        outcome = CallOutcome.valueOf(r.outcome().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v.error("outcome", "must be CONFIRMED, REFUSED or NO_ANSWER");
      }
    }
    String reason = r == null || r.reason() == null || r.reason().isBlank() ? null : r.reason().strip();
    if (outcome == CallOutcome.REFUSED && reason == null) {
      v.error("reason", "is required when the customer refuses: the customer's reason");
    }
    if (reason != null && reason.length() > 500) {
      v.error("reason", "must be at most 500 characters");
    }
    v.throwIfInvalid();
    CallOutcome out = outcome;
    Instant now = clock.instant();
    Mutation m = mutate(orderId, f -> {
      if (f.hasCall(callId)) {
        return null;
      }
      Order o = f.order();
      if (!OrderLifecycle.allowed(o.status(), OrderStatus.CANCELLED)) {
        throw illegal(o.status(), "calls are logged only before the order is shipped or closed");
      }
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("id", callId);
      call.put("at", now.toString());
      call.put("by", by);
      call.put("outcome", out.name());
      if (reason != null) {
        call.put("reason", reason);
      }
      OrderChange c = new OrderChange(f, now).call(call);
      switch (out) {
        case CONFIRMED -> {
          if (o.status() == OrderStatus.NEW) {
            Order confirmed = OrderLifecycle.transition(o, OrderStatus.CONFIRMED, now, by, "confirmed by phone");
            c.moved(OrderLifecycle.transition(confirmed, OrderStatus.READY_TO_SHIP, now, "rule:confirmed-order-ships",
                "cash-on-delivery order confirmed by phone"));
          }
        }
        case REFUSED -> cancel(c, by, REFUSED, "refused by the customer: " + reason);
        case NO_ANSWER -> {
          int n = f.noAnswerCalls() + 1;
          c.noAnswerCalls(n);
          if (o.status() == OrderStatus.NEW && n >= settings.maxNoAnswerCalls()) {
            cancel(c, "rule:unreachable", UNREACHABLE, n + " calls without an answer");
          }
        }
        default -> throw new IllegalStateException();
      }
      return c;
    });
    after(m, by);
    return m.file();
  }

  /** Cancels with a reason from any state before shipping; repeating it on a cancelled order changes nothing. */
  public OrderFile cancel(String orderId, String by, CancelRequest r) {
    String reason = r == null || r.reason() == null ? null : r.reason().strip();
    if (reason == null || reason.isEmpty()) {
      throw Invalid.field("reason", "is required");
    }
    if (reason.length() > 500) {
      throw Invalid.field("reason", "must be at most 500 characters");
    }
    Mutation m = mutate(orderId, f -> {
      if (f.order().status() == OrderStatus.CANCELLED) {
        return null;
      }
      requireAllowed(f.order(), OrderStatus.CANCELLED);
      return cancel(new OrderChange(f, clock.instant()), by, reason, reason);
    });
    after(m, by);
    return m.file();
  }

  /** READY_TO_SHIP → SHIPPED with the carrier and tracking number; repeating it changes nothing. */
  public OrderFile ship(String orderId, String by, ShipRequest r) {
    Validation v = new Validation();
    String carrier = text(r == null ? null : r.carrier(), "carrier", 100, v);
    String tracking = text(r == null ? null : r.trackingNumber(), "trackingNumber", 100, v);
    v.throwIfInvalid();
    Instant now = clock.instant();
    Mutation m = mutate(orderId, f -> {
      if (f.order().status() == OrderStatus.SHIPPED && f.shipment() != null
          && tracking.equals(f.shipment().get("trackingNumber"))) {
        return null;
      }
      requireAllowed(f.order(), OrderStatus.SHIPPED);
      Map<String, Object> shipment = new LinkedHashMap<>();
      shipment.put("carrier", carrier);
      shipment.put("trackingNumber", tracking);
      shipment.put("shippedAt", now.toString());
      shipment.put("shippedBy", by);
      return new OrderChange(f, now).shipment(shipment).moved(OrderLifecycle.transition(f.order(), OrderStatus.SHIPPED,
          now, by, "shipped with " + carrier + ", tracking " + tracking));
    });
    return m.file();
  }

  /** SHIPPED → DELIVERED; repeating it changes nothing. */
  public OrderFile deliver(String orderId, String by) {
    Mutation m = mutate(orderId, f -> {
      if (f.order().status() == OrderStatus.DELIVERED) {
        return null;
      }
      requireAllowed(f.order(), OrderStatus.DELIVERED);
      Instant now = clock.instant();
      return new OrderChange(f, now).moved(OrderLifecycle.transition(f.order(), OrderStatus.DELIVERED, now, by,
          "delivered"));
    });
    return m.file();
  }

  public OrderFile get(String orderId) {
    return store.find(orderId).orElseThrow(() -> new NotFound("Order " + orderId));
  }

  // ------------------------------------------------------------------ scheduler

  /** Figures of one payment-timeouts run. */
  public record TimeoutRun(int due, int reminded, int cancelled, int notified, int skipped, int failed) {
    public Map<String, Object> figures() {
      return Map.of("due", due, "reminded", reminded, "cancelled", cancelled, "notified", notified,
          "skipped", skipped, "failed", failed);
    }
  }

  /**
   * Handles the payment deadlines that have passed: REMIND → "call about payment" task + reminder mail,
   * then the order waits {@code paymentGrace} more (stage CANCEL); CANCEL → cancelled PAYMENT_TIMEOUT
   * (stock released in the same write) and stage NOTIFY; NOTIFY → the customer's mail, then off the
   * index. Each step's outcome moves or removes the index entry conditionally, so a repeated run
   * redoes nothing.
   */
  public TimeoutRun paymentTimeouts(int limit) {
    List<String> ids = store.paymentDue(limit);
    int reminded = 0;
    int cancelled = 0;
    int notified = 0;
    int skipped = 0;
    int failed = 0;
    for (String id : ids) {
      try {
        switch (paymentDeadline(id)) {
          case "reminded" -> reminded++;
          case "cancelled" -> {
            cancelled++;
            notified++;
          }
          case "notified" -> notified++;
          default -> skipped++;
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.error("payment deadline failed; retried next run", e, "orderId", id);
      }
    }
    return new TimeoutRun(ids.size(), reminded, cancelled, notified, skipped, failed);
  }

  private String paymentDeadline(String orderId) {
    OrderFile f = store.find(orderId).orElse(null);
    if (f == null || f.paymentStage() == null) {
      return "skipped";
    }
    Instant now = clock.instant();
    if (f.paymentDueAt() != null && f.paymentDueAt().isAfter(now)) {
      return "skipped";
    }
    Order o = f.order();
    if (STAGE_NOTIFY.equals(f.paymentStage())) {
      cancelled(f);
      store.clearDue(orderId, f.dueSk());
      return "notified";
    }
    if (o.status() != OrderStatus.AWAITING_PAYMENT) {
      store.clearDue(orderId, f.dueSk());
      return "skipped";
    }
    if (STAGE_REMIND.equals(f.paymentStage())) {
      openTask("call-about-payment_" + o.id(), "call-about-payment", "Call about the payment of order " + o.number(),
          o, settings.taskDue(), "rule:payment-reminder");
      customer(o).ifPresent(c -> mail.send(new MailIntent("payment-reminder#" + o.id(), "payment-reminder",
          MailIntent.Category.TRANSACTIONAL, c.id(), c.email(), c.locale(), "payment-reminder", Map.of(
              "customerName", c.name(), "orderNumber", o.number(), "totalText", Money.rub(o.totalMinor()),
              "paymentInstructions", instructions(o.paymentMethod(), "en".equals(c.locale())),
              "orderUrl", publicBaseUrl + "/orders/" + o.id()))));
      Instant cancelAt = now.plus(settings.paymentGrace());
      Mutation m = mutateFrom(f, x -> STAGE_REMIND.equals(x.paymentStage()) && x.order().status() == OrderStatus.AWAITING_PAYMENT
          ? new OrderChange(x, now).due(STAGE_CANCEL, cancelAt) : null);
      return m.change() == null ? "skipped" : "reminded";
    }
    Mutation m = mutateFrom(f, x -> STAGE_CANCEL.equals(x.paymentStage()) && x.order().status() == OrderStatus.AWAITING_PAYMENT
        ? cancel(new OrderChange(x, now), "rule:payment-timeout", PAYMENT_TIMEOUT,
            "not paid " + settings.paymentGrace().toHours() + " h after the reminder").due(STAGE_NOTIFY, now)
        : null);
    if (m.change() == null) {
      return "skipped";
    }
    cancelled(m.file());
    store.clearDue(orderId, m.file().dueSk());
    return "cancelled";
  }

  // ------------------------------------------------------------------ helpers

  private OrderChange cancel(OrderChange c, String by, String code, String why) {
    Order o = c.after();
    return c.moved(OrderLifecycle.transition(o, OrderStatus.CANCELLED, c.at(), by, why)).cancelReason(code)
        .removeDue();
  }

  /** After a staff change: a cancellation tells the customer; a resolved order closes its follow-up tasks. */
  private void after(Mutation m, String by) {
    OrderStatus s = m.file().order().status();
    if (s == OrderStatus.CANCELLED) {
      cancelled(m.file());
    } else if (s != OrderStatus.NEW) {
      closeTask("confirm-by-phone_" + m.file().order().id(), by, "order " + s);
    }
  }

  /** The customer's cancellation mail (dedupe key per order) and the order's follow-up tasks closed. */
  private void cancelled(OrderFile f) {
    Order o = f.order();
    String why = o.statusHistory().get(o.statusHistory().size() - 1).reason();
    customer(o).ifPresent(c -> mail.send(new MailIntent("order-cancelled#" + o.id(), "order-cancelled",
        MailIntent.Category.TRANSACTIONAL, c.id(), c.email(), c.locale(), "order-cancelled", Map.of(
            "customerName", c.name(), "orderNumber", o.number(), "reason", reasonText(o, why,
                "en".equals(c.locale()))))));
    closeTask("confirm-by-phone_" + o.id(), "rule:cancelled", "order cancelled");
    closeTask("call-about-payment_" + o.id(), "rule:cancelled", "order cancelled");
  }

  private static String reasonText(Order o, String why, boolean en) {
    String code = o.statusHistory().get(o.statusHistory().size() - 1).by();
    return switch (code) {
      case "rule:payment-timeout" -> en ? "the payment did not arrive in time" : "оплата не поступила вовремя";
      case "rule:unreachable" -> en ? "we could not reach you to confirm the order"
          : "мы не смогли дозвониться, чтобы подтвердить заказ";
      case "rule:refund" -> en ? "the payment was refunded" : "оплата возвращена";
      default -> why;
    };
  }

  private static String instructions(PaymentMethod method, boolean en) {
    return method == PaymentMethod.ONLINE_CARD
        ? (en ? "Pay by card online with the link to your order." : "Оплатите картой онлайн по ссылке на заказ.")
        : (en ? "Please pay the invoice, quoting the order number." : "Оплатите счёт, указав номер заказа.");
  }

  private Optional<Customer> customer(Order o) {
    Optional<Customer> c = customers.find(o.customerId());
    if (c.isEmpty()) {
      LOG.warn("order's customer not found: no mail", "orderId", o.id());
    }
    return c;
  }

  private void openTask(String id, String kind, String title, Order o, Duration dueIn, String by) {
    tasks.open(id, kind, title, o.id(), o.customerId(), o.managerId() == null ? UNASSIGNED : o.managerId(), dueIn, by);
  }

  private void closeTask(String id, String by, String comment) {
    taskStore.find(id).filter(t -> t.status() == StaffTask.Status.OPEN)
        .ifPresent(t -> taskStore.complete(t, by, comment, clock.instant()));
  }

  private static void requireAllowed(Order o, OrderStatus to) {
    if (!OrderLifecycle.allowed(o.status(), to)) {
      throw illegal(o.status(), "an order cannot go from " + o.status() + " to " + to);
    }
  }

  private static Conflict illegal(OrderStatus from, String detail) {
    return new Conflict("illegal-transition", detail,
        List.of(new FieldError("status", "is " + from + "; allowed next: " + OrderLifecycle.next(from))));
  }

  private static String text(String raw, String field, int max, Validation v) {
    if (raw == null || raw.isBlank()) {
      v.error(field, "is required");
      return null;
    }
    if (raw.strip().length() > max) {
      v.error(field, "must be at most " + max + " characters");
    }
    return raw.strip();
  }

  /** The order after the write (or as read when nothing was written), the change written, and a duplicate event. */
  private record Mutation(OrderFile file, OrderChange change, boolean duplicate) {}


  private Mutation mutate(String orderId, Function<OrderFile, OrderChange> decide) {
    OrderFile f = store.find(orderId).orElseThrow(() -> new NotFound("Order " + orderId));
    return mutateFrom(f, decide);
  }

  private Mutation mutateFrom(OrderFile first, Function<OrderFile, OrderChange> decide) {
    OrderFile f = first;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      OrderChange change = decide.apply(f);
      if (change == null) {
        return new Mutation(f, null, false);
      }
      OrderFlowStore.Result result = store.apply(change);
      String id = f.order().id();
      switch (result) {
        case APPLIED -> {
          return new Mutation(store.find(id).orElseThrow(), change, false);
        }
        case DUPLICATE_EVENT -> {
          return new Mutation(store.find(id).orElseThrow(), null, true);
        }
        default -> {
          LOG.info("order changed meanwhile: deciding again", "orderId", id, "attempt", attempt);
          Retry.backOff(attempt);
          f = store.find(id).orElseThrow();
        }
      }
    }
    throw new Busy("busy", "The order is being changed by others; try again.");
  }
}
