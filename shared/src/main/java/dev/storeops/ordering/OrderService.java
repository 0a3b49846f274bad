package dev.storeops.ordering;

import dev.storeops.platform.ids.TokenHash;
import dev.storeops.platform.retry.Retry;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.Unprocessable;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.errors.FieldError;
import dev.storeops.ordering.Allocation;
import dev.storeops.catalog.Catalog;
import dev.storeops.catalog.CatalogSnapshot;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryCalculator;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.catalog.DeliveryOption;
import dev.storeops.catalog.PurchaseCosts;
import dev.storeops.catalog.Reservation;
import dev.storeops.ordering.promo.AppliedPromo;
import dev.storeops.ordering.promo.PromoCheck;
import dev.storeops.ordering.promo.PromoCode;
import dev.storeops.ordering.promo.PromoCodes;
import dev.storeops.ordering.promo.PromoDiscount;
import dev.storeops.ordering.promo.PromoRejection;
import dev.storeops.catalog.StockLevel;
import dev.storeops.catalog.Warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.CustomerStore;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.ids.Ids;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes orders from every channel: validates, resolves the customer, prices from the catalog, plans
 * the stock reservation and the delivery, and stores everything in one transaction (with the order's
 * announce item); then publishes {@link OrderCreated} (a lost publication is swept by {@link
 * AnnounceOrders}). Idempotent per Idempotency-Key: the same key and body return the same order, the
 * same key with another body is a 422.
 */
public final class OrderService {
  private static final Log LOG = Log.get(OrderService.class);
  private static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
  private static final int ATTEMPTS = 4;
  private static final char[] NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OrderStore orders;
  private final Catalog catalog;
  private final CartStore carts;
  private final CustomerService customerService;
  private final CustomerStore customerStore;
  private final OrderEvents events;
  private final DeliveryCalculator delivery;
  private final OrderLimits limits;
  private final Clock clock;
  private final PurchaseCosts purchaseCosts;
  private final PromoCheck promoCheck;
  /** The hot path's batched reads; {@code null}: each read on its own (the earlier path, kept as the bench's baseline). */
  private final OrderIntakeReads intake;

  /** Without purchase prices (line costs unknown) and without promo codes (every code is unknown). */
  public OrderService(OrderStore orders, Catalog catalog, CartStore carts, CustomerService customerService,
      CustomerStore customerStore, OrderEvents events, DeliveryCalculator delivery, OrderLimits limits, Clock clock) {
    this(orders, catalog, carts, customerService, customerStore, events, delivery, limits, clock, PurchaseCosts.NONE,
        PromoCodes.NONE);
  }

  /**
   * @param purchaseCosts the purchase cost of the units each reservation takes (recorded on the lines)
   * @param promoCodes the codes accepted at checkout ({@code promoCode})
   */
  public OrderService(OrderStore orders, Catalog catalog, CartStore carts, CustomerService customerService,
      CustomerStore customerStore, OrderEvents events, DeliveryCalculator delivery, OrderLimits limits, Clock clock,
      PurchaseCosts purchaseCosts, PromoCodes promoCodes) {
    this(orders, catalog, carts, customerService, customerStore, events, delivery, limits, clock, purchaseCosts,
        promoCodes, null);
  }

  /**
   * @param intake reads everything an order needs before its transaction together ({@code null}: one
   *     read after another)
   */
  public OrderService(OrderStore orders, Catalog catalog, CartStore carts, CustomerService customerService,
      CustomerStore customerStore, OrderEvents events, DeliveryCalculator delivery, OrderLimits limits, Clock clock,
      PurchaseCosts purchaseCosts, PromoCodes promoCodes, OrderIntakeReads intake) {
    this.intake = intake;
    this.purchaseCosts = purchaseCosts;
    this.promoCheck = new PromoCheck(promoCodes);
    this.orders = orders;
    this.catalog = catalog;
    this.carts = carts;
    this.customerService = customerService;
    this.customerStore = customerStore;
    this.events = events;
    this.delivery = delivery;
    this.limits = limits;
    this.clock = clock;
  }

