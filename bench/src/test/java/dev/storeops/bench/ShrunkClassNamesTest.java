package dev.storeops.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Where ProGuard shrinks the storeops code (order-events and stock-import, at class level:
 * functions/&lt;name&gt;/proguard.pro), it keeps a class that code reaches, but not a class named only in a kept
 * class's generic signature or annotation — a record's {@code List<Line>} component, a {@code @JsonSubTypes} entry —
 * which Jackson needs when it binds the record. This finds such a class: every storeops class named anywhere in the
 * unshrunk version of a class the final jar kept (descriptors, signatures, annotations) must be in the final jar.
 * A gap is fixed by a {@code -keep} line in the function's rules. The jars are the build's own (package phase).
 */
class ShrunkClassNamesTest {
  private static final Pattern NAMED = Pattern.compile("L(dev/storeops/[A-Za-z0-9_/$]+);");

  @Test
  void everyStoreopsClassAKeptClassNamesIsInTheFinalJar() throws IOException {
    List<Path[]> pairs = shrunkJars();
    assertFalse(pairs.isEmpty(), "no function jar shrunk by ProGuard found under functions/*/target");
    List<String> gaps = new ArrayList<>();
    for (Path[] pair : pairs) {
      for (String gap : namedButDropped(pair[0], pair[1])) {
        gaps.add(pair[1].getFileName() + ": " + gap);
      }
    }
    assertTrue(gaps.isEmpty(), "classes named by a kept class but dropped by ProGuard (add a -keep):\n"
        + String.join("\n", gaps));
  }

  /** The check can fail: stock-import's jar without ValidOrder$Line, which ValidOrder names in its lines' type. */
  @Test
  void aRecordsComponentTypeLeftOutIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path base = RepoRoot.find().resolve("functions/stock-import/target/stock-import_proguard_base.jar");
    Path shrunk = dir.resolve("stock-import.jar");
    try (ZipFile in = new ZipFile(base.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(shrunk))) {
      for (String name : List.of("dev/storeops/ordering/ValidOrder.class",
          "dev/storeops/ordering/ValidOrder$DeliveryChoice.class")) {
        out.putNextEntry(new ZipEntry(name));
        try (var bytes = in.getInputStream(in.getEntry(name))) {
          bytes.transferTo(out);
        }
        out.closeEntry();
      }
    }
    List<String> gaps = namedButDropped(base, shrunk);
    assertTrue(gaps.contains("dev/storeops/ordering/ValidOrder -> dev/storeops/ordering/ValidOrder$Line"),
        String.valueOf(gaps));
    assertFalse(gaps.stream().anyMatch(g -> g.endsWith("ValidOrder$DeliveryChoice")), String.valueOf(gaps));
  }

  /** Each function jar that ProGuard wrote, with the shaded jar it read: {base, final}. */
  private static List<Path[]> shrunkJars() throws IOException {
    List<Path[]> pairs = new ArrayList<>();
    try (Stream<Path> modules = Files.list(RepoRoot.find().resolve("functions"))) {
      for (Path module : modules.sorted().toList()) {
        String name = module.getFileName().toString();
        Path base = module.resolve("target/" + name + "_proguard_base.jar");
        Path shrunk = module.resolve("target/" + name + ".jar");
        if (Files.isRegularFile(base) && Files.isRegularFile(shrunk)) {
          pairs.add(new Path[] {base, shrunk});
        }
      }
    }
    return pairs;
  }

  /** "A -> B" for every storeops class B that the base version of a class A of {@code shrunk} names, absent from it. */
  static List<String> namedButDropped(Path base, Path shrunk) throws IOException {
    Set<String> kept = new TreeSet<>();
    try (ZipFile out = new ZipFile(shrunk.toFile())) {
      out.stream().map(ZipEntry::getName).filter(n -> n.startsWith("dev/storeops/") && n.endsWith(".class"))
          .forEach(n -> kept.add(n.substring(0, n.length() - ".class".length())));
    }
    List<String> gaps = new ArrayList<>();
    try (ZipFile in = new ZipFile(base.toFile())) {
      for (String cls : kept) {
        ZipEntry entry = in.getEntry(cls + ".class");
        assertTrue(entry != null, cls + " is in " + shrunk.getFileName() + " but not in " + base.getFileName());
        byte[] bytes;
        try (var stream = in.getInputStream(entry)) {
          bytes = stream.readAllBytes();
        }
        // the constant pool's UTF-8 entries are plain ASCII for these names: descriptors, signatures, annotations
        Matcher m = NAMED.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        Set<String> named = new TreeSet<>();
        while (m.find()) {
          named.add(m.group(1));
        }
        for (String n : named) {
          if (!kept.contains(n)) {
            gaps.add(cls + " -> " + n);
          }
        }
      }
    }
    return gaps;
  }
}
