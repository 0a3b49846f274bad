package dev.storeops.platform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The isolation of due items in plain Java; on DynamoDB: it/PoisonItemsTest. */
class PoisonItemsTest {
  /** Failures counted per item and due key, as DueWorkStore counts them. */
  private static final class Ledger implements PoisonItems.Ledger {
    final Map<String, Integer> attempts = new HashMap<>();
    final List<String> errors = new ArrayList<>();
    final List<DueItem> parked = new ArrayList<>();

    @Override
    public int recordFailure(DueItem item, String error) {
      errors.add(error);
      return attempts.merge(item.pk() + "|" + item.dueSk(), 1, Integer::sum);
    }

    @Override
    public boolean park(DueItem item, String error) {
      parked.add(item);
      return true;
    }
  }

  private static DueItem item(String id) {
    return new DueItem("k", "X#" + id, "X", "2026-11-23T10:00:00.000Z#" + id);
  }

  @Test
  void oneFailingItemIsRecordedTheOthersRunAndAfterItsAttemptsItIsParked() {
    Ledger ledger = new Ledger();
    PoisonItems poison = new PoisonItems(ledger, 3);
    List<String> done = new ArrayList<>();
    Map<String, Object> last = null;
    for (int run = 1; run <= 3; run++) {
      PoisonItems.Run r = poison.start("job");
      for (String id : List.of("a", "bad", "c")) {
        String result = r.attempt(item(id), () -> {
          if (id.equals("bad")) {
            throw new IllegalStateException("customer anna.petrova@example.com, phone +79161234567, broke it");
          }
          done.add(id);
          return id;
        });
        assertEquals(id.equals("bad") ? null : id, result);
      }
      assertTrue(r.failedBefore(item("bad")));
      assertFalse(r.failedBefore(item("a")));
      last = r.addTo(new LinkedHashMap<>());
      assertEquals(1, last.get("failed"));
    }
    assertEquals(List.of("a", "c", "a", "c", "a", "c"), done, "the others went on in every run");
    assertEquals(List.of(item("bad")), ledger.parked, "parked at the third attempt, not before");
    assertEquals(1, last.get("parked"));
    assertEquals(List.of("X#bad|X"), last.get("parkedItems"));
    String error = ledger.errors.get(0);
    assertTrue(error.startsWith("IllegalStateException: customer a***@example.com, phone ***67"), error);
    assertFalse(error.contains("petrova") || error.contains("9161234"), "no personal data: " + error);
  }

  @Test
  void aRunnableThatFailsIsFalseAndOneThatRunsIsTrue() {
    PoisonItems.Run r = new PoisonItems(new Ledger()).start("job");
    assertTrue(r.attempt(item("a"), () -> { }));
    assertFalse(r.attempt(item("b"), (Runnable) () -> {
      throw new IllegalArgumentException();
    }));
    assertNull(r.attempt(item("c"), () -> {
      throw new IllegalArgumentException("x");
    }));
    assertEquals(2, r.failed());
    assertEquals(List.of(), r.parkedItems());
  }

  @Test
  void aLedgerThatCannotRecordDoesNotStopTheRun() {
    PoisonItems.Run r = new PoisonItems(new PoisonItems.Ledger() {
      @Override
      public int recordFailure(DueItem item, String error) {
        throw new IllegalStateException("table unavailable");
      }

      @Override
      public boolean park(DueItem item, String error) {
        throw new AssertionError("never parked without a count");
      }
    }).start("job");
    assertFalse(r.attempt(item("a"), (Runnable) () -> {
      throw new IllegalStateException("boom");
    }));
    assertTrue(r.attempt(item("b"), () -> { }));
    assertEquals(1, r.failed());
  }

  /**
   * Throttling, a 5xx or a timeout is the service's failure, not the item's: every run retries the item, none is
   * counted, and it is never parked however long the service fails (an hour of throttling parks nothing). The
   * item's own failure is still counted and parked at its attempts.
   */
  @Test
  void aPassingFailureOfTheServiceIsRetriedEveryRunAndNeverParked() {
    Ledger ledger = new Ledger();
    PoisonItems poison = new PoisonItems(ledger, 3);
    for (int run = 1; run <= 10; run++) {
      PoisonItems.Run r = poison.start("job");
      assertNull(r.attempt(item("throttled"), () -> {
        throw software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
            .statusCode(400).message("Rate exceeded").awsErrorDetails(software.amazon.awssdk.awscore.exception
                .AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build();
      }));
      assertNull(r.attempt(item("timeout"), () -> {
        throw software.amazon.awssdk.core.exception.SdkClientException.builder()
            .message("Unable to execute HTTP request: Read timed out")
            .cause(new java.net.SocketTimeoutException("Read timed out")).build();
      }));
      if (run <= 3) { // parked at its third failure: no later run sees it
        assertNull(r.attempt(item("own"), () -> {
          throw new IllegalStateException("the order has no lines");
        }));
      }
      assertTrue(r.failedBefore(item("throttled")), "a later round of the same run skips it");
      assertEquals(run <= 3 ? 3 : 2, r.failed());
    }
    assertEquals(List.of(item("own")), ledger.parked, "only the item's own failure is parked");
    assertEquals(List.of("X#own|X"), new ArrayList<>(ledger.attempts.keySet().stream()
        .map(k -> k.substring(0, k.indexOf('|')) + "|X").toList()), "only the item's own failures are counted");
  }
}
