package dev.storeops.customers;

/** Reads a customer's {@link ContactHistory} (in the table: one GSI1 query of what is filed under them). */
public interface ContactHistoryReader {
  ContactHistory read(Customer customer);
}
