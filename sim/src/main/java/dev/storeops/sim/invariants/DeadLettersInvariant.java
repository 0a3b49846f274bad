package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.List;

/** Nothing lands in a dead-letter or failure queue except the poison messages the simulation put on purpose. */
public final class DeadLettersInvariant implements Invariant {
  @Override
  public String name() {
    return "dead letters";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    state.deadLetters().forEach((queue, messages) -> {
      for (ShopState.DeadLetter m : messages) {
        if (!state.facts().poison().contains(m.body())) {
          String body = m.body().length() > 300 ? m.body().substring(0, 300) + "…" : m.body();
          broken.add(queue + ": " + m.messageId() + " " + body);
        }
      }
    });
    return broken;
  }
}
