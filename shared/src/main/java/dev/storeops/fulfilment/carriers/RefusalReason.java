package dev.storeops.fulfilment.carriers;

/**
 * Why a parcel comes back: the carrier could not hand it over ({@link #NOT_DELIVERED}, CDEK's
 * {@code NOT_DELIVERED} and the return to the sender's warehouse), the customer refused it at the door
 * or the office ({@link #REFUSED}), or nobody came for it before the storage time ran out
 * ({@link #NOT_COLLECTED}).
 */
public enum RefusalReason { NOT_DELIVERED, REFUSED, NOT_COLLECTED }
