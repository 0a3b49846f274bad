package dev.storeops.stack.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which Java sources a function's code reaches: its own {@code src/main/java}, and, in the modules of
 * the repository it depends on ({@code dev.storeops} dependencies of its pom and of the poms it
 * inherits from, e.g. {@code storeops-shared} via {@code functions/pom.xml}), the classes its own
 * sources name (by import or fully qualified name).
 *
 * <p>Only directly named classes count, not everything they in turn name: configuration is read in
 * settings factories ({@code FlowSettings.from(Env)}) that a function's Wiring calls, so a variable
 * belongs to the functions that call its factory. Following every class transitively would reach most
 * of shared from any function and demand variables the function never reads.
 */
final class ModuleSources {
  private static final Pattern PARENT = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL);
  private static final Pattern RELATIVE_PATH = Pattern.compile("<relativePath>\\s*([^<]*?)\\s*</relativePath>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
  private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern MANAGEMENT = Pattern.compile("<dependencyManagement>.*?</dependencyManagement>",
      Pattern.DOTALL);
  private static final Pattern GROUP = Pattern.compile("<groupId>\\s*([^<\\s]+)\\s*</groupId>");
  private static final Pattern SCOPE = Pattern.compile("<scope>\\s*([^<\\s]+)\\s*</scope>");
  private static final Pattern CLASS_NAME = Pattern.compile("\\bdev\\.storeops(?:\\.[a-z_][A-Za-z0-9_]*)+(?:\\.[A-Z][A-Za-z0-9_]*)+");

  private final Path repoRoot;
  private Map<String, Path> modulesByArtifact;

  ModuleSources(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  /** The module's own main sources plus the dependency-module sources they name. */
  List<Path> reachedFrom(Path moduleDir) {
    Set<Path> files = new LinkedHashSet<>(javaFiles(moduleDir.resolve("src/main/java")));
    List<Path> roots = new ArrayList<>();
    for (String artifact : storeopsDependencies(moduleDir)) {
      Path dep = modules().get(artifact);
      if (dep != null && !dep.equals(moduleDir)) {
        roots.add(dep.resolve("src/main/java"));
      }
    }
    Set<Path> named = new LinkedHashSet<>();
    for (Path file : files) {
      Matcher m = CLASS_NAME.matcher(read(file));
      while (m.find()) {
        Path found = resolve(roots, m.group());
        if (found != null) {
          named.add(found);
        }
      }
    }
    files.addAll(named);
    return List.copyOf(files);
  }

  /** {@code dev.storeops.a.B.C} → the first of {@code a/B/C.java}, {@code a/B.java} that exists under a root. */
  private static Path resolve(List<Path> roots, String qualified) {
    String name = qualified;
    while (name.contains(".")) {
      for (Path root : roots) {
        Path file = root.resolve(name.replace('.', '/') + ".java");
        if (Files.isRegularFile(file)) {
          return file;
        }
      }
      name = name.substring(0, name.lastIndexOf('.'));
    }
    return null;
  }

  /** Artifact ids of the {@code dev.storeops} compile dependencies of the pom in {@code moduleDir} and its parents. */
  Set<String> storeopsDependencies(Path moduleDir) {
    Set<String> out = new LinkedHashSet<>();
    Path pom = moduleDir.resolve("pom.xml");
    Set<Path> seen = new LinkedHashSet<>();
    while (pom != null && Files.isRegularFile(pom) && pom.normalize().startsWith(repoRoot.normalize())
        && seen.add(pom.normalize())) {
      String text = MANAGEMENT.matcher(read(pom)).replaceAll("");
      Matcher d = DEPENDENCY.matcher(text);
      while (d.find()) {
        String block = d.group(1);
        Matcher g = GROUP.matcher(block);
        Matcher a = ARTIFACT.matcher(block);
        Matcher s = SCOPE.matcher(block);
        String scope = s.find() ? s.group(1) : "compile";
        if (g.find() && a.find() && (g.group(1).equals("dev.storeops") || g.group(1).equals("${project.groupId}"))
            && !scope.equals("test")) {
          out.add(a.group(1));
        }
      }
      Matcher parent = PARENT.matcher(text);
      if (!parent.find()) {
        break;
      }
      Matcher rel = RELATIVE_PATH.matcher(parent.group(1));
      Path relative = Path.of(rel.find() ? rel.group(1) : "../pom.xml");
      Path next = pom.getParent().resolve(relative).normalize();
      pom = Files.isDirectory(next) ? next.resolve("pom.xml") : next;
    }
    return out;
  }

  /** Every module of the repository (a folder with a pom.xml, at most 2 levels down) by its artifactId. */
  private Map<String, Path> modules() {
    if (modulesByArtifact == null) {
      modulesByArtifact = new LinkedHashMap<>();
      try (Stream<Path> poms = Files.walk(repoRoot, 3)) {
        for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
          String text = PARENT.matcher(read(pom)).replaceFirst("");
          Matcher a = ARTIFACT.matcher(text);
          if (a.find()) {
            modulesByArtifact.putIfAbsent(a.group(1), pom.getParent());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return modulesByArtifact;
  }

  static List<Path> javaFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
