package dev.storeops.ordering;

/** How the customer pays. */
public enum PaymentMethod {
  /** Card payment online (prepayment). */
  ONLINE_CARD,
  /** Prepayment by invoice / bank receipt. */
  BANK_TRANSFER,
  /** Cash (or card) to the courier or at pickup. */
  CASH_ON_DELIVERY;

  public boolean prepaid() {
    return this != CASH_ON_DELIVERY;
  }
}
