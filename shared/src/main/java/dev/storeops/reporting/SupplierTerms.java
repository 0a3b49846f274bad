package dev.storeops.reporting;

import java.util.List;
import java.util.Optional;

/** The suppliers and their delivery lead times (the purchase list's input). */
public interface SupplierTerms {
  List<String> suppliers();

  Optional<Integer> leadTimeDays(String supplierId);
}
