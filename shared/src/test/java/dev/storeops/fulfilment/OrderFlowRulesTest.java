package dev.storeops.fulfilment;

import dev.storeops.messaging.StaffMails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.messaging.MailIntent;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.catalog.Reservation;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;
import dev.storeops.staff.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link OrderFlow} in plain Java: the stores are in-memory implementations of the
 * domain interfaces (they honour the same conditions: status + revision, event claim, due entry), the
 * clock is moved by hand. The DynamoDB side is tested in it/OrderFlowTest on the AWS stack.
 */
class OrderFlowRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private static final class Moving extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Orders in memory with the store's write conditions. */
  private static final class Orders implements OrderFlowStore {
    final Map<String, OrderFile> files = new HashMap<>();
    final List<String> events = new ArrayList<>();
    final Map<String, Integer> releases = new HashMap<>();
    /** Orders whose reading throws (a poison item), and the failures recorded per order and due key. */
    final java.util.Set<String> unreadable = new java.util.HashSet<>();
    final Map<String, Integer> attempts = new HashMap<>();
    final Map<String, String> parked = new HashMap<>();
    final Clock clock;

    Orders(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Optional<OrderFile> find(String id) {
      if (unreadable.contains(id)) {
        throw new IllegalStateException("order " + id + " cannot be read");
      }
      return Optional.ofNullable(files.get(id));
    }

    @Override
    public boolean eventSeen(String eventId) {
      return events.contains(eventId);
    }

    @Override
    public synchronized Result apply(OrderChange c) {
      if (c.claimEventId() != null && events.contains(c.claimEventId())) {
        return Result.DUPLICATE_EVENT;
      }
      OrderFile now = files.get(c.before().order().id());
      if (now.rev() != c.before().rev() || now.order().status() != c.before().order().status()) {
        return Result.CONFLICT;
      }
      if (c.claimEventId() != null) {
        events.add(c.claimEventId());
      }
      if (c.releasesStock()) {
        releases.merge(now.order().id(), 1, Integer::sum);
      }
      List<Map<String, Object>> payments = new ArrayList<>(now.payments());
      if (c.payment() != null) {
        payments.add(c.payment());
      }
      List<Map<String, Object>> calls = new ArrayList<>(now.calls());
      if (c.call() != null) {
        calls.add(c.call());
      }
      String stage = now.paymentStage();
      Instant dueAt = now.paymentDueAt();
      String dueSk = now.dueSk();
      if (c.due() != null) {
        stage = c.due().stage();
        dueAt = c.due().at();
        dueSk = DueWork.sortKey(dueAt, now.order().id());
      } else if (c.removesDue()) {
        stage = null;
        dueAt = null;
        dueSk = null;
      }
      files.put(now.order().id(), new OrderFile(c.after(), now.rev() + 1,
          c.noAnswerCalls() != null ? c.noAnswerCalls() : now.noAnswerCalls(), stage, dueAt, dueSk, payments, calls,
          c.flag() != null ? c.flag() : now.flag(), c.shipment() != null ? c.shipment() : now.shipment()));
      return Result.APPLIED;
    }

    @Override
    public List<DueItem> paymentDue(int limit) {
      return files.values().stream().filter(f -> f.paymentDueAt() != null && !f.paymentDueAt().isAfter(clock.instant()))
          .filter(f -> !f.dueSk().equals(parked.get(f.order().id())))
          .sorted(Comparator.comparing(OrderFile::paymentDueAt)).limit(limit)
          .map(f -> new DueItem(OrderFlow.PAYMENT_DUE, "ORDER#" + f.order().id(), "ORDER", f.dueSk())).toList();
    }

    @Override
    public int recordFailure(DueItem item, String error) {
      return attempts.merge(item.id() + "|" + item.dueSk(), 1, Integer::sum);
    }

    @Override
    public boolean park(DueItem item, String error) {
      parked.put(item.id(), item.dueSk());
      return true;
    }

    @Override
    public boolean clearDue(String id, String dueSk) {
      OrderFile f = files.get(id);
      if (dueSk == null || !dueSk.equals(f.dueSk())) {
        return false;
      }
      files.put(id, new OrderFile(f.order(), f.rev(), f.noAnswerCalls(), null, null, null, f.payments(), f.calls(),
          f.flag(), f.shipment()));
      return true;
    }
  }

  /** Tasks in memory. */
  private static final class Tasks implements TaskStore {
    final Map<String, StaffTask> tasks = new HashMap<>();

    @Override
    public boolean createIfAbsent(StaffTask t) {
      return tasks.putIfAbsent(t.id(), t) == null;
    }

    @Override
    public Optional<StaffTask> find(String id) {
      return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public DueItem dueItem(StaffTask t) {
      return new DueItem("task", "TASK#" + t.id(), "TASK", DueWork.sortKey(t.dueAt(), t.id()));
    }

    @Override
    public int recordFailure(DueItem item, String error) {
      throw new UnsupportedOperationException("escalation is tested in it/TaskServiceTest");
    }

    @Override
    public boolean park(DueItem item, String error) {
      throw new UnsupportedOperationException("escalation is tested in it/TaskServiceTest");
    }

    @Override
    public List<StaffTask> byAssignee(String assignee, StaffTask.Status status, int limit) {
      return tasks.values().stream().filter(t -> t.assigneeId().equals(assignee) && t.status() == status)
          .sorted(Comparator.comparing(StaffTask::dueAt)).limit(limit).toList();
    }

    @Override
    public boolean complete(StaffTask t, String by, String comment, Instant at) {
      StaffTask now = tasks.get(t.id());
      if (now.status() != StaffTask.Status.OPEN) {
        return false;
      }
      tasks.put(t.id(), new StaffTask(t.id(), t.kind(), t.title(), t.orderId(), t.customerId(), t.assigneeId(),
          StaffTask.Status.DONE, t.dueAt(), t.createdAt(), t.createdBy(), t.escalations(), comment, at, by));
      return true;
    }

    @Override
    public boolean reassign(StaffTask task, String newAssignee, Instant newDueAt) {
      return false;
    }

    @Override
    public boolean handOver(StaffTask t, String newAssignee) {
      StaffTask now = tasks.get(t.id());
      if (now.status() != StaffTask.Status.OPEN || !now.assigneeId().equals(t.assigneeId())) {
        return false;
      }
      tasks.put(t.id(), new StaffTask(t.id(), t.kind(), t.title(), t.orderId(), t.customerId(), newAssignee,
          t.status(), t.dueAt(), t.createdAt(), t.createdBy(), t.escalations(), t.comment(), t.doneAt(), t.doneBy()));
      return true;
    }

    @Override
    public boolean markReported(StaffTask task, Instant at) {
      return false;
    }

    @Override
    public List<StaffTask> overdue(int limit) {
      return List.of();
    }
  }

  private final Moving clock = new Moving();
  private final Orders orders = new Orders(clock);
  private final Tasks tasks = new Tasks();
  private final List<MailIntent> mail = new ArrayList<>();
  private final CustomerStore customers = new CustomerStore() {
    @Override
    public void create(Customer customer, Secrets secrets) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Customer> findWithAccessToken(String id, String token) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> confirmConsent(String linkHash, dev.storeops.customers.ConsentEvent confirmation) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Customer> find(String id) {
      return Optional.of(new Customer(id, "anna@example.com", "Anna", null, null, false, null, "en", T0, "mgr-1"));
    }

    @Override
    public Optional<String> findIdByEmail(String email) {
      return Optional.empty();
    }
  };
  private final OrderFlow flow = new OrderFlow(orders,
      new TaskService(tasks, List::of, StaffMails.overdueTaskToLead(mail::addAll, "lead@example.com"), clock,
          TaskService.EscalationPolicy.REPORT, Duration.ofHours(1)),
      tasks, customers, mail::addAll, FlowSettings.defaults(), clock, "https://shop.example.com");

  private Order order(String id, PaymentMethod method) {
    Order o = new Order(id, "261123-" + id, "cus_1", Channel.SITE, "customer",
        List.of(new OrderLine("A1", "Tea", 2, 500, 1000)), 1000, 0, 1000, "RUB", null, method,
        OrderLifecycle.initialStatus(method), OrderLifecycle.created(method, T0, "customer"), "mgr-1", null, "h",
        List.of(new Reservation("A1", "msk-1", 2)), T0, T0);
    orders.files.put(id, new OrderFile(o, 0, 0, null, null, null, List.of(), List.of(), null, null));
    return o;
  }

  private static PaymentEvent event(String id, PaymentEvent.Type type, Order o, long amount, String currency) {
    return new PaymentEvent(id, type, o.id(), "pay_" + id, amount, currency);
  }

  @Test
  void everyWebhookOutcomeAndItsReplay() {
    record Case(PaymentMethod method, OrderStatus before, PaymentEvent.Type type, long amount, String currency,
        String outcome, OrderStatus after, String task) {}
    List<Case> cases = List.of(
        new Case(PaymentMethod.ONLINE_CARD, null, PaymentEvent.Type.SUCCEEDED, 1000, "RUB", "PAID",
            OrderStatus.READY_TO_SHIP, null),
        new Case(PaymentMethod.ONLINE_CARD, null, PaymentEvent.Type.SUCCEEDED, 999, "RUB", "MISMATCH",
            OrderStatus.AWAITING_PAYMENT, "payment-mismatch_"),
        new Case(PaymentMethod.BANK_TRANSFER, null, PaymentEvent.Type.SUCCEEDED, 1000, "EUR", "MISMATCH",
            OrderStatus.AWAITING_PAYMENT, "payment-mismatch_"),
        new Case(PaymentMethod.CASH_ON_DELIVERY, null, PaymentEvent.Type.SUCCEEDED, 1000, "RUB", "UNEXPECTED",
            OrderStatus.NEW, "payment-review_"),
        new Case(PaymentMethod.ONLINE_CARD, null, PaymentEvent.Type.FAILED, 1000, "RUB", "FAILED_CALL",
            OrderStatus.AWAITING_PAYMENT, "payment-failed_"),
        new Case(PaymentMethod.BANK_TRANSFER, null, PaymentEvent.Type.FAILED, 1000, "RUB", "FAILED",
            OrderStatus.AWAITING_PAYMENT, null),
        new Case(PaymentMethod.BANK_TRANSFER, null, PaymentEvent.Type.REFUNDED, 1000, "RUB", "REFUNDED_CANCELLED",
            OrderStatus.CANCELLED, null),
        new Case(PaymentMethod.ONLINE_CARD, OrderStatus.SHIPPED, PaymentEvent.Type.REFUNDED, 1000, "RUB",
            "REFUNDED_AFTER_SHIPPING", OrderStatus.SHIPPED, "refund-review_"));
    int n = 0;
    for (Case c : cases) {
      String id = "ord_" + (++n);
      Order o = order(id, c.method());
      if (c.before() == OrderStatus.SHIPPED) {
        Order paid = OrderLifecycle.transition(o, OrderStatus.PAID, T0, "t", "t");
        Order shipped = OrderLifecycle.transition(OrderLifecycle.transition(paid, OrderStatus.READY_TO_SHIP, T0, "t",
            "t"), OrderStatus.SHIPPED, T0, "t", "t");
        orders.files.put(id, new OrderFile(shipped, 3, 0, null, null, null, List.of(), List.of(), null, null));
      }
      PaymentEvent e = event("evt_" + n, c.type(), o, c.amount(), c.currency());
      ApplyPaymentEvent.Result first = flow.payment(e);
      assertEquals(c.outcome(), first.outcome(), c.toString());
      assertEquals(c.after(), first.status(), c.toString());
      OrderFile stored = orders.files.get(id);
      ApplyPaymentEvent.Result second = flow.payment(e);
      assertTrue(second.duplicate());
      assertEquals(c.outcome(), second.outcome());
      assertEquals(stored, orders.files.get(id), "a replay changes nothing: " + c);
      long taskCount = tasks.tasks.values().stream().filter(t -> id.equals(t.orderId())).count();
      assertEquals(c.task() == null ? 0 : 1, taskCount, c.toString());
      if (c.task() != null) {
        assertTrue(tasks.tasks.values().stream().anyMatch(t -> t.id().startsWith(c.task()) && id.equals(t.orderId())));
      }
      assertEquals(c.after() == OrderStatus.CANCELLED ? 1 : null, orders.releases.get(id));
    }
  }

  @Test
  void aPoisonOrderIsRecordedAndSkippedTheOthersAreRemindedAndAfterItsAttemptsItIsParked() {
    for (String id : List.of("ord_a", "ord_b", "ord_c")) {
      flow.orderPlaced(order(id, PaymentMethod.BANK_TRANSFER).id());
    }
    orders.unreadable.add("ord_b");
    clock.now = T0.plus(Duration.ofDays(3));
    ExpireUnpaidOrders.Run first = flow.paymentTimeouts(10);
    assertEquals(3, first.due());
    assertEquals(2, first.reminded(), "the others went on");
    assertEquals(1, first.failed());
    assertEquals(List.of(), first.parkedItems());
    ExpireUnpaidOrders.Run last = first;
    for (int run = 2; run <= PoisonItems.MAX_ATTEMPTS; run++) {
      last = flow.paymentTimeouts(10);
      assertEquals(1, last.failed(), "run " + run);
    }
    assertEquals(List.of("ORDER#ord_b|ORDER"), last.parkedItems());
    assertEquals(1, last.figures().get("parked"));
    ExpireUnpaidOrders.Run after = flow.paymentTimeouts(10);
    assertEquals(0, after.due(), "a parked order is not retried");
    assertEquals(0, after.failed());
  }

  @Test
  void prepaidTimelineAtItsDefaults() {
    Order o = order("ord_p", PaymentMethod.BANK_TRANSFER);
    flow.orderPlaced(o.id());
    assertEquals(T0.plus(Duration.ofDays(3)), orders.files.get(o.id()).paymentDueAt());
    clock.now = T0.plus(Duration.ofDays(3)).minusSeconds(1);
    assertEquals(0, flow.paymentTimeouts(10).due());
    clock.now = T0.plus(Duration.ofDays(3));
    assertEquals(1, flow.paymentTimeouts(10).reminded());
    assertEquals(0, flow.paymentTimeouts(10).reminded());
    assertEquals(T0.plus(Duration.ofDays(5)), orders.files.get(o.id()).paymentDueAt());
    assertEquals("payment-reminder#" + o.id(), mail.get(0).dedupeKey());
    clock.now = T0.plus(Duration.ofDays(5));
    ExpireUnpaidOrders.Run run = flow.paymentTimeouts(10);
    assertEquals(1, run.cancelled());
    assertEquals(0, flow.paymentTimeouts(10).due());
    OrderFile f = orders.files.get(o.id());
    assertEquals(OrderStatus.CANCELLED, f.order().status());
    assertNull(f.paymentStage());
    assertEquals(1, orders.releases.get(o.id()));
    assertEquals(List.of("payment-reminder#" + o.id(), "order-cancelled#" + o.id()),
        mail.stream().map(MailIntent::dedupeKey).toList());
    assertEquals("the payment did not arrive in time", mail.get(1).data().get("reason"));
  }

  @Test
  void aPaidOrderShipsEvenWhenTheCustomerNeverAnswers() {
    Order o = order("ord_c", PaymentMethod.ONLINE_CARD);
    for (int i = 1; i <= 5; i++) {
      flow.logCall(o.id(), "mgr-1", "call-" + i, new LogCall.Request("NO_ANSWER", null));
    }
    assertEquals(OrderStatus.AWAITING_PAYMENT, orders.files.get(o.id()).order().status());
    assertEquals(OrderStatus.READY_TO_SHIP, flow.payment(event("evt_c", PaymentEvent.Type.SUCCEEDED, o, 1000, "RUB"))
        .status());
    flow.logCall(o.id(), "mgr-1", "call-6", new LogCall.Request("NO_ANSWER", null));
    assertEquals(OrderStatus.READY_TO_SHIP, orders.files.get(o.id()).order().status());
    assertEquals(6, orders.files.get(o.id()).noAnswerCalls());
  }

  @Test
  void refusalCancelsWithTheCustomersReason() {
    Order o = order("ord_r", PaymentMethod.CASH_ON_DELIVERY);
    OrderFile f = flow.logCall(o.id(), "mgr-1", "c", new LogCall.Request("refused", "found it cheaper"));
    assertEquals(OrderStatus.CANCELLED, f.order().status());
    assertEquals("refused by the customer: found it cheaper", f.order().statusHistory().get(1).reason());
    assertEquals("mgr-1", f.order().statusHistory().get(1).by());
    assertEquals(1, orders.releases.get(o.id()));
  }
}
