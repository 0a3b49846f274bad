package dev.storeops.sim;

import dev.storeops.stack.RepoRoot;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulation at a larger size, by hand (docs/simulation.md): by default a simulated month, 250 orders
 * offered a day (some are refused on purpose: the runs of December stored about 70 % — over 5,000 in the
 * month), clean, the invariants checked every 72 simulated hours and at the end, then prints orders
 * simulated per second, invariant checks run and DynamoDB calls per order. The defaults took 2 h 20 min on an idle
 * 2-core machine for 6,055 orders (run 13, docs/simulation.md): the checks read the whole table (growing with the shop's
 * history) and a faulted month takes an estimated 4–5 hours ({@code --faults 0.05 --crashes 0.02}: the same
 * invariants, every build runs a faulted week).
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
