package dev.storeops.ordering;

import dev.storeops.customers.ErasedReferences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An erased customer's orders stay for accounting, anonymised (docs/privacy.md): lines, prices,
 * totals, delivery option and cost, city, payments, shipment, status and dates are kept, so sales
 * figures and the books do not change; the customer id becomes the erased reference, the street
 * address goes, and free text written about the customer (call reasons, status-change reasons, the
 * cancel reason) is replaced by {@link ErasedReferences#REDACTED}. The order's access token hash goes
 * too (nobody is left to hold the token). Plain Java over the order item's attributes as plain values
 * (the order's fields plus what fulfilment keeps on it), so it covers every attribute the item has.
 */
public final class OrderAnonymisation {
  /** Attributes removed from the order. */
  static final Set<String> REMOVED = Set.of("accessTokenHash");
  /** Free-text attributes replaced by {@link ErasedReferences#REDACTED}. */
  static final Set<String> FREE_TEXT = Set.of("cancelReason");
  /** Free text inside each entry of these lists. */
  static final Map<String, String> FREE_TEXT_IN_LISTS = Map.of("calls", "reason", "statusHistory", "reason");
  /** Personal parts of the delivery. */
  static final Set<String> DELIVERY_REMOVED = Set.of("address");

  private OrderAnonymisation() {}

  /** The order's attributes after its customer was erased ({@code reference} from {@link ErasedReferences#reference}). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> anonymise(Map<String, Object> order, String reference) {
    Map<String, Object> out = new LinkedHashMap<>();
    order.forEach((name, value) -> {
      if (REMOVED.contains(name) || value == null) {
        return;
      }
      if (name.equals("customerId")) {
        out.put(name, reference);
      } else if (FREE_TEXT.contains(name)) {
        out.put(name, ErasedReferences.redact(String.valueOf(value)));
      } else if (FREE_TEXT_IN_LISTS.containsKey(name) && value instanceof List<?> list) {
        String field = FREE_TEXT_IN_LISTS.get(name);
        List<Object> entries = new ArrayList<>();
        for (Object entry : list) {
          if (entry instanceof Map<?, ?> m && m.get(field) != null) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
            copy.put(field, ErasedReferences.REDACTED);
            entries.add(copy);
          } else {
            entries.add(entry);
          }
        }
        out.put(name, entries);
      } else if (name.equals("delivery") && value instanceof Map<?, ?> m) {
        Map<String, Object> delivery = new LinkedHashMap<>((Map<String, Object>) m);
        DELIVERY_REMOVED.forEach(delivery::remove);
        out.put(name, delivery);
      } else {
        out.put(name, value);
      }
    });
    return out;
  }
}
