package dev.storeops.customers;

import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.ids.Ids;
import java.time.Clock;

/**
 * Staff write a note about a customer: the text (required, at most {@link #MAX_CHARS} characters once
 * trimmed, no control characters but line breaks and tabs), the author from the caller's token, the
 * time from the clock. The customer must exist.
 */
public final class AddCustomerNote {
  public static final int MAX_CHARS = 2000;

  private final CustomerStore customers;
  private final CustomerNotes notes;
  private final Clock clock;

  public AddCustomerNote(CustomerStore customers, CustomerNotes notes, Clock clock) {
    this.customers = customers;
    this.notes = notes;
    this.clock = clock;
  }

  /** The request body of {@code POST /staff/customers/{id}/notes}. */
  public record Request(String text) {}

  public CustomerNote add(String customerId, Request request, String by) {
    String text = validText(request == null ? null : request.text());
    customers.find(customerId).orElseThrow(() -> new NotFound("Customer " + customerId));
    CustomerNote note = new CustomerNote(Ids.newId("note", clock), customerId, text, by, clock.instant());
    notes.add(note);
    return note;
  }

  /** The note's text as stored, or a 400 naming {@code text}. */
  static String validText(String raw) {
    Validation v = new Validation();
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      v.error("text", "is required");
    } else if (text.codePointCount(0, text.length()) > MAX_CHARS) {
      v.error("text", "must be at most " + MAX_CHARS + " characters");
    } else if (text.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
      v.error("text", "must not hold control characters");
    }
    v.throwIfInvalid();
    return text;
  }
}
