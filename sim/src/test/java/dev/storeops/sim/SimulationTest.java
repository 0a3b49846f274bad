package dev.storeops.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A week in the life of the shop, clean; {@link SimulationUnderFaultsTest} lives the same week under injected
 * AWS faults and crashes, and the same invariants hold in both (docs/simulation.md). Size and seed: {@code
 * -Dsim.seed}, {@code -Dsim.days}, {@code -Dsim.ordersPerDay}; {@code -Dsim.pending=…} names work not
 * merged on this branch.
 */
class SimulationTest {
  static final long SEED = Long.getLong("sim.seed", 20260302L);
  /** A whole week per run, at 6 orders a day (docs/simulation.md, "Figures of one run"). */
  static final int DAYS = Integer.getInteger("sim.days", 7);
  static final int ORDERS_PER_DAY = Integer.getInteger("sim.ordersPerDay", 6);

  static Set<String> pending() {
    String p = System.getProperty("sim.pending", "none");
    return Arrays.stream(p.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("none")
        && !s.startsWith("$")).collect(Collectors.toSet());
  }

  @Test
  void aCleanWeekKeepsEveryInvariant() {
    Simulation.Figures f = new Simulation(new Simulation.Settings(SEED, DAYS, ORDERS_PER_DAY,
        FaultInjector.Settings.clean(SEED), 0.03, java.time.Duration.ofHours(1), pending()), RepoRoot.find()).run();
    System.out.println("clean run: " + f.describe());
    assertTrue(f.orders() > 0, "orders were placed");
    assertTrue(f.invariantChecks() >= DAYS * 24L, "checked every simulated hour");
  }
}
