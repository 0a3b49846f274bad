package dev.storeops.catalog.suppliers;

import java.nio.file.Path;
import java.util.Optional;

/** The supplier bucket as the intake uses it. */
public interface IntakeFiles {
  /** The object's bytes; empty when it is gone (a repeated event after the message was moved). */
  Optional<byte[]> read(String key);

  void put(String key, byte[] body, String contentType);

  void put(String key, Path file, String contentType);

  /** Copy + delete; false when the source is gone. */
  boolean move(String fromKey, String toKey);
}
