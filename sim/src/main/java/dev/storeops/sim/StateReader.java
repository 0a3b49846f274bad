package dev.storeops.sim;

import dev.storeops.platform.metrics.ShopMetrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.SentMail;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads a {@link ShopState}: one Scan of the store table, the SES emulator's store, every dead-letter
 * and failure queue of the template, and the sales report through the staff API (with faults paused:
 * the check must not be the one that breaks).
 */
public final class StateReader implements AutoCloseable {
  private static final Set<String> MARKERS = Set.of("confirmationQueuedAt", "managerNotifiedAt", "unassignedAlertAt");
  private final SimShop shop;
  private final String table;
  private final List<String> deadLetterQueues = new ArrayList<>();
  private final Map<String, Integer> mailSeenAt = new HashMap<>();
  /** The rises of orders' {@code short} flag, read from the table's stream. */
  private final ShortFlagRises shortRises;

  public StateReader(SimShop shop) {
    this.shop = shop;
    this.table = shop.stack().tableName("StoreTable");
    this.shortRises = new ShortFlagRises(shop.stack(), table);
    for (String id : shop.stack().template().resourcesOfType("AWS::SQS::Queue")) {
      if (id.endsWith("DLQ") || id.endsWith("FailuresQueue")) {
        deadLetterQueues.add(id);
      }
    }
  }

  @Override
  public void close() {
    shortRises.close();
  }

  public List<String> deadLetterQueues() {
    return deadLetterQueues;
  }

  /** The metrics' names and dimensions the simulation compares with what happened. */
  static final List<String> CHANNELS = List.of("site", "phone", "email");
  static final List<String> COUNTED = List.of(ShopMetrics.ORDERS_SHORT, ShopMetrics.MAILS_SENT,
      ShopMetrics.IMPORTS_APPLIED, ShopMetrics.IMPORTS_REFUSED, ShopMetrics.IMPORTS_QUARANTINED);

  public ShopState read(ShopState.Facts facts, LocalDate reportFrom, LocalDate reportTo, String staffToken) {
    return read(facts, reportFrom, reportTo, staffToken, 0, true);
  }