  /** Who places the order and through which channels. */
  /**
   * @param cartToken the storefront's token of the cart the order is made from ({@code X-Cart-Token});
   *     a storefront order from a cart needs it, staff orders do not
   */
  public record Origin(String idempotencyScope, String createdBy, List<Channel> allowedChannels, String cartToken) {
    public Origin(String idempotencyScope, String createdBy, List<Channel> allowedChannels) {
      this(idempotencyScope, createdBy, allowedChannels, null);
    }

    public static Origin storefront() {
      return storefront(null);
    }

    public static Origin storefront(String cartToken) {
      return new Origin("site", "customer", List.of(Channel.SITE), cartToken);
    }

    boolean needsCartToken() {
      return "site".equals(idempotencyScope);
    }

    public static Origin staff(String staffId) {
      return new Origin("staff:" + staffId, staffId, List.of(Channel.PHONE, Channel.EMAIL));
    }
  }

  /** The stored order, its access token and whether this was a replay of an earlier request. */
  public record Placed(Order order, String accessToken, boolean replayed) {}

  public Placed place(String idempotencyKeyHeader, byte[] rawBody, OrderRequest request, Origin origin) {
    String key = OrderRules.idempotencyKey(idempotencyKeyHeader);
    String keyHash = Tokens.sha256Hex(origin.idempotencyScope() + "|" + key);
    String requestHash = requestHash(rawBody);
    ValidOrder valid;
    Customer customer;
    Cart cart;
    Read read = null;
    if (intake == null) {
      Optional<Placed> replay = replay(key, keyHash, requestHash);
      if (replay.isPresent()) {
        return replay.get();
      }
      valid = OrderRules.validate(request, limits, origin.allowedChannels());
      customer = resolveCustomer(valid);
      cart = valid.cartId() == null ? null : checkCart(valid.cartId(), customer.id(), origin);
    } else {
      // the hot path (docs/orders.md): validate first (no I/O), then every read in one batch
      try {
        valid = OrderRules.validate(request, limits, origin.allowedChannels());
      } catch (Invalid e) {
        // a replay (or a reused key) is answered as before, whatever the body says
        Optional<Placed> replay = replay(key, keyHash, requestHash);
        if (replay.isPresent()) {
          return replay.get();
        }
        throw e;
      }
      List<String> warehouseIds = catalog.warehouses().stream().map(Warehouse::id).toList();
      OrderIntakeReads.Found found = intake.read(new OrderIntakeReads.Ask(keyHash, valid.customerId(),
          valid.customerId() == null ? valid.newCustomer().email() : null, valid.cartId(), valid.skus(), warehouseIds));
      if (found.idempotency().isPresent()) {
        return replayOf(found.idempotency().get(), key, requestHash);
      }
      customer = valid.customerId() != null
          ? found.customer().orElseThrow(() -> Invalid.field("customerId", "no customer with this id"))
          : resolveCustomer(valid, found.customerIdByEmail());
      cart = valid.cartId() == null ? null : checkCart(found.cart(), customer.id(), origin);
      read = new Read(found.catalog(), found.supplied(), warehouseIds);
    }

    for (int attempt = 1; ; attempt++) {
      if (intake != null && attempt > 1) {
        // a retried attempt reads the products and stock again, in one batch as well
        OrderIntakeReads.Found again = intake.read(OrderIntakeReads.Ask.catalogOnly(valid.skus(), read.warehouses()));
        read = new Read(again.catalog(), again.supplied(), read.warehouses());
      }
      Order order = build(valid, customer, origin, read);
      String token = Ids.token(32);
      order = withToken(order, Tokens.sha256Hex(token));
      Instant now = order.createdAt();
      IdempotencyRecord record = new IdempotencyRecord(keyHash, requestHash, order.id(),
          Tokens.seal(key, token), now, now.plus(IDEMPOTENCY_TTL));
      try {
        orders.create(order, record);
        LOG.info("order created", "orderId", order.id(), "number", order.number(), "channel", order.channel(),
            "lines", order.lines().size(), "totalMinor", order.totalMinor(), "attempt", attempt,
            "fromCart", cart != null);
        publish(order, token);
        return new Placed(order, token, false);
      } catch (OrderStore.CreateFailed e) {
        switch (e.reason()) {
          case IDEMPOTENCY_KEY_USED -> {
            return replay(key, keyHash, requestHash).orElseThrow(() -> e);
          }
          case CART_CLOSED -> throw cartClosed();
          case NUMBER_TAKEN, STOCK, CONTENTION, PROMO_USED -> {
            // PROMO_USED: another order took the code's last use (or the customer's one) meanwhile; the
            // next attempt's check names the reason
            if (attempt >= ATTEMPTS) {
              if (e.reason() == OrderStore.CreateFailed.Reason.STOCK) {
                throw shortage(e.failedReservations(), valid);
              }
              if (e.reason() == OrderStore.CreateFailed.Reason.PROMO_USED) {
                throw new PromoRejection(PromoRejection.Reason.USED, "was used by another order meanwhile").toError();
              }
              throw new Busy("busy", "The shop is busy; repeat the request with the same Idempotency-Key.");
            }
            LOG.info("order write retried", "reason", e.reason(), "attempt", attempt);
            if (e.reason() == OrderStore.CreateFailed.Reason.CONTENTION) {
              Retry.backOff(attempt);
            }
          }
          default -> throw e;
        }
      }
    }
  }


