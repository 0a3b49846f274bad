package dev.storeops.messaging.flows;

import dev.storeops.platform.batch.DueItem;
import java.time.Instant;

/**
 * Where a due item sits in the due-work index: its kind, its table key ({@code pk}, {@code sk}) and the due
 * sort key it was read at ({@code dueSk}, due at {@code dueAt}). The flows hand it back unchanged to
 * {@link MailFlows#clearDue}/{@link MailFlows#moveDue}, which act only while the item is still due
 * at {@code dueSk} (an order may have moved it meanwhile).
 */
public record DueRef(String kind, String pk, String sk, String dueSk, Instant dueAt) {
  /** The item as {@link dev.storeops.platform.batch.PoisonItems} records its failures. */
  public DueItem item() {
    return new DueItem(kind, pk, sk, dueSk);
  }
}
