package dev.storeops.platform.batch;

import dev.storeops.platform.log.Log;
import dev.storeops.platform.log.Pii;
import dev.storeops.platform.retry.TransientFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Item isolation for every scheduled due-work job: each due item is handled on its own ({@link
 * Run#attempt}); an exception is logged (job, kind, item key, error type and a masked message — no
 * personal data), recorded on the item ({@code dueAttempts} + 1, {@code dueLastError}) and the run goes
 * on with the next item. A passing failure of a service or of the network ({@link TransientFailure}: throttling,
 * a 5xx, a timeout) is not the item's: it is logged and the item retried next run, never counted — an hour of
 * throttling does not park every item due in it. An item that failed {@link #MAX_ATTEMPTS} times at the same due key is parked
 * as poison: it leaves its day bucket for the kind's poison list ({@code duePk = POISON#<kind>}), so no
 * run retries it again, and ops see it (the run's {@code parkedItems}, docs/operations.md). Plain Java:
 * the recording is a {@link Ledger} ({@code DueWorkStore} on DynamoDB).
 */
public final class PoisonItems {
  /** Failed attempts at one due key before the item is parked (runs are 15 minutes apart: about an hour). */
  public static final int MAX_ATTEMPTS = 5;
  private static final int ERROR_CHARS = 300;
  private static final Log LOG = Log.get(PoisonItems.class);

  /** Where failures are recorded. */
  public interface Ledger {
    /** Records one failed attempt; returns the attempts at this due key so far (0 when the item moved meanwhile). */
    int recordFailure(DueItem item, String error);

    /** Parks the item as poison if it is still due at {@code item.dueSk()}; false when it moved. */
    boolean park(DueItem item, String error);
  }

  private final Ledger ledger;
  private final int maxAttempts;
  private final Predicate<Throwable> transientFailure;

  public PoisonItems(Ledger ledger) {
    this(ledger, MAX_ATTEMPTS);
  }

  public PoisonItems(Ledger ledger, int maxAttempts) {
    this(ledger, maxAttempts, TransientFailure::of);
  }

  /** @param transientFailure which failures are passing (not the item's): retried, never counted ({@link TransientFailure}) */
  public PoisonItems(Ledger ledger, int maxAttempts, Predicate<Throwable> transientFailure) {
    this.ledger = ledger;
    this.maxAttempts = maxAttempts;
    this.transientFailure = transientFailure;
  }

  /** One run of {@code job}: its failures and parked items. */
  public Run start(String job) {
    return new Run(job);
  }

  /** The text recorded and logged for an error: its type and its message, e-mail addresses and phone numbers masked. */
  public static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : Pii.mask(e.getMessage());
    String text = e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    return text.length() > ERROR_CHARS ? text.substring(0, ERROR_CHARS) : text;
  }

  public final class Run {
    private final String job;
    private final Set<DueItem> failedItems = new HashSet<>();
    private final List<String> parkedItems = new ArrayList<>();
    private int failed;

    private Run(String job) {
      this.job = job;
    }

    /** Runs the work of one item; true when it went through, false when it failed (recorded, maybe parked). */
    public boolean attempt(DueItem item, Runnable work) {
      return attempt(item, () -> {
        work.run();
        return Boolean.TRUE;
      }) != null;
    }

    /** Runs the work of one item and returns its result, or null when it failed (recorded, maybe parked). */
    public <R> R attempt(DueItem item, Supplier<R> work) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        failed(item, e);
        return null;
      }
    }

    /** Whether the item already failed in this run (a later round of the run skips it). */
    public boolean failedBefore(DueItem item) {
      return failedItems.contains(item);
    }

    public int failed() {
      return failed;
    }

    public List<String> parkedItems() {
      return List.copyOf(parkedItems);
    }

    /** Adds {@code failed}, {@code parked} and {@code parkedItems} (table keys) to a job's result. */
    public Map<String, Object> addTo(Map<String, Object> result) {
      result.put("failed", failed);
      result.put("parked", parkedItems.size());
      result.put("parkedItems", List.copyOf(parkedItems));
      return result;
    }

    private void failed(DueItem item, RuntimeException e) {
      failed++;
      failedItems.add(item);
      String error = describe(e);
      if (transientFailure.test(e)) {
        // the service's or the network's failure, not the item's: retried next run, never counted toward parking
        LOG.warn("due item met a passing failure; retried next run", "job", job, "kind", item.kind(),
            "pk", item.pk(), "sk", item.sk(), "dueSk", item.dueSk(), "errorType", e.getClass().getName(),
            "error", error, "at", origin(e));
        return;
      }
      int attempts = 0;
      try {
        attempts = ledger.recordFailure(item, error);
        boolean park = attempts >= maxAttempts && ledger.park(item, error);
        LOG.warn(park ? "due item parked as poison" : "due item failed; retried next run", "job", job,
            "kind", item.kind(), "pk", item.pk(), "sk", item.sk(), "dueSk", item.dueSk(), "attempts", attempts,
            "errorType", e.getClass().getName(), "error", error, "at", origin(e));
        if (park) {
          parkedItems.add(item.pk() + "|" + item.sk());
        }
      } catch (RuntimeException recording) {
        LOG.warn("due item failed and its failure could not be recorded", "job", job, "kind", item.kind(),
            "pk", item.pk(), "sk", item.sk(), "errorType", e.getClass().getName(), "error", error,
            "recordingError", describe(recording));
      }
    }
  }

  /** The first stack frame of the shop's own code, where the error surfaced. */
  private static String origin(Throwable e) {
    for (StackTraceElement f : e.getStackTrace()) {
      if (f.getClassName().startsWith("dev.storeops.") && !f.getClassName().startsWith(PoisonItems.class.getName())) {
        return f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber();
      }
    }
    return e.getStackTrace().length == 0 ? null : e.getStackTrace()[0].toString();
  }
}
