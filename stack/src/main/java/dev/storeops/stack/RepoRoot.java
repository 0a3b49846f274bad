package dev.storeops.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the storeops checkout (the folder holding template.yaml). */
public final class RepoRoot {
  private RepoRoot() {}

  public static Path find() {
    String configured = System.getProperty("storeops.repo.root");
    if (configured != null && Files.exists(Path.of(configured, "template.yaml"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find the storeops checkout (template.yaml) above "
        + Path.of("").toAbsolutePath() + "; set -Dstoreops.repo.root");
  }
}
