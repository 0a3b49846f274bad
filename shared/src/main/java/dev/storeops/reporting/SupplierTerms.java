package dev.storeops.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The suppliers and their delivery lead times (the purchase list's input): the {@code leadTimeDays} of
 * each supplier's profile, as the last stock import that read the profile recorded it.
 */
public interface SupplierTerms {
  /** The suppliers whose terms are recorded. */
  List<String> suppliers();

  /** The supplier's lead time in days; empty when no import recorded its terms yet. */
  Optional<Integer> leadTimeDays(String supplierId);

  /** Where an import puts the terms of a profile it read. */
  interface Recorder {
    Recorder NOTHING = (supplierId, leadTimeDays) -> { };

    void record(String supplierId, int leadTimeDays);
  }

  /**
   * A profile's lead time: its {@code leadTimeDays} when that is a whole number ≥ 0, else the default
   * {@value PurchasePlanner#DEFAULT_LEAD_TIME_DAYS}.
   */
  static int leadTimeDaysIn(JsonNode profile) {
    JsonNode lead = profile == null ? null : profile.path("leadTimeDays");
    return lead != null && lead.isInt() && lead.asInt() >= 0 ? lead.asInt() : PurchasePlanner.DEFAULT_LEAD_TIME_DAYS;
  }
}
