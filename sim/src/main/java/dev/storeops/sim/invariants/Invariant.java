package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.List;

/**
 * One property the shop must keep at all times. {@link #check} lists what breaks it (empty: it holds);
 * each message names the item and the numbers, so a failing simulation says what went wrong where.
 */
public interface Invariant {
  String name();

  List<String> check(ShopState state);

  /**
   * The pending-work name that disables this check on a branch without that work
   * ({@code -Dsim.pending=<name>,…}); {@code null}: never disabled.
   */
  default String pendingOn() {
    return null;
  }
}
