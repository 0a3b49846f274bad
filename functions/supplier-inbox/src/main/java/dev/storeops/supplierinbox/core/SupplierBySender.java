package dev.storeops.supplierinbox.core;

import dev.storeops.catalog.suppliers.SupplierContact;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rule: a mail belongs to the supplier whose profile lists its sender address in {@code senders} —
 * the whole address, compared without regard to case (RFC 5321 allows case-sensitive local parts, but no
 * mail system of a supplier relies on it); no domain wildcards. An address listed by two suppliers
 * matches neither (the mail is quarantined and names both).
 */
public final class SupplierBySender {
  private SupplierBySender() {}

  /** The match: {@code supplierId} when exactly one supplier lists the address, else a reason. */
  public record Match(Optional<String> supplierId, String reason) {}

  public static Match find(String address, List<SupplierContact> suppliers) {
    if (address == null || address.isBlank()) {
      return new Match(Optional.empty(), "the message has no sender address (From)");
    }
    String wanted = normalise(address);
    List<String> owners = suppliers.stream()
        .filter(s -> s.senders().stream().anyMatch(a -> normalise(a).equals(wanted)))
        .map(SupplierContact::supplierId).distinct().sorted().toList();
    if (owners.isEmpty()) {
      return new Match(Optional.empty(), "unknown sender " + address + ": no supplier profile lists it in senders");
    }
    if (owners.size() > 1) {
      return new Match(Optional.empty(), "sender " + address + " is listed by several suppliers: "
          + String.join(", ", owners));
    }
    return new Match(Optional.of(owners.get(0)), null);
  }

  static String normalise(String address) {
    String a = address.trim();
    if (a.startsWith("<") && a.endsWith(">")) {
      a = a.substring(1, a.length() - 1);
    }
    return a.toLowerCase(Locale.ROOT);
  }
}
