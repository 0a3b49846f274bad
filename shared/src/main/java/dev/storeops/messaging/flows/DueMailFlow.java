package dev.storeops.messaging.flows;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.platform.Job;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A mail flow driven by the due-work index: a run reads only the items of its kind that are due
 * ({@link DueQueue#due}), decides each one ({@link #handle}) and takes it out of the index (or
 * moves it to its next step) with a condition on the due key it read — so a run twice enqueues
 * nothing new, and an item moved meanwhile by an order is left alone. A crash between enqueuing and
 * the index update enqueues again on the next run; the intent's dedupe key stops the second send.
 * Customers without marketing consent are not enqueued (counted as {@code skippedNoConsent}).
 * Each item is handled on its own ({@link PoisonItems}): one that throws (or cannot be read) is
 * recorded and skipped for the rest of the run, and parked as poison after its attempts; the others go
 * on. Plain Java.
 */
public abstract class DueMailFlow<T extends DueEntry> implements Job {
  /** Rounds of one run at most (a run handles up to rounds × batch items; the rest waits for the next run). */
  static final int MAX_ROUNDS = 50;

  /** What a run did with one due item. */
  enum Outcome { PLANNED, NO_CONSENT, STOPPED_BY_ORDER, GONE }

  /** What the flows share; {@code batch} = due items read per round; {@code poison}: item isolation. */
  public record Deps(MailFlows flows, CustomerStore customers, MailOutbox outbox, MailFigures figures, Clock clock,
      ZoneId zone, String publicBaseUrl, int batch, PoisonItems poison) {}

  private final Log log = Log.get(getClass());
  protected final Deps deps;
  private final DueQueue<T> due;
  private final String flow;

  DueMailFlow(Deps deps, DueQueue<T> due, String flow) {
    this.deps = deps;
    this.due = due;
    this.flow = flow;
  }

  abstract Outcome handle(T item);

  @Override
  public Map<String, Object> run() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
    // handled items leave the index (or move to a later step), so each round reads the next due ones
    int dueCount = 0;
    long itemsRead = 0;
    int rounds = 0;
    int found;
    int fresh;
    PoisonItems.Run isolated = deps.poison().start(flow);
    do {
      DueQueue.Batch<T> batch = due.due(deps.batch());
      found = batch.items().size() + batch.unreadable().size();
      itemsRead += batch.itemsRead();
      fresh = 0;
      for (DueQueue.Unreadable broken : batch.unreadable()) {
        if (!isolated.failedBefore(broken.due().item())) {
          fresh++;
          isolated.attempt(broken.due().item(), () -> {
            throw broken.error();
          });
        }
      }
      for (T item : batch.items()) {
        if (isolated.failedBefore(item.due().item())) {
          continue; // failed earlier in this run: the next run tries it again
        }
        fresh++;
        Outcome outcome = isolated.attempt(item.due().item(), () -> handle(item));
        if (outcome != null) {
          counts.merge(outcome, 1, Integer::sum);
        }
      }
      dueCount += fresh;
    } while (found == deps.batch() && fresh > 0 && ++rounds < MAX_ROUNDS);
    LocalDate today = LocalDate.now(deps.clock().withZone(deps.zone()));
    deps.figures().add(flow, Figure.PLANNED, counts.get(Outcome.PLANNED), today);
    deps.figures().add(flow, Figure.SKIPPED_NO_CONSENT, counts.get(Outcome.NO_CONSENT), today);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("job", flow);
    result.put("due", dueCount);
    result.put("itemsRead", itemsRead);
    result.put("planned", counts.get(Outcome.PLANNED));
    result.put("skippedNoConsent", counts.get(Outcome.NO_CONSENT));
    result.put("stoppedByOrder", counts.get(Outcome.STOPPED_BY_ORDER));
    result.put("gone", counts.get(Outcome.GONE));
    isolated.addTo(result);
    log.info("mail flow planned", "flow", flow, "due", dueCount, "itemsRead", itemsRead,
        "planned", counts.get(Outcome.PLANNED), "skippedNoConsent", counts.get(Outcome.NO_CONSENT),
        "stoppedByOrder", counts.get(Outcome.STOPPED_BY_ORDER), "failed", isolated.failed(),
        "parked", isolated.parkedItems().size());
    return result;
  }

  /** The customer, when they exist and gave marketing consent. */
  Optional<Customer> consenting(String customerId) {
    return customerId == null ? Optional.empty()
        : deps.customers().find(customerId).filter(Customer::marketingConsent);
  }

  /** Who a per-customer flow item mails, or why nobody. */
  record Recipient(Customer customer, Outcome skipped) {}

  /**
   * The consenting customer of a flow item whose last order is still the customer's latest; when a
   * newer order exists or consent is missing, the item leaves the index and the reason is returned.
   */
  Recipient sinceLastOrder(DueRef item, String customerId, Instant lastOrderAt) {
    Instant latest = deps.flows().latestOrderAt(customerId);
    if (latest != null && latest.isAfter(lastOrderAt)) {
      clear(item);
      return new Recipient(null, Outcome.STOPPED_BY_ORDER);
    }
    Optional<Customer> customer = consenting(customerId);
    if (customer.isEmpty()) {
      clear(item);
      return new Recipient(null, Outcome.NO_CONSENT);
    }
    return new Recipient(customer.get(), null);
  }

  boolean clear(DueRef item) {
    return deps.flows().clearDue(item);
  }

  MailIntent marketing(String dedupeKey, String template, Customer c, Map<String, Object> data) {
    return new MailIntent(dedupeKey, template, MailIntent.Category.MARKETING, c.id(), c.email(), null, flow, data);
  }
}
