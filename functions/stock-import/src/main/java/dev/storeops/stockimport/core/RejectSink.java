package dev.storeops.stockimport.core;

/** Receives every rejected row as it is found (the service streams them into the rejected-rows CSV). */
@FunctionalInterface
public interface RejectSink {
  void accept(Rejection rejection);

  RejectSink NONE = r -> { };
}
