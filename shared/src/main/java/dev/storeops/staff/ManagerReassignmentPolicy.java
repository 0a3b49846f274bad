package dev.storeops.staff;

import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import dev.storeops.platform.errors.Unprocessable;
import java.util.List;
import java.util.Optional;

/**
 * The owner reassigns an order to another manager: only an open order (not delivered, not cancelled)
 * moves, and only to a manager on the roster (on shift or not: the owner may park an order with its
 * regular manager); the old manager's open-order count goes down by one and the new one's up by one in
 * the same write, so {@link ManagerAssignmentPolicy} keeps counting right. Moving an order to the
 * manager it already has changes nothing. Decides only; plain Java, no I/O.
 */
public final class ManagerReassignmentPolicy {
  private ManagerReassignmentPolicy() {}

  /** What the write does. */
  public enum Decision {
    /** Set the new manager; old manager (if any) −1 open order, new manager +1. */
    MOVE,
    /** The order has this manager already: nothing to write. */
    UNCHANGED
  }

  /**
   * @param orderOpen whether the order still counts as open (see {@code OrderStatus.open()})
   * @param currentManagerId the order's manager now, or null when unassigned
   * @param targetId the manager asked for
   * @param target that manager from the roster, empty when there is none
   * @throws Conflict when the order is closed (409 {@code order-closed})
   * @throws Unprocessable when the target is not a manager of the shop (422 {@code unknown-manager})
   */
  public static Decision decide(boolean orderOpen, String currentManagerId, String targetId,
      Optional<Manager> target) {
    if (target.isEmpty()) {
      throw new Unprocessable("unknown-manager", "There is no manager " + targetId + " on the roster.");
    }
    if (targetId.equals(currentManagerId)) {
      return Decision.UNCHANGED;
    }
    if (!orderOpen) {
      throw new Conflict("order-closed", "The order is closed (delivered or cancelled); it keeps its manager.",
          List.of(new FieldError("managerId", "a closed order cannot be reassigned")));
    }
    return Decision.MOVE;
  }
}
