package dev.storeops.customers;

import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import java.util.List;

/**
 * A customer is erased only when nothing the shop still owes them needs their contacts: while an
 * order is in progress (not delivered, not cancelled) the name, phone and address are needed to
 * deliver it (152-FZ art. 21 p. 5, GDPR art. 17(3)(b)): 409 naming each blocking record; deliver or
 * cancel, then erase. Plain Java.
 */
public final class ErasurePolicy {
  private ErasurePolicy() {}

  /** Throws 409 {@code erasure-blocked} when {@code blockers} (from every {@link PersonalData}) is not empty. */
  public static void check(List<String> blockers) {
    if (blockers.isEmpty()) {
      return;
    }
    throw new Conflict("erasure-blocked",
        "The customer has orders in progress; deliver or cancel them, then erase.",
        blockers.stream().map(b -> new FieldError("orders", b)).toList());
  }
}
