package dev.storeops.customers;

import java.util.List;

/**
 * The customer search entries ({@link CustomerSearchTerms}): customer ids by phone or by name prefix, a
 * page at a time in the index's order (the API's one cursor, platform/dynamo/PageCursor).
 */
public interface CustomerSearchIndex {
  /**
   * One entry: the customer, the term text it is filed under, and the cursor of the page that starts right
   * after it (so a page may stop at any entry).
   */
  record Entry(String customerId, String text, String cursorAfter) {}

  /** A page of entries; {@code nextCursor} null when the index has no more. */
  record Entries(List<Entry> entries, String nextCursor) {}

  /** The customers filed under this normalised phone, at most {@code limit}, after {@code cursor} (null: from the start). */
  Entries byPhone(String phone, int limit, String cursor);

  /** The customers with a name term starting with {@code prefix} (normalised), at most {@code limit}, after {@code cursor}. */
  Entries byNamePrefix(String bucket, String prefix, int limit, String cursor);
}
