package dev.storeops.messaging.campaigns;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.campaigns.Campaign;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * A campaign segment's customers at planning time ("now" from the given clock): all with consent, or
 * an order segment (its index, {@link OrderSegmentIndex}) filtered to customers with marketing consent, so nobody
 * without consent is enqueued.
 */
public final class CampaignSegments {
  private final ConsentSegment consent;
  private final OrderSegmentIndex orders;
  private final Clock clock;

  public CampaignSegments(ConsentSegment consent, OrderSegmentIndex orders, Clock clock) {
    this.consent = consent;
    this.orders = orders;
    this.clock = clock;
  }

  public void forEach(String segment, Consumer<Customer> action) {
    if (Campaign.SEGMENT_ALL_WITH_CONSENT.equals(segment)) {
      consent.forEach(action);
      return;
    }
    OrderSegments.Segment parsed = OrderSegments.parse(segment)
        .orElseThrow(() -> new IllegalStateException("unknown campaign segment " + segment));
    orders.forEach(parsed, clock.instant(), c -> {
      if (c.marketingConsent()) {
        action.accept(c);
      }
    });
  }
}
