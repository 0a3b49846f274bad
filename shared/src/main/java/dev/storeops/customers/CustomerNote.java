package dev.storeops.customers;

import java.time.Instant;

/**
 * A free-text note by staff about a customer ({@code POST /staff/customers/{id}/notes}): shown in the
 * dossier newest first. A note is personal data: in the customer's export, deleted at erasure
 * (docs/privacy.md).
 *
 * @param by the staff member who wrote it (the token's {@code sub})
 */
public record CustomerNote(String id, String customerId, String text, String by, Instant at) {}
