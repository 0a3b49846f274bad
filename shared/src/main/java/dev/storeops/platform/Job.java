package dev.storeops.platform;

import java.util.Map;

/** One scheduled job; {@code run} is idempotent (a schedule may fire twice) and returns its figures. */
@FunctionalInterface
public interface Job {
  Map<String, Object> run();
}
