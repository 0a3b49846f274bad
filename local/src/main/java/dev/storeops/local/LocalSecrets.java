package dev.storeops.local;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.ids.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets local mode generates once and keeps in {@code .local/secrets.json} (git-ignored): the key
 * that signs staff tokens and the values of the template's NoEcho parameters (webhook and
 * unsubscribe secrets), so tokens and signed links stay valid across restarts.
 */
public record LocalSecrets(byte[] jwtKey, String webhookSecret, String unsubscribeSecret) {

  public static LocalSecrets loadOrCreate(Path localDir) {
    Path file = localDir.resolve("secrets.json");
    try {
      Files.createDirectories(localDir);
      Map<String, String> values = new LinkedHashMap<>();
      if (Files.exists(file)) {
        values.putAll(Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
      }
      boolean changed = false;
      for (String name : new String[] {"jwtKey", "webhookSecret", "unsubscribeSecret"}) {
        if (values.get(name) == null || values.get(name).length() < 32) {
          values.put(name, Ids.token(32));
          changed = true;
        }
      }
      if (changed) {
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(values));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // best effort on file systems without POSIX permissions
        }
      }
      return new LocalSecrets(Base64.getUrlDecoder().decode(values.get("jwtKey")),
          values.get("webhookSecret"), values.get("unsubscribeSecret"));
    } catch (IOException | IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException("cannot read or write " + file + ": " + e.getMessage(), e));
    }
  }
}
