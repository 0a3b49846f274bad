package dev.storeops.fulfilment;

import dev.storeops.platform.errors.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Log a call with the customer (staff API) as {@link ConfirmationCallPolicy} decides: a cash-on-delivery
 * order confirmed by phone becomes ready to ship; the 3rd unanswered call (by default) cancels it
 * UNREACHABLE; a refusal (reason required, at most 500 characters) cancels any order before shipping.
 * The call id (the Idempotency-Key, else a new id) makes a repeated request a no-op. Then: a
 * cancellation mails the customer and closes the follow-up tasks; a confirmed order closes its
 * "confirm by phone" task; a confirmed pickup order tells the customer it is ready for pickup
 * ({@link ReadyForPickupPolicy}).
 */
public final class LogCall {
  /** The body of {@code POST /staff/orders/{id}/calls}. */
  public record Request(String outcome, String reason) {}

  private final OrderMutations mutations;
  private final ConfirmationCallPolicy policy;
  private final CancellationFollowUp followUp;
  private final CustomerNotices notices;
  private final Clock clock;

  public LogCall(OrderMutations mutations, ConfirmationCallPolicy policy, CancellationFollowUp followUp,
      CustomerNotices notices, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.followUp = followUp;
    this.notices = notices;
    this.clock = clock;
  }

  public OrderFile log(String orderId, String by, String callId, Request r) {
    Validation v = new Validation();
    ConfirmationCallPolicy.CallOutcome outcome = null;
    if (r == null || r.outcome() == null) {
      v.error("outcome", "is required: CONFIRMED, REFUSED or NO_ANSWER");
    } else {
      try {
        outcome = ConfirmationCallPolicy.CallOutcome.valueOf(r.outcome().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v.error("outcome", "must be CONFIRMED, REFUSED or NO_ANSWER");
      }
    }
    String reason = r == null || r.reason() == null || r.reason().isBlank() ? null : r.reason().strip();
    if (outcome == ConfirmationCallPolicy.CallOutcome.REFUSED && reason == null) {
      v.error("reason", "is required when the customer refuses: the customer's reason");
    }
    if (reason != null && reason.length() > CancellationPolicy.MAX_REASON_LENGTH) {
      v.error("reason", "must be at most 500 characters");
    }
    v.throwIfInvalid();
    ConfirmationCallPolicy.CallOutcome out = outcome;
    Instant now = clock.instant();
    OrderMutations.Result m = mutations.mutate(orderId, f -> policy.decide(f, callId, by, out, reason, now));
    followUp.afterStaffChange(m.file().order(), by);
    notices.afterChange(m.file().order(), m.file().shipment());
    return m.file();
  }
}
