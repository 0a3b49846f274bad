package dev.storeops.catalog.suppliers;

import java.util.List;

/** The suppliers' contacts, read from their profiles; a profile that cannot be read is left out (and logged). */
public interface SupplierDirectory {
  List<SupplierContact> all();
}
