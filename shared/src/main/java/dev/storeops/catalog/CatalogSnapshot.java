package dev.storeops.catalog;

import java.util.List;
import java.util.Map;

/** Products and their stock per warehouse, read together for one order. */
public record CatalogSnapshot(Map<String, Product> products, Map<String, List<StockLevel>> stock) {}
