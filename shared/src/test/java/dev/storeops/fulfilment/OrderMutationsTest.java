package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.file;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.errors.NotFound;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderMutationsTest {
  /** A store answering {@code apply} from a script; every read returns the same order. */
  private static final class Scripted implements OrderFlowStore {
    final OrderFile f = file(order(PaymentMethod.CASH_ON_DELIVERY));
    final Deque<Result> answers = new ArrayDeque<>();
    int reads;
    int writes;

    @Override
    public Optional<OrderFile> find(String orderId) {
      reads++;
      return "ord_1".equals(orderId) ? Optional.of(f) : Optional.empty();
    }

    @Override
    public boolean eventSeen(String eventId) {
      return false;
    }

    @Override
    public Result apply(OrderChange change) {
      writes++;
      return answers.isEmpty() ? Result.CONFLICT : answers.pop();
    }

    @Override
    public List<dev.storeops.platform.batch.DueItem> paymentDue(int limit) {
      return List.of();
    }

    @Override
    public int recordFailure(dev.storeops.platform.batch.DueItem item, String error) {
      throw new UnsupportedOperationException("no due work here");
    }

    @Override
    public boolean park(dev.storeops.platform.batch.DueItem item, String error) {
      throw new UnsupportedOperationException("no due work here");
    }

    @Override
    public boolean clearDue(String orderId, String dueSk) {
      return true;
    }
  }

  private final Scripted store = new Scripted();
  private final OrderMutations mutations = new OrderMutations(store);

  @Test
  void aConflictIsDecidedAgainOnTheOrderReadAgain() {
    store.answers.addAll(List.of(OrderFlowStore.Result.CONFLICT, OrderFlowStore.Result.APPLIED));
    int[] decisions = {0};
    OrderMutations.Result r = mutations.mutate("ord_1", f -> {
      decisions[0]++;
      return new OrderChange(f, T0);
    });
    assertEquals(2, decisions[0]);
    assertEquals(2, store.writes);
    assertTrue(r.change() != null && !r.duplicate());
  }

  @Test
  void nothingDecidedMeansNothingWritten() {
    OrderMutations.Result r = mutations.mutate("ord_1", f -> null);
    assertNull(r.change());
    assertSame(store.f, r.file());
    assertEquals(0, store.writes);
  }

  @Test
  void anEventClaimedBeforeIsADuplicate() {
    store.answers.add(OrderFlowStore.Result.DUPLICATE_EVENT);
    OrderMutations.Result r = mutations.mutate("ord_1", f -> new OrderChange(f, T0).claimEvent("evt_1"));
    assertTrue(r.duplicate());
    assertNull(r.change());
  }

  @Test
  void fiveConflictsInARowAreBusy() {
    assertThrows(Busy.class, () -> mutations.mutate("ord_1", f -> new OrderChange(f, T0)));
    assertEquals(5, store.writes);
  }

  @Test
  void aMissingOrderIsNotFound() {
    assertThrows(NotFound.class, () -> mutations.mutate("ord_x", f -> new OrderChange(f, T0)));
  }
}
