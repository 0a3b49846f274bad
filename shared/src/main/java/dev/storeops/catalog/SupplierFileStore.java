package dev.storeops.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supplier bucket as staff see it (docs/stock-import.md): profiles, the import reports
 * {@code reports/<supplier>/<stamp>-<file>.json} and time-limited links to read or upload a file.
 */
public interface SupplierFileStore {
  /** Whether {@code profiles/<supplierId>.json} exists. */
  boolean hasProfile(String supplierId);

  /** Suppliers that have a profile or import reports. */
  List<String> suppliers();

  /** Names ({@code <stamp>-<file>}, no {@code .json}) of the supplier's reports after {@code afterName}, oldest first. */
  List<String> reportNames(String supplierId, String afterName);

  /** The report as parsed JSON (maps, lists, values); empty when there is none. */
  Optional<Map<String, Object>> report(String supplierId, String name);

  /** A presigned GET of {@code key}, valid for {@code ttl}. */
  URI presignGet(String key, Duration ttl);

  /** A presigned PUT of {@code key}, valid for {@code ttl}. */
  URI presignPut(String key, Duration ttl);
}