  /**
   * The state now; {@code supplierFiles}: the files the simulation dropped so far; {@code lossless}: no
   * fault was injected (metrics must be exact).
   */
  public ShopState read(ShopState.Facts facts, LocalDate reportFrom, LocalDate reportTo, String staffToken,
      long supplierFiles, boolean lossless) {
    Map<String, Long> byChannel = new java.util.TreeMap<>();
    List<ShopState.Stock> stock = new ArrayList<>();
    List<ShopState.Movement> journal = new ArrayList<>();
    List<ShopState.OrderRow> orders = new ArrayList<>();
    List<ShopState.Hold> holds = new ArrayList<>();
    List<ShopState.PendingMoves> pendingMoves = new ArrayList<>();
    List<ShopState.Task> tasks = new ArrayList<>();
    List<ShopState.Manager> managers = new ArrayList<>();
    List<ShopState.PointSaleRow> pointSales = new ArrayList<>();
    List<ShopState.OrderMoney> money = new ArrayList<>();
    List<ShopState.Promo> promos = new ArrayList<>();
    long[] cash = {0, 0, 0};
    Map<String, Long> cashIn = new java.util.TreeMap<>();
    Map<String, Long> refunds = new java.util.TreeMap<>();
    Map<String, String> sendLog = new java.util.TreeMap<>();
    Map<String, String> orderNumbers = new java.util.HashMap<>();
    Map<String, ShopState.Contact> contacts = new java.util.HashMap<>();
    java.util.Set<String> smsOptedOut = new java.util.HashSet<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page = shop.stack().dynamoDb().scan(s -> s.tableName(table).consistentRead(true).exclusiveStartKey(from));
      for (Map<String, AttributeValue> item : page.items()) {
        String pk = Items.str(item, "pk");
        String sk = Items.str(item, "sk");
        if (pk.startsWith("SKU#") && sk.startsWith("STOCK#")) {
          String duePk = Items.str(item, dev.storeops.platform.dynamo.TableKeys.DUE_PK);
          String marked = duePk != null && dev.storeops.platform.dynamo.DueWork.kindOf(duePk)
              .equals(dev.storeops.catalog.dynamo.ShortStockMarks.KIND)
              ? Items.str(item, dev.storeops.platform.dynamo.TableKeys.DUE_SK) : null;
          stock.add(new ShopState.Stock(pk.substring(4), sk.substring(6), Items.num(item, "onHand", 0),
              Items.num(item, "reserved", 0), Items.num(item, "available", 0),
              marked == null ? null : dev.storeops.platform.dynamo.DueWork.instantOf(marked)));
        } else if (pk.startsWith("SKU#") && sk.startsWith("MOVE#")) {
          journal.add(new ShopState.Movement(pk.substring(4), Items.str(item, "warehouse"), sk, Items.str(item, "movement"),
              optionalNumber(item, "onHandBefore"), optionalNumber(item, "reservedBefore"), Items.num(item, "onHandChange", 0),
              Items.num(item, "reservedChange", 0), Items.num(item, "qty", 0), Items.str(item, "ref")));
        } else if (pk.startsWith("POINT#") && sk.startsWith("POINTSALE#")) {
          List<String> skus = new ArrayList<>();
          AttributeValue lines = item.get("lines");
          if (lines != null && lines.hasL()) {
            lines.l().forEach(l -> skus.add(Items.str(l.m(), "sku")));
          }
          pointSales.add(new ShopState.PointSaleRow(pk.substring(6), sk.substring(10), Items.num(item, "totalMinor", 0),
              skus.stream().distinct().sorted().toList()));
        } else if (pk.startsWith("SKU#") && sk.startsWith("HOLD#")) {
          String[] parts = sk.split("#", 3);
          holds.add(new ShopState.Hold(pk.substring(4), parts[1], parts.length > 2 ? parts[2] : "",
              Items.num(item, "qty", 0)));
        } else if (pk.startsWith("ORDER#") && (sk.equals("ANNOUNCE") || sk.startsWith("STOCKMOVES#"))
            && item.containsKey("movesState")) {
          pendingMoves.add(pendingMoves(pk.substring(6), sk, item));
        } else if (pk.startsWith("ORDER#") && sk.equals("ORDER")) {
          ShopState.OrderRow o = order(item);
          orders.add(o);
          orderNumbers.put(o.id(), Items.str(item, "number"));
          String channel = Items.str(item, "channel");
          byChannel.merge((channel == null ? "SITE" : channel).toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
          money.add(money(item));
        } else if (pk.startsWith("PROMO#") && sk.equals("PROMO")) {
          promos.add(new ShopState.Promo(pk.substring(6), optionalNumber(item, "maxUses"), Items.num(item, "uses", 0)));
        } else if (pk.equals("REPORT#CASH") && sk.startsWith("DAY#")) {
          cash[0] += Items.num(item, "inMinor", 0);
          cash[1] += Items.num(item, "refundsMinor", 0);
        } else if (pk.startsWith("REPORT#ORDER#") && sk.startsWith("RETURN#")) {
          cash[2] += Items.num(item, "amountMinor", 0); // a return's refund, on the cash day of the return
        } else if (pk.startsWith("REPORT#ORDER#") && (sk.equals("CASH#IN") || sk.equals("CASH#REFUND"))) {
          (sk.equals("CASH#IN") ? cashIn : refunds).put(pk.substring("REPORT#ORDER#".length()),
              Items.num(item, "amountMinor", 0));
        } else if (pk.startsWith("TASK#") && sk.equals("TASK")) {
          tasks.add(new ShopState.Task(pk.substring(5), Items.str(item, "kind"), Items.str(item, "orderId"),
              Items.str(item, "status")));
        } else if (pk.startsWith("MAILLOG#") && sk.equals("MAILLOG")
            && (pk.contains("order-shipped#") || pk.contains("order-delivered#"))) {
          sendLog.put(pk.substring("MAILLOG#".length()), Items.str(item, "status")); // the shipping notices
        } else if (pk.startsWith("CUSTOMER#") && sk.equals("PROFILE")) {
          contacts.put(pk.substring("CUSTOMER#".length()), new ShopState.Contact(Items.str(item, "email"),
              Items.str(item, "phone"), false));
        } else if (pk.startsWith("CUSTOMER#") && sk.equals("SMSCONSENT") && Items.bool(item, "optedOut")) {
          smsOptedOut.add(pk.substring("CUSTOMER#".length()));
        } else if (pk.startsWith("MANAGER#") && sk.equals("MANAGER")) {
          managers.add(new ShopState.Manager(pk.substring(8), Items.bool(item, "onShift"), Items.num(item, "openOrders", 0)));
        }
      }
      start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
    } while (start != null);
    orders.sort(java.util.Comparator.comparing(ShopState.OrderRow::createdAt).thenComparing(ShopState.OrderRow::id));
    return new ShopState(shop.clock().instant(), stock, journal, orders, holds, tasks, managers, mails(facts.check()),
        deadLetters(), report(reportFrom, reportTo, staffToken),
        new ShopState.Metrics(emitted(), byChannel, shortRises.rises(), supplierFiles, lossless), facts, pointSales,
        new ShopState.Money(money, promos, cash[0], cash[1], cashIn, refunds, cash[2]),
        notices(sendLog, orderNumbers, contacts, smsOptedOut, lossless), pendingMoves);
  }

