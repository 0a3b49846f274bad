package dev.storeops.customers;

/**
 * Reads a page of a customer's {@link ContactHistory}, newest first (in the table: one GSI1 Query of their
 * history entries per page, {@code platform/dynamo/ContactHistoryEntries}).
 */
public interface ContactHistoryReader {
  /**
   * The page after {@code cursor} (null: the first) of at most {@code limit} entries; a cursor this API did
   * not return for this customer is a 400 on {@code cursor}.
   */
  ContactHistory page(Customer customer, int limit, String cursor);
}
