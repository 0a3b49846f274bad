package dev.storeops.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFile;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.fulfilment.carriers.CdekStandIn;
import dev.storeops.fulfilment.carriers.OrderParcelMoves;
import dev.storeops.fulfilment.carriers.Parcel;
import dev.storeops.fulfilment.carriers.ParcelStatus;
import dev.storeops.fulfilment.carriers.PollParcels;
import dev.storeops.fulfilment.dynamo.DynamoParcelStore;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.StatusChange;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.StaffTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CDEK parcel poll on the AWS stack (docs/carriers.md): orders shipped with CDEK tracking numbers,
 * {@link CdekStandIn} answering as CDEK's API v2 does, the scheduler's {@code parcel-poll} job run by its
 * Input with a clock the test moves.
 */
@WithAwsStack
class ParcelPollTest {
  private static final String MANAGER = "mgr-parcels";


  private static SchedulerHandler handler(AwsStack stack, CdekStandIn cdek, Clock clock) {
    Map<String, String> env = new HashMap<>(stack.functionEnvironment("SchedulerFunction"));
    env.put("CDEK_API_URL", cdek.baseUrl());
    env.put("CDEK_CLIENT_ID", CdekStandIn.CLIENT_ID);
    env.put("CDEK_CLIENT_SECRET", CdekStandIn.CLIENT_SECRET);
    return new SchedulerHandler(dev.storeops.platform.config.Env.of(env), clock);
  }

  private static FlowComponents components(AwsStack stack, Clock clock) {
    MailOutbox none = intents -> { };
    return FlowComponents.build(stack.dynamoDb(), stack.tableName("StoreTable"), none, FlowSettings.defaults(), clock,
        "https://shop.example.com", FlowComponents.noEscalation());
  }

  /** An order ready to ship, placed by a customer, with the test's manager. */
  private static String readyOrder(AwsStack stack, Instant at) {
    String table = stack.tableName("StoreTable");
    String id = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    PaymentMethod method = PaymentMethod.CASH_ON_DELIVERY;
    Order o = new Order(id, "261130-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), "cus_parcels",
        Channel.SITE, "customer", List.of(new OrderLine("SKU-PARCEL", "Tea", 1, 100_00, 100_00)), 100_00, 0, 100_00,
        "RUB", null, method, OrderStatus.READY_TO_SHIP, OrderLifecycle.created(method, at, "customer"), MANAGER, null,
        "hash", List.of(), at, at);
    new DynamoOrderStore(stack.dynamoDb(), table).create(o, new IdempotencyRecord("k-" + id, "h", id, "s", at,
        at.plus(Duration.ofDays(1))));
    return id;
  }

  private static String tracking() {
    return String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
  }

  private static Map<String, Object> poll(SchedulerHandler handler) {
    return handler.handleRequest(Map.of("job", PollParcels.JOB), null);
  }

  private static DynamoParcelStore parcels(AwsStack stack, Clock clock) {
    return new DynamoParcelStore(stack.dynamoDb(), stack.tableName("StoreTable"),
        new DueWorkStore(stack.dynamoDb(), stack.tableName("StoreTable"), clock), clock);
  }