  /**
   * A large order's item listing stock moves not written yet (docs/orders.md, "40 lines do not fit one
   * transaction"): its rows ({@code pending}: {@code <sku>@<warehouse>} → {@code {sku, warehouse, qty}}),
   * its state and when the sweeper is due ({@code dueSk} = {@code <instant>#<id>}).
   */
  private static ShopState.PendingMoves pendingMoves(String orderId, String sk, Map<String, AttributeValue> item) {
    List<ShopState.Line> rows = new ArrayList<>();
    AttributeValue pending = item.get("pending");
    if (pending != null && pending.hasM()) {
      pending.m().values().forEach(r -> rows.add(new ShopState.Line(Items.str(r.m(), "sku"), Items.str(r.m(), "warehouse"),
          Items.num(r.m(), "qty", 0))));
    }
    String dueSk = Items.str(item, "dueSk");
    java.time.Instant dueAt = dueSk == null ? null : java.time.Instant.parse(dueSk.substring(0, dueSk.indexOf('#')));
    return new ShopState.PendingMoves(orderId, sk, Items.str(item, "movesState"), Items.str(item, "moves"), dueAt, rows);
  }

  /** The shipping notices: the send log read above, the SMS local mode's provider recorded, the contacts. */
  private static ShopState.Notices notices(Map<String, String> sendLog, Map<String, String> orderNumbers,
      Map<String, ShopState.Contact> contacts, java.util.Set<String> smsOptedOut, boolean lossless) {
    Map<String, ShopState.Contact> customers = new java.util.HashMap<>();
    contacts.forEach((id, c) -> customers.put(id, new ShopState.Contact(c.email(), c.phone(), smsOptedOut.contains(id))));
    List<ShopState.Sms> sms = dev.storeops.messaging.sms.LocalSmsLog.sent().stream()
        .map(m -> new ShopState.Sms(m.id(), m.phone(), m.text())).toList();
    return new ShopState.Notices(sendLog, sms, orderNumbers, customers, lossless);
  }

  private static ShopState.OrderMoney money(Map<String, AttributeValue> item) {
    long lines = 0;
    long linesDiscount = 0;
    List<ShopState.LineCost> costs = new ArrayList<>();
    for (AttributeValue l : list(item, "lines")) {
      lines += Items.num(l.m(), "lineTotalMinor", 0);
      linesDiscount += Items.num(l.m(), "discountMinor", 0);
      List<AttributeValue> parts = list(l.m(), "costs");
      if (!parts.isEmpty()) {
        long qty = 0;
        Long sum = 0L;
        for (AttributeValue c : parts) {
          long q = Items.num(c.m(), "qty", 0);
          Long unit = optionalNumber(c.m(), "unitCostMinor");
          qty += q;
          sum = sum == null || unit == null ? null : sum + q * unit;
        }
        costs.add(new ShopState.LineCost(Items.str(l.m(), "sku"), Items.num(l.m(), "qty", 0),
            optionalNumber(l.m(), "costMinor"), qty, sum));
      }
    }
    AttributeValue promo = item.get("promo");
    Map<String, AttributeValue> p = promo == null || !promo.hasM() ? Map.of() : promo.m();
    return new ShopState.OrderMoney(Items.str(item, "id"), lines, Items.num(item, "itemsTotalMinor", lines),
        Items.num(p, "discountMinor", 0), linesDiscount, Items.num(item, "deliveryCostMinor", 0),
        Items.num(item, "totalMinor", 0), Items.str(p, "code"), costs);
  }

  /** The totals of the business metrics the functions wrote so far (local mode reads their EMF lines). */
  private Map<String, Long> emitted() {
    var metrics = shop.runtime().metrics();
    Map<String, Long> out = new java.util.TreeMap<>();
    for (String channel : CHANNELS) {
      out.put(ShopMetrics.ORDERS_PLACED + "{Channel=" + channel + "}",
          metrics.total(ShopMetrics.ORDERS_PLACED, Map.of(ShopMetrics.CHANNEL, channel)));
    }
    for (String name : COUNTED) {
      out.put(name, metrics.total(name));
    }
    return out;
  }

