package dev.storeops.catalog.suppliers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the intake reads from a supplier's profile ({@code profiles/<supplierId>.json}, docs/stock-import.md):
 * the addresses it mails its files from ({@code senders}) and the URL it publishes them at ({@code feed}).
 * Every other profile field belongs to the import and is ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SupplierContact(String supplierId, List<String> senders, Feed feed) {

  /** {@code {"url": "https://…", "schedule": "cron(…)" or "rate(…)"}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Feed(String url, String schedule) {}

  public SupplierContact {
    senders = senders == null ? List.of() : senders.stream().filter(s -> s != null && !s.isBlank())
        .map(String::trim).toList();
  }
}
