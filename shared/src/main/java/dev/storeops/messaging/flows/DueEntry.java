package dev.storeops.messaging.flows;

/** A due item of a mail flow, as its {@link DueQueue} read it. */
public interface DueEntry {
  /** Where it sits in the due-work index. */
  DueRef due();
}
