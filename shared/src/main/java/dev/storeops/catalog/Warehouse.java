package dev.storeops.catalog;

/** A shop warehouse; a city with one gets pickup and courier delivery. */
public record Warehouse(String id, String name, String city) {}
