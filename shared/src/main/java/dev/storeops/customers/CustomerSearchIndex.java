package dev.storeops.customers;

import java.util.List;

/** The customer search entries ({@link CustomerSearchTerms}): customer ids by phone or by name prefix. */
public interface CustomerSearchIndex {
  /** Ids of the customers filed under this normalised phone, at most {@code limit}. */
  List<String> byPhone(String phone, int limit);

  /** Ids of the customers with a name term starting with {@code prefix} (normalised), at most {@code limit}. */
  List<String> byNamePrefix(String bucket, String prefix, int limit);
}
