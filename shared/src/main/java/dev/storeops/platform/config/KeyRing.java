package dev.storeops.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of one secret that can be rotated without breaking what is in flight: the {@code current}
 * key signs (and verifies), the {@code previous} key (optional) still verifies. Each key has a short
 * id; tokens name the id of the key that made them. Rotation: the old current becomes previous, a new
 * current with a new id is deployed, and once nothing made with the old key can still arrive the
 * previous key is dropped (docs/operations.md).
 */
public record KeyRing(Key current, Key previous) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  /** One key: its id and secret (at least 16 characters). */
  public record Key(String id, String secret) {
    public Key {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException("a key id must be 1-16 letters, digits, '-' or '_': " + id);
      }
      if (secret == null || secret.length() < 16) {
        throw new IllegalArgumentException("the secret of key " + id + " must have at least 16 characters");
      }
    }

    @Override
    public String toString() {
      return "Key[" + id + "]"; // never the secret
    }
  }

  public KeyRing {
    if (current == null) {
      throw new IllegalArgumentException("a current key is required");
    }
    if (previous != null && previous.id().equals(current.id())) {
      throw new IllegalArgumentException("the previous key needs an id other than the current one (" + current.id() + ")");
    }
  }

  /** Current and (when its secret is set) previous key; a blank previous secret means "none". */
  public static KeyRing of(String currentId, String currentSecret, String previousId, String previousSecret) {
    Key previous = previousSecret == null || previousSecret.isBlank() ? null : new Key(previousId, previousSecret);
    return new KeyRing(new Key(currentId, currentSecret), previous);
  }

  /** Only one key (no rotation in progress). */
  public static KeyRing single(String id, String secret) {
    return new KeyRing(new Key(id, secret), null);
  }

  /** The keys that verify: current first, then previous. */
  public List<Key> verifying() {
    List<Key> keys = new ArrayList<>(2);
    keys.add(current);
    if (previous != null) {
      keys.add(previous);
    }
    return keys;
  }

  /** The verifying key with this id. */
  public Optional<Key> byId(String id) {
    return verifying().stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
