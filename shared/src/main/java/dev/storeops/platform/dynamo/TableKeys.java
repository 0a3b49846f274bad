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

  // ---- key prefixes: {@code TableKeys.ORDER.key(id)} is {@code ORDER#<id>}; {@code .text()} for begins_with
  public static final Prefix CUSTOMER = new Prefix("CUSTOMER#");
  public static final Prefix EMAIL = new Prefix("EMAIL#");
  /** A double opt-in confirmation link, by the SHA-256 of its token. */
  public static final Prefix CONSENT_LINK = new Prefix("CONSENTLINK#");
  /**
   * A customer search entry: {@code CUSTSEARCH#PHONE#<+digits>} / {@code CUSTOMER#<id>} and {@code
   * CUSTSEARCH#NAME#<first two letters>} / {@code <name words>#<id>} (see {@link #customerSearch}).
   */
  public static final Prefix CUSTOMER_SEARCH = new Prefix("CUSTSEARCH#");
  /** GSI1 partition of customers born on a month-day ({@code MM-dd}). */
  public static final Prefix BIRTHDAY = new Prefix("BIRTHDAY#");
  /** Partition of a SKU: its product item and its stock items. */
  public static final Prefix SKU = new Prefix("SKU#");
  /** Sort key of a SKU's stock item in a warehouse. */
  public static final Prefix STOCK = new Prefix("STOCK#");
  /**
   * GSI2 partition listing the stock items ({@code STOCKROWS#<shard>}, sort key {@code <sku>#<warehouse>};
   * see {@code StockLedgerItems.listed}): the repair reads every row without scanning the table.
   */
  public static final Prefix STOCK_ROWS = new Prefix("STOCKROWS#");
  /** Sort key of an order's hold on a SKU in a warehouse: {@code HOLD#<warehouse>#<orderId>} (see {@link #holdKey}). */
  public static final Prefix HOLD = new Prefix("HOLD#");
  /** Sort key of an entry of a SKU's movement journal: {@code MOVE#<instant, ms>#<unique>} (see {@link #movementKey}). */
  public static final Prefix MOVE = new Prefix("MOVE#");
  public static final Prefix WAREHOUSE = new Prefix("WAREHOUSE#");
  /** Partition of a shop point's till sales ({@code POINT#<warehouse id>}, sk {@link #POINT_SALE}). */
  public static final Prefix POINT = new Prefix("POINT#");
  /** Sort key of one till receipt of a point: {@code POINTSALE#<receipt number>}. */
  public static final Prefix POINT_SALE = new Prefix("POINTSALE#");
  public static final Prefix MANAGER = new Prefix("MANAGER#");
  public static final Prefix TASK = new Prefix("TASK#");
  public static final Prefix ORDER = new Prefix("ORDER#");
  /** GSI2 partition of the orders in a status. */
  public static final Prefix ORDER_STATUS = new Prefix("STATUS#");
  public static final Prefix ORDER_NUMBER = new Prefix("ORDERNO#");
  public static final Prefix IDEMPOTENCY = new Prefix("IDEMPOTENCY#");
  public static final Prefix CART = new Prefix("CART#");
  public static final Prefix PAYMENT_EVENT = new Prefix("PAYMENTEVENT#");
  public static final Prefix MAIL_LOG = new Prefix("MAILLOG#");
  public static final Prefix SUPPRESSED = new Prefix("SUPPRESSED#");
  /** Sort key of a customer's state in a mail flow. */
  public static final Prefix MAIL_FLOW = new Prefix("MAILFLOW#");
  /** Sort key of the birthday promo of a year on the customer's partition. */
  public static final Prefix BIRTHDAY_PROMO = new Prefix("BIRTHDAY#");
  public static final Prefix PROMO = new Prefix("PROMO#");
  public static final Prefix CAMPAIGN = new Prefix("CAMPAIGN#");
  /**
   * Sort key of a supplier-price journal entry on a SKU's partition: {@code PRICELOG#<instant>#<supplierId>}
   * (the purchase, retail and minimum retail prices a supplier's file set, and the file).
   */
  public static final Prefix PRICE_LOG = new Prefix("PRICELOG#");
  /** Sort key prefix of a shop-price change on a SKU's partition: {@code PRICE#<instant>#<supplierId>}. */
  public static final Prefix SHOP_PRICE_CHANGE = new Prefix("PRICE#");
  /** A staff note about a customer ({@code NOTE#<id> / NOTE}; GSI1 {@code CUSTOMER#<id> / NOTE#<at>#<id>}). */
  public static final Prefix NOTE = new Prefix("NOTE#");
  /**
   * A customer's contact-history entry ({@code HIST#<customer id>} / {@code <kind>#<ref>}; GSI1 {@code
   * CUSTOMER#<id>} / {@code HIST#<instant, always with microseconds>#<kind>#<ref>}, see {@link #historyKey}):
   * one per call, mail, SMS, note and consent step, so that the dossier's history pages in time order with
   * one Query per page ({@code ContactHistoryEntries}).
   */
  public static final Prefix HISTORY = new Prefix("HIST#");
  /** GSI1 sort key prefix of a customer's review request (see {@link #aboutCustomer}). */
  public static final Prefix REVIEW_REQUEST = new Prefix("REVIEWREQ#");
  /** GSI partition of customers whose last order was on a day. */
  public static final Prefix LAST_ORDER = new Prefix("LASTORDER#");
  /** Partition of the customers who bought in a category. */
  public static final Prefix BUYERS = new Prefix("BUYERS#");
  public static final Prefix MAIL_STATS = new Prefix("MAILSTATS#");
  public static final Prefix DAY = new Prefix("DAY#");
  public static final Prefix REPORT_ORDER = new Prefix("REPORT#ORDER#");
  public static final Prefix REPORT_SKU = new Prefix("REPORT#SKU#");
  public static final Prefix SOLD = new Prefix("SOLD#");
  public static final Prefix PAIR = new Prefix("PAIR#");
  public static final Prefix REPORT_EXPIRY = new Prefix("REPORT#EXPIRY#");
  /** Partition of the per-product daily money figures of a month ({@code REPORT#PRODUCTS#<yyyy-MM>}, sk {@code <day>#<sku>}). */
  public static final Prefix REPORT_PRODUCTS = new Prefix("REPORT#PRODUCTS#");
  /** Partition of the expenses of a month ({@code EXPENSE#<yyyy-MM>}, sk {@code <date>#<id>}). */
  public static final Prefix EXPENSE = new Prefix("EXPENSE#");
  public static final Prefix IMPORT_RUN = new Prefix("IMPORT#");
  public static final Prefix DUE_CURSOR = new Prefix("DUECURSOR#");
  /** A supplier's e-mail handled by supplier-inbox, by the SHA-256 of its Message-ID (sort key the same word). */
  public static final Prefix SUPPLIER_MAIL = new Prefix("SUPPLIERMAIL#");
  /** A supplier's URL feed: validators and hash of the last fetch (sort key {@code FEED}). */
  public static final Prefix SUPPLIER_FEED = new Prefix("SUPPLIERFEED#");
  /** A shipped parcel: {@code PARCEL#<carrier>#<tracking number>} / {@code PARCEL} (see {@link #parcelKey}). */
  public static final Prefix PARCEL = new Prefix("PARCEL#");
  /** A carrier webhook event handled: {@code CARRIEREVENT#<carrier>#<event id>} / {@code CARRIEREVENT}. */
  public static final Prefix CARRIER_EVENT = new Prefix("CARRIEREVENT#");

  // ---- constant keys
  /** GSI2 partition of open carts. */
  public static final String OPEN_CARTS = "CART#OPEN";
  /** GSI1 partition of customers who consent to marketing mail. */
  public static final String MARKETING_CONSENT = "CONSENT#marketing";
  /** Partition of the daily sales figures. */
  public static final String SALES_REPORT = "REPORT#SALES";
  /**
   * Partition of the suppliers' purchase terms (sort key the supplier id), written by stock-import when it
   * reads a profile for an import or a profile is saved in the supplier bucket.
   */
  public static final String SUPPLIER_TERMS = "SUPPLIERTERMS";

  /** A key prefix: the one place its text is written. */
  public record Prefix(String text) {
    /** The key of {@code id} under this prefix. */
    public String key(Object id) {
      return text + id;
    }
  }

  private TableKeys() {}

  // ---- keys of more than one part
  /** An item's primary key: partition and sort key. */
  public static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> primaryKey(
      String pk, String sk) {
    return java.util.Map.of(PK, Items.s(pk), SK, Items.s(sk));
  }

  /** The primary key of a shipped parcel (carrier id × tracking number). */
  public static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> parcelKey(
      String carrier, String trackingNumber) {
    return primaryKey(PARCEL.key(carrier + "#" + trackingNumber), "PARCEL");
  }

  /** The primary key of a handled carrier webhook event. */
  public static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> carrierEventKey(
      String carrier, String eventId) {
    return primaryKey(CARRIER_EVENT.key(carrier + "#" + eventId), "CARRIEREVENT");
  }

  /** The primary key of a stock item (SKU × warehouse): the one place it is built. */
  public static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stockKey(
      String sku, String warehouse) {
    return primaryKey(SKU.key(sku), STOCK.key(warehouse));
  }

  /** The primary key of an order's hold on a SKU in a warehouse (the units it reserved there). */
  public static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> holdKey(
      String sku, String warehouse, String orderId) {
    return primaryKey(SKU.key(sku), holdsIn(warehouse) + orderId);
  }

  /** The sort-key prefix ({@code begins_with}) of every hold on a SKU in one warehouse. */
  public static String holdsIn(String warehouse) {
    return HOLD.key(warehouse + "#");
  }

  private static final java.time.format.DateTimeFormatter MICROS = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

  /**
   * The primary key of a movement in a SKU's journal: {@code MOVE#<instant, always with microseconds>#<unique>},
   * so that the text order of the sort keys is the time order of the movements.
   */
  public static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> movementKey(
      String sku, java.time.Instant at, String unique) {
    return primaryKey(SKU.key(sku), MOVE.key(MICROS.format(at) + "#" + unique));
  }

  /**
   * The GSI1 sort key of a contact-history entry: {@code HIST#<instant, always with microseconds>#<kind>#<ref>},
   * so that the text order of the keys is the time order of the entries, whatever their kind.
   */
  public static String historyKey(java.time.Instant at, String kind, String ref) {
    return HISTORY.key(MICROS.format(at) + "#" + kind + "#" + ref);
  }

  /** GSI2 partition of the stock items one supplier feeds into one warehouse. */
  public static String supplierStock(String supplierId, String warehouse) {
    return "SUPPLIER#" + supplierId + "#" + warehouse;
  }

  /** GSI partition of an assignee's tasks in a status. */
  public static String tasks(String assignee, Object status) {
    return "TASKS#" + assignee + "#" + status;
  }

  /** GSI1 sort key of a customer's order: newest last by creation time. */
  public static String orderByTime(java.time.Instant createdAt, String id) {
    return ORDER.text() + createdAt + "#" + id;
  }

  /**
   * GSI1 keys that file an item under the customer it is about ({@code CUSTOMER#<id>} / {@code
   * <kind><suffix>}): orders, carts, sent mail, tasks, category-buyer entries, review requests. The
   * export and the erasure of a customer read them with one Query per kind (docs/privacy.md).
   */
  public static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> aboutCustomer(
      String customerId, Prefix kind, String suffix) {
    return java.util.Map.of(GSI1PK, Items.s(CUSTOMER.key(customerId)), GSI1SK, Items.s(kind.key(suffix)));
  }

  /** The partition of a customer search term: {@code CUSTSEARCH#<kind>#<bucket>}. */
  public static String customerSearch(String kind, String bucket) {
    return CUSTOMER_SEARCH.key(kind + "#" + bucket);
  }

  /** A due-work partition: kind and UTC day (see {@link DueWork}). */
  public static String due(String kind, Object day) {
    return "DUE#" + kind + "#" + day;
  }

  /** The due-work index partition of the items of a kind parked as poison (see {@code PoisonItems}). */
  public static String poison(String kind) {
    return "POISON#" + kind;
  }
}
