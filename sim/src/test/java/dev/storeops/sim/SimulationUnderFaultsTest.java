package dev.storeops.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import org.junit.jupiter.api.Test;

/**
 * The week of {@link SimulationTest} (same size, the next seed) with 6 % of the handlers' AWS calls
 * failing and 2 % of their invocations crashing: the same invariants hold, every one judged (the
 * short-order flag under faults is kept by the short-stock sweep, docs/simulation.md "What it found").
 */
class SimulationUnderFaultsTest {
  @Test
  void aWeekUnderFaultsAndCrashesKeepsEveryInvariant() {
    Simulation.Figures f = new Simulation(new Simulation.Settings(SimulationTest.SEED + 1, SimulationTest.DAYS, SimulationTest.ORDERS_PER_DAY,
        new FaultInjector.Settings(0.06, 0.02, SimulationTest.SEED + 1), 0.03, java.time.Duration.ofHours(1),
        SimulationTest.pending()),
        RepoRoot.find()).run();
    System.out.println("faulted run: " + f.describe());
    assertTrue(f.orders() > 0, "orders were placed");
    assertTrue(f.aws().faults() >= 0.05 * f.aws().calls(), "at least 5 % of the handlers' AWS calls failed: " + f.aws());
    assertTrue(f.aws().injected().getOrDefault(FaultInjector.Kind.CRASH, 0L) > 0, "handlers crashed: " + f.aws());
  }
}
