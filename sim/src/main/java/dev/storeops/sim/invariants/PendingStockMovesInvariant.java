package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pending stock moves of large orders are finished (docs/orders.md, "40 lines do not fit one
 * transaction"; docs/simulation.md). A 40-line intake writes its first reservations ahead of the order,
 * listed as a pending intake on the order's announce item; the order's last transaction clears the list,
 * or order-api (at once) or the {@code order-announce} sweeper (once the item is due, 5 minutes after
 * creation) releases the listed rows. A large order's cancellation or shipment lists the stock moves
 * that did not fit its transaction on a {@code STOCKMOVES#<rev>} item, written right after it or by the
 * same sweeper. So:
 *
 * <ul>
 *   <li>no intake still lists rows while its order is stored (all lines or none: the order's transaction
 *       clears the list);
 *   <li>no item lists rows without being on the due index (nobody would ever finish them);
 *   <li>no item lists rows {@link #DEADLINE} after it fell due: a pending hold past the sweeper's deadline
 *       without its order — a refused, failed or crashed large intake that keeps units reserved — or a
 *       cancellation's or shipment's moves never written.
 * </ul>
 *
 * <p>Together with {@code stock ledger} ({@code reserved} = Σ open holds, the listed rows counted) and
 * {@code reservation holds} (every hold belongs to an order holding stock or to a listed row), a refused
 * large order leaves nothing reserved once its intake is released.
 */
public final class PendingStockMovesInvariant implements Invariant {
  /**
   * How long after an item falls due its moves may still be listed: the sweeper runs every 15 minutes, so
   * the first run after the due time and three more for runs that failed on a fault.
   */
  public static final Duration DEADLINE = Duration.ofHours(1);

  @Override
  public String name() {
    return "pending stock moves finished";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    Set<String> stored = state.orders().stream().map(ShopState.OrderRow::id).collect(Collectors.toSet());
    for (ShopState.PendingMoves p : state.pendingMoves()) {
      if (p.rows().isEmpty()) {
        continue;
      }
      long units = p.rows().stream().mapToLong(ShopState.Line::qty).sum();
      String what = (p.intake() ? "intake of order " : "moves (" + p.moves() + ") of order ") + p.orderId() + " ("
          + p.item() + ", " + p.state() + "): " + p.rows().size() + " row(s), " + units + " unit(s) held, e.g. "
          + p.rows().get(0).sku() + "/" + p.rows().get(0).warehouse();
      if (p.intake() && stored.contains(p.orderId())) {
        broken.add(what + " still listed as pending but the order is stored (its transaction clears the list)");
      }
      if (p.dueAt() == null) {
        broken.add(what + " listed but not on the due index: no sweeper will release or write them");
      } else if (state.at().isAfter(p.dueAt().plus(DEADLINE))) {
        broken.add(what + " still listed at " + state.at() + ", due at " + p.dueAt() + ": past the sweeper's deadline ("
            + DEADLINE.toMinutes() + " min after due)" + (p.intake() && !stored.contains(p.orderId())
                ? " without its order: units still reserved for an order that was never placed" : ""));
      }
    }
    return broken;
  }
}
