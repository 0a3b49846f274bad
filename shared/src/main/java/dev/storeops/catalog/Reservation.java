package dev.storeops.catalog;

/** Stock reserved for an order: {@code qty} units of {@code sku} in {@code warehouse}. Released exactly once. */
public record Reservation(String sku, String warehouse, int qty) {}