  @Test
  void deliveredMovesTheOrderNotDeliveredTellsTheManagerAndARepeatedRunDoesNothingTwice(AwsStack stack)
      throws Exception {
    MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (CdekStandIn cdek = new CdekStandIn()) {
      SchedulerHandler handler = handler(stack, cdek, clock);
      FlowComponents c = components(stack, clock);
      String delivered = readyOrder(stack, clock.instant());
      String refused = readyOrder(stack, clock.instant());
      String moving = readyOrder(stack, clock.instant());
      String tDelivered = tracking();
      String tRefused = tracking();
      String tMoving = tracking();
      cdek.answer(tDelivered, "cdek-order-delivered.json");
      cdek.answer(tRefused, "cdek-order-not-delivered.json");
      cdek.answer(tMoving, "cdek-order-in-transit.json");
      c.flow().ship(delivered, "staff-1", new ShipOrder.Request("CDEK", tDelivered));
      c.flow().ship(refused, "staff-1", new ShipOrder.Request("cdek", tRefused));
      c.flow().ship(moving, "staff-1", new ShipOrder.Request("СДЭК", tMoving));

      Map<String, Object> first = poll(handler);
      assertEquals(true, first.get("configured"));
      assertEquals(0, first.get("failed"));

      OrderFile d = c.flow().get(delivered);
      assertEquals(OrderStatus.DELIVERED, d.order().status());
      StatusChange last = d.order().statusHistory().get(d.order().statusHistory().size() - 1);
      assertEquals(OrderParcelMoves.BY, last.by());

      assertEquals(OrderStatus.RETURNING, c.flow().get(refused).order().status(), "the parcel comes back");
      StaffTask task = c.taskStore().find(OrderParcelMoves.REFUSED_TASK + "_" + refused).orElseThrow();
      assertEquals(MANAGER, task.assigneeId());
      assertEquals(StaffTask.Status.OPEN, task.status());
      assertTrue(task.title().contains("NOT_DELIVERED"), task.title());
      assertTrue(task.title().contains("call the customer"), task.title());

      assertEquals(OrderStatus.SHIPPED, c.flow().get(moving).order().status());
      Parcel p = parcels(stack, clock).find("cdek", tMoving).orElseThrow();
      assertEquals(ParcelStatus.IN_TRANSIT, p.lastStatus());
      assertEquals("SENT_TO_RECIPIENT_CITY", p.lastCode());
      assertEquals(1, p.polls());
      assertEquals(ParcelStatus.DELIVERED, parcels(stack, clock).find("cdek", tDelivered).orElseThrow().lastStatus());
      assertEquals(ParcelStatus.REFUSED, parcels(stack, clock).find("cdek", tRefused).orElseThrow().lastStatus());

      // the same run again (a schedule firing twice): the final parcels left the index, the moving one is not due
      int historyBefore = d.order().statusHistory().size();
      poll(handler);
      assertEquals(1, cdek.requestsFor(tDelivered));
      assertEquals(1, cdek.requestsFor(tRefused));
      assertEquals(1, cdek.requestsFor(tMoving));
      assertEquals(historyBefore, c.flow().get(delivered).order().statusHistory().size());
      assertEquals(task, c.taskStore().find(OrderParcelMoves.REFUSED_TASK + "_" + refused).orElseThrow());
      assertEquals(1, cdek.tokenRequests(), "the OAuth token is kept between runs");

      // an hour later the moving parcel is asked about again and is delivered
      cdek.answer(tMoving, "cdek-order-delivered.json");
      clock.advance(Duration.ofMinutes(61));
      poll(handler);
      assertEquals(2, cdek.requestsFor(tMoving));
      assertEquals(OrderStatus.DELIVERED, c.flow().get(moving).order().status());
      assertEquals(1, cdek.requestsFor(tDelivered));
      var item = stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable"))
          .key(TableKeys.parcelKey("cdek", tMoving)).consistentRead(true)).item();
      assertNull(item.get(TableKeys.DUE_PK), "a delivered parcel is off the due-work index");
    }
  }

  @Test
  void aCdekOutageBacksOffIsCountedAndNeverAbortsTheRun(AwsStack stack) throws Exception {
    MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (CdekStandIn cdek = new CdekStandIn()) {
      SchedulerHandler handler = handler(stack, cdek, clock);
      FlowComponents c = components(stack, clock);
      String first = readyOrder(stack, clock.instant());
      String second = readyOrder(stack, clock.instant());
      String t1 = tracking();
      String t2 = tracking();
      cdek.answer(t1, "cdek-order-delivered.json");
      cdek.answer(t2, "cdek-order-delivered.json");
      c.flow().ship(first, "staff-1", new ShipOrder.Request("CDEK", t1));
      c.flow().ship(second, "staff-1", new ShipOrder.Request("CDEK", t2));

      cdek.down(true);
      Map<String, Object> result;
      try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
        result = poll(handler);
        long unanswered = ((Number) result.get("unanswered")).longValue();
        assertTrue(unanswered >= 2, "both parcels backed off: " + result);
        assertEquals(unanswered, metrics.total(ShopMetrics.CARRIER_POLL_FAILURES));
      }
      assertEquals(0, result.get("failed"));
      assertEquals(1, cdek.calls(), "after the first failure the run stops asking CDEK");
      assertEquals(OrderStatus.SHIPPED, c.flow().get(first).order().status());
      Parcel p = parcels(stack, clock).find("cdek", t1).orElseThrow();
      assertEquals(1, p.outages());
      assertEquals(0, p.polls());

      // back, but the parcels wait for their backed-off time (2 × the interval after one outage)
      cdek.down(false);
      clock.advance(Duration.ofMinutes(61));
      poll(handler);
      assertEquals(OrderStatus.SHIPPED, c.flow().get(first).order().status());
      clock.advance(Duration.ofMinutes(60));
      poll(handler);
      assertEquals(OrderStatus.DELIVERED, c.flow().get(first).order().status());
      assertEquals(OrderStatus.DELIVERED, c.flow().get(second).order().status());
      assertEquals(0, parcels(stack, clock).find("cdek", t1).orElseThrow().outages());
    }
  }

  @Test
  void withoutCdekKeysTheJobDoesNothing(AwsStack stack) {
    SchedulerHandler handler = new SchedulerHandler(stack.functionEnv("SchedulerFunction"), Clock.systemUTC());
    assertEquals(false, poll(handler).get("configured"));
  }
}
