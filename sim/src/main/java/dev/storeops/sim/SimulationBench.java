package dev.storeops.sim;

import dev.storeops.stack.RepoRoot;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulation at a larger size, by hand (docs/simulation.md, run by {@code bench/sim-month.sh}): by default
 * a clean simulated month, 250 orders offered a day (some are refused on purpose; over 5,000 are stored), the
 * invariants checked every 72 simulated hours and at the end; then prints orders simulated per second,
 * invariant checks run and DynamoDB calls per order. The measured runs and their figures are in
 * docs/simulation.md; {@code --faults 0.05 --crashes 0.02} runs the faulted month.
 *
 * <pre>
 * java -cp "$(cat sim/target/classpath.txt):sim/target/classes" dev.storeops.sim.SimulationBench \
 *     [--days 30] [--orders-per-day 250] [--faults 0] [--crashes 0] [--seed N] [--check-every-hours 72] [--pending a,b]
 * </pre>
 */
public final class SimulationBench {
  private SimulationBench() {}

  public static void main(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    long seed = Long.parseLong(a.getOrDefault("seed", String.valueOf(System.currentTimeMillis() % 1_000_000)));
    int days = Integer.parseInt(a.getOrDefault("days", "30"));
    int perDay = Integer.parseInt(a.getOrDefault("orders-per-day", "250"));
    double faults = Double.parseDouble(a.getOrDefault("faults", "0"));
    double crashes = Double.parseDouble(a.getOrDefault("crashes", "0"));
    int checkHours = Integer.parseInt(a.getOrDefault("check-every-hours", "72"));
    Set<String> pending = Arrays.stream(a.getOrDefault("pending", "").split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    Simulation.Figures f = new Simulation(new Simulation.Settings(seed, days, perDay,
        new FaultInjector.Settings(faults, crashes, seed), 0.03, Duration.ofHours(checkHours), pending),
        RepoRoot.find()).run();
    System.out.println();
    System.out.println("SIMULATION BENCH");
    System.out.print(f.describe());
    System.out.printf(java.util.Locale.ROOT, "orders/s simulated: %.2f; invariant checks: %d; DynamoDB calls per order: %.1f%n",
        f.orders() / f.seconds(), f.invariantChecks(),
        f.aws().callsByService().getOrDefault("DynamoDb", 0L) / (double) Math.max(1, f.orders()));
    System.out.print(FaultInjector.profile(25));
    System.exit(0);
  }
}
