package dev.storeops.scheduler;

import dev.storeops.messaging.dynamo.MailFlowJobs;
import dev.storeops.messaging.campaigns.CampaignPlanner;
import dev.storeops.messaging.campaigns.CampaignSegments;
import dev.storeops.platform.Job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.dynamo.DynamoCampaigns;
import dev.storeops.messaging.dynamo.DynamoConsentSegment;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.messaging.dynamo.DynamoMailFlows;
import dev.storeops.messaging.dynamo.DynamoOrderSegments;
import dev.storeops.messaging.campaigns.OrderSegments;
import dev.storeops.messaging.dynamo.DynamoReviewRequests;
import dev.storeops.ordering.Cart;
import dev.storeops.ordering.Channel;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.catalog.Product;
import dev.storeops.ordering.ValidOrder;
import dev.storeops.ordering.dynamo.DynamoCartStore;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The order-driven flows end to end on DynamoDB Local and ElasticMQ: the writes that schedule (cart
 * save, the order step's recompute, the deliver hook), the jobs reading only due items, the intents
 * read back from the EmailQueue, idempotent reruns, and orders stopping the flows.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderMailFlowsTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private AwsStack stack;
  private String table;
  private DynamoOrderStore orders;
  private DynamoCartStore carts;
  private DynamoMailFlows flows;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.orders = new DynamoOrderStore(stack.dynamoDb(), table);
    this.carts = new DynamoCartStore(stack.dynamoDb(), table);
    this.flows = new DynamoMailFlows(stack.dynamoDb(), table);
  }

  private static String u() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private Customer customer(boolean consent) {
    String u = u();
    Customer c = new Customer("cus_mf" + u, "mf." + u + "@example.com", "Olga " + u, null, null, consent, null, "ru",
        Instant.now(), null);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c);
    return c;
  }

  /** Stores an order as order intake does (one transaction; closes its cart) and runs the order step's recompute. */
  private Order order(Customer c, Instant at, String cartId) {
    String id = "ord_mf" + u();
    List<OrderLine> lines = List.of(new OrderLine("MF-1", "Чай", 1, 50000, 50000));
    Order o = new Order(id, "310101-" + u().toUpperCase().substring(0, 6), c.id(), Channel.SITE, "customer", lines,
        50000, 0, 50000, "RUB", new Delivery("PICKUP", DeliveryMethod.PICKUP, null, "Москва", null, "msk-1", 0),
        PaymentMethod.CASH_ON_DELIVERY, OrderLifecycle.initialStatus(PaymentMethod.CASH_ON_DELIVERY),
        OrderLifecycle.created(PaymentMethod.CASH_ON_DELIVERY, at, "customer"), null, cartId, "hash", List.of(), at, at);
    orders.create(o, new IdempotencyRecord("k" + id, "h", id, "sealed", at, Instant.now().plus(Duration.ofDays(1))));
    flows.recordOrders(c.id(), orders.ordersOfCustomer(c.id()));
    return o;
  }

  private Job job(String name, Instant now) {
    return job(name, now, MailFlowJobs.Settings.defaults());
  }

  private Job job(String name, Instant now, MailFlowJobs.Settings settings) {
    return MailFlowJobs.create(stack.dynamoDb(), table, new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")),
        new DynamoMailFigures(stack.dynamoDb(), table), Clock.fixed(now, MOSCOW), MOSCOW, "https://shop.example",
        settings).get(name);
  }

  /** Intents on the EmailQueue for these customers (others' messages are consumed too: each test uses its own). */
  private List<MailIntent> drain(Set<String> customerIds) throws Exception {
    List<MailIntent> out = new ArrayList<>();
    String url = stack.queueUrl("EmailQueue");
    while (true) {
      var messages = stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages();
      if (messages.isEmpty()) {
        return out;
      }
      for (var m : messages) {
        MailIntent i = Json.mapper().readValue(m.body(), MailIntent.class);
        if (customerIds.contains(i.customerId())) {
          out.add(i);
        }
        stack.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private Cart saveCart(Customer c, Instant at) {
    Cart cart = new Cart("cart_mf" + u(), c.id(), List.of(new ValidOrder.Line("MF-1", 2)), Cart.Status.OPEN, null, at, at);
    carts.save(cart);
    return cart;
  }

  @Test
  void abandonedCartRemindsOnceAndOrderingRemovesTheCustomer() throws Exception {
    new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC()).putProduct(new Product("MF-1", "Чай улун", 50000,
        "RUB", 100, 10, 10, 10, "tea", List.of(), List.of(), Instant.now()));
    Instant t = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    Customer waits = customer(true);
    Customer ordersLater = customer(true);
    Customer ordersFromCart = customer(true);
    Customer noConsent = customer(false);
    Customer movesCart = customer(true);
    Cart abandoned = saveCart(waits, t);
    saveCart(ordersLater, t);
    Cart ordered = saveCart(ordersFromCart, t);
    saveCart(noConsent, t);
    Cart moved = saveCart(movesCart, t);
    carts.save(new Cart(moved.id(), movesCart.id(), moved.lines(), Cart.Status.OPEN, null, t, t.plus(Duration.ofHours(5))));
    order(ordersLater, t.plus(Duration.ofHours(1)), null);
    order(ordersFromCart, t.plus(Duration.ofHours(2)), ordered.id());
    var closed = stack.dynamoDb().getItem(g -> g.tableName(table).key(DynamoCartStore.key(ordered.id()))).item();
    assertFalse(closed.containsKey(TableKeys.DUE_PK), "an order from the cart takes it out of the due index");
    Set<String> ids = Set.of(waits.id(), ordersLater.id(), ordersFromCart.id(), noConsent.id(), movesCart.id());
    drain(ids);

    assertEquals(0, job("abandoned-cart", t.plus(Duration.ofHours(9))).run().get("planned"), "not 10 hours yet");
    Map<String, Object> run = job("abandoned-cart", t.plus(Duration.ofHours(10)).plusSeconds(60)).run();
    assertEquals(3, run.get("due"), "the job reads the three carts due, not the ordered one nor the moved one");
    assertEquals(1, run.get("stoppedByOrder"));
    assertEquals(1, run.get("skippedNoConsent"));
    List<MailIntent> intents = drain(ids);
    assertEquals(1, intents.size());
    MailIntent mail = intents.get(0);
    assertEquals(waits.id(), mail.customerId());
    assertEquals("abandoned-cart#" + waits.id() + "#" + abandoned.id(), mail.dedupeKey());
    assertEquals(MailIntent.Category.MARKETING, mail.category());
    assertEquals("abandoned-cart", mail.flow());
    assertEquals(List.of(Map.of("sku", "MF-1", "name", "Чай улун", "qty", 2, "priceText", "500,00 ₽")),
        mail.data().get("lines"));

    assertEquals(0, job("abandoned-cart", t.plus(Duration.ofHours(11))).run().get("due"), "a rerun reads nothing");
    assertEquals(List.of(), drain(ids));
    Map<String, Object> later = job("abandoned-cart", t.plus(Duration.ofHours(15)).plusSeconds(60)).run();
    assertEquals(1, later.get("planned"), "the re-saved cart is due 10 hours after its last save");
    assertEquals(List.of(movesCart.id()), drain(ids).stream().map(MailIntent::customerId).toList());
  }

  @Test
  void reorderReminderFollowsTheMedianIntervalAndANewOrderReschedulesIt() throws Exception {
    Instant t = Instant.now().minus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS);
    Customer regular = customer(true);
    Customer once = customer(true);
    Customer quiet = customer(false);
    order(regular, t, null);
    order(regular, t.plus(Duration.ofDays(20)), null);
    Order third = order(regular, t.plus(Duration.ofDays(40)), null);
    order(once, t, null);
    order(quiet, t, null);
    order(quiet, t.plus(Duration.ofDays(30)), null);
    // a redelivered order event recomputes the same history: nothing changes
    DynamoMailFlows.Recorded again = flows.recordOrders(regular.id(), orders.ordersOfCustomer(regular.id()));
    assertFalse(again.reorder());
    Set<String> ids = Set.of(regular.id(), once.id(), quiet.id());
    drain(ids);

    // (other tests' customers may be due in the same runs: assertions look at this test's customers only)
    job("reorder-reminder", t.plus(Duration.ofDays(59))).run();
    assertEquals(List.of(), drain(ids), "nobody is due before the interval passed");
    job("reorder-reminder", t.plus(Duration.ofDays(60)).plusSeconds(60)).run();
    assertNull(flows.find(quiet.id(), DynamoMailFlows.REORDER).orElseThrow().get(TableKeys.DUE_PK),
        "quiet was due too, has no consent: not enqueued, out of the flow");
    assertNull(flows.find(once.id(), DynamoMailFlows.REORDER).orElseThrow().get(TableKeys.DUE_PK), "one order: no interval");
    List<MailIntent> intents = drain(ids);
    assertEquals(1, intents.size());
    assertEquals("reorder-reminder#" + regular.id() + "#" + third.id(), intents.get(0).dedupeKey());
    assertEquals(20, ((Number) intents.get(0).data().get("intervalDays")).intValue());
    job("reorder-reminder", t.plus(Duration.ofDays(61))).run();
    assertEquals(List.of(), drain(ids), "a rerun enqueues nothing");

    Order fourth = order(regular, t.plus(Duration.ofDays(70)), null);
    var item = flows.find(regular.id(), DynamoMailFlows.REORDER).orElseThrow();
    assertEquals(t.plus(Duration.ofDays(90)), dev.storeops.platform.dynamo.DueWork.instantOf(item.get(TableKeys.DUE_SK).s()),
        "the new order moves the reminder to its last order + the median interval: " + item);
    job("reorder-reminder", t.plus(Duration.ofDays(89))).run();
    assertEquals(List.of(), drain(ids));
    job("reorder-reminder", t.plus(Duration.ofDays(90)).plusSeconds(60)).run();
    List<MailIntent> next = drain(ids);
    assertEquals(List.of("reorder-reminder#" + regular.id() + "#" + fourth.id()),
        next.stream().map(MailIntent::dedupeKey).toList());
  }

  @Test
  void reactivationSendsThreeStepsAndAnyOrderStopsTheChain() throws Exception {
    Instant t = Instant.now().minus(Duration.ofDays(300)).truncatedTo(ChronoUnit.SECONDS);
    Customer dormant = customer(true);
    Customer comesBack = customer(true);
    Order last = order(dormant, t, null);
    Order first = order(comesBack, t, null);
    Set<String> ids = Set.of(dormant.id(), comesBack.id());
    drain(ids);

    job("reactivation", t.plus(Duration.ofDays(89))).run();
    assertEquals(List.of(), drain(ids), "not 90 days yet");
    job("reactivation", t.plus(Duration.ofDays(90)).plusSeconds(60)).run();
    List<MailIntent> step1 = drain(ids);
    assertEquals(Set.of("reactivation#" + dormant.id() + "#" + last.id() + "#1",
        "reactivation#" + comesBack.id() + "#" + first.id() + "#1"),
        Set.copyOf(step1.stream().map(MailIntent::dedupeKey).toList()));
    assertTrue(step1.stream().allMatch(i -> i.category() == MailIntent.Category.MARKETING
        && i.flow().equals("reactivation") && Integer.valueOf(1).equals(i.data().get("step"))));
    job("reactivation", t.plus(Duration.ofDays(91))).run();
    assertEquals(List.of(), drain(ids), "rerun: step 1 is done, step 2 not due yet");

    // comesBack orders: the chain stops, step 2 never goes
    Order back = order(comesBack, t.plus(Duration.ofDays(93)), null);
    job("reactivation", t.plus(Duration.ofDays(97)).plusSeconds(60)).run();
    List<MailIntent> step2 = drain(ids);
    assertEquals(List.of("reactivation#" + dormant.id() + "#" + last.id() + "#2"),
        step2.stream().map(MailIntent::dedupeKey).toList());
    assertEquals(2, ((Number) step2.get(0).data().get("step")).intValue());
    job("reactivation", t.plus(Duration.ofDays(104)).plusSeconds(60)).run();
    assertEquals(List.of("reactivation#" + dormant.id() + "#" + last.id() + "#3"),
        drain(ids).stream().map(MailIntent::dedupeKey).toList());
    job("reactivation", t.plus(Duration.ofDays(111)).plusSeconds(60)).run();
    assertEquals(List.of(), drain(ids), "three steps at most");
    assertNull(flows.find(dormant.id(), DynamoMailFlows.REACTIVATION).orElseThrow().get(TableKeys.DUE_PK));

    var restarted = flows.find(comesBack.id(), DynamoMailFlows.REACTIVATION).orElseThrow();
    assertEquals(back.id(), restarted.get("lastOrderId").s());
    assertEquals("1", restarted.get("step").n(), "the order reset the chain to step 1, 90 days after it");
    job("reactivation", t.plus(Duration.ofDays(183)).plusSeconds(60)).run();
    assertEquals(List.of("reactivation#" + comesBack.id() + "#" + back.id() + "#1"),
        drain(ids).stream().map(MailIntent::dedupeKey).toList());
  }

  @Test
  void reviewRequestGoesSevenDaysAfterDeliveryOnce() throws Exception {
    Instant t = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    Customer buyer = customer(true);
    Customer noConsent = customer(false);
    Order o = order(buyer, t, null);
    Order other = order(noConsent, t, null);
    DynamoReviewRequests reviews = new DynamoReviewRequests(stack.dynamoDb(), table);
    Instant delivered = t.plus(Duration.ofDays(2));
    assertTrue(reviews.scheduleAfterDelivery(o.id(), buyer.id(), delivered));
    assertFalse(reviews.scheduleAfterDelivery(o.id(), buyer.id(), delivered), "a repeated deliver call changes nothing");
    assertTrue(reviews.scheduleAfterDelivery(other.id(), noConsent.id(), delivered));
    Set<String> ids = Set.of(buyer.id(), noConsent.id());
    drain(ids);

    assertEquals(0, job("review-request", delivered.plus(Duration.ofDays(6))).run().get("due"));
    MailFlowJobs.Settings oneAtATime = new MailFlowJobs.Settings(Duration.ofHours(10), Duration.ofDays(7),
        Duration.ofDays(7), 1);
    Map<String, Object> run = job("review-request", delivered.plus(Duration.ofDays(7)).plusSeconds(60), oneAtATime).run();
    assertEquals(2, run.get("due"), "read in rounds of one item: both due requests in one run");
    assertEquals(1, run.get("planned"));
    assertEquals(1, run.get("skippedNoConsent"));
    List<MailIntent> intents = drain(ids);
    assertEquals(1, intents.size());
    assertEquals("review-request#" + o.id(), intents.get(0).dedupeKey());
    assertEquals(o.number(), intents.get(0).data().get("orderNumber"));
    assertEquals("https://shop.example/orders/" + o.id() + "/review", intents.get(0).data().get("reviewUrl"));
    assertEquals(0, job("review-request", delivered.plus(Duration.ofDays(8))).run().get("due"), "rerun: nothing");
    assertEquals(List.of(), drain(ids));
  }

  @Test
  void aCategoryCampaignIsPlannedForItsBuyersWithConsentOnly() throws Exception {
    String category = "mf-tea-" + u();
    Customer buyer = customer(true);
    Customer buyerNoConsent = customer(false);
    Customer other = customer(true);
    DynamoOrderSegments segments = new DynamoOrderSegments(stack.dynamoDb(), table);
    Instant t = Instant.now().minus(Duration.ofDays(5));
    segments.recordBuyer(buyer.id(), category, t);
    segments.recordBuyer(buyerNoConsent.id(), category, t);
    segments.recordBuyer(other.id(), "coffee", t);
    DynamoCampaigns campaigns = new DynamoCampaigns(stack.dynamoDb(), table);
    Instant sendAt = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
    Campaign c = new Campaign("cmp_mf" + u(), "Tea", "campaign", "Чай", "Новый урожай", null,
        OrderSegments.boughtInCategory(category), sendAt, "DRAFT", "mgr_1", Instant.now(), null, null);
    campaigns.create(c);
    assertTrue(campaigns.schedule(c.id(), sendAt, Instant.now(), "owner-test"));
    Set<String> ids = Set.of(buyer.id(), buyerNoConsent.id(), other.id());
    drain(ids);

    CampaignSegments segmentsAtSend = new CampaignSegments(new DynamoConsentSegment(stack.dynamoDb(), table), segments,
        Clock.fixed(sendAt, MOSCOW));
    CampaignPlanner planner = new CampaignPlanner(new CampaignPlanner.Campaigns() {
      @Override
      public List<Campaign> due(Instant at, java.time.LocalDate oldest) {
        return campaigns.due(at, oldest);
      }

      @Override
      public void segment(String segment, java.util.function.Consumer<Customer> action) {
        segmentsAtSend.forEach(segment, action);
      }

      @Override
      public boolean markPlanned(String id, long planned, Instant at) {
        return campaigns.markPlanned(id, planned, at);
      }

      @Override
      public dev.storeops.platform.batch.DueItem dueItem(Campaign campaign) {
        return campaigns.dueItem(campaign);
      }

      @Override
      public dev.storeops.platform.batch.PoisonItems.Ledger ledger() {
        return campaigns;
      }
    }, new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")), new DynamoMailFigures(stack.dynamoDb(), table),
        Clock.fixed(sendAt.plusSeconds(60), MOSCOW), MOSCOW);
    planner.run();
    List<MailIntent> intents = drain(ids);
    assertEquals(List.of("campaign:" + c.id() + "#" + buyer.id()), intents.stream().map(MailIntent::dedupeKey).toList());
    assertEquals(1, campaigns.find(c.id()).orElseThrow().planned());
  }
}
