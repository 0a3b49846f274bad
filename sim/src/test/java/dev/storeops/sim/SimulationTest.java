package dev.storeops.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The life of the shop (a week with {@code -Dsim.days=7}), once clean and once under injected AWS faults and crashes; the same
 * invariants hold in both (docs/simulation.md). Size and seed: {@code -Dsim.seed}, {@code -Dsim.days},
 * {@code -Dsim.ordersPerDay}; {@code -Dsim.pending=…} names work not merged on this branch.
 */
class SimulationTest {
  static final long SEED = Long.getLong("sim.seed", 20260302L);
  /** Two simulated days per run keep both runs near two minutes on 2 idle cores; {@code -Dsim.days=7} runs the whole week. */
  static final int DAYS = Integer.getInteger("sim.days", 2);
  static final int ORDERS_PER_DAY = Integer.getInteger("sim.ordersPerDay", 12);

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

  @Test
  void aWeekUnderFaultsAndCrashesKeepsEveryInvariant() {
    Simulation.Figures f = new Simulation(new Simulation.Settings(SEED + 1, DAYS, ORDERS_PER_DAY,
        new FaultInjector.Settings(0.06, 0.02, SEED + 1), 0.03, java.time.Duration.ofHours(1),
        pending()),
        RepoRoot.find()).run();
    System.out.println("faulted run: " + f.describe());
    assertTrue(f.orders() > 0, "orders were placed");
    assertTrue(f.aws().faults() >= 0.05 * f.aws().calls(), "at least 5 % of the handlers' AWS calls failed: " + f.aws());
    assertTrue(f.aws().injected().getOrDefault(FaultInjector.Kind.CRASH, 0L) > 0, "handlers crashed: " + f.aws());
  }
}
