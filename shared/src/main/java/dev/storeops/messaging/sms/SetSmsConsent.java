package dev.storeops.messaging.sms;

import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.CustomerStore;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Staff set a customer's SMS choice as the customer asked (by phone, by mail, in person…): {@code allowed}
 * false = opted out, no SMS at all; true = transactional SMS again. Only a change is recorded: the choice
 * ({@link SmsConsents}) and, in the same write, a consent step with channel {@code SMS} (WITHDRAWN or
 * GIVEN, when, who, how the customer asked) that the dossier lists. Setting the choice already in force
 * changes nothing. docs/notifications.md.
 */
public final class SetSmsConsent {
  private static final Log LOG = Log.get(SetSmsConsent.class);
  /** How the customer told the shop. */
  public static final List<String> SOURCES = List.of("phone-call", "email", "sms-reply", "in-person", "letter", "other");

  private final CustomerStore customers;
  private final SmsConsents consents;
  private final Clock clock;

  public SetSmsConsent(CustomerStore customers, SmsConsents consents, Clock clock) {
    this.customers = customers;
    this.consents = consents;
    this.clock = clock;
  }

  /** The body of {@code PUT /staff/customers/{id}/sms-consent}. */
  public record Request(Boolean allowed, String source) {}

  /**
   * The outcome.
   *
   * @param changed false when the choice already was that (nothing recorded)
   * @param step the consent step recorded, null when nothing changed
   */
  public record Result(String customerId, boolean allowed, boolean changed, ConsentEvent step) {}

  /**
   * @param by the staff member (the token's sub)
   * @param requestId the API request, kept with the step as its proof
   */
  public Result set(String customerId, Request request, String by, String requestId) {
    Validation v = new Validation();
    if (request == null || request.allowed() == null) {
      v.error("allowed", "is required: true (SMS allowed) or false (no SMS)");
    }
    String source = request == null || request.source() == null ? null : request.source().strip();
    if (source == null || source.isEmpty()) {
      v.error("source", "is required: one of " + String.join(", ", SOURCES));
    } else if (!SOURCES.contains(source)) {
      v.error("source", "must be one of " + String.join(", ", SOURCES));
    }
    v.throwIfInvalid();
    customers.find(customerId).orElseThrow(() -> new NotFound("Customer " + customerId));
    boolean allowed = request.allowed();
    Instant now = clock.instant();
    ConsentEvent step = new ConsentEvent(allowed ? ConsentEvent.Kind.GIVEN : ConsentEvent.Kind.WITHDRAWN, now,
        source, requestId, null, ConsentEvent.SMS, by);
    boolean changed = consents.set(customerId, !allowed, step);
    LOG.info("sms consent set", "customerId", customerId, "allowed", allowed, "changed", changed, "by", by,
        "source", source);
    return new Result(customerId, allowed, changed, changed ? step : null);
  }
}
