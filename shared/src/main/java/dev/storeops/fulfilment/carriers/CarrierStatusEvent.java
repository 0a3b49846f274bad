package dev.storeops.fulfilment.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One status a carrier sends to the generic webhook ({@code POST /carriers/{carrier}/status}):
 * {@code {"trackingNumber":"…","status":"IN_TRANSIT|READY_FOR_PICKUP|DELIVERED|REFUSED|NOT_COLLECTED",
 * "at":"2026-11-30T12:00:00Z","eventId":"…"}}.
 */
public record CarrierStatusEvent(String trackingNumber, ParcelStatus status, Instant at, String eventId) {
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

  /** Parses and validates a webhook body; anything malformed is a 400 naming every bad field. */
  public static CarrierStatusEvent parse(byte[] body) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw Invalid.field("body", "is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw Invalid.field("body", "must be a JSON object");
    }
    Validation v = new Validation();
    JsonNode t = node.get("trackingNumber");
    String tracking = t != null && t.isTextual() ? t.asText().strip() : null;
    if (tracking == null || tracking.isEmpty() || tracking.length() > 100) {
      v.error("trackingNumber", "is required: the tracking number the order shipped with (1-100 characters)");
    }
    ParcelStatus status = null;
    JsonNode s = node.get("status");
    try {
      status = s != null && s.isTextual() ? ParcelStatus.valueOf(s.asText().strip().toUpperCase(Locale.ROOT)) : null;
    } catch (IllegalArgumentException e) {
      status = null;
    }
    if (status == null) {
      v.error("status", "is required: IN_TRANSIT, READY_FOR_PICKUP, DELIVERED, REFUSED or NOT_COLLECTED");
    }
    Instant at = null;
    JsonNode a = node.get("at");
    try {
      at = a != null && a.isTextual() ? OffsetDateTime.parse(a.asText().strip()).toInstant() : null;
    } catch (DateTimeParseException e) {
      at = null;
    }
    if (at == null) {
      v.error("at", "is required: when the carrier recorded the status, ISO 8601 with offset (2026-11-30T12:00:00Z)");
    }
    JsonNode e = node.get("eventId");
    String eventId = e != null && e.isTextual() ? e.asText() : null;
    if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
      v.error("eventId", "is required: the carrier's id of this event, 1-100 letters, digits, '_', '.', ':' or '-'");
    }
    v.throwIfInvalid();
    return new CarrierStatusEvent(tracking, status, at, eventId);
  }
}
