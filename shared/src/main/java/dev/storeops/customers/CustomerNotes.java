package dev.storeops.customers;

/** Where staff notes about customers are kept ({@link CustomerNote}); read back with the dossier's history. */
public interface CustomerNotes {
  /** Stores a new note (its id is new, so a second call with another id is another note). */
  void add(CustomerNote note);
}
