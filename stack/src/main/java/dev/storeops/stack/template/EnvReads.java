package dev.storeops.stack.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the environment variables a module's code reads: the string literals passed to {@code
 * Env.required/optional/optionalInt} and {@code System.getenv}. Names are literals by convention so
 * that this check can see them.
 */
public final class EnvReads {
  private static final Pattern READ = Pattern.compile(
      "(?:\\.(?:required|optional|optionalInt|optionalLong|optionalBoolean)|System\\.getenv)\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");

  private static final Pattern SETTINGS_FACTORY = Pattern.compile("static\\s+[\\w.<>]+\\s+from\\(\\s*(?:final\\s+)?(?:[\\w.]+\\.)?Env\\s+\\w+\\s*\\)");

  private EnvReads() {}

  /** Names read by the Java sources under {@code sourceRoot} (empty if it does not exist). */
  public static Set<String> in(Path sourceRoot) {
    return inFiles(ModuleSources.javaFiles(sourceRoot));
  }

  /** Names read by the given Java files. */
  public static Set<String> inFiles(Collection<Path> files) {
    Set<String> names = new TreeSet<>();
    for (Path file : files) {
      names.addAll(inText(read(file)));
    }
    return names;
  }

  /** Names read by one source text. */
  public static Set<String> inText(String source) {
    Set<String> names = new TreeSet<>();
    Matcher m = READ.matcher(source);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Whether a shared source may read variables: only in a settings factory, a {@code static ... from(Env
   * env)} method that a function's Wiring calls (so the check can tie each read to the functions that
   * call it).
   */
  public static boolean isSettingsFactory(String source) {
    return SETTINGS_FACTORY.matcher(source).find();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Variables that Lambda itself sets, or that point a client at an emulator: not the template's job. */
  public static boolean providedByPlatform(String name) {
    return name.startsWith("AWS_") || name.equals("LAMBDA_TASK_ROOT") || name.equals("_HANDLER");
  }
}
