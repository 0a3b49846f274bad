package dev.storeops.fulfilment.carriers;

/**
 * The one place a carrier status acts on the order, for the poll and the webhook alike: DELIVERED →
 * {@link ParcelMoves#delivered}; REFUSED / NOT_COLLECTED → {@link ParcelMoves#refused} with the
 * reason; IN_TRANSIT and READY_FOR_PICKUP are only recorded on the parcel. Idempotent, as the moves are.
 */
public final class ApplyParcelStatus {
  /** What the status did: {@code DELIVERED}, {@code REFUSED} (the refusal reported), {@code RECORDED}, {@code UNCHANGED} (the order was past it). */
  public record Outcome(String outcome, ParcelMoves.Moved moved) {
    public String orderStatus() {
      return moved == null || moved.orderStatus() == null ? null : moved.orderStatus().name();
    }
  }

  private final ParcelMoves moves;

  public ApplyParcelStatus(ParcelMoves moves) {
    this.moves = moves;
  }

  public Outcome apply(Parcel parcel, ParcelReading r) {
    return switch (r.status()) {
      case DELIVERED -> {
        ParcelMoves.Moved m = moves.delivered(parcel.orderId(), r.at());
        yield new Outcome(m.changed() ? "DELIVERED" : "UNCHANGED", m);
      }
      case REFUSED, NOT_COLLECTED -> {
        ParcelMoves.Moved m = moves.refused(parcel.orderId(), r.reason(), r.at());
        yield new Outcome(m.changed() ? "REFUSED" : "UNCHANGED", m);
      }
      case IN_TRANSIT, READY_FOR_PICKUP -> new Outcome("RECORDED", null);
    };
  }
}