  /** The order, when {@code token} is its access token; otherwise 404 (existence is not revealed). */
  public Order getForCustomer(String id, String token) {
    return orders.find(id).filter(o -> Tokens.matches(token, o.accessTokenHash()))
        .orElseThrow(() -> new NotFound("Order " + id));
  }

  public Order get(String id) {
    return orders.find(id).orElseThrow(() -> new NotFound("Order " + id));
  }

  /** Available stock of one SKU in total and per warehouse. */
  public record StockSummary(String sku, long available, List<WarehouseStock> warehouses) {
    public record WarehouseStock(String warehouse, long available) {}
  }

  /** {@code GET /stock/{sku}}: 404 for a SKU with neither stock nor a product. */
  public StockSummary stock(String sku) {
    List<StockLevel> levels = catalog.stock(sku);
    if (levels.isEmpty() && catalog.product(sku).isEmpty()) {
      throw new NotFound("SKU " + sku);
    }
    return new StockSummary(sku, levels.stream().mapToLong(StockLevel::available).sum(), levels.stream()
        .map(l -> new StockSummary.WarehouseStock(l.warehouse(), l.available())).toList());
  }

  /** Delivery options for a city and lines ({@code GET /delivery-options}). */
  public List<DeliveryOption> deliveryOptions(String city, List<ValidOrder.Line> lines) {
    if (city == null || city.isBlank() || city.length() > 100) {
      throw Invalid.field("city", "is required (at most 100 characters)");
    }
    CatalogSnapshot snapshot = catalog.snapshot(lines.stream().map(ValidOrder.Line::sku).toList());
    List<FieldError> unknown = new ArrayList<>();
    for (ValidOrder.Line line : lines) {
      if (!snapshot.products().containsKey(line.sku())) {
        unknown.add(new FieldError("skus", "unknown SKU " + line.sku()));
      }
    }
    if (!unknown.isEmpty()) {
      throw new Invalid("Some SKUs are not in the catalog.", unknown);
    }
    return delivery.options(city, catalog.warehouses(), items(lines, snapshot));
  }

  /**
   * Products and stock read by the hot path's batch, with what the stock items say about their
   * suppliers, and the warehouses whose stock was read.
   */
  private record Read(CatalogSnapshot snapshot, Map<PurchaseCosts.Source, PurchaseCosts.Supplied> supplied,
      List<String> warehouses) {}

