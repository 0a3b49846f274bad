package dev.storeops.stack.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the environment variables a module's code reads: the string literals passed to {@code
 * Env.required/optional/optionalInt} and {@code System.getenv}. Names are literals by convention so
 * that this check can see them.
 */
public final class EnvReads {
  private static final Pattern READ = Pattern.compile(
      "(?:\\.(?:required|optional|optionalInt|optionalLong|optionalBoolean)|System\\.getenv)\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");

  private EnvReads() {}

  /** Names read by the Java sources under {@code sourceRoot} (empty if it does not exist). */
  public static Set<String> in(Path sourceRoot) {
    Set<String> names = new TreeSet<>();
    if (!Files.isDirectory(sourceRoot)) {
      return names;
    }
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = READ.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** Variables that Lambda itself sets, or that point a client at an emulator: not the template's job. */
  public static boolean providedByPlatform(String name) {
    return name.startsWith("AWS_") || name.equals("LAMBDA_TASK_ROOT") || name.equals("_HANDLER");
  }
}