  private static ShopState.OrderRow order(Map<String, AttributeValue> item) {
    List<ShopState.Line> reservations = new ArrayList<>();
    for (AttributeValue r : list(item, "reservations")) {
      Map<String, AttributeValue> m = r.m();
      reservations.add(new ShopState.Line(Items.str(m, "sku"), Items.str(m, "warehouse"), Items.num(m, "qty", 0)));
    }
    List<ShopState.Change> history = new ArrayList<>();
    for (AttributeValue c : list(item, "statusHistory")) {
      Map<String, AttributeValue> m = c.m();
      history.add(new ShopState.Change(Items.instant(m, "at"), Items.str(m, "status"), Items.str(m, "by")));
    }
    List<ShopState.Payment> payments = new ArrayList<>();
    for (AttributeValue p : list(item, "payments")) {
      Map<String, AttributeValue> m = p.m();
      payments.add(new ShopState.Payment(Items.str(m, "eventId"), Items.str(m, "type"), Items.num(m, "amountMinor", 0),
          Items.str(m, "outcome")));
    }
    Set<String> markers = new HashSet<>();
    MARKERS.forEach(name -> {
      if (item.containsKey(name)) {
        markers.add(name);
      }
    });
    boolean shortFlag = item.containsKey("short") && Boolean.TRUE.equals(item.get("short").bool());
    return new ShopState.OrderRow(Items.str(item, "id"), Items.str(item, "customerId"), Items.str(item, "status"),
        Items.str(item, "paymentMethod"), Items.num(item, "totalMinor", 0), Items.instant(item, "createdAt"),
        Items.str(item, "managerId"), reservations, history, payments, shortFlag, markers, returns(item));
  }

  /** The order's returns after delivery: each with its money and the units of its lines (docs/returns.md). */
  private static List<ShopState.Returned> returns(Map<String, AttributeValue> item) {
    List<ShopState.Returned> out = new ArrayList<>();
    for (AttributeValue r : list(item, "returns")) {
      long units = 0;
      for (AttributeValue l : list(r.m(), "lines")) {
        units += Items.num(l.m(), "qty", 0);
      }
      out.add(new ShopState.Returned(Items.str(r.m(), "id"), Items.num(r.m(), "amountMinor", 0), units));
    }
    return out;
  }

  private static Long optionalNumber(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? null : Long.parseLong(v.n());
  }

  private static List<AttributeValue> list(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || !v.hasL() ? List.of() : v.l();
  }

  private List<ShopState.Mail> mails(int check) {
    List<ShopState.Mail> out = new ArrayList<>();
    for (SentMail m : shop.stack().sentMail()) {
      int seen = mailSeenAt.computeIfAbsent(m.messageId(), id -> check);
      String to = m.to().isEmpty() ? "" : m.to().get(0);
      out.add(new ShopState.Mail(m.messageId(), to, m.subject(), m.headers().get(EmailService.MAIL_KEY_HEADER),
          m.headers().containsKey("List-Unsubscribe"), seen));
    }
    return out;
  }

  /** Every message of every dead-letter and failure queue (received, then made visible again at once). */
  public Map<String, List<ShopState.DeadLetter>> deadLetters() {
    Map<String, List<ShopState.DeadLetter>> out = new LinkedHashMap<>();
    for (String id : deadLetterQueues) {
      String url = shop.stack().queueUrl(id);
      Map<String, Message> seen = new LinkedHashMap<>();
      for (int i = 0; i < 100; i++) {
        List<Message> got = shop.stack().sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
            .visibilityTimeout(30).waitTimeSeconds(0)).messages();
        if (got.isEmpty()) {
          break;
        }
        got.forEach(m -> seen.putIfAbsent(m.messageId(), m));
      }
      for (Message m : seen.values()) {
        shop.stack().sqs().changeMessageVisibility(c -> c.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
      }
      out.put(id, seen.values().stream().map(m -> new ShopState.DeadLetter(m.messageId(), m.body())).toList());
    }
    return out;
  }

  private ShopState.Report report(LocalDate from, LocalDate to, String staffToken) {
    FaultInjector.pause();
    try {
      SimShop.Response r = shop.call("GET", "/staff/reports/sales?from=" + from + "&to=" + to, null,
          Map.of("Authorization", "Bearer " + staffToken));
      if (!r.ok()) {
        throw new IllegalStateException("sales report: HTTP " + r.status() + " " + r.body());
      }
      JsonNode total = Json.mapper().readTree(r.body()).path("total");
      return new ShopState.Report(from, to, total.path("orders").asLong(), total.path("cancelled").asLong(),
          total.path("revenueMinor").asLong(), total.path("returns").asLong(), total.path("returnedMinor").asLong());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      FaultInjector.resume();
    }
  }
}
