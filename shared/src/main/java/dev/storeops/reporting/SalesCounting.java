package dev.storeops.reporting;

import dev.storeops.platform.log.Log;

/**
 * The sales report rule for one order version: the figures move by the difference between how the
 * order was counted and how it is now ({@link SalesDelta#of}: a new active order adds to its day and
 * channel, a cancellation moves it to the cancelled figures with its reason); a version that changes
 * nothing (a redelivered change, an edit that does not touch the counted facts) leaves them as they
 * are, so a change delivered twice counts once. Plain Java.
 */
public final class SalesCounting {
  private static final Log LOG = Log.get(SalesCounting.class);

  /** Where the counted state and the figures are kept: applies the order's delta atomically, returns it. */
  public interface Ledger {
    SalesDelta apply(OrderFacts facts);
  }

  private final Ledger ledger;

  public SalesCounting(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Counts the order version; false when it changed nothing. */
  public boolean count(OrderFacts facts) {
    SalesDelta delta = ledger.apply(facts);
    if (delta.empty()) {
      return false;
    }
    LOG.info("order counted", "orderId", facts.orderId(), "from", delta.from(), "to", delta.to(),
        "day", facts.day().toString(), "channel", facts.channel());
    return true;
  }
}