  private Optional<Placed> replay(String key, String keyHash, String requestHash) {
    Optional<IdempotencyRecord> found = orders.findIdempotency(keyHash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(replayOf(found.get(), key, requestHash));
  }

  private Placed replayOf(IdempotencyRecord record, String key, String requestHash) {
    if (!record.requestHash().equals(requestHash)) {
      throw new Unprocessable("idempotency-key-reused",
          "This Idempotency-Key was used with a different request body; use a new key for a new order.");
    }
    Order order = orders.find(record.orderId()).orElseThrow(() -> new IllegalStateException(
        "idempotency record points at a missing order " + record.orderId()));
    String token = Tokens.open(key, record.sealedToken());
    // the first attempt may have stored the order but failed to publish: publishing again is safe,
    // order-events is idempotent
    publish(order, token);
    LOG.info("order request replayed", "orderId", order.id());
    return new Placed(order, token, true);
  }

  /**
   * The order is stored with its announce item ({@link OrderAnnouncements}); if its event cannot be
   * queued now, the client still gets the order and the scheduler's {@link AnnounceOrders} publishes
   * it a few minutes later.
   */
  private void publish(Order order, String token) {
    try {
      events.publish(OrderCreated.of(order, token));
    } catch (RuntimeException e) {
      LOG.error("order event not queued; the announce sweeper publishes it", e, "orderId", order.id());
    }
  }

  private Customer resolveCustomer(ValidOrder valid) {
    if (valid.customerId() != null) {
      return customerStore.find(valid.customerId()).orElseThrow(() ->
          Invalid.field("customerId", "no customer with this id"));
    }
    return resolveCustomer(valid, customerStore.findIdByEmail(valid.newCustomer().email()));
  }

  /** A new customer's contact: the customer its e-mail claim names ({@code idByEmail}), else registered. */
  private Customer resolveCustomer(ValidOrder valid, Optional<String> idByEmail) {
    Optional<Customer> existing = idByEmail.flatMap(customerStore::find);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return customerService.register(valid.newCustomer());
    } catch (Conflict e) {
      // registered concurrently by another request: match it
      return customerStore.findIdByEmail(valid.newCustomer().email()).flatMap(customerStore::find).orElseThrow(() -> e);
    } catch (Invalid e) {
      throw prefixFields(e, "customer.");
    }
  }

  private Cart checkCart(String cartId, String customerId, Origin origin) {
    return checkCart(carts.findStored(cartId), customerId, origin);
  }

  private Cart checkCart(Optional<CartStore.Stored> stored, String customerId, Origin origin) {
    Cart cart = stored
        .filter(s -> !origin.needsCartToken() || TokenHash.matches(origin.cartToken(), s.tokenHash()))
        .map(CartStore.Stored::cart)
        .orElseThrow(() -> Invalid.field("cartId", "no cart with this id and cart token (X-Cart-Token)"));
    if (cart.status() == Cart.Status.ORDERED) {
      throw cartClosed();
    }
    if (cart.customerId() != null && !cart.customerId().equals(customerId)) {
      throw Invalid.field("cartId", "belongs to another customer");
    }
    return cart;
  }

