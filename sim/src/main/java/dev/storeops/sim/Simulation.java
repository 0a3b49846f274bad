package dev.storeops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.platform.json.Json;
import dev.storeops.sim.invariants.Invariants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic, seeded life of the shop (docs/simulation.md): customers register, order on the site,
 * by phone and by e-mail with every payment method; the payment provider calls the webhook (late,
 * twice, out of order, failed, refunded, wrong amount); managers call, cancel, ship and deliver;
 * the supplier drops a stock file every morning (some cutting stock below what orders hold); carts are
 * abandoned; a campaign goes out and some customers unsubscribe; poison messages are put on queues.
 * Time moves in 15-minute ticks; after each tick everything due is delivered ({@link SimShop#settle}),
 * and every simulated hour (and at the end) the {@link Invariants} are judged.
 *
 * <p>Same seed, same settings → the same decisions in the same order (ids chosen by the shop, such as
 * order ids, differ between runs; the decisions do not depend on them).
 */
public final class Simulation {
  public static final Instant START = Instant.parse("2026-03-02T05:00:00Z"); // a Monday, 08:00 in Moscow
  static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Moscow");
  static final Duration TICK = Duration.ofMinutes(15);
  static final String SUPPLIER = "chaynaya-lavka";
  static final String SUPPLIER_WAREHOUSE = "msk-1";
  /** The shop point (a warehouse with a till, docs/points.md): sales over the counter from its own stock. */
  static final String POINT = "sim-arbat";
  static final List<String> MANAGERS = List.of("mgr-olga", "mgr-pavel");

  /** How big and how hostile a run is. */
  public record Settings(long seed, int days, int ordersPerDay, FaultInjector.Settings faults, double duplicateShare,
      Duration checkEvery, Set<String> pending) {
    public static Settings week(long seed, int ordersPerDay, FaultInjector.Settings faults, Set<String> pending) {
      return new Settings(seed, 7, ordersPerDay, faults, 0.03, Duration.ofHours(1), pending);
    }
  }

  /** What a run did. */
  public record Figures(long seed, int days, Map<String, Long> counts, long invariantChecks, long checkRounds,
      FaultInjector.Figures aws, long sqsMessages, long sqsDuplicates, long sqsDelayed, long streamRecords, long redriven, double seconds,
      List<String> skipped, Map<String, Double> secondsIn) {
    public long orders() {
      return counts.getOrDefault("orders placed", 0L);
    }

    public String describe() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "seed %d, %d simulated days in %.1f s: %d orders (%.1f orders/s simulated)%n",
          seed, days, seconds, orders(), orders() / Math.max(seconds, 0.001)));
      b.append("  actions: ").append(counts).append('\n');
      b.append("  wall time by part (s): ").append(secondsIn).append('\n');
      b.append(String.format(Locale.ROOT, "  invariant checks: %d (%d rounds); skipped for pending work: %s%n",
          invariantChecks, checkRounds, skipped.isEmpty() ? "none" : skipped));
      long dynamo = aws.callsByService().getOrDefault("DynamoDb", 0L);
      b.append(String.format(Locale.ROOT, "  AWS calls by handlers: %s; DynamoDB calls per order: %.1f%n",
          aws.callsByService(), dynamo / (double) Math.max(1, orders())));
      b.append(String.format(Locale.ROOT, "  faults injected: %d of %d calls (%.1f %%) %s; invocations %d, with a fault %d%n",
          aws.faults(), aws.calls(), 100.0 * aws.faults() / Math.max(1, aws.calls()), aws.injected(), aws.invocations(),
          aws.faultedInvocations()));
      b.append(String.format(Locale.ROOT, "  SQS messages delivered %d (%d again after a lost delete, %d after a delay on simulated time), stream records %d, redriven from DLQs %d%n",
          sqsMessages, sqsDuplicates, sqsDelayed, streamRecords, redriven));
      return b.toString();
    }
  }

  private final Settings settings;
  private final Path root;
  private final Random random;
  private final Map<String, Long> counts = new TreeMap<>();
  private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>();
  private long sequence;
  private SimShop shop;
  private SimClock clock;
  private StateReader reader;
  private Invariants invariants;
  private WebhookSignature signer;
  private final List<String> customers = new ArrayList<>();
  private final Map<String, String> customerEmail = new HashMap<>();
  /** The credentials the storefront keeps: a registered customer's access token, a cart's token. */
  private final Map<String, String> customerTokens = new HashMap<>();
  private final Map<String, String> cartTokens = new HashMap<>();
  private final Map<String, ShopState.Consent> consent = new HashMap<>();
  private final Map<String, Instant> gaveUp = new HashMap<>();
  private final Set<String> poison = new HashSet<>();
  private final List<String> skus = new ArrayList<>();
  /** SKUs only big baskets order (with the others): enough for 40 different lines; stock in msk-1 and spb-1. */
  private final List<String> bulkSkus = new ArrayList<>();
  /** The point's receipts since its last daily export (the export lists them again: replays). */
  private final List<String[]> tillReceipts = new ArrayList<>();
  private int receiptNumber;
  private final Set<String> unsubscribeSeen = new HashSet<>();
  private long redriven;
  private Instant previousCheck;
  private int check;
  private long rounds;
  /** Wall time of the run's parts: the actors' actions (with the deliveries right after them), settling each tick, the checks. */
  private long nanosActions;
  private long nanosSettle;
  private long nanosChecks;

  private Map<String, Double> timeSpent() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("actions", Math.round(nanosActions / 1e8) / 10.0);
    out.put("ticks", Math.round(nanosSettle / 1e8) / 10.0);
    out.put("checks", Math.round(nanosChecks / 1e8) / 10.0);
    return out;
  }

  private record Scheduled(Instant at, long seq, String what, Runnable action) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  public Simulation(Settings settings, Path root) {
    this.settings = settings;
    this.root = root;
    this.random = new Random(settings.seed());
  }

  /** Runs the whole period; throws {@link Invariants.Broken} naming the first broken invariant. */
  public Figures run() {
    long started = System.nanoTime();
    System.out.println("simulation: seed " + settings.seed() + ", " + settings.days() + " days, " + settings.ordersPerDay()
        + " orders/day, faults " + settings.faults() + ", pending " + settings.pending());
    clock = new SimClock(START);
    FaultInjector.start(FaultInjector.Settings.clean(settings.seed()));
    try (SimShop s = SimShop.start(clock, root, settings.seed(), settings.duplicateShare())) {
      shop = s;
      reader = new StateReader(shop);
      invariants = new Invariants(settings.pending());
      signer = new WebhookSignature(shop.webhookSecret(), clock, WebhookSignature.DEFAULT_TOLERANCE);
      setUpCatalog();
      shop.settle();
      FaultInjector.start(settings.faults());
      plan();
      Instant end = START.plus(Duration.ofDays(settings.days()));
      Instant nextCheck = START.plus(settings.checkEvery());
      while (clock.instant().isBefore(end)) {
        Instant tickEnd = clock.instant().plus(TICK);
        while (!agenda.isEmpty() && !agenda.peek().at().isAfter(tickEnd)) {
          Scheduled next = agenda.poll();
          if (next.at().isAfter(clock.instant())) {
            clock.set(next.at());
          }
          long t0 = System.nanoTime();
          next.action().run();
          shop.deliverQueues();
          nanosActions += System.nanoTime() - t0;
        }
        clock.set(tickEnd);
        long t1 = System.nanoTime();
        shop.settle();
        nanosSettle += System.nanoTime() - t1;
        if (!clock.instant().isBefore(nextCheck)) {
          long t2 = System.nanoTime();
          checkNow("at " + clock.instant() + " (simulated hour " + Duration.between(START, clock.instant()).toHours() + ")");
          nanosChecks += System.nanoTime() - t2;
          nextCheck = nextCheck.plus(settings.checkEvery());
        }
        if (Duration.between(START, clock.instant()).toMinutes() % (24 * 60) == 0) {
          System.out.printf(Locale.ROOT, "simulation: day %d done after %.1f s, %d orders, %d invariant checks%n",
              Duration.between(START, clock.instant()).toDays(), (System.nanoTime() - started) / 1e9,
              counts.getOrDefault("orders placed", 0L), invariants.checks());
        }
      }
      // the end: everything in flight is delivered (visibility timeouts run out), then the last check
      FaultInjector.pause();
      for (int i = 0; i < 8; i++) {
        clock.advance(Duration.ofMinutes(5));
        shop.settle();
      }
      FaultInjector.resume();
      checkNow("at the end (" + clock.instant() + ")");
      FaultInjector.Figures aws = FaultInjector.figures();
      return new Figures(settings.seed(), settings.days(), counts, invariants.checks(), rounds, aws,
          shop.messagesDelivered(), shop.duplicateDeliveries(), shop.delayedReleased(), shop.streamRecords(), redriven, (System.nanoTime() - started) / 1e9,
          invariants.skipped(), timeSpent());
    } finally {
      if (reader != null) {
        reader.close();
      }
      FaultInjector.stop();
    }
  }

  private void checkNow(String when) {
    FaultInjector.pause();
    try {
      if (settings.faults().share() > 0 || settings.faults().crashShare() > 0) {
        redriveFaultCasualties();
      }
      check++;
      rounds++;
      LocalDate from = LocalDate.ofInstant(START, SHOP_ZONE);
      LocalDate to = LocalDate.ofInstant(clock.instant(), SHOP_ZONE);
      ShopState state = reader.read(new ShopState.Facts(consent, poison, gaveUp, settings.pending(), previousCheck, check),
          from, to, shop.staffToken(MANAGERS.get(0)), counts.getOrDefault("supplier files", 0L),
          settings.faults().share() <= 0 && settings.faults().crashShare() <= 0);
      invariants.check(state, when + ", seed " + settings.seed());
      previousCheck = clock.instant();
      unsubscribeSome(state);
    } finally {
      FaultInjector.resume();
    }
  }

  /**
   * The operator's answer to the DLQ alarm (docs/operations.md), in the faulted run only: a message that
   * reached a DLQ because injected faults failed every one of its receives is moved back to its queue.
   * Anything else in a DLQ stays and fails the "dead letters" invariant.
   */
  private void redriveFaultCasualties() {
    Map<String, String> sources = Map.of("OrderEventsDLQ", "OrderEventsQueue", "EmailDLQ", "EmailQueue",
        "SmsDLQ", "SmsQueue", "SesEventsDLQ", "SesEventsQueue");
    sources.forEach((dlq, source) -> {
      String url = shop.stack().queueUrl(dlq);
      Map<String, software.amazon.awssdk.services.sqs.model.Message> all = new LinkedHashMap<>();
      for (int i = 0; i < 100; i++) {
        var got = shop.stack().sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30)
            .waitTimeSeconds(0)).messages();
        if (got.isEmpty()) {
          break;
        }
        got.forEach(m -> all.putIfAbsent(m.messageId(), m));
      }
      for (var m : all.values()) {
        if (!poison.contains(m.body()) && shop.leftByInjectedFault(m.messageId())) {
          shop.stack().sqs().sendMessage(r -> r.queueUrl(shop.stack().queueUrl(source)).messageBody(m.body()));
          shop.stack().sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
          redriven++;
          shop.touched();
        } else {
          shop.stack().sqs().changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
      }
    });
    shop.settle();
  }

  // ---------------------------------------------------------------- set-up

  private void setUpCatalog() {
    // the customers already there (local mode's demo data): their consent as the table says
    shop.stack().dynamoDb().scanPaginator(r -> r.tableName(shop.stack().tableName("StoreTable"))).items().forEach(item -> {
      String pk = dev.storeops.platform.dynamo.Items.str(item, "pk");
      if (pk.startsWith("CUSTOMER#") && "PROFILE".equals(dev.storeops.platform.dynamo.Items.str(item, "sk"))) {
        consent.put(dev.storeops.platform.dynamo.Items.str(item, "email"),
            new ShopState.Consent(dev.storeops.platform.dynamo.Items.bool(item, "marketingConsent"), null));
      }
    });
    String token = shop.staffToken(MANAGERS.get(0));
    skus.addAll(List.of("TEA-001", "TEA-002", "TEA-003", "CUP-001"));
    for (int i = 1; i <= 6; i++) {
      String sku = String.format(Locale.ROOT, "SIM-%02d", i);
      ObjectNode p = Json.mapper().createObjectNode();
      p.put("name", "Товар симуляции " + i);
      p.put("priceMinor", 50_000 + 25_000L * i);
      p.put("weightGrams", 200 + 50 * i);
      p.put("lengthMm", 150);
      p.put("widthMm", 100);
      p.put("heightMm", 80);
      p.put("category", i % 2 == 0 ? "tea" : "ware");
      expectOk(() -> shop.call("PUT", "/staff/products/" + sku, Json.write(p), bearer(token)), "product " + sku);
      skus.add(sku);
    }
    for (String sku : skus) {
      String msk = "{\"onHand\":" + (20 + random.nextInt(40)) + "}";
      expectOk(() -> shop.call("PUT", "/staff/stock/" + sku + "/" + SUPPLIER_WAREHOUSE, msk,
          bearer(token)), "stock " + sku);
      String spb = "{\"onHand\":" + (5 + random.nextInt(20)) + "}";
      expectOk(() -> shop.call("PUT", "/staff/stock/" + sku + "/spb-1", spb,
          bearer(token)), "stock " + sku);
    }
    // the bulk range, for big baskets (docs/simulation.md): 30 more SKUs in both warehouses
    for (int i = 1; i <= BULK_SKUS; i++) {
      String sku = String.format(Locale.ROOT, "BULK-%02d", i);
      ObjectNode p = Json.mapper().createObjectNode();
      p.put("name", "Набор симуляции " + i);
      p.put("priceMinor", 10_000 + 5_000L * (i % 7));
      p.put("weightGrams", 100 + 10 * i);
      p.put("lengthMm", 100);
      p.put("widthMm", 80);
      p.put("heightMm", 60);
      p.put("category", i % 2 == 0 ? "tea" : "ware");
      expectOk(() -> shop.call("PUT", "/staff/products/" + sku, Json.write(p), bearer(token)), "product " + sku);
      String msk = "{\"onHand\":" + (20 + random.nextInt(40)) + "}";
      expectOk(() -> shop.call("PUT", "/staff/stock/" + sku + "/" + SUPPLIER_WAREHOUSE, msk,
          bearer(token)), "stock " + sku);
      String spb = "{\"onHand\":" + (5 + random.nextInt(20)) + "}";
      expectOk(() -> shop.call("PUT", "/staff/stock/" + sku + "/spb-1", spb,
          bearer(token)), "stock " + sku);
      bulkSkus.add(sku);
    }
    // the shop point on the Arbat: its own shelf of every SKU
    expectOk(() -> shop.call("PUT", "/staff/warehouses/" + POINT, "{\"name\":\"Точка на Арбате\",\"city\":\"Москва\",\"point\":true}",
        bearer(token)), "point " + POINT);
    for (String sku : skus) {
      String shelf = "{\"onHand\":" + (15 + random.nextInt(20)) + "}";
      expectOk(() -> shop.call("PUT", "/staff/stock/" + sku + "/" + POINT, shelf,
          bearer(token)), "point stock " + sku);
    }
  }

  /** A set-up call, tried again on a 5xx (the staff console's retry; a loaded machine can time a handler out). */
  private static void expectOk(java.util.function.Supplier<SimShop.Response> call, String what) {
    SimShop.Response r = call.get();
    for (int attempt = 2; attempt <= 4 && r.status() / 100 == 5; attempt++) {
      r = call.get();
    }
    if (!r.ok()) {
      throw new IllegalStateException(what + ": HTTP " + r.status() + " " + r.body());
    }
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  // ---------------------------------------------------------------- the plan

  private void at(Instant when, String what, Runnable action) {
    agenda.add(new Scheduled(when, sequence++, what, action));
  }

  private Instant in(Duration min, Duration max) {
    long span = Math.max(1, max.minus(min).toSeconds());
    return clock.instant().plus(min).plusSeconds((long) (random.nextDouble() * span));
  }

  private void count(String what) {
    counts.merge(what, 1L, Long::sum);
  }

  /** Everything that happens on its own schedule: arrivals of customers, orders and carts, files, a campaign. */
  private void plan() {
    for (int day = 0; day < settings.days(); day++) {
      Instant dayStart = START.plus(Duration.ofDays(day));
      at(dayStart.plus(Duration.ofHours(22)), "supplier file", this::supplierFile);
      at(dayStart.plus(Duration.ofHours(23)), "stock desk", this::stockDesk);
      int orders = settings.ordersPerDay();
      for (int i = 0; i < orders; i++) {
        at(dayStart.plusSeconds((long) (random.nextDouble() * 14 * 3600)), "order", this::placeOrder);
      }
      for (int i = 0; i < Math.max(2, (int) Math.round(orders * 0.6 * BIG_BASKET_SHARE)); i++) {
        at(dayStart.plusSeconds((long) (random.nextDouble() * 14 * 3600)), "big basket", this::bigBasket);
      }
      for (int i = 0; i < Math.max(1, orders / 3); i++) {
        at(dayStart.plusSeconds((long) (random.nextDouble() * 14 * 3600)), "register", this::register);
      }
      for (int i = 0; i < Math.max(1, orders / 6); i++) {
        at(dayStart.plusSeconds((long) (random.nextDouble() * 14 * 3600)), "cart", this::cart);
      }
      for (int i = 0; i < Math.max(2, orders / 2); i++) {
        at(dayStart.plusSeconds(3600 + (long) (random.nextDouble() * 11 * 3600)), "point sale", this::pointSale);
      }
      at(dayStart.plus(Duration.ofHours(13)), "till export", this::tillExport);
    }
    at(START.plus(Duration.ofHours(30)), "campaign", this::campaign);
    at(START.plus(Duration.ofHours(3)), "poison", this::poisonMessages);
  }

  // ---------------------------------------------------------------- customers

  private String newEmail() {
    return "sim-" + Long.toString(Math.abs(random.nextLong()), 36) + "@example.com";
  }

  private void register() {
    String email = newEmail();
    boolean consents = random.nextDouble() < 0.6;
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("email", email);
    body.put("name", "Покупатель " + customers.size());
    body.put("phone", "+7916" + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000)));
    body.put("marketingConsent", consents);
    body.put("locale", random.nextDouble() < 0.85 ? "ru" : "en");
    for (int attempt = 1; attempt <= 6; attempt++) {
      SimShop.Response r = shop.call("POST", "/customers", Json.write(body), Map.of());
      if (r.ok() || r.status() == 409) {
        consent.put(email, new ShopState.Consent(consents, null));
        if (r.ok()) {
          String id = json(r).path("id").asText(json(r).path("customer").path("id").asText(""));
          if (!id.isEmpty()) {
            customers.add(id);
            customerEmail.put(id, email);
            customerTokens.put(id, json(r).path("accessToken").asText());
            count("customers registered");
          }
        }
        return;
      }
      count("retries after 5xx");
    }
    count("registrations given up");
  }

  private static JsonNode json(SimShop.Response r) {
    try {
      return Json.mapper().readTree(r.body());
    } catch (java.io.IOException e) {
      return Json.mapper().createObjectNode();
    }
  }

  // ---------------------------------------------------------------- orders

  private ObjectNode orderBody(String customerId, String channel, String paymentMethod, String cartId,
      List<Map.Entry<String, Integer>> lines) {
    ObjectNode body = Json.mapper().createObjectNode();
    if (customerId != null) {
      body.put("customerId", customerId);
    } else {
      String email = newEmail();
      boolean consents = random.nextDouble() < 0.5;
      consent.put(email, new ShopState.Consent(consents, null));
      ObjectNode c = body.putObject("customer");
      c.put("email", email);
      c.put("name", "Гость " + sequence);
      c.put("phone", "+7903" + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000)));
      c.put("marketingConsent", consents);
    }
    ArrayNode l = body.putArray("lines");
    lines.forEach(e -> l.addObject().put("sku", e.getKey()).put("qty", e.getValue()));
    body.put("paymentMethod", paymentMethod);
    body.put("channel", channel);
    ObjectNode d = body.putObject("delivery");
    double where = random.nextDouble();
    if (where < 0.5) {
      d.put("option", "COURIER").put("city", "Москва").put("address", "ул. Тверская, " + (1 + random.nextInt(30)));
    } else if (where < 0.7) {
      d.put("option", "PICKUP").put("city", "Москва").put("warehouse", "msk-1");
    } else if (where < 0.85) {
      d.put("option", "COURIER").put("city", "Санкт-Петербург").put("address", "Невский пр., " + (1 + random.nextInt(90)));
    } else {
      d.put("option", "PARCEL_CDEK").put("city", "Казань").put("address", "ул. Баумана, " + (1 + random.nextInt(50)));
    }
    if (cartId != null) {
      body.put("cartId", cartId);
    }
    return body;
  }

  private List<Map.Entry<String, Integer>> someLines() {
    List<String> pool = new ArrayList<>(skus);
    int n = 1 + random.nextInt(3);
    List<Map.Entry<String, Integer>> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(Map.entry(pool.remove(random.nextInt(pool.size())), 1 + random.nextInt(3)));
    }
    return lines;
  }

  private void placeOrder() {
    placeOrder(null, null, someLines());
  }

  private void placeOrder(String cartOwner, String cartId, List<Map.Entry<String, Integer>> lines) {
    placeOrder(cartOwner, cartId, lines, null, null);
  }

  /**
   * An order as its client places it; {@code channel} null: drawn (60 % site, 25 % phone, 15 % e-mail);
   * {@code aim}: run right before the first attempt (a crash or a rival aimed at its intake), disarmed
   * after it. Returns the stored order's id, or null when it was refused or given up.
   */
  private String placeOrder(String cartOwner, String cartId, List<Map.Entry<String, Integer>> lines, String forcedChannel,
      Runnable aim) {
    double c = random.nextDouble();
    String channel = forcedChannel != null ? forcedChannel : c < 0.6 ? "SITE" : c < 0.85 ? "PHONE" : "EMAIL";
    String[] methods = {"ONLINE_CARD", "BANK_TRANSFER", "CASH_ON_DELIVERY"};
    String method = methods[random.nextInt(3)];
    String customerId = cartOwner != null ? cartOwner : !customers.isEmpty() && random.nextDouble() < 0.65
        ? customers.get(random.nextInt(customers.size())) : null;
    ObjectNode body = orderBody(customerId, channel, method, cartId, lines);
    String key = "sim-" + Long.toString(Math.abs(random.nextLong()), 36) + "-" + sequence;
    if (promoActive && channel.equals("SITE") && random.nextDouble() < 0.4) {
      body.put("promoCode", PROMO_CODE);
    }
    boolean patient = customerId == null || random.nextDouble() < 0.7;
    long aimsBefore = FaultInjector.aimsTaken();
    String staff = MANAGERS.get(random.nextInt(MANAGERS.size()));
    String path = channel.equals("SITE") ? "/orders" : "/staff/orders";
    for (int attempt = 1; attempt <= 8; attempt++) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Idempotency-Key", key);
      if (cartId != null && cartTokens.containsKey(cartId)) {
        headers.put("X-Cart-Token", cartTokens.get(cartId));
      }
      if (!channel.equals("SITE")) {
        headers.putAll(bearer(shop.staffToken(staff)));
      }
      if (aim != null && FaultInjector.aimsTaken() == aimsBefore) {
        aim.run(); // aimed again until a call of the intake reaches it (an attempt may fail before its transaction)
      }
      SimShop.Response r;
      try {
        r = shop.call("POST", path, Json.write(body), headers);
      } finally {
        FaultInjector.disarm();
      }
      if (r.ok()) {
        count("orders placed");
        count("orders " + channel + " " + method);
        if (body.has("promoCode")) {
          count("orders with the promo code");
        }
        JsonNode order = json(r);
        JsonNode o = order.has("order") ? order.path("order") : order;
        String id = o.path("id").asText();
        long total = o.path("totalMinor").asLong();
        follow(id, method, total);
        return id;
      }
      if (r.status() == 409 && body.has("promoCode") && r.body().contains("promo-code")) {
        // the code's uses ran out: the customer orders at full price (a new request, a new key)
        count("promo refused, ordered at full price");
        body.remove("promoCode");
        key = key + "-full";
        continue;
      }
      if (r.status() == 409) {
        count("orders refused (stock or cart)");
        return null;
      }
      if (r.status() / 100 == 4) {
        throw new IllegalStateException("order refused as bad input: " + r.status() + " " + r.body() + "\n" + Json.write(body));
      }
      count("retries after 5xx");
      if (!patient) {
        count("orders given up after a 5xx");
        gaveUp.put(customerId, clock.instant());
        return null;
      }
      clock.advance(Duration.ofSeconds(2L * attempt));
    }
    count("orders given up after a 5xx");
    if (customerId != null) {
      gaveUp.put(customerId, clock.instant());
    }
    return null;
  }

  // ---------------------------------------------------------------- big baskets

  /** SKUs of the bulk range (with the 10 others, 40 SKUs: a basket of up to 40 different lines). */
  static final int BULK_SKUS = 30;
  /** The share of site orders that are big baskets (at least two a day). */
  static final double BIG_BASKET_SHARE = 0.08;
  private int bigBaskets;
  static final String TRANSACT_WRITE = "DynamoDb.TransactWriteItems";

  /**
   * A big basket on the site (docs/simulation.md): 16–40 lines over the whole range, 1–3 of them asking
   * more than the fullest warehouse has (reserved from two). The baskets take turns, so that every run of
   * two days or more sees each kind: (1) in the faulted run, 33–40 lines — more than one transaction holds,
   * the two-transaction intake of docs/orders.md — crashing right after the intake's first transaction (the
   * client retries the 5xx with the same key; the order-announce sweeper releases the crashed intake); in
   * the clean run an ordinary big basket; (2) 33–40 lines meeting a stock take between their two
   * transactions (the last line's rows counted down to what is already promised: the last transaction
   * fails, order-api releases the first one's holds and answers 409); (3) competing for the last units of
   * one of its SKUs with an order placed just before it; (4) an ordinary big basket.
   */
  private void bigBasket() {
    int kind = bigBaskets++ % 4;
    boolean twoTransactions = kind == 0 && settings.faults().crashShare() > 0 || kind == 1;
    List<String> pool = new ArrayList<>(skus);
    pool.addAll(bulkSkus);
    java.util.Collections.shuffle(pool, random);
    int n = twoTransactions || random.nextBoolean() ? 33 + random.nextInt(8) : 16 + random.nextInt(17);
    List<Map.Entry<String, Integer>> lines = new ArrayList<>();
    for (String sku : pool.subList(0, n)) {
      lines.add(Map.entry(sku, 1 + random.nextInt(2)));
    }
    int splits = 1 + random.nextInt(3);
    for (int i = 0; i < splits; i++) {
      int at = random.nextInt(n - 1); // not the last line (the stock take's)
      String sku = lines.get(at).getKey();
      if (!bulkSkus.contains(sku)) {
        continue; // the bulk range is in two warehouses only: more than the fullest is always the sum of both
      }
      List<Long> available = availableBy(sku).values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
      int extra = random.nextInt(3);
      if (available.size() >= 2 && available.get(1) > 0) {
        long qty = available.get(0) + 1 + Math.min(extra, available.get(1) - 1);
        if (qty <= 99) {
          lines.set(at, Map.entry(sku, (int) qty));
          count("big basket lines over two warehouses");
        }
      }
    }
    count("big baskets");
    count("big baskets of " + (n > 32 ? "33–40" : "16–32") + " lines");
    Runnable aim = null;
    if (kind == 0 && settings.faults().crashShare() > 0) {
      count("big baskets crashed between their transactions");
      aim = () -> FaultInjector.crashNextInvocationAfterFirst(TRANSACT_WRITE);
    } else if (kind == 1) {
      String sku = lines.get(n - 1).getKey();
      aim = () -> FaultInjector.afterNextCall(TRANSACT_WRITE, () -> stockTake(sku));
    } else if (kind == 2) {
      // an order just before takes the last units of one of the basket's SKUs in its two fullest warehouses
      String sku = lines.get(random.nextInt(n)).getKey();
      List<Long> available = availableBy(sku).values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
      long last = available.stream().limit(2).mapToLong(Long::longValue).sum();
      if (last > 0 && last <= 99) {
        count("big baskets competing for the last units");
        placeOrder(null, null, List.of(Map.entry(sku, (int) last)));
      }
    }
    String id = placeOrder(null, null, lines, "SITE", aim);
    count(id == null ? "big baskets not placed" : "big baskets placed");
  }

  /** Available units of a SKU per warehouse, as the table says now (consistent). */
  private Map<String, Long> availableBy(String sku) {
    Map<String, Long> out = new TreeMap<>();
    shop.stack().dynamoDb().queryPaginator(q -> q.tableName(shop.stack().tableName("StoreTable")).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :stock)")
        .expressionAttributeValues(Map.of(":pk", dev.storeops.platform.dynamo.Items.s("SKU#" + sku),
            ":stock", dev.storeops.platform.dynamo.Items.s("STOCK#")))).items()
        .forEach(i -> out.put(dev.storeops.platform.dynamo.Items.str(i, "sk").substring(6),
            dev.storeops.platform.dynamo.Items.num(i, "available", 0)));
    return out;
  }

  /**
   * A stock take between a big basket's two transactions: every row of the SKU is counted down to what
   * is already promised (onHand = reserved), through the catalog's own count (the code of {@code PUT
   * /staff/stock/{sku}/{warehouse}}, with its journal entry). Nothing is left for the basket's last line.
   */
  private void stockTake(String sku) {
    var catalog = new dev.storeops.catalog.dynamo.DynamoCatalog(shop.stack().dynamoDb(),
        shop.stack().tableName("StoreTable"), clock);
    for (String warehouse : availableBy(sku).keySet()) {
      var row = shop.stack().dynamoDb().getItem(g -> g.tableName(shop.stack().tableName("StoreTable"))
          .key(dev.storeops.platform.dynamo.TableKeys.stockKey(sku, warehouse)).consistentRead(true)).item();
      catalog.count(sku, warehouse, dev.storeops.platform.dynamo.Items.num(row, "reserved", 0), "sim-stock-take");
    }
    count("stock takes between a big basket's transactions");
  }

  /** What happens to a placed order: payments, calls, cancels, shipping, delivery. */
  private void follow(String orderId, String method, long total) {
    double fate = random.nextDouble();
    switch (method) {
      case "ONLINE_CARD" -> {
        if (fate < 0.6) {
          pay(orderId, "succeeded", total, in(Duration.ofMinutes(1), Duration.ofMinutes(20)), random.nextDouble() < 0.2);
        } else if (fate < 0.7) {
          pay(orderId, "failed", total, in(Duration.ofMinutes(1), Duration.ofMinutes(5)), false);
          pay(orderId, "succeeded", total, in(Duration.ofMinutes(40), Duration.ofHours(3)), false);
        } else if (fate < 0.77) {
          pay(orderId, "succeeded", total, in(Duration.ofMinutes(1), Duration.ofMinutes(10)), false);
          pay(orderId, "refunded", total, in(Duration.ofHours(1), Duration.ofHours(60)), random.nextDouble() < 0.3);
        } else if (fate < 0.82) {
          // out of order: the refund overtakes the payment it refunds
          Instant paidAt = in(Duration.ofMinutes(30), Duration.ofMinutes(60));
          pay(orderId, "refunded", total, in(Duration.ofMinutes(1), Duration.ofMinutes(20)), false);
          pay(orderId, "succeeded", total, paidAt, false);
        } else if (fate < 0.85) {
          pay(orderId, "succeeded", total - 100, in(Duration.ofMinutes(1), Duration.ofMinutes(20)), false);
        }
        // else: never paid; the payment deadline handles it
      }
      case "BANK_TRANSFER" -> {
        if (fate < 0.65) {
          pay(orderId, "succeeded", total, in(Duration.ofHours(2), Duration.ofHours(60)), random.nextDouble() < 0.2);
        }
      }
      default -> at(in(Duration.ofMinutes(10), Duration.ofHours(4)), "call", () -> call(orderId, 1));
    }
    if (random.nextDouble() < 0.04) {
      at(in(Duration.ofMinutes(30), Duration.ofHours(30)), "staff cancel", () -> staffCancel(orderId));
    }
    at(in(Duration.ofHours(3), Duration.ofHours(20)), "ship", () -> ship(orderId, 1));
  }

  private void pay(String orderId, String type, long amount, Instant when, boolean twice) {
    String eventId = "evt_" + Long.toString(Math.abs(random.nextLong()), 36);
    String paymentId = "pay_" + Long.toString(Math.abs(random.nextLong()), 36);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("eventId", eventId);
    body.put("type", type);
    body.put("orderId", orderId);
    body.put("paymentId", paymentId);
    body.put("amountMinor", amount);
    body.put("currency", "RUB");
    String raw = Json.write(body);
    at(when, "webhook " + type, () -> webhook(raw, 1, when));
    if (twice) {
      Instant again = when.plus(Duration.ofMinutes(5 + random.nextInt(180)));
      at(again, "webhook again", () -> webhook(raw, 1, again));
    }
  }

  /** How long the provider keeps resending a notification that got no 200 (YooKassa: 24 hours, docs/payments.md). */
  static final Duration PROVIDER_RETRIES_FOR = Duration.ofHours(24);

  /**
   * Delivers one notification as the provider does: a 5xx is resent later, at growing intervals (from a
   * minute up to an hour apart), for {@link #PROVIDER_RETRIES_FOR} after the first try; anything else
   * that is not a 200 stops the simulation.
   */
  private void webhook(String raw, int attempt, Instant firstTry) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    String signature = signer.sign(clock.instant().getEpochSecond(), bytes);
    SimShop.Response r = shop.call("POST", "/payments/webhook", raw, Map.of("X-Signature", signature));
    if (r.ok()) {
      count("webhooks " + (json(r).path("duplicate").asBoolean() ? "duplicate" : json(r).path("outcome").asText()));
    } else if (r.status() / 100 == 5 && clock.instant().isBefore(firstTry.plus(PROVIDER_RETRIES_FOR))) {
      count("webhook retries");
      if (attempt >= 8) {
        count("webhooks resent more than 8 times");
      }
      at(in(Duration.ofMinutes(Math.min(attempt, 30)), Duration.ofMinutes(Math.min(5L * attempt, 60))), "webhook retry",
          () -> webhook(raw, attempt + 1, firstTry));
    } else {
      throw new IllegalStateException("webhook refused: " + r.status() + " after " + attempt + " tries in "
          + Duration.between(firstTry, clock.instant()) + ": " + r.body() + " " + raw);
    }
  }

  private SimShop.Response staff(String method, String path, String body, String idempotencyKey) {
    Map<String, String> headers = new LinkedHashMap<>(bearer(shop.staffToken(MANAGERS.get(random.nextInt(MANAGERS.size())))));
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    return shop.call(method, path, body, headers);
  }

  private void call(String orderId, int n) {
    double r = random.nextDouble();
    String outcome = r < 0.72 ? "CONFIRMED" : r < 0.8 ? "REFUSED" : "NO_ANSWER";
    ObjectNode body = Json.mapper().createObjectNode().put("outcome", outcome);
    if (outcome.equals("REFUSED")) {
      body.put("reason", "передумал");
    }
    String key = "call-" + orderId + "-" + n;
    retrying("call " + outcome, () -> staff("POST", "/staff/orders/" + orderId + "/calls", Json.write(body), key));
    if (outcome.equals("NO_ANSWER") && n < 3) {
      at(in(Duration.ofHours(1), Duration.ofHours(3)), "call", () -> call(orderId, n + 1));
    }
  }

  private void staffCancel(String orderId) {
    retrying("staff cancel", () -> staff("POST", "/staff/orders/" + orderId + "/cancel", "{\"reason\":\"клиент попросил\"}", null));
  }

  private void ship(String orderId, int attempt) {
    SimShop.Response order = staff("GET", "/staff/orders/" + orderId, null, null);
    if (!order.ok()) {
      at(in(Duration.ofMinutes(15), Duration.ofMinutes(45)), "ship", () -> ship(orderId, attempt));
      return;
    }
    JsonNode o = json(order);
    String status = o.path("status").asText(o.path("order").path("status").asText());
    if (status.equals("READY_TO_SHIP")) {
      String tracking = "TRK" + Long.toString(Math.abs(random.nextLong()), 36).toUpperCase(Locale.ROOT);
      // every carrier TrackingLinks knows (one draw of the random stream, as before); the ship sends the
      // customer's shipped mail and SMS (sms-sender, SmsProvider=local), judged by ShippedNoticesInvariant
      String carrier = new String[] {"CDEK", "Почта России", "Boxberry", "DPD"}[random.nextInt(4)];
      boolean shipped = retrying("ship", () -> staff("POST", "/staff/orders/" + orderId + "/ship",
          "{\"carrier\":\"" + carrier + "\",\"trackingNumber\":\"" + tracking + "\"}", null));
      if (shipped) {
        // most parcels are delivered (some come back later as a return); some are refused at the door or
        // not collected and travel back (docs/returns.md); the rest are still on the road at the end
        double fate = random.nextDouble();
        if (fate < 0.87) {
          at(in(Duration.ofHours(20), Duration.ofHours(72)), "deliver", () -> {
            if (retrying("deliver", () -> staff("POST", "/staff/orders/" + orderId + "/deliver", null, null))
                && random.nextDouble() < 0.2) {
              at(in(Duration.ofHours(12), Duration.ofHours(60)), "return", () -> returnAfterDelivery(orderId));
            }
          });
        } else if (fate < 0.95) {
          at(in(Duration.ofHours(20), Duration.ofHours(72)), "refuse parcel", () -> refuseParcel(orderId));
        }
      }
    } else if (!status.equals("CANCELLED") && !status.equals("SHIPPED") && !status.equals("DELIVERED") && attempt < 12) {
      at(in(Duration.ofHours(4), Duration.ofHours(12)), "ship", () -> ship(orderId, attempt + 1));
    }
  }

  /** The parcel is refused at the door or not collected; it arrives back a day or three later. */
  private void refuseParcel(String orderId) {
    String reason = random.nextDouble() < 0.6 ? "REFUSED" : "NOT_COLLECTED";
    if (retrying("parcels refused", () -> staff("POST", "/staff/orders/" + orderId + "/refusal",
        "{\"reason\":\"" + reason + "\"}", null))) {
      at(in(Duration.ofHours(24), Duration.ofHours(72)), "parcel back",
          () -> retrying("parcels back", () -> staff("POST", "/staff/orders/" + orderId + "/returned-parcel", null, null)));
    }
  }

  /** A delivered order's customer sends back one unit of a line (restocked or, unusable, written off), refunded. */
  private void returnAfterDelivery(String orderId) {
    SimShop.Response order = staff("GET", "/staff/orders/" + orderId, null, null);
    if (!order.ok()) {
      return;
    }
    JsonNode o = json(order);
    JsonNode lines = o.path("lines");
    if (!o.path("status").asText().equals("DELIVERED") || lines.isEmpty()) {
      return;
    }
    JsonNode line = lines.get(random.nextInt(lines.size()));
    String disposition = random.nextDouble() < 0.7 ? "restock" : "writeOff";
    ObjectNode body = Json.mapper().createObjectNode().put("reason", disposition.equals("restock")
        ? "не подошёл размер" : "брак: не работает");
    body.putArray("lines").addObject().put("sku", line.path("sku").asText()).put("qty", 1).put("disposition", disposition);
    String key = "return-" + orderId;
    retrying("returns", () -> staff("POST", "/staff/orders/" + orderId + "/returns", Json.write(body), key));
  }

  /** A staff action with the staff console's retry on 5xx; 409 (another path won) is an answer too. */
  private boolean retrying(String what, java.util.function.Supplier<SimShop.Response> call) {
    for (int attempt = 1; attempt <= 8; attempt++) {
      SimShop.Response r = call.get();
      if (r.ok()) {
        count(what);
        return true;
      }
      if (r.status() == 409) {
        count(what + " refused (409)");
        return false;
      }
      if (r.status() / 100 == 4) {
        throw new IllegalStateException(what + ": " + r.status() + " " + r.body());
      }
      count("retries after 5xx");
    }
    count(what + " given up");
    return false;
  }

  // ---------------------------------------------------------------- carts, files, campaign, poison

  private void cart() {
    // a cart is attached to a customer with that customer's own credential: the storefront's own sign-ups
    List<String> signedIn = customers.stream().filter(customerTokens::containsKey).toList();
    if (signedIn.isEmpty()) {
      return;
    }
    String customerId = signedIn.get(random.nextInt(signedIn.size()));
    String cartId = "cart-" + Long.toString(Math.abs(random.nextLong()), 36);
    List<Map.Entry<String, Integer>> lines = someLines();
    ObjectNode body = Json.mapper().createObjectNode().put("customerId", customerId);
    ArrayNode l = body.putArray("lines");
    lines.forEach(e -> l.addObject().put("sku", e.getKey()).put("qty", e.getValue()));
    // the storefront chooses the cart's token itself (docs/api.md, "Carts"): a retry after a lost answer
    // carries it and finds the same cart
    StringBuilder chosen = new StringBuilder("ct");
    for (int i = 0; i < 30; i++) {
      chosen.append(Character.forDigit(random.nextInt(36), 36));
    }
    String cartToken = chosen.toString();
    boolean[] answerLost = {false};
    if (!retrying("carts saved", () -> {
      SimShop.Response r = shop.call("PUT", "/carts/" + cartId, Json.write(body),
          Map.of("X-Customer-Token", customerTokens.get(customerId), "X-Cart-Token", cartToken));
      if (r.ok() && answerLost[0]) {
        count("carts found again after a lost answer");
      }
      answerLost[0] |= r.status() / 100 == 5;
      return r;
    })) {
      return;
    }
    cartTokens.put(cartId, cartToken);
    if (random.nextDouble() < 0.5) {
      at(in(Duration.ofMinutes(10), Duration.ofHours(2)), "order from cart", () -> placeOrderFromCart(customerId, cartId, lines));
    } else {
      count("carts abandoned");
    }
  }

  private void placeOrderFromCart(String customerId, String cartId, List<Map.Entry<String, Integer>> lines) {
    placeOrder(customerId, cartId, lines);
  }

  /**
   * A sale over the counter at the shop point: 1–2 SKUs, posted by the till to {@code POST
   * /staff/points/{id}/sales}; a fifth of the receipts are posted twice (the till did not see the first
   * answer) — a replay must move nothing (the "point sales once" invariant).
   */
  private void pointSale() {
    String receipt = "T1-" + LocalDate.ofInstant(clock.instant(), SHOP_ZONE) + "-" + (++receiptNumber);
    String soldAt = clock.instant().atZone(SHOP_ZONE).toOffsetDateTime().toString();
    List<String> chosen = new ArrayList<>(skus);
    java.util.Collections.shuffle(chosen, random);
    ObjectNode body = Json.mapper().createObjectNode().put("receiptNumber", receipt).put("soldAt", soldAt);
    var lines = body.putArray("lines");
    long total = 0;
    for (String sku : chosen.subList(0, 1 + random.nextInt(2))) {
      int qty = 1 + random.nextInt(2);
      long price = 10_000 + 5_000L * random.nextInt(10);
      lines.addObject().put("sku", sku).put("qty", qty).put("priceMinor", price);
      tillReceipts.add(new String[] {receipt, soldAt, sku, String.valueOf(qty), String.valueOf(price)});
      total += qty * price;
    }
    body.put("totalMinor", total);
    String json = Json.write(body);
    retrying("point sales", () -> staff("POST", "/staff/points/" + POINT + "/sales", json, null));
    if (random.nextDouble() < 0.2) {
      retrying("point sales posted again", () -> staff("POST", "/staff/points/" + POINT + "/sales", json, null));
    }
  }

  /**
   * The till's daily export into S3 ({@code points/<point>/…}, handled by stock-import): the day's
   * receipts again — each a replay — and one receipt the till never managed to post (sold while offline).
   */
  private void tillExport() {
    StringBuilder csv = new StringBuilder("receipt;sold_at;sku;qty;price\n");
    for (String[] r : tillReceipts) {
      csv.append(r[0]).append(';').append(r[1]).append(';').append(r[2]).append(';').append(r[3]).append(';')
          .append(java.math.BigDecimal.valueOf(Long.parseLong(r[4]), 2).toPlainString().replace('.', ',')).append('\n');
    }
    tillReceipts.clear();
    String offline = "T1-" + LocalDate.ofInstant(clock.instant(), SHOP_ZONE) + "-offline";
    csv.append(offline).append(';').append(clock.instant().minusSeconds(600).atZone(SHOP_ZONE).toOffsetDateTime())
        .append(';').append(skus.get(random.nextInt(skus.size()))).append(";1;150,00\n");
    String key = "points/" + POINT + "/export-" + LocalDate.ofInstant(clock.instant(), SHOP_ZONE) + ".csv";
    shop.stack().s3().putObject(p -> p.bucket(shop.stack().bucketName("SupplierBucket")).key(key),
        software.amazon.awssdk.core.sync.RequestBody.fromString(csv.toString(), StandardCharsets.UTF_8));
    count("till exports");
  }

  /** The supplier's morning file: every SKU of its warehouse, mostly restocked, some cut below what orders hold. */
  private void supplierFile() {
    StringBuilder csv = new StringBuilder("Артикул;Наименование;Остаток\n");
    int cuts = 0;
    for (String sku : allSkus()) {
      var item = shop.stack().dynamoDb().getItem(g -> g.tableName(shop.stack().tableName("StoreTable"))
          .key(dev.storeops.platform.dynamo.TableKeys.stockKey(sku, SUPPLIER_WAREHOUSE)).consistentRead(true)).item();
      long reserved = item == null ? 0 : dev.storeops.platform.dynamo.Items.num(item, "reserved", 0);
      long qty;
      if (reserved > 1 && random.nextDouble() < 0.15) {
        qty = Math.max(1, reserved - 1 - random.nextInt(2));
        cuts++;
      } else {
        // restocked for the day's demand: at 40 orders a day or fewer 10–49 units, above that in proportion
        // (the month bench's 170 a day would otherwise sell out by noon and store half its orders)
        qty = reserved + (10 + random.nextInt(40)) * Math.max(1, (settings.ordersPerDay() + 39) / 40);
      }
      csv.append(sku).append(';').append("Товар ").append(sku).append(';').append(qty).append(" шт\n");
    }
    String key = "incoming/" + SUPPLIER + "/stock-" + LocalDate.ofInstant(clock.instant(), SHOP_ZONE) + ".csv";
    shop.stack().s3().putObject(p -> p.bucket(shop.stack().bucketName("SupplierBucket")).key(key),
        software.amazon.awssdk.core.sync.RequestBody.fromString(csv.toString(), StandardCharsets.UTF_8));
    count("supplier files");
    if (cuts > 0) {
      count("supplier files cutting below reservations");
    }
  }

  /**
   * The owner's morning look at the stock desk, an hour after the supplier's file: {@code POST /staff/stock/repair}
   * must find nothing to correct (a ledger that stays true needs no repair), and each SKU's movement
   * journal, read page by page through {@code GET /staff/stock/{sku}/movements}, must hold every entry
   * the table holds (the "journal adds up" invariant judges the entries themselves).
   */
  private void stockDesk() {
    SimShop.Response[] repaired = new SimShop.Response[1];
    if (retrying("stock repairs", () -> repaired[0] = staff("POST", "/staff/stock/repair", null, null))) {
      JsonNode corrected = json(repaired[0]).path("corrected");
      if (corrected.size() > 0) {
        throw new IllegalStateException("the stock repair corrected a ledger that should have stayed true, at "
            + clock.instant() + ", seed " + settings.seed() + ": " + corrected);
      }
    }
    for (String sku : allSkus()) {
      long read = 0;
      String next = null;
      do {
        String path = "/staff/stock/" + sku + "/movements?limit=200" + (next == null ? ""
            : "&next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
        SimShop.Response[] page = new SimShop.Response[1];
        if (!retrying("journal pages read", () -> page[0] = staff("GET", path, null, null))) {
          return;
        }
        JsonNode body = json(page[0]);
        read += body.path("movements").size();
        next = body.path("next").isTextual() ? body.path("next").asText() : null;
      } while (next != null);
      long stored = journalEntries(sku);
      if (read != stored) {
        throw new IllegalStateException("GET /staff/stock/" + sku + "/movements listed " + read + " entries but the table holds "
            + stored + ", at " + clock.instant() + ", seed " + settings.seed());
      }
      counts.merge("journal entries read", read, Long::sum);
    }
  }

  private List<String> allSkus() {
    List<String> all = new ArrayList<>(skus);
    all.addAll(bulkSkus);
    return all;
  }

  private long journalEntries(String sku) {
    return shop.stack().dynamoDb().queryPaginator(q -> q.tableName(shop.stack().tableName("StoreTable")).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :move)").select("COUNT")
        .expressionAttributeValues(Map.of(":pk", dev.storeops.platform.dynamo.Items.s("SKU#" + sku),
            ":move", dev.storeops.platform.dynamo.Items.s("MOVE#")))).stream().mapToLong(r -> r.count()).sum();
  }

  /** The campaign's promo code and how many orders may use it. */
  static final String PROMO_CODE = "SIMWEEK";
  static final int PROMO_MAX_USES = 4;
  private boolean promoActive;

  private void campaign() {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("name", "Весенняя распродажа");
    body.put("template", "campaign");
    body.put("subject", "Весна в чайной");
    body.put("body", "Скидки на чай всю неделю.");
    body.putObject("segment").put("type", "all-with-consent");
    body.put("sendAt", clock.instant().plus(Duration.ofHours(1)).toString());
    // a limited promo code: storefront orders use it until its uses run out (the "promo uses" invariant)
    body.put("discountCode", PROMO_CODE);
    body.putObject("discount").put("percent", 10).put("maxUses", PROMO_MAX_USES).put("oncePerCustomer", false)
        .put("validFrom", clock.instant().toString());
    SimShop.Response[] created = new SimShop.Response[1];
    if (!retrying("campaigns created", () -> created[0] = staff("POST", "/staff/campaigns", Json.write(body), null))) {
      return;
    }
    promoActive = true;
    String id = json(created[0]).path("campaign").path("id").asText();
    retrying("campaigns scheduled", () -> staff("POST", "/staff/campaigns/" + id + "/schedule", null, null));
  }

  private void poisonMessages() {
    String ping = "{\"type\":\"Ping\",\"sim\":\"poison\"}";
    String badIntent = "{\"dedupeKey\":\"sim-poison\",\"template\":\"no-such-template\",\"category\":\"TRANSACTIONAL\",\"to\":\"x@example.com\"}";
    poison.add(ping);
    poison.add(badIntent);
    shop.stack().sqs().sendMessage(r -> r.queueUrl(shop.stack().queueUrl("OrderEventsQueue")).messageBody(ping));
    shop.stack().sqs().sendMessage(r -> r.queueUrl(shop.stack().queueUrl("EmailQueue")).messageBody(badIntent));
    shop.touched();
    count("poison messages");
  }

  /** A fifth of the recipients of a marketing mail use its one-click unsubscribe link. */
  private void unsubscribeSome(ShopState state) {
    for (ShopState.Mail m : state.mails()) {
      if (!m.marketing() || !unsubscribeSeen.add(m.messageId()) || random.nextDouble() >= 0.2) {
        continue;
      }
      var sent = shop.stack().sentMail().stream().filter(x -> x.messageId().equals(m.messageId())).findFirst();
      String header = sent.map(x -> x.headers().get("List-Unsubscribe")).orElse(null);
      if (header == null) {
        continue;
      }
      String url = header.replaceAll("^<|>$", "");
      String query = url.substring(url.indexOf('?'));
      String to = m.to();
      at(in(Duration.ofMinutes(5), Duration.ofMinutes(50)), "unsubscribe", () -> {
        if (retrying("unsubscribes", () -> shop.call("POST", "/unsubscribe" + query, "List-Unsubscribe=One-Click",
            Map.of("Content-Type", "application/x-www-form-urlencoded")))) {
          ShopState.Consent c = consent.get(to);
          if (c != null && c.unsubscribedAt() == null) {
            consent.put(to, new ShopState.Consent(c.given(), clock.instant()));
          }
        }
      });
    }
  }
}
