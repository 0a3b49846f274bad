package dev.storeops.fulfilment.carriers;

import dev.storeops.platform.Job;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.ShopMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parcel poll (scheduler job {@value #JOB}, docs/carriers.md): the CDEK parcels due on the
 * due-work index — only those, never a scan of the orders — are asked about one by one; a final status
 * moves the order ({@link ApplyParcelStatus}) and takes the parcel off the index, any other is recorded
 * and the parcel comes back when {@link ParcelPollSchedule} says. Each parcel runs on its own through
 * {@link PoisonItems}: an error is recorded, the run goes on. When CDEK does not answer, the run stops
 * asking it: that parcel and the rest of the run's parcels are moved to a backed-off time, each counted
 * in {@code CarrierPollFailures}; the run itself completes.
 */
public final class PollParcels implements Job {
  public static final String JOB = "parcel-poll";
  /** Parcels one run handles at most; the rest wait for the next run. */
  public static final int BATCH = 200;
  private static final Log LOG = Log.get(PollParcels.class);

  private final ParcelStore store;
  private final CarrierTracking cdek;
  private final boolean configured;
  private final CarrierStatusPolicy policy;
  private final ApplyParcelStatus apply;
  private final ParcelPollSchedule schedule;
  private final PoisonItems poison;
  private final ShopMetrics metrics;
  private final Clock clock;

  public PollParcels(ParcelStore store, CarrierTracking cdek, boolean configured, CarrierStatusPolicy policy,
      ApplyParcelStatus apply, ParcelPollSchedule schedule, PoisonItems poison, ShopMetrics metrics, Clock clock) {
    this.store = store;
    this.cdek = cdek;
    this.configured = configured;
    this.policy = policy;
    this.apply = apply;
    this.schedule = schedule;
    this.poison = poison;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> run() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("job", JOB);
    if (!configured) {
      // no keys: the parcels wait on the index (staff deliver by hand) until CDEK keys are deployed
      result.put("configured", false);
      return result;
    }
    PoisonItems.Run run = poison.start(JOB);
    List<ParcelStore.DueParcel> due = store.due(BATCH);
    int[] n = new int[5]; // polled, delivered, refused, stopped, unanswered
    boolean[] down = {false};
    for (ParcelStore.DueParcel item : due) {
      run.attempt(item.at(), () -> {
        Parcel p = item.parcel();
        Instant now = clock.instant();
        if (!down[0]) {
          try {
            poll(item, p, now, n);
            return;
          } catch (CarrierTracking.Unavailable e) {
            down[0] = true;
            LOG.warn("cdek did not answer: the run backs off", "orderId", p.orderId(), "error", e.getMessage());
          }
        }
        Parcel after = p.unanswered();
        store.polled(item, after, schedule.afterOutage(after, now));
        metrics.carrierPollFailed();
        n[4]++;
      });
    }
    result.put("configured", true);
    result.put("due", due.size());
    result.put("polled", n[0]);
    result.put("delivered", n[1]);
    result.put("refused", n[2]);
    result.put("stopped", n[3]);
    result.put("unanswered", n[4]);
    return run.addTo(result);
  }

  private void poll(ParcelStore.DueParcel item, Parcel p, Instant now, int[] n) {
    Optional<ParcelReading> reading = policy.cdekLatest(cdek.statuses(p.trackingNumber()));
    n[0]++;
    Parcel after = reading.map(p::polled).orElseGet(() -> p.polled(null));
    ParcelReading current = reading.orElse(null);
    if (current != null && current.status().isFinal()) {
      // the move first (idempotent): a crash before the parcel is written repeats it harmlessly
      ApplyParcelStatus.Outcome o = apply.apply(after, current);
      if (current.status() == ParcelStatus.DELIVERED) {
        n[1]++;
      } else {
        n[2]++;
      }
      LOG.info("parcel status final", "orderId", p.orderId(), "code", current.code(), "outcome", o.outcome());
    }
    Instant next = schedule.next(after, now);
    if (next == null && (current == null || !current.status().isFinal())) {
      n[3]++;
      LOG.warn("parcel polled for too long without a final status: polling ends", "orderId", p.orderId(),
          "carrier", p.carrier(), "shippedAt", p.shippedAt(), "lastCode", after.lastCode());
    }
    store.polled(item, after, next);
  }
}