  private Order build(ValidOrder valid, Customer customer, Origin origin, Read read) {
    CatalogSnapshot snapshot = read != null ? read.snapshot() : catalog.snapshot(valid.skus());
    List<FieldError> unknown = new ArrayList<>();
    for (int i = 0; i < valid.lines().size(); i++) {
      if (!snapshot.products().containsKey(valid.lines().get(i).sku())) {
        unknown.add(new FieldError("lines[" + i + "].sku", "unknown SKU " + valid.lines().get(i).sku()));
      }
    }
    if (!unknown.isEmpty()) {
      throw new Invalid("Some SKUs are not in the catalog.", unknown);
    }
    List<Warehouse> warehouses = catalog.warehouses();
    DeliveryOption option = chooseDelivery(valid, snapshot, warehouses);
    // reserve from the pickup warehouse, else from a warehouse in the delivery city, first
    String preferred = option.warehouse() != null ? option.warehouse() : warehouses.stream()
        .filter(w -> w.city() != null && w.city().strip().equalsIgnoreCase(valid.delivery().city()))
        .map(Warehouse::id).sorted().findFirst().orElse(null);
    Allocation.Plan plan = Allocation.plan(valid.lines(), snapshot.stock(), preferred);
    if (!plan.covered() && read != null) {
      // the batch read the registered warehouses' stock only: before refusing, read every stock item of
      // the SKUs (one Query per SKU), so stock in a warehouse not registered still counts
      snapshot = catalog.snapshot(valid.skus());
      read = null;
      plan = Allocation.plan(valid.lines(), snapshot.stock(), preferred);
    }
    if (!plan.covered()) {
      throw new Conflict("insufficient-stock", "The stock cannot cover some lines; nothing was reserved.",
          plan.shortages().stream().map(s -> new FieldError("lines[" + s.line() + "]",
              "SKU " + s.sku() + ": requested " + s.requested() + ", available " + s.available())).toList());
    }
    List<PurchaseCosts.Source> sources = plan.reservations().stream()
        .map(r -> new PurchaseCosts.Source(r.sku(), r.warehouse())).toList();
    Map<PurchaseCosts.Source, Long> unitCosts = read != null ? purchaseCosts.unitCosts(sources, read.supplied())
        : purchaseCosts.unitCosts(sources);
    List<OrderLine> lines = new ArrayList<>();
    long itemsTotal = 0;
    for (ValidOrder.Line line : valid.lines()) {
      OrderLine priced = OrderLine.of(snapshot.products().get(line.sku()), line.qty())
          .withCosts(plan.reservations().stream().filter(r -> r.sku().equals(line.sku()))
              .map(r -> new OrderLine.Cost(r.warehouse(), r.qty(),
                  unitCosts.get(new PurchaseCosts.Source(r.sku(), r.warehouse())))).toList());
      lines.add(priced);
      itemsTotal = Math.addExact(itemsTotal, priced.lineTotalMinor());
    }
    Instant now = clock.instant();
    AppliedPromo promo = null;
    long discount = 0;
    if (valid.promoCode() != null) {
      PromoCode code = promoCheck.accept(valid.promoCode(), customer.id(), itemsTotal, now);
      discount = PromoDiscount.total(code, itemsTotal);
      List<Long> shares = PromoDiscount.perLine(discount, lines.stream().map(OrderLine::lineTotalMinor).toList());
      for (int i = 0; i < lines.size(); i++) {
        lines.set(i, lines.get(i).withDiscount(shares.get(i)));
      }
      promo = AppliedPromo.of(code, discount);
    }
    String id = Ids.newId("ord", clock);
    var choice = valid.delivery();
    Delivery chosen = new Delivery(option.id(), option.method(), option.carrier(), choice.city(),
        option.method() == DeliveryMethod.PICKUP ? null : choice.address(), option.warehouse(), option.costMinor());
    return new Order(id, number(now), customer.id(), valid.channel(), origin.createdBy(), lines, itemsTotal,
        option.costMinor(), Math.addExact(itemsTotal - discount, option.costMinor()), "RUB", chosen,
        valid.paymentMethod(), OrderLifecycle.initialStatus(valid.paymentMethod()),
        OrderLifecycle.created(valid.paymentMethod(), now, origin.createdBy()), null, valid.cartId(), null,
        plan.reservations(), now, now, List.of(), promo);
  }

  private DeliveryOption chooseDelivery(ValidOrder valid, CatalogSnapshot snapshot, List<Warehouse> warehouses) {
    var choice = valid.delivery();
    List<DeliveryOption> options = delivery.options(choice.city(), warehouses, items(valid.lines(), snapshot));
    List<DeliveryOption> matching = options.stream().filter(o -> o.id().equals(choice.option())
        && (choice.warehouse() == null || choice.warehouse().equals(o.warehouse()))).toList();
    if (matching.isEmpty()) {
      String offered = String.join(", ", options.stream()
          .map(o -> o.warehouse() == null ? o.id() : o.id() + " (" + o.warehouse() + ")").toList());
      throw Invalid.field(choice.warehouse() != null && "PICKUP".equals(choice.option())
          ? "delivery.warehouse" : "delivery.option", "is not offered in " + choice.city() + "; offered: " + offered);
    }
    return matching.get(0);
  }

