package dev.storeops.messaging.campaigns;

import dev.storeops.customers.Customer;
import java.util.function.Consumer;

/** The campaign segment "all with consent": every customer who gave marketing consent. */
public interface ConsentSegment {
  void forEach(Consumer<Customer> action);
}
