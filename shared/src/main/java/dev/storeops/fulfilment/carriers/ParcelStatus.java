package dev.storeops.fulfilment.carriers;

/**
 * Where a parcel is, in the shop's words (docs/carriers.md): every carrier's own status codes map onto
 * these ({@link CarrierStatusPolicy}). {@link #DELIVERED}, {@link #REFUSED} and {@link #NOT_COLLECTED}
 * are final: the parcel is not looked at again.
 */
public enum ParcelStatus {
  IN_TRANSIT, READY_FOR_PICKUP, DELIVERED, REFUSED, NOT_COLLECTED;

  public boolean isFinal() {
    return this == DELIVERED || this == REFUSED || this == NOT_COLLECTED;
  }
}
