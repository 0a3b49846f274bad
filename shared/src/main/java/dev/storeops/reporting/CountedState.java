package dev.storeops.reporting;

/**
 * How the reports have counted an order so far. The transitions are {@code NONE → ACTIVE → CANCELLED}
 * (and {@code NONE → CANCELLED} when the first version seen is already cancelled); a cancelled order
 * never changes again. Each transition is applied once: the per-order "counted" item holds the state
 * and every aggregate update is conditional on it.
 */
public enum CountedState { NONE, ACTIVE, CANCELLED }
