package dev.storeops.messaging.campaigns;

import dev.storeops.customers.Customer;
import java.time.Instant;
import java.util.function.Consumer;

/** The customers of an order segment ({@link OrderSegments}) as of {@code now}, consent not checked. */
public interface OrderSegmentIndex {
  void forEach(OrderSegments.Segment segment, Instant now, Consumer<Customer> action);
}
