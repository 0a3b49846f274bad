package dev.storeops.catalog;

/** Kinds of delivery: pickup at a shop warehouse, the shop's courier, or a parcel service. */
public enum DeliveryMethod { PICKUP, COURIER, PARCEL }
