package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.List;

/**
 * No marketing mail (one with a List-Unsubscribe header) reaches an address that never consented, nor
 * one that unsubscribed before the mail was sent (a mail first seen at this check was sent after the
 * previous check, so an unsubscription before the previous check came first).
 */
public final class MarketingConsentInvariant implements Invariant {
  @Override
  public String name() {
    return "marketing consent";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    for (ShopState.Mail m : state.mails()) {
      if (!m.marketing()) {
        continue;
      }
      ShopState.Consent c = state.facts().consent().get(m.to());
      if (c == null || !c.given()) {
        broken.add(m.key() + ": marketing mail to " + m.to() + ", who never consented");
      } else if (c.unsubscribedAt() != null && m.seenAtCheck() == state.facts().check()
          && state.facts().previousCheck() != null && c.unsubscribedAt().isBefore(state.facts().previousCheck())) {
        broken.add(m.key() + ": marketing mail to " + m.to() + " sent after " + state.facts().previousCheck()
            + ", who unsubscribed at " + c.unsubscribedAt());
      }
    }
    return broken;
  }
}