  private static List<DeliveryCalculator.Item> items(List<ValidOrder.Line> lines, CatalogSnapshot snapshot) {
    return lines.stream().map(l -> new DeliveryCalculator.Item(snapshot.products().get(l.sku()), l.qty())).toList();
  }

  private Conflict shortage(List<Reservation> failed, ValidOrder valid) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < valid.lines().size(); i++) {
      String sku = valid.lines().get(i).sku();
      if (failed.stream().anyMatch(r -> r.sku().equals(sku))) {
        errors.add(new FieldError("lines[" + i + "]", "SKU " + sku + ": not enough stock any more"));
      }
    }
    return new Conflict("insufficient-stock", "The stock cannot cover some lines; nothing was reserved.", errors);
  }

  private static Conflict cartClosed() {
    return new Conflict("cart-ordered", "An order was already made from this cart.",
        List.of(new FieldError("cartId", "was already ordered")));
  }

  private static Invalid prefixFields(Invalid e, String prefix) {
    return new Invalid(e.detail(), e.errors().stream().map(f -> new FieldError(prefix + f.field(), f.message())).toList());
  }

  private static Order withToken(Order o, String tokenHash) {
    return new Order(o.id(), o.number(), o.customerId(), o.channel(), o.createdBy(), o.lines(), o.itemsTotalMinor(),
        o.deliveryCostMinor(), o.totalMinor(), o.currency(), o.delivery(), o.paymentMethod(), o.status(),
        o.statusHistory(), o.managerId(), o.cartId(), tokenHash, o.reservations(), o.createdAt(), o.updatedAt(),
        o.shortLines(), o.promo());
  }

  /** {@code yyMMdd-XXXXXX}: the day and 6 random characters (unambiguous alphabet); unique by a claim item. */
  static String number(Instant at) {
    StringBuilder n = new StringBuilder(NUMBER_DAY.format(at)).append('-');
    for (int i = 0; i < 6; i++) {
      n.append(NUMBER_ALPHABET[RANDOM.nextInt(NUMBER_ALPHABET.length)]);
    }
    return n.toString();
  }

  /** SHA-256 of the body as canonical JSON (keys sorted), so formatting does not change it. */
  static String requestHash(byte[] rawBody) {
    try {
      JsonNode node = Json.mapper().readTree(rawBody);
      Object canonical = Json.mapper().treeToValue(node, Object.class);
      String text = Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValueAsString(canonical);
      return Tokens.sha256Hex(text);
    } catch (java.io.IOException e) {
      throw Invalid.field("body", "is not valid JSON");
    }
  }

  /** Parses {@code skus=A1:2,B2} (qty defaults to 1) for {@code GET /delivery-options}. */
  public List<ValidOrder.Line> parseSkus(String raw) {
    if (raw == null || raw.isBlank()) {
      throw Invalid.field("skus", "is required, e.g. skus=A1:2,B2");
    }
    List<OrderRequest.LineRequest> lines = new ArrayList<>();
    for (String part : raw.split(",")) {
      String[] kv = part.trim().split(":", 2);
      Integer qty = 1;
      if (kv.length == 2) {
        try {
          qty = Integer.valueOf(kv[1].trim());
        } catch (NumberFormatException e) {
          throw Invalid.field("skus", "quantity of " + kv[0] + " is not a number");
        }
      }
      lines.add(new OrderRequest.LineRequest(kv[0].trim(), qty));
    }
    var v = new dev.storeops.platform.errors.Validation();
    List<ValidOrder.Line> valid = OrderRules.lines(lines, limits, v, "skus");
    v.throwIfInvalid();
    return valid;
  }

}
