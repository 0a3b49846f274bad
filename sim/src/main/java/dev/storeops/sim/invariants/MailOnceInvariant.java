package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** No dedupe key is sent twice: every mail SES accepted carries its key, and no key appears on two. */
public final class MailOnceInvariant implements Invariant {
  @Override
  public String name() {
    return "mail once";
  }

  @Override
  public List<String> check(ShopState state) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    List<String> broken = new ArrayList<>();
    for (ShopState.Mail m : state.mails()) {
      if (m.key() == null) {
        broken.add("mail " + m.messageId() + " to " + m.to() + " (" + m.subject() + ") carries no dedupe key");
      } else {
        byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m.messageId());
      }
    }
    byKey.forEach((key, ids) -> {
      if (ids.size() > 1) {
        broken.add(key + ": sent " + ids.size() + " times " + ids);
      }
    });
    return broken;
  }
}
