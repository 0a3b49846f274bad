package dev.storeops.platform.dynamo;

/**
 * The single table's key scheme (docs/data-model.md is the full list of items and access patterns).
 * Attribute names: {@code pk}/{@code sk}; GSI1 {@code gsi1pk}/{@code gsi1sk}; GSI2 {@code
 * gsi2pk}/{@code gsi2sk}; the sparse due-work index {@code duePk}/{@code dueSk}; TTL {@code ttl}.
 *
 * <p>This class is the one owner of every key prefix: adapters build keys only through it, so a key's
 * format is defined once (the stock item's key, for one, is used by orders, imports, staff and reports).
 */
public final class TableKeys {
  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String GSI1PK = "gsi1pk";
  public static final String GSI1SK = "gsi1sk";
  public static final String GSI2PK = "gsi2pk";
  public static final String GSI2SK = "gsi2sk";
  public static final String DUE_PK = "duePk";
  public static final String DUE_SK = "dueSk";
  public static final String TTL = "ttl";
  public static final String GSI1 = "GSI1";
  public static final String GSI2 = "GSI2";
  public static final String DUE_INDEX = "DueIndex";

  // ---- key prefixes (begins_with queries and item recognition)
  public static final String SKU_PREFIX = "SKU#";
  public static final String STOCK_PREFIX = "STOCK#";
  public static final String ORDER_PREFIX = "ORDER#";
  public static final String SOLD_PREFIX = "SOLD#";
  public static final String PAIR_PREFIX = "PAIR#";
  public static final String DAY_PREFIX = "DAY#";
  public static final String BIRTHDAY_PREFIX = "BIRTHDAY#";

  // ---- constant keys
  /** GSI2 partition of open carts. */
  public static final String OPEN_CARTS = "CART#OPEN";
  /** GSI1 partition of customers who consent to marketing mail. */
  public static final String MARKETING_CONSENT = "CONSENT#marketing";
  /** Partition of the daily sales figures. */
  public static final String SALES_REPORT = "REPORT#SALES";

  private TableKeys() {}

  // ---- customers
  public static String customer(String id) {
    return "CUSTOMER#" + id;
  }

  public static String email(String emailKey) {
    return "EMAIL#" + emailKey;
  }

  /** GSI1 partition of customers born on a month-day ({@code MM-dd}). */
  public static String birthday(String monthDay) {
    return BIRTHDAY_PREFIX + monthDay;
  }

  // ---- catalog: products, stock, warehouses, suppliers
  /** Partition of a SKU: its product item and its stock items. */
  public static String sku(String sku) {
    return SKU_PREFIX + sku;
  }

  /** Sort key of a SKU's stock item in a warehouse. */
  public static String stock(String warehouse) {
    return STOCK_PREFIX + warehouse;
  }

  /** The primary key of a stock item (SKU × warehouse): the one place it is built. */
  public static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stockKey(
      String sku, String warehouse) {
    return java.util.Map.of(PK, Items.s(sku(sku)), SK, Items.s(stock(warehouse)));
  }

  public static String warehouse(String id) {
    return "WAREHOUSE#" + id;
  }

  /** GSI2 partition of the stock items one supplier feeds into one warehouse. */
  public static String supplierStock(String supplierId, String warehouse) {
    return "SUPPLIER#" + supplierId + "#" + warehouse;
  }

  // ---- staff
  public static String manager(String id) {
    return "MANAGER#" + id;
  }

  public static String task(String id) {
    return "TASK#" + id;
  }

  /** GSI partition of an assignee's tasks in a status. */
  public static String tasks(String assignee, Object status) {
    return "TASKS#" + assignee + "#" + status;
  }

  // ---- orders
  public static String order(String id) {
    return ORDER_PREFIX + id;
  }

  /** GSI1 sort key of a customer's order: newest last by creation time. */
  public static String orderByTime(java.time.Instant createdAt, String id) {
    return ORDER_PREFIX + createdAt + "#" + id;
  }

  /** GSI2 partition of the orders in a status. */
  public static String orderStatus(Object status) {
    return "STATUS#" + status;
  }

  public static String orderNumber(String number) {
    return "ORDERNO#" + number;
  }

  public static String idempotency(String keyHash) {
    return "IDEMPOTENCY#" + keyHash;
  }

  public static String cart(String id) {
    return "CART#" + id;
  }

  public static String paymentEvent(String eventId) {
    return "PAYMENTEVENT#" + eventId;
  }

  // ---- messaging
  public static String mailLog(String dedupeKey) {
    return "MAILLOG#" + dedupeKey;
  }

  public static String suppressed(String addressKey) {
    return "SUPPRESSED#" + addressKey;
  }

  /** Sort key of a customer's state in a mail flow. */
  public static String mailFlow(String flow) {
    return "MAILFLOW#" + flow;
  }

  /** Sort key of the birthday promo of a year on the customer's partition. */
  public static String birthdayPromo(int year) {
    return BIRTHDAY_PREFIX + year;
  }

  public static String promo(String code) {
    return "PROMO#" + code;
  }

  public static String campaign(String id) {
    return "CAMPAIGN#" + id;
  }

  /** GSI partition of customers whose last order was on a day. */
  public static String lastOrder(Object day) {
    return "LASTORDER#" + day;
  }

  /** Partition of the customers who bought in a category. */
  public static String buyers(String categoryKey) {
    return "BUYERS#" + categoryKey;
  }

  public static String mailStats(String flow) {
    return "MAILSTATS#" + flow;
  }

  // ---- reports and imports
  public static String day(Object day) {
    return DAY_PREFIX + day;
  }

  public static String reportOrder(String orderId) {
    return "REPORT#ORDER#" + orderId;
  }

  public static String reportSku(String sku) {
    return "REPORT#SKU#" + sku;
  }

  public static String sold(Object day) {
    return SOLD_PREFIX + day;
  }

  public static String pair(String otherSku) {
    return PAIR_PREFIX + otherSku;
  }

  public static String reportExpiry(Object yearMonth) {
    return "REPORT#EXPIRY#" + yearMonth;
  }

  public static String importRun(String id) {
    return "IMPORT#" + id;
  }

  // ---- due work
  /** A due-work partition: kind and UTC day (see {@link DueWork}). */
  public static String due(String kind, Object day) {
    return "DUE#" + kind + "#" + day;
  }

  public static String dueCursor(String kind) {
    return "DUECURSOR#" + kind;
  }
}
