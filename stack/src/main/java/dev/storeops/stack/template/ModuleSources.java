package dev.storeops.stack.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * <p>From a shared class the walk goes on only if that class mentions {@code Env}: configuration is
 * read in settings factories ({@code FlowSettings.from(Env)}) that a function's Wiring calls (or that
 * such a factory calls in turn), so a variable belongs to the functions that reach its factory with
 * their {@code Env}. A class that never sees an {@code Env} can neither read a variable nor hand the
 * {@code Env} on. Following every class transitively would reach most of shared from any function and
 * demand variables the function never reads.
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
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final Pattern ENV = Pattern.compile("\\bEnv\\b");
  private static final Pattern CLASS_NAME = Pattern.compile("\\bdev\\.storeops(?:\\.[a-z_][A-Za-z0-9_]*)+(?:\\.[A-Z][A-Za-z0-9_]*)+");

  private final Path repoRoot;
  private Map<String, Path> modulesByArtifact;

  ModuleSources(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  /** The module's own main sources plus the dependency-module sources they reach (see the class comment). */
  List<Path> reachedFrom(Path moduleDir) {
    return walk(moduleDir, true);
  }

  /**
   * The module's own main sources plus every dependency-module source they reach by naming a class,
   * transitively (no {@code Env} filter): all the code a function can run. Class-level, so it
   * over-approximates (a class reached for one method brings all its methods).
   */
  List<Path> allReachedFrom(Path moduleDir) {
    return walk(moduleDir, false);
  }

  private List<Path> walk(Path moduleDir, boolean onlyEnv) {
    List<Path> own = javaFiles(moduleDir.resolve("src/main/java"));
    List<Path> roots = new ArrayList<>();
    for (String artifact : storeopsDependencies(moduleDir)) {
      Path dep = modules().get(artifact);
      if (dep != null && !dep.equals(moduleDir)) {
        roots.add(dep.resolve("src/main/java"));
      }
    }
    Set<Path> ownSet = Set.copyOf(own);
    Set<Path> seen = new LinkedHashSet<>(own);
    List<Path> files = new ArrayList<>();
    Deque<Path> next = new ArrayDeque<>(own);
    while (!next.isEmpty()) {
      Path file = next.poll();
      String text = COMMENT.matcher(read(file)).replaceAll(" ");
      boolean isOwn = ownSet.contains(file);
      if (onlyEnv && !isOwn && !ENV.matcher(text).find()) {
        continue; // a shared class that never sees an Env reads no variable and hands none on
      }
      files.add(file);
      Set<Path> named = new LinkedHashSet<>();
      Matcher m = CLASS_NAME.matcher(text);
      while (m.find()) {
        Path found = resolve(roots, m.group());
        if (found != null) {
          named.add(found);
        }
      }
      if (!isOwn) {
        named.addAll(samePackageNamed(file, text));
      }
      for (Path found : named) {
        if (seen.add(found)) {
          next.add(found);
        }
      }
    }
    return List.copyOf(files);
  }

  /** Classes of the same package (no import needed) that {@code text} names by their simple name. */
  private static List<Path> samePackageNamed(Path file, String text) {
    List<Path> out = new ArrayList<>();
    for (Path sibling : javaFiles(file.getParent())) {
      if (!sibling.getParent().equals(file.getParent()) || sibling.equals(file)) {
        continue;
      }
      String simple = sibling.getFileName().toString().replace(".java", "");
      if (Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(text).find()) {
        out.add(sibling);
      }
    }
    return out;
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
