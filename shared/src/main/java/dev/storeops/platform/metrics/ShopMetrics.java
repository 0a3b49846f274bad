package dev.storeops.platform.metrics;

import dev.storeops.platform.log.Log;
import java.util.Locale;
import java.util.Map;

/**
 * The shop's business metrics, by name: what domain code and adapters count (no AWS types; backed by
 * {@link Metrics}, which writes them once per invocation). The table of metrics, their dimensions and
 * alarms is in docs/operations.md.
 */
public final class ShopMetrics {
  /** An order was stored (not a replay of the same Idempotency-Key); dimension Channel: site, phone, email. */
  public static final String ORDERS_PLACED = "OrdersPlaced";
  /** An open order was flagged short: its supplier (or a staff set) left fewer units than it holds. */
  public static final String ORDERS_SHORT = "OrdersShort";
  /** A supplier file was applied (stock written). */
  public static final String IMPORTS_APPLIED = "ImportsApplied";
  /** A supplier file could not be read at all (moved to quarantine/). */
  public static final String IMPORTS_QUARANTINED = "ImportsQuarantined";
  /** A supplier file was refused whole by the safety stop (nothing written). */
  public static final String IMPORTS_REFUSED = "ImportsRefused";
  /** A mail was handed to SES. */
  public static final String MAILS_SENT = "MailsSent";
  /** A mail was not sent on its last allowed try: it goes to the EmailDLQ. */
  public static final String MAILS_FAILED = "MailsFailed";
  /** A mail attempt failed and is left to the queue to try again (throttling, a passing SES/DynamoDB error). */
  public static final String MAILS_RETRIED = "MailsRetried";
  /** SES refused a mail for good (recorded, not retried). */
  public static final String MAILS_REJECTED = "MailsRejected";
  /** A mail was not sent on purpose: no consent, suppressed address, frequency cap. */
  public static final String MAILS_SKIPPED = "MailsSkipped";
  /** An overdue staff task was escalated (to another manager, or reported to the lead). */
  public static final String TASKS_OVERDUE = "TasksOverdue";
  /** A supplier's e-mail was quarantined (unknown sender, untrusted, no usable attachment): nothing imported. */
  public static final String SUPPLIER_MAILS_QUARANTINED = "SupplierMailsQuarantined";
  /** A supplier's URL feed could not be fetched (HTTP error, timeout, over the size limit, bad feed settings). */
  public static final String SUPPLIER_FEEDS_FAILED = "SupplierFeedsFailed";
  /** The parcel poll asked a carrier (CDEK) about a parcel and got no answer (network, 5xx, 429, refused keys): the parcel backs off. */
  public static final String CARRIER_POLL_FAILURES = "CarrierPollFailures";
  public static final String CHANNEL = "Channel";

  private static final Log LOG = Log.get(ShopMetrics.class);
  private final Metrics metrics;

  public ShopMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** A new order stored through {@code channel} (site, phone, email; any case). */
  public void orderPlaced(String channel) {
    metrics.count(ORDERS_PLACED, 1, Map.of(CHANNEL, channel == null ? "unknown" : channel.toLowerCase(Locale.ROOT)));
  }

  /** One open order newly flagged short. */
  public void orderShort() {
    ordersShort(1);
  }

  /** {@code n} open orders newly flagged short (0 records nothing). */
  public void ordersShort(int n) {
    metrics.count(ORDERS_SHORT, n);
  }

  /**
   * The outcome of one supplier file, by its report's status: {@code applied}, {@code quarantined},
   * {@code refused} (stock-import's {@code ImportReport}). Anything else is logged, not counted (a
   * metric never fails the import it describes).
   */
  public void importOutcome(String status) {
    String name = switch (status == null ? "" : status) {
      case "applied" -> IMPORTS_APPLIED;
      case "quarantined" -> IMPORTS_QUARANTINED;
      case "refused" -> IMPORTS_REFUSED;
      default -> null;
    };
    if (name == null) {
      LOG.warn("import outcome without a metric", "status", status);
      return;
    }
    metrics.count(name, 1);
  }

  public void mailSent() {
    metrics.count(MAILS_SENT, 1);
  }

  public void mailFailed() {
    metrics.count(MAILS_FAILED, 1);
  }

  public void mailRetried() {
    metrics.count(MAILS_RETRIED, 1);
  }

  public void mailRejected() {
    metrics.count(MAILS_REJECTED, 1);
  }

  public void mailSkipped() {
    metrics.count(MAILS_SKIPPED, 1);
  }

  /** One supplier mail moved to quarantine/inbox/. */
  public void supplierMailQuarantined() {
    metrics.count(SUPPLIER_MAILS_QUARANTINED, 1);
  }

  /** {@code n} supplier feeds failed in one run (0 records nothing). */
  /** One parcel poll the carrier did not answer (docs/carriers.md). */
  public void carrierPollFailed() {
    metrics.count(CARRIER_POLL_FAILURES, 1);
  }

  public void supplierFeedsFailed(int n) {
    metrics.count(SUPPLIER_FEEDS_FAILED, n);
  }

  /** {@code n} overdue tasks escalated in one run (0 records nothing). */
  public void tasksOverdue(int n) {
    metrics.count(TASKS_OVERDUE, n);
  }
}
