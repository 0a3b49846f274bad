package dev.storeops.customers;

import java.util.List;

/** Pages through every customer profile, for {@link RebuildCustomerSearch}. */
public interface CustomerSearchBackfill {
  /** One page of profiles read: the customers found on it and the cursor of the next page (null: the last). */
  record Page(List<Customer> customers, int itemsRead, String nextCursor) {}

  /** Reads up to {@code limit} table items from {@code cursor} (null: the start) and returns the profiles among them. */
  Page profiles(String cursor, int limit);

  /** Puts the search entries of the customer (the same keys each time: a second put changes nothing). */
  int fileUnderSearch(Customer customer);
}
