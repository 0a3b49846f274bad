package dev.storeops.messaging.campaigns;

import dev.storeops.platform.Job;
import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.batch.PoisonItems;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plans due campaigns: for each scheduled campaign whose send time has come (due-work index), one
 * MARKETING intent per customer of its segment ({@code campaign:<id>#<customerId>}), enqueued in
 * batches, then the campaign is marked PLANNED. Consent, suppression and the cap are the sender's
 * checks at send time (counted in the campaign's figures). A run that crashed half way is repeated
 * by the next run; the dedupe keys stop doubles. Each campaign is planned on its own ({@link
 * PoisonItems}): one that fails is recorded and the others go on; after its attempts it is parked. Plain
 * Java.
 */
public final class CampaignPlanner implements Job {
  private static final Log LOG = Log.get(CampaignPlanner.class);
  private static final int BATCH = 100;

  /** Scheduled campaigns and their segments. */
  public interface Campaigns {
    List<Campaign> due(Instant now, LocalDate oldestBucket);

    void segment(String segment, Consumer<Customer> action);

    boolean markPlanned(String id, long planned, Instant now);

    /** Where a due campaign sits in the due-work index (its failures are recorded there). */
    DueItem dueItem(Campaign c);

    /** Where failed campaigns are recorded and parked. */
    PoisonItems.Ledger ledger();

    /** The scheduled campaigns of {@code schedule}, their recipients from {@code segments}. */
    static Campaigns of(Schedule schedule, Segments segments) {
      return new Campaigns() {
        @Override
        public List<Campaign> due(Instant now, LocalDate oldestBucket) {
          return schedule.due(now, oldestBucket);
        }

        @Override
        public void segment(String segment, Consumer<Customer> action) {
          segments.forEach(segment, action);
        }

        @Override
        public boolean markPlanned(String id, long planned, Instant now) {
          return schedule.markPlanned(id, planned, now);
        }

        @Override
        public DueItem dueItem(Campaign c) {
          return schedule.dueItem(c);
        }

        @Override
        public PoisonItems.Ledger ledger() {
          return schedule;
        }
      };
    }
  }

  /** Where scheduled campaigns wait (the due-work index in production) and their failures are recorded. */
  public interface Schedule extends PoisonItems.Ledger {
    List<Campaign> due(Instant now, LocalDate oldestBucket);

    /** Marks a campaign planned with its count; {@code false} when another run did it first. */
    boolean markPlanned(String id, long planned, Instant now);

    /** Where a due campaign sits in the due-work index. */
    DueItem dueItem(Campaign c);
  }

  /** Who is in a segment. */
  @FunctionalInterface
  public interface Segments {
    void forEach(String segment, Consumer<Customer> action);
  }

  private final Campaigns campaigns;
  private final MailOutbox outbox;
  private final MailFigures figures;
  private final Clock clock;
  private final ZoneId zone;

  public CampaignPlanner(Campaigns campaigns, MailOutbox outbox, MailFigures figures, Clock clock, ZoneId zone) {
    this.campaigns = campaigns;
    this.outbox = outbox;
    this.figures = figures;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public Map<String, Object> run() {
    Instant now = clock.instant();
    List<String> planned = new ArrayList<>();
    PoisonItems.Run isolated = new PoisonItems(campaigns.ledger()).start("campaigns");
    for (Campaign c : campaigns.due(now, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(7))) {
      isolated.attempt(campaigns.dueItem(c), () -> plan(c, now, planned));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("job", "campaigns");
    result.put("campaigns", planned);
    return isolated.addTo(result);
  }

  private void plan(Campaign c, Instant now, List<String> planned) {
    List<MailIntent> batch = new ArrayList<>();
    long[] count = {0};
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subject", c.subject());
    data.put("body", c.body());
    if (c.discountCode() != null) {
      data.put("discountCode", c.discountCode());
    }
    campaigns.segment(c.segment(), customer -> {
      batch.add(new MailIntent(c.flow() + "#" + customer.id(), c.template(), MailIntent.Category.MARKETING,
          customer.id(), customer.email(), null, c.flow(), data));
      if (batch.size() == BATCH) {
        outbox.send(batch);
        count[0] += batch.size();
        batch.clear();
      }
    });
    outbox.send(batch);
    count[0] += batch.size();
    if (campaigns.markPlanned(c.id(), count[0], now)) {
      figures.add(c.flow(), Figure.PLANNED, count[0], LocalDate.ofInstant(now, zone));
    }
    planned.add(c.id());
    LOG.info("campaign planned", "campaignId", c.id(), "intents", count[0]);
  }
}
