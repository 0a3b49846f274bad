package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** All the invariants, in the order they are judged; the first broken one fails the simulation. */
public final class Invariants {
  private final List<Invariant> all = List.of(new StockLedgerInvariant(), new JournalAddsUpInvariant(), new ReservationHoldsInvariant(),
      new PendingStockMovesInvariant(),
      new ShortOrdersFlaggedInvariant(), new LegalTransitionsInvariant(), new NoOrderStuckInvariant(),
      new AnnouncedOnceInvariant(), new MailOnceInvariant(), new MarketingConsentInvariant(),
      new RevenueMatchesReportInvariant(), new PromoUsesInvariant(), new OrderMoneyInvariant(), new DeadLettersInvariant(),
      new MetricsMatchInvariant(), new ReturnsLedgerInvariant(),
      new PointSalesOnceInvariant(),
      new ShippedNoticesInvariant());
  private final Set<String> pending;
  private long checks;

  /** The first broken invariant of a check. */
  public static final class Broken extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final String invariant;

    Broken(String invariant, String message) {
      super(message);
      this.invariant = invariant;
    }

    public String invariant() {
      return invariant;
    }
  }

  /** {@code pending}: names of work not on this branch; the invariants that need it are not judged. */
  public Invariants(Set<String> pending) {
    this.pending = pending;
  }

  public List<Invariant> all() {
    return all;
  }

  /** The invariants skipped for pending work (reported by the simulation, never silently). */
  public List<String> skipped() {
    return all.stream().filter(i -> i.pendingOn() != null && pending.contains(i.pendingOn()))
        .map(i -> i.name() + " (-Dsim.pending=" + i.pendingOn() + ")").toList();
  }

  /** Judges every invariant in order; throws {@link Broken} naming the first one broken with its details. */
  public void check(ShopState state, String when) {
    for (Invariant i : all) {
      if (i.pendingOn() != null && pending.contains(i.pendingOn())) {
        continue;
      }
      checks++;
      List<String> broken = i.check(state);
      if (!broken.isEmpty()) {
        List<String> shown = broken.size() > 10 ? new ArrayList<>(broken.subList(0, 10)) : broken;
        throw new Broken(i.name(), "invariant \"" + i.name() + "\" broken " + when + " (" + broken.size()
            + " finding(s)):\n  " + String.join("\n  ", shown) + (broken.size() > 10 ? "\n  …" : ""));
      }
    }
  }

  /** Invariant checks run so far (one per invariant per check). */
  public long checks() {
    return checks;
  }
}
