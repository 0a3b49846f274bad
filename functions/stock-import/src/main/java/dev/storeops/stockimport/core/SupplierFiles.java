package dev.storeops.stockimport.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The supplier bucket, as the import needs it. */
public interface SupplierFiles {
  /** A small object (a profile), or empty when there is none. */
  Optional<byte[]> read(String key);

  /** The download's outcome: the bytes are in the target file only for {@link #OK}. */
  enum Download { OK, MISSING, TOO_LARGE }

  /** Copies the object to {@code target}, stopping (TOO_LARGE) as soon as more than {@code maxBytes} arrive. */
  Download download(String key, String versionId, long maxBytes, Path target) throws IOException;

  void put(String key, byte[] body, String contentType);

  void put(String key, Path file, String contentType);

  /** Moves an object; {@code false} when the source is gone (moved by an earlier delivery). */
  boolean move(String fromKey, String versionId, String toKey);
}
